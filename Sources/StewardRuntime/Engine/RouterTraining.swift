import StewardCore
import StewardRouter

/// The router's training data: every skill's intents plus Steward's system intents.
public enum RouterTraining {
    /// Examples and keywords from the skills' manifests and the system intents.
    ///
    /// - Parameter excluding: Skill ids whose intents are left out (skills announced as coming soon).
    public static func data(for registry: SkillRegistry, excluding: Set<String> = [])
        -> (examples: [TrainingExample], keywords: [String: [String]])
    {
        var intents = SystemIntent.manifest
        for entry in registry.entries where !excluding.contains(entry.manifest.id) {
            intents.merge(entry.manifest.intents) { a, _ in a }
        }
        var examples: [TrainingExample] = []
        var keywords: [String: [String]] = [:]
        for (name, intent) in intents.sorted(by: { $0.key < $1.key }) {
            examples += intent.examples.map { TrainingExample(text: $0, intent: name) }
            if !intent.keywords.isEmpty { keywords[name] = intent.keywords }
        }
        return (examples, keywords)
    }
}

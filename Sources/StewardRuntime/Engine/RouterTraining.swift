import Foundation
import StewardCore
import StewardRouter

/// The router's training data: every skill's intents plus Steward's system intents and the
/// out-of-scope class (`oos`), with each example's language where its file names one.
public enum RouterTraining {
    /// Examples and keywords from the skills' manifests and example files, the system intents,
    /// and the out-of-scope examples.
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
            for (language, lines) in intent.examplesByLanguage.sorted(by: { $0.key < $1.key }) {
                examples += lines.map { TrainingExample(text: $0, intent: name, language: language) }
            }
            if !intent.keywords.isEmpty { keywords[name] = intent.keywords }
        }
        for (language, lines) in SystemIntent.outOfScopeExamples.sorted(by: { $0.key < $1.key }) {
            examples += lines.map { TrainingExample(text: $0, intent: TrainingData.outOfScopeIntent, language: language) }
        }
        return (examples, keywords)
    }
}

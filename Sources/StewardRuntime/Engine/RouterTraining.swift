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

    /// The examples of a folder laid out as `<lang>/<intent>.txt` (the `router.examples` setting).
    ///
    /// - Throws: ``ConfigurationError`` naming `router.examples` when the folder is missing or malformed.
    public static func extraExamples(folder: URL) throws -> [TrainingExample] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            let exists = FileManager.default.fileExists(atPath: folder.path)
            throw ConfigurationError.invalidValue(
                key: "router.examples",
                expected: "a folder of <lang>/<intent>.txt files (\(folder.path) \(exists ? "is a file" : "does not exist"))")
        }
        let files: [String: [String: [String]]]
        do { files = try ExampleFiles.read(folder: folder) } catch {
            throw ConfigurationError.invalidValue(key: "router.examples", expected: error.description)
        }
        var examples: [TrainingExample] = []
        for (intent, byLanguage) in files.sorted(by: { $0.key < $1.key }) {
            for (language, lines) in byLanguage.sorted(by: { $0.key < $1.key }) {
                examples += lines.map { TrainingExample(text: $0, intent: intent, language: language) }
            }
        }
        return examples
    }
}

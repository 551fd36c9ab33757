import Foundation
import StewardCore

/// Intents the runtime answers itself, trained into the router beside the skills' intents.
public enum SystemIntent: String, Sendable, CaseIterable {
    case greeting = "system.greeting"
    case thanks = "system.thanks"
    case goodbye = "system.goodbye"
    case cancel = "system.cancel"
    case human = "system.human"
    case capabilities = "system.capabilities"
    case complaint = "system.complaint"

    /// The examples and keywords that train the router for the system intents: the keywords below,
    /// the examples from `Sources/StewardRuntime/Intents/<lang>/system.<name>.txt`.
    static let manifest: [String: SkillManifest.Intent] = {
        var result = keywordManifest
        for (intent, byLanguage) in files where intent.hasPrefix("system.") {
            result[intent, default: .init()].examplesByLanguage = byLanguage
        }
        return result
    }()

    /// Messages no skill and no system intent should take (`Intents/<lang>/oos.txt`), by language.
    static var outOfScopeExamples: [String: [String]] { files["oos"] ?? [:] }

    /// The example files shipped with the runtime, by intent and language.
    private static let files: [String: [String: [String]]] = {
        guard let folder = Bundle.module.url(forResource: "Intents", withExtension: nil) else { return [:] }
        return (try? ExampleFiles.read(folder: folder)) ?? [:]
    }()

    private static let keywordManifest: [String: SkillManifest.Intent] = [
        SystemIntent.greeting.rawValue: .init(
            keywords: ["hello", "hi", "hey", "good morning"]),
        SystemIntent.thanks.rawValue: .init(
            keywords: ["thanks", "thank you", "cheers"]),
        SystemIntent.goodbye.rawValue: .init(
            keywords: ["bye", "goodbye"]),
        SystemIntent.cancel.rawValue: .init(
            keywords: ["never mind", "nevermind", "forget it", "cancel that"]),
        SystemIntent.human.rawValue: .init(
            keywords: [
                "agent", "human", "real person", "talk to someone", "representative", "operator",
                "live chat", "konsultant", "człowiek", "mitarbeiter", "persona", "humain",
            ]),
        SystemIntent.complaint.rawValue: .init(
            keywords: ["not what i asked", "not what i meant", "wrong answer", "you don't understand"]),
        SystemIntent.capabilities.rawValue: .init(
            keywords: ["what can you do"]),
    ]
}

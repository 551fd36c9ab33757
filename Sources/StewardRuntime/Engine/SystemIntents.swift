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
            keywords: ["hello", "hi", "hey", "good morning"],
            examples: [
                "hi", "hello", "hey there", "good morning", "good afternoon", "hello, anyone there?",
                "hi steward", "hey, how are you", "cześć", "dzień dobry", "hallo", "guten tag", "hola", "buenos días",
                "bonjour", "salut", "안녕하세요",
            ]),
        SystemIntent.thanks.rawValue: .init(
            keywords: ["thanks", "thank you", "cheers"],
            examples: [
                "thanks", "thank you", "thanks a lot", "thank you so much", "great, thanks", "perfect thank you",
                "cheers", "that helps, thanks", "appreciate it", "dziękuję", "dzięki", "danke", "gracias", "merci",
                "감사합니다",
            ]),
        SystemIntent.goodbye.rawValue: .init(
            keywords: ["bye", "goodbye"],
            examples: [
                "bye", "goodbye", "see you", "that's all", "that is all for now", "nothing else, bye", "have a nice day",
                "do widzenia", "tschüss", "adiós", "au revoir",
            ]),
        SystemIntent.cancel.rawValue: .init(
            keywords: ["never mind", "nevermind", "forget it", "cancel that", "stop"],
            examples: [
                "never mind", "nevermind", "forget it", "cancel that", "stop", "forget about it", "no, stop",
                "let's drop it", "skip that", "not anymore", "i changed my mind", "nieważne", "zapomnij",
                "vergiss es", "olvídalo", "laisse tomber",
            ]),
        SystemIntent.human.rawValue: .init(
            keywords: [
                "agent", "human", "real person", "talk to someone", "representative", "operator", "customer service",
                "live chat", "konsultant", "człowiek", "mitarbeiter", "persona", "humain",
            ],
            examples: [
                "talk to a human", "i want to speak to a real person", "agent please", "can i talk to someone",
                "connect me to customer service", "get me a representative", "i need a human", "human please",
                "let me speak to an agent", "is there a person i can talk to", "transfer me to an operator",
                "i want to talk to somebody real", "live agent", "speak to a manager", "chcę rozmawiać z człowiekiem",
                "połącz mnie z konsultantem", "ich möchte mit einem mitarbeiter sprechen",
                "quiero hablar con una persona", "je veux parler à un humain", "상담원 연결해 주세요",
            ]),
        SystemIntent.complaint.rawValue: .init(
            keywords: ["not what i asked", "not what i meant", "wrong answer", "you don't understand"],
            examples: [
                "no, that's not what i asked", "that's not what i meant", "wrong answer", "that's wrong",
                "you didn't understand me", "that doesn't answer my question", "no that is not it",
                "this is not helpful", "you're not listening", "that's not my question", "useless answer",
                "nie o to pytałem", "das habe ich nicht gefragt", "eso no es lo que pregunté", "ce n'est pas ma question",
            ]),
        SystemIntent.capabilities.rawValue: .init(
            keywords: ["what can you do", "help"],
            examples: [
                "what can you do", "what can you help me with", "help", "what are you", "who are you",
                "what do you do", "how can you help", "are you a bot", "options", "menu", "what can i ask you",
            ]),
    ]
}

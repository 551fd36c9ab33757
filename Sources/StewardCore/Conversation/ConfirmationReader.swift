import StewardRouter

/// The phrase lists behind ``Confirmation`` and ``ConversationCue`` (placeholder: to be replaced by the full lexicon).
struct ConfirmationReader: Sendable {
    static let shared = ConfirmationReader()

    func read(_ text: String) -> Confirmation {
        let words = Tokenizer().words(text)
        guard let first = words.first else { return .neither }
        if ["no", "nie", "nej", "nein", "non"].contains(first) { return .no }
        if ["yes", "sure", "tak", "ja", "si", "oui"].contains(first) { return words.count <= 3 ? .yes : .unclear }
        return .neither
    }

    func cue(_ text: String) -> ConversationCue? {
        let normalized = Tokenizer().words(text).joined(separator: " ")
        switch normalized {
        case "cancel", "never mind", "nevermind", "stop", "quit", "exit": return .stop
        case "hold on", "one sec": return .hold
        case "go back": return .resume
        case "ok", "k", "thanks": return .acknowledgement
        case "that s all": return .closing
        default: return nil
        }
    }
}

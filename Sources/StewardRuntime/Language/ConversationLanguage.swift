/// A conversation's language and how it was set; kept with the session.
public struct ConversationLanguage: Sendable, Hashable, Codable {
    /// How the language was set, which decides what may change it.
    public enum Source: String, Sendable, Hashable, Codable {
        /// Detected from a message with less than the lock confidence: the next message that is
        /// long enough and clear enough may change it.
        case detected
        /// Detected with at least `language.lock_confidence`: short or unclear messages ("ok", an
        /// order number) no longer change it; only another message detected with that confidence does.
        case locked
        /// The customer's explicit choice (`language` in the pipe, `/language` in the chat):
        /// detection never changes it.
        case chosen
    }

    /// An ISO 639-1 code (`en`, `pl`, …); possibly one the shop does not serve.
    public var code: String
    public var source: Source

    public init(code: String, source: Source) {
        self.code = code
        self.source = source
    }
}

/// Everything the conversation layer reads from one short message, worked out once: the answer it
/// gives to a yes-or-no question, the conversation cue it is, and whether it opens with a request for time.
///
/// The same as calling ``Confirmation/read(_:)``, ``ConversationCue/detect(_:)`` and
/// ``ConversationCue/startsWithHold(_:)``, for a third of the cost (the message is normalised once).
public struct MessageReading: Sendable, Hashable {
    /// The message as an answer to a yes-or-no question.
    public let confirmation: Confirmation
    /// The cue the whole message is, if any.
    public let cue: ConversationCue?
    /// True when the message opens with a request for time and carries no answer (see ``ConversationCue/startsWithHold(_:)``).
    public let startsWithHold: Bool

    /// - Parameters:
    ///   - text: The customer's message as typed.
    ///   - readsAnswer: false skips reading it as an answer (``confirmation`` is then ``Confirmation/neither``),
    ///     for a caller that knows no yes-or-no question is open and will not use it.
    public init(_ text: String, readsAnswer: Bool = true) {
        let reader = ConfirmationReader.shared
        let words = ConfirmationReader.words(text)
        confirmation = readsAnswer ? reader.read(words: words, text: text) : .neither
        let cueWords = ConfirmationReader.cueWords(from: words)
        cue = reader.cue(words: cueWords, text: text)
        startsWithHold = cue == nil && reader.startsWithHold(words: cueWords, text: text)
    }
}

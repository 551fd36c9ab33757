/// One labelled utterance used to train or evaluate the router.
public struct TrainingExample: Sendable, Hashable, Codable {
    /// The user message, as typed.
    public var text: String
    /// The intent the message expresses; `TrainingData.outOfScopeIntent` marks out-of-scope messages.
    public var intent: String
    /// The ISO 639-1 code of the message's language (`en`, `pl`, `sv`, …), when known.
    public var language: String?

    /// Creates an example from a message, its intent and, when known, its language.
    public init(text: String, intent: String, language: String? = nil) {
        self.text = text
        self.intent = intent
        self.language = language
    }

    /// Whether the example is labelled out-of-scope.
    public var isOutOfScope: Bool { intent == TrainingData.outOfScopeIntent }
}

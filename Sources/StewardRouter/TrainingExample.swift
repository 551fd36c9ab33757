/// One labelled utterance used to train or evaluate the router.
public struct TrainingExample: Sendable, Hashable, Codable {
    /// The user message, as typed.
    public var text: String
    /// The intent the message expresses; `TrainingData.outOfScopeIntent` marks out-of-scope messages.
    public var intent: String

    /// Creates an example from a message and its intent.
    public init(text: String, intent: String) {
        self.text = text
        self.intent = intent
    }

    /// Whether the example is labelled out-of-scope.
    public var isOutOfScope: Bool { intent == TrainingData.outOfScopeIntent }
}

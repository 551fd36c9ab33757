/// Why an intent scored as it did for a message: the features and keywords that weighed most.
public struct Explanation: Sendable, Hashable {
    /// The intent explained.
    public var intent: String
    /// The message's features with the largest contributions to the intent's score, largest first.
    public var terms: [TermWeight]
    /// The intent's keywords found in the message.
    public var keywords: [String]

    /// Creates an explanation.
    public init(intent: String, terms: [TermWeight], keywords: [String]) {
        self.intent = intent
        self.terms = terms
        self.keywords = keywords
    }
}

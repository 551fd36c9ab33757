/// One intent's standing for a message: its raw model score and its confidence.
public struct IntentScore: Sendable, Hashable {
    /// The intent name.
    public var intent: String
    /// The raw model score (a logit, keyword boosts included); comparable only within one message.
    public var score: Double
    /// The calibrated probability-like confidence in [0, 1].
    public var confidence: Double

    /// Creates a score.
    public init(intent: String, score: Double, confidence: Double) {
        self.intent = intent
        self.score = score
        self.confidence = confidence
    }
}

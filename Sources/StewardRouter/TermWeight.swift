/// One feature of a message and its contribution to an intent's score.
public struct TermWeight: Sendable, Hashable {
    /// The feature, readable: a word (`refund`), a word pair (`my order`), or a character n-gram (`chars: "rde"`).
    public var term: String
    /// The contribution to the score (feature value times learned weight); negative values argue against the intent.
    public var weight: Double

    /// Creates a term weight.
    public init(term: String, weight: Double) {
        self.term = term
        self.weight = weight
    }
}

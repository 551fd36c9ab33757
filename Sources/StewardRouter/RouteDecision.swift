/// What the router decided for one message: a match, an ambiguity between candidates, or no match.
public struct RouteDecision: Sendable, Hashable {
    /// The kind of decision.
    public enum Kind: String, Sendable, Hashable {
        /// The top intent cleared both the threshold and the margin.
        case match
        /// The top intent cleared the threshold but a runner-up is too close.
        case ambiguous
        /// No intent is confident enough.
        case noMatch = "no_match"
    }

    /// The kind of decision.
    public var kind: Kind
    /// The ranked candidate intents, best first.
    public var ranked: [IntentScore]

    /// Creates a decision.
    public init(kind: Kind, ranked: [IntentScore]) {
        self.kind = kind
        self.ranked = ranked
    }

    /// The best-ranked intent, whatever the decision.
    public var top: IntentScore? { ranked.first }

    /// The matched intent, only when `kind == .match`.
    public var intent: String? { kind == .match ? ranked.first?.intent : nil }

    /// The candidates worth offering the user when the decision is ambiguous: those within the margin's reach of the top.
    public func candidates(within gap: Double) -> [IntentScore] {
        guard let best = ranked.first else { return [] }
        return ranked.filter { best.confidence - $0.confidence <= gap }
    }
}

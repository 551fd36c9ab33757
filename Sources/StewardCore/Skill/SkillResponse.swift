/// What happened to the customer's request after a skill answered.
public enum SkillOutcome: Sendable, Hashable {
    /// The request was answered.
    case resolved
    /// The skill asked a question and keeps the turn; the next message goes back to it.
    case needsInput
    /// The skill cannot help with this request; the reason is for the team and the logs.
    case cannotResolve(reason: String)

    /// The wire name: `resolved`, `needs_input` or `cannot_resolve`.
    public var name: String {
        switch self {
        case .resolved: "resolved"
        case .needsInput: "needs_input"
        case .cannotResolve: "cannot_resolve"
        }
    }
}

/// A skill's answer: text, optional cards and quick replies, and the outcome.
public struct SkillResponse: Sendable {
    /// The reply text, complete on its own (channels without cards show only text and links).
    public var text: String
    /// Structured cards (see ``Card/Kind``: order, coupon, product, loyalty, subscription, article, or a skill's own).
    public var cards: [Card]
    /// Quick replies to offer.
    public var suggestions: [Suggestion]
    /// Whether the request was resolved, needs more input, or cannot be resolved.
    public var outcome: SkillOutcome
    /// The skill's memory after this turn; `nil` keeps it as it was.
    public var state: SkillState?
    /// The email the skill verified in this turn (order number plus matching email).
    public var verifiedEmail: String?
    /// Facts for the person who may pick up the conversation, e.g. `["order": "#1001"]`.
    public var facts: [String: String]

    public init(
        text: String, cards: [Card] = [], suggestions: [Suggestion] = [],
        outcome: SkillOutcome = .resolved, state: SkillState? = nil, verifiedEmail: String? = nil,
        facts: [String: String] = [:]
    ) {
        self.text = text
        self.cards = cards
        self.suggestions = suggestions
        self.outcome = outcome
        self.state = state
        self.verifiedEmail = verifiedEmail
        self.facts = facts
    }

    /// A question that keeps the turn with the skill, remembering `state`.
    public static func ask(
        _ text: String, state: SkillState, suggestions: [Suggestion] = [], facts: [String: String] = [:]
    ) -> SkillResponse {
        SkillResponse(text: text, suggestions: suggestions, outcome: .needsInput, state: state, facts: facts)
    }

    /// An answer that ends the skill's task and clears its memory.
    public static func answer(
        _ text: String, cards: [Card] = [], suggestions: [Suggestion] = [], verifiedEmail: String? = nil,
        facts: [String: String] = [:]
    ) -> SkillResponse {
        SkillResponse(
            text: text, cards: cards, suggestions: suggestions, outcome: .resolved, state: SkillState(),
            verifiedEmail: verifiedEmail, facts: facts)
    }

    /// A polite refusal that hands the request to the fallback policy.
    public static func cannotResolve(_ text: String, reason: String, facts: [String: String] = [:]) -> SkillResponse {
        SkillResponse(text: text, outcome: .cannotResolve(reason: reason), state: SkillState(), facts: facts)
    }
}

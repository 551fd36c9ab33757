import Foundation
import StewardCore

/// What one reply of a conversation script must look like; every field is optional.
///
/// Text comparisons named `…_contains` ignore case. Checks run in the order of the fields below,
/// and the first that fails is reported.
public struct ReplyExpectation: Sendable, Hashable {
    /// The skill that answered (`system` for Steward's own answers).
    public var skill: String?
    /// The intent acted on.
    public var intent: String?
    /// `resolved`, `needs_input`, `cannot_resolve`, `no_match`, `ambiguous`, `handoff_offered`, …
    public var outcome: String?
    /// The whole reply text, exactly.
    public var text: String?
    /// Pieces the reply text must contain.
    public var textContains: [String] = []
    /// Pieces the reply text must not contain.
    public var textNotContains: [String] = []
    /// The number of cards.
    public var cardCount: Int?
    /// The cards, in order (when given, there must be exactly this many).
    public var cards: [CardExpectation]?
    /// Cards that must be among the reply's cards, in any order.
    public var cardsContain: [CardExpectation] = []
    /// The number of quick replies.
    public var suggestionCount: Int?
    /// Quick replies that must be offered: each matches a suggestion's title (contains, ignoring
    /// case) or its action (exactly).
    public var suggestionsContain: [String] = []
    /// After the turn, the conversation's newest ticket must look like this (`.none`: no ticket).
    public var handoffTicket: TicketExpectation?

    public init() {}

    /// True when nothing is checked.
    public var isEmpty: Bool { self == ReplyExpectation() }

    /// The first way `reply` differs from the expectation, or nil when it matches.
    func difference(from reply: AgentReply) -> Difference? {
        if let skill, reply.skill != skill { return Difference("skill", skill, reply.skill ?? "none") }
        if let intent, reply.intent != intent { return Difference("intent", intent, reply.intent ?? "none") }
        if let outcome, reply.outcome != outcome { return Difference("outcome", outcome, reply.outcome) }
        if let text, reply.text != text { return Difference("text", text, reply.text) }
        for piece in textContains where !reply.text.localizedCaseInsensitiveContains(piece) {
            return Difference("text_contains", "text containing \"\(piece)\"", reply.text)
        }
        for piece in textNotContains where reply.text.localizedCaseInsensitiveContains(piece) {
            return Difference("text_not_contains", "text without \"\(piece)\"", reply.text)
        }
        if let cardCount, reply.cards.count != cardCount {
            return Difference("cards", "\(cardCount) card(s)", Self.describe(reply.cards))
        }
        if let cards {
            if reply.cards.count != cards.count {
                return Difference("cards", "\(cards.count) card(s)", Self.describe(reply.cards))
            }
            for (index, (expected, card)) in zip(cards, reply.cards).enumerated() {
                if let problem = expected.mismatch(card) {
                    return Difference("cards[\(index)]", problem.expected, problem.actual)
                }
            }
        }
        for (index, expected) in cardsContain.enumerated() where !reply.cards.contains(where: { expected.mismatch($0) == nil }) {
            return Difference("cards_contain[\(index)]", "a card with \(expected)", Self.describe(reply.cards))
        }
        if let suggestionCount, reply.suggestions.count != suggestionCount {
            return Difference("suggestions", "\(suggestionCount) suggestion(s)", Self.describe(reply.suggestions))
        }
        for wanted in suggestionsContain
        where !reply.suggestions.contains(where: { $0.title.localizedCaseInsensitiveContains(wanted) || $0.action == wanted }) {
            return Difference("suggestions_contain", "a suggestion \"\(wanted)\"", Self.describe(reply.suggestions))
        }
        return nil
    }

    static func describe(_ cards: [Card]) -> String {
        guard !cards.isEmpty else { return "no cards" }
        return "\(cards.count) card(s): " + cards.map { "\($0.kind.rawValue) \"\($0.title)\"" }.joined(separator: ", ")
    }

    static func describe(_ suggestions: [Suggestion]) -> String {
        guard !suggestions.isEmpty else { return "no suggestions" }
        return suggestions.map { s in s.action.map { "\"\(s.title)\" (\($0))" } ?? "\"\(s.title)\"" }.joined(separator: ", ")
    }

    /// One check that failed: what was checked, what was expected, what came.
    struct Difference: Sendable, Hashable {
        var check: String
        var expected: String
        var actual: String

        init(_ check: String, _ expected: String, _ actual: String) {
            self.check = check
            self.expected = expected
            self.actual = actual
        }
    }
}

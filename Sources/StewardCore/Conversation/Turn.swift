import Foundation

/// One message in a conversation, from the customer, the agent or a person on the team.
public struct Turn: Sendable, Hashable, Codable {
    /// Who wrote a turn.
    public enum Role: String, Sendable, Hashable, Codable {
        case customer
        case agent
        case human
        case system
    }

    /// When the message was written.
    public var timestamp: Date
    /// Who wrote it.
    public var role: Role
    /// The text, with secrets masked.
    public var text: String
    /// The intent the router found (customer turns) or answered (agent turns).
    public var intent: String?
    /// The skill that answered, for agent turns.
    public var skill: String?
    /// The name of the person who wrote it, for human turns.
    public var author: String?
    /// For customer turns: what came of the message (`resolved`, `needs_input`, `no_match`, `ambiguous`,
    /// `handoff_offered`, …), as in the reply's `outcome`.
    public var outcome: String?
    /// For customer turns: the router's confidence in the intent acted on (0...1), when there was one.
    public var confidence: Double?
    /// For customer turns: the host's id of the message (the pipe's `id`), when it gave one; a burst
    /// of messages answered together keeps one turn, with its own id, per message.
    public var messageID: String?

    public init(
        timestamp: Date = Date(), role: Role, text: String, intent: String? = nil,
        skill: String? = nil, author: String? = nil, outcome: String? = nil, confidence: Double? = nil,
        messageID: String? = nil
    ) {
        self.messageID = messageID
        self.outcome = outcome
        self.confidence = confidence
        self.timestamp = timestamp
        self.role = role
        self.text = text
        self.intent = intent
        self.skill = skill
        self.author = author
    }
}

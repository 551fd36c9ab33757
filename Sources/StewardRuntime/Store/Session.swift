import Foundation
import StewardCore

/// One conversation's state: its history, the customer, and the task a skill is working on.
public struct Session: Sendable, Hashable, Codable {
    /// A task a skill started and has not finished (it asked a question).
    public struct Task: Sendable, Hashable, Codable {
        public var skill: String
        public var intent: String
        /// The router's confidence when the task started.
        public var confidence: Double
        public var state: SkillState
        /// How many times in a row the skill asked its question again without getting closer to an
        /// answer (the state it returned was unchanged); nil is 0. See ``HandoffConfiguration/maxReasks``.
        public var reasks: Int?
    }

    public var id: String
    public var channel: Channel
    public var customer: Customer
    /// The conversation's turns, oldest first, with timestamps: all of them, or only the most recent
    /// when the store left older ones out on loading a long conversation (see ``earlierTurnCount``).
    public var turns: [Turn]
    /// How many turns came before ``turns`` and were left out when the session was loaded
    /// (0 when ``turns`` is the whole conversation). ``SessionStore/turns(session:before:)`` reads them.
    public var earlierTurnCount: Int = 0
    /// The task waiting for the customer's answer.
    public var active: Task?
    /// Tasks put aside when the customer changed topic; the latest last.
    public var interrupted: [Task]
    /// The skills that answered in this conversation, each once, in the order they first did.
    public var skillsUsed: [String]
    /// True once the conversation was handed to the team.
    public var routedToTeam: Bool
    /// The fallback and handoff state.
    public var fallback: FallbackState
    /// Facts the skills reported (order involved, what the tools returned), for a handoff summary.
    public var facts: [String: String]
    /// The conversation's language and how it was set; nil until a message tells it.
    public var language: ConversationLanguage?
    public var createdAt: Date
    public var updatedAt: Date

    /// How many turns the conversation has had, including those left out of ``turns``.
    public var turnCount: Int { earlierTurnCount + turns.count }

    // `earlierTurnCount` describes what a load left out, not the conversation: it is not stored.
    enum CodingKeys: String, CodingKey {
        case id, channel, customer, turns, active, interrupted, skillsUsed, routedToTeam, fallback, facts, language, createdAt
        case updatedAt
    }

    public init(id: String, channel: Channel = .webchat, customer: Customer = .anonymous, now: Date = Date()) {
        self.id = id
        self.channel = channel
        self.customer = customer
        self.turns = []
        self.active = nil
        self.interrupted = []
        self.skillsUsed = []
        self.routedToTeam = false
        self.fallback = FallbackState()
        self.facts = [:]
        self.createdAt = now
        self.updatedAt = now
    }
}


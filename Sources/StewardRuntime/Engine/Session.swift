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
    }

    public var id: String
    public var channel: Channel
    public var customer: Customer
    /// Every turn, oldest first, with timestamps.
    public var turns: [Turn]
    /// The task waiting for the customer's answer.
    public var active: Task?
    /// Tasks put aside when the customer changed topic; the latest last.
    public var interrupted: [Task]
    /// The skills that answered in this conversation.
    public var skillsUsed: [String]
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, channel: Channel = .webchat, customer: Customer = .anonymous, now: Date = Date()) {
        self.id = id
        self.channel = channel
        self.customer = customer
        self.turns = []
        self.active = nil
        self.interrupted = []
        self.skillsUsed = []
        self.createdAt = now
        self.updatedAt = now
    }
}

/// Where sessions are kept between messages.
///
/// Implementations must be safe to call from many conversations at once. The engine calls
/// `load` and `save` for one session from one task at a time.
public protocol SessionStore: Sendable {
    /// The session with this id, or nil for a new conversation.
    func load(id: String) async throws -> Session?
    /// Stores the session as it is now.
    func save(_ session: Session) async throws
    /// Forgets a session.
    func delete(id: String) async throws
}

/// Keeps sessions in memory for the life of the process.
public actor InMemorySessionStore: SessionStore {
    private var sessions: [String: Session] = [:]

    public init() {}

    public func load(id: String) async throws -> Session? { sessions[id] }
    public func save(_ session: Session) async throws { sessions[session.id] = session }
    public func delete(id: String) async throws { sessions[id] = nil }
}

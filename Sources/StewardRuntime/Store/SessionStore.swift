import Foundation
import StewardCore

/// Where sessions are kept between messages.
///
/// Implementations must be safe to call from many conversations at once. The engine calls
/// `load` and `save` for one session from one task at a time.
///
/// A store may load only a long conversation's most recent turns, to keep memory flat however long
/// conversations get: it then sets ``Session/earlierTurnCount``, and ``turns(session:before:)``
/// returns the turns it left out (the engine reads them for a ticket's transcript).
public protocol SessionStore: Sendable {
    /// The session with this id, or nil for a new conversation.
    func load(id: String) async throws -> Session?
    /// Stores the session as it is now: its fields, and the turns added since it was loaded.
    func save(_ session: Session) async throws
    /// The session's first `end` turns, oldest first: those a loaded session left out.
    func turns(session id: String, before end: Int) async throws -> [Turn]
    /// Forgets a session.
    func delete(id: String) async throws
    /// The sessions last updated in `[from, to)`, for statistics.
    func sessions(updatedFrom from: Date, to: Date) async throws -> [Session]
}

/// Keeps sessions, with every turn, in memory for the life of the process.
public actor InMemorySessionStore: SessionStore {
    private var sessions: [String: Session] = [:]

    public init() {}

    public func load(id: String) async throws -> Session? { sessions[id] }
    public func save(_ session: Session) async throws { sessions[session.id] = session }
    public func turns(session id: String, before end: Int) async throws -> [Turn] {
        Array((sessions[id]?.turns ?? []).prefix(max(0, end)))
    }
    public func delete(id: String) async throws { sessions[id] = nil }
    public func sessions(updatedFrom from: Date, to: Date) async throws -> [Session] {
        sessions.values.filter { $0.updatedAt >= from && $0.updatedAt < to }.sorted { $0.updatedAt < $1.updatedAt }
    }
}

import Foundation

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
    /// The sessions last updated in `[from, to)`, for statistics.
    func sessions(updatedFrom from: Date, to: Date) async throws -> [Session]
}

/// Keeps sessions in memory for the life of the process.
public actor InMemorySessionStore: SessionStore {
    private var sessions: [String: Session] = [:]

    public init() {}

    public func load(id: String) async throws -> Session? { sessions[id] }
    public func save(_ session: Session) async throws { sessions[session.id] = session }
    public func delete(id: String) async throws { sessions[id] = nil }
    public func sessions(updatedFrom from: Date, to: Date) async throws -> [Session] {
        sessions.values.filter { $0.updatedAt >= from && $0.updatedAt < to }.sorted { $0.updatedAt < $1.updatedAt }
    }
}

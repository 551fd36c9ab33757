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
    /// Stores the session as ``save(_:)`` does and, in the same transaction, records the messages
    /// it answered, so a crash cannot keep one without the other. Keeps only the
    /// ``AnsweredMessage/retainedPerSession`` most recent answered ids of the session.
    func save(_ session: Session, answering answered: [AnsweredMessage]) async throws
    /// The record of the message `messageID` of session `session`, when it was answered and is still
    /// kept; nil otherwise.
    func answeredMessage(session: String, messageID: String) async throws -> AnsweredMessage?
    /// The session's first `end` turns, oldest first: those a loaded session left out.
    func turns(session id: String, before end: Int) async throws -> [Turn]
    /// Forgets a session and its answered message ids.
    func delete(id: String) async throws
    /// The sessions last updated in `[from, to)`, for statistics.
    func sessions(updatedFrom from: Date, to: Date) async throws -> [Session]

    /// Takes the session for this caller until ``release(session:)``, waiting while anyone else holds it
    /// (another task of this process, or another process sharing the store), so that the session is
    /// loaded, answered and saved by one writer at a time and never from a stale copy.
    ///
    /// A store one process owns needs nothing (the default does nothing); ``SessionQueues`` already
    /// serialises a session's messages within the process.
    /// - Throws: The store's error when the claim cannot be written.
    func claim(session id: String) async throws
    /// Gives up the session taken with ``claim(session:)`` (nothing when it is not held).
    func release(session id: String) async throws
    /// Stores the session as ``save(_:answering:)`` does and, when the store also keeps the team's
    /// replies, marks `delivered` (whose turns are in `session`) as delivered in the same transaction.
    ///
    /// - Returns: True when the store marked the replies delivered atomically with the session; false
    ///   when the caller must mark them (``TicketStore/markRepliesDelivered(_:)``), as the default does.
    /// - Throws: ``SessionConflict`` when a reply was delivered meanwhile or the session changed
    ///   underneath this copy (nothing is written), or the store's error.
    func save(_ session: Session, answering answered: [AnsweredMessage], delivering delivered: [HumanReply]) async throws
        -> Bool
}

extension SessionStore {
    public func claim(session id: String) async throws {}
    public func release(session id: String) async throws {}
    public func save(_ session: Session, answering answered: [AnsweredMessage], delivering delivered: [HumanReply])
        async throws -> Bool
    {
        try await save(session, answering: answered)
        return false
    }
}

/// Keeps sessions, with every turn, in memory for the life of the process.
public actor InMemorySessionStore: SessionStore {
    private var sessions: [String: Session] = [:]
    /// Each session's answered messages, oldest first, at most ``AnsweredMessage/retainedPerSession``.
    private var answered: [String: [AnsweredMessage]] = [:]

    public init() {}

    public func load(id: String) async throws -> Session? { sessions[id] }
    public func save(_ session: Session) async throws { sessions[session.id] = session }
    public func save(_ session: Session, answering messages: [AnsweredMessage]) async throws {
        sessions[session.id] = session
        guard !messages.isEmpty else { return }
        var kept = answered[session.id] ?? []
        let ids = Set(messages.map(\.messageID))
        kept.removeAll { ids.contains($0.messageID) }
        kept += messages
        if kept.count > AnsweredMessage.retainedPerSession {
            kept.removeFirst(kept.count - AnsweredMessage.retainedPerSession)
        }
        answered[session.id] = kept
    }
    public func answeredMessage(session: String, messageID: String) async throws -> AnsweredMessage? {
        answered[session]?.last { $0.messageID == messageID }
    }
    public func turns(session id: String, before end: Int) async throws -> [Turn] {
        Array((sessions[id]?.turns ?? []).prefix(max(0, end)))
    }
    public func delete(id: String) async throws {
        sessions[id] = nil
        answered[id] = nil
    }
    public func sessions(updatedFrom from: Date, to: Date) async throws -> [Session] {
        sessions.values.filter { $0.updatedAt >= from && $0.updatedAt < to }.sorted { $0.updatedAt < $1.updatedAt }
    }
}

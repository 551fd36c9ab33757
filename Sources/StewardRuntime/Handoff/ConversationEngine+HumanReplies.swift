import Foundation
import StewardCore

extension ConversationEngine {
    /// Delivers the team's replies still pending for a session: each is added to the session as a
    /// `.human` turn and marked delivered in the same transaction (with ``SQLiteStore``), under the
    /// session's claim, so a reply is delivered exactly once whichever processes serve the session.
    ///
    /// Call it through the session's queue so the replies keep their place among its messages.
    /// - Returns: One reply line per delivered reply (`from: human`, `outcome: human_reply`), oldest
    ///   first; empty when nothing was pending (another process delivered it, or there was none).
    /// - Throws: The store's error.
    public func deliverPendingReplies(session id: String) async throws -> [AgentReply] {
        try await deliverPending(session: id, only: nil)
    }

    /// Delivers one reply of the team if it is still pending (see ``deliverPendingReplies(session:)``).
    ///
    /// - Returns: The reply line for the session.
    /// - Throws: ``TeamReplyError/notPending(sequence:)`` when it was delivered already (by this or
    ///   another process) or is unknown, or the store's error.
    public func deliver(_ reply: HumanReply) async throws -> AgentReply {
        guard let line = try await deliverPending(session: reply.sessionID, only: reply.sequence).first else {
            throw TeamReplyError.notPending(sequence: reply.sequence)
        }
        return line
    }

    private func deliverPending(session id: String, only sequence: Int64?) async throws -> [AgentReply] {
        guard let tickets else { return [] }
        return try await exclusively(session: id) { () async throws -> [AgentReply] in
            let pending = try await tickets.pendingReplies(session: id).filter { sequence == nil || $0.sequence == sequence }
            guard !pending.isEmpty else { return [] }
            var session = try await store.load(id: id) ?? Session(id: id)
            for reply in pending {
                session.turns.append(Turn(timestamp: reply.createdAt, role: .human, text: reply.text, author: reply.author))
            }
            session.updatedAt = Date()
            if try await !store.save(session, answering: [], delivering: pending) {
                // A session store apart from the ticket store: marked just after the session is stored.
                try await tickets.markRepliesDelivered(pending.map(\.sequence))
            }
            let language = replyLanguage(for: session)
            return pending.map { reply in
                AgentReply(
                    session: id, replyTo: nil, text: reply.text, skill: "handoff", intent: nil, confidence: nil,
                    outcome: "human_reply", channel: session.channel, from: .human, author: reply.author,
                    language: language)
            }
        }
    }

    /// Watches the ticket store for the team's replies that are pending (by any process, written before
    /// or after the start) and hands each one for a session accepted by `wants` to `emit`, and the others
    /// to `waiting` (to be delivered when their session is next served), until the task is cancelled.
    ///
    /// Every reply pending at the start is handed over first (`ready` is called once `waiting` has
    /// those of other sessions), then each new reply once, within `pollSeconds` of being written. Handing over delivers nothing: `emit` delivers (``deliver(_:)``,
    /// ``deliverPendingReplies(session:)``), exactly once across processes.
    public func followHumanReplies(
        pollSeconds: Double = 0.5, wants: @escaping @Sendable (String) -> Bool,
        emit: @escaping @Sendable (HumanReply) async -> Void,
        waiting: @escaping @Sendable (HumanReply) -> Void = { _ in }, ready: @escaping @Sendable () -> Void = {}
    ) async {
        guard let tickets else { return ready() }
        var cursor = (try? await tickets.lastReplySequence()) ?? 0
        var replies = (try? await tickets.pendingReplies(session: nil)) ?? []
        for reply in replies where !wants(reply.sessionID) { waiting(reply) }
        // The replies that wait for a session are known before the first message is read.
        ready()
        replies.removeAll { !wants($0.sessionID) }
        while !Task.isCancelled {
            for reply in replies {
                cursor = max(cursor, reply.sequence)
                if wants(reply.sessionID) { await emit(reply) } else { waiting(reply) }
            }
            try? await Task.sleep(for: .seconds(pollSeconds))
            replies = (try? await tickets.replies(after: cursor)) ?? []
        }
    }
}

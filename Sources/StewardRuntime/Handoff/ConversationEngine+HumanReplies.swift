import Foundation
import StewardCore

extension ConversationEngine {
    /// Records a person's reply in the customer's session and returns it as a reply to send.
    ///
    /// Call it through the session's queue so it keeps its place among the session's messages.
    public func deliver(_ reply: HumanReply) async throws -> AgentReply {
        var session = try await store.load(id: reply.sessionID) ?? Session(id: reply.sessionID)
        session.turns.append(Turn(timestamp: reply.createdAt, role: .human, text: reply.text, author: reply.author))
        session.updatedAt = Date()
        try await store.save(session)
        return AgentReply(
            session: reply.sessionID, replyTo: nil, text: reply.text, skill: "handoff", intent: nil, confidence: nil,
            outcome: "human_reply", channel: session.channel, from: .human, author: reply.author,
            language: replyLanguage(for: session))
    }

    /// Watches the ticket store for the team's replies written after now (by any process) and
    /// hands each one for a session accepted by `wants` to `emit`, until the task is cancelled.
    public func followHumanReplies(
        pollSeconds: Double = 0.5, wants: @escaping @Sendable (String) -> Bool,
        emit: @escaping @Sendable (HumanReply) async -> Void
    ) async {
        guard let tickets else { return }
        var cursor = (try? await tickets.lastReplySequence()) ?? 0
        while !Task.isCancelled {
            if let replies = try? await tickets.replies(after: cursor) {
                for reply in replies {
                    cursor = max(cursor, reply.sequence)
                    if wants(reply.sessionID) { await emit(reply) }
                }
            }
            try? await Task.sleep(for: .seconds(pollSeconds))
        }
    }
}

import Foundation
import StewardCore

extension ConversationEngine {
    /// Answers one or more messages of one session as one turn, at most once per message id.
    ///
    /// - A message whose id the session already answered (see ``SessionStore/answeredMessage(session:messageID:)``)
    ///   gets that reply again with ``AgentReply/duplicate`` set, and changes nothing: no turn, no
    ///   fallback count, no ticket.
    /// - A message whose id appears earlier in `messages` is a duplicate of that one and gets its reply, marked.
    /// - The other messages are answered together: each becomes its own customer turn (carrying its
    ///   id), the router sees their texts joined with spaces, and each gets the one reply, with
    ///   ``AgentReply/mergedIDs`` listing the ids when there is more than one message.
    /// - Messages without an id are never duplicates.
    ///
    /// Calls for one session must not overlap (``SessionQueues`` serialises them), which makes the
    /// duplicate check and the recording of the answer one step for that session.
    ///
    /// - Parameter messages: Messages of one session, oldest first; more than one only for a burst
    ///   (see ``BurstPolicy``), whose messages carry text rather than an `action`.
    /// - Returns: One reply per message, in the order given.
    /// - Throws: ``EngineError`` for a message that cannot be taken, or the store's error.
    public func respond(to messages: [IncomingMessage]) async throws -> [AgentReply] {
        // Whatever the transport: an identifier is never shortened to another conversation's.
        for message in messages {
            if let problem = Identifier.problem(message.session, field: "session")
                ?? message.id.flatMap({ Identifier.problem($0, field: "id") })
            {
                throw EngineError.invalidIdentifier(problem)
            }
        }
        // One writer per session, across processes sharing the store: the duplicate check, the answer
        // and the save run under the session's claim.
        guard let session = messages.first?.session else { return [] }
        return try await exclusively(session: session) { try await respondClaimed(to: messages) }
    }

    /// ``respond(to:)-([IncomingMessage])`` with the session claimed.
    private func respondClaimed(to messages: [IncomingMessage]) async throws -> [AgentReply] {
        var fresh: [IncomingMessage] = []
        var stored: [String: AgentReply] = [:]  // ids answered before this call
        var freshIDs: Set<String> = []
        for message in messages {
            guard let id = message.id else {
                fresh.append(message)
                continue
            }
            if stored[id] != nil || freshIDs.contains(id) { continue }
            if let record = try await store.answeredMessage(session: message.session, messageID: id) {
                stored[id] = record.replayed(replyingTo: id)
            } else {
                freshIDs.insert(id)
                fresh.append(message)
            }
        }
        let answer: AgentReply? = fresh.isEmpty ? nil : try await respondOnce(to: fresh)
        var replied: Set<String> = []
        return messages.compactMap { message -> AgentReply? in
            guard let id = message.id else {
                var reply = answer
                reply?.replyTo = nil
                return reply
            }
            if let earlier = stored[id] { return earlier }
            guard var reply = answer else { return nil }
            reply.replyTo = id
            // A second copy of an id within the same call is a duplicate of the first.
            if !replied.insert(id).inserted { reply.duplicate = true }
            return reply
        }
    }

    /// Answers `messages` (none of them answered before) as one turn and records their ids with the reply.
    func respondOnce(to received: [IncomingMessage]) async throws -> AgentReply {
        guard let sessionID = received.last?.session else { throw EngineError.emptyMessage }
        let stored = try await store.load(id: sessionID)
        // Secrets are masked before anything is stored, logged, ticketed or given to a skill; a burst's
        // texts together and after the session's previous message, so a secret split between them is
        // masked in each (ConversationEngine+SplitSecrets).
        let (messages, earlierMask) = maskAfterPreviousTurn(received, session: stored)
        guard let last = messages.last else { throw EngineError.emptyMessage }
        var texts: [String] = []
        for message in messages {
            let text = message.text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            guard !text.isEmpty || !(message.action ?? "").isEmpty else { throw EngineError.emptyMessage }
            if let channel = message.channel, !configuration.channels.contains(channel) {
                throw EngineError.channelNotEnabled(channel.rawValue)
            }
            if !text.isEmpty { texts.append(text) }
        }
        let text = texts.joined(separator: " ")
        var combined = last
        combined.text = text.isEmpty ? nil : text
        combined.language = messages.last(where: { $0.language != nil })?.language
        combined.explain = messages.contains { $0.explain }

        var session = stored
            ?? Session(id: last.session, channel: messages.first(where: { $0.channel != nil })?.channel ?? .webchat)
        if let channel = combined.channel { session.channel = channel }
        if let earlierMask { try await storeEarlierTurnMask(earlierMask, session: &session) }
        for message in messages {
            if let customer = message.customer { session.customer = merge(session.customer, with: customer) }
        }

        let masked = text
        // Each message stays its own customer turn, with its id; the router sees them together.
        var turns = messages.map { message in
            let own = message.text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return Turn(role: .customer, text: own.isEmpty ? "[\(message.action ?? "")]" : own, messageID: message.id)
        }
        var turn = Turn(role: .customer, text: masked.isEmpty ? "[\(combined.action ?? "")]" : masked, messageID: last.id)
        if messages.count == 1 { turn = turns[0] }
        // The language is read from what the customer wrote (nothing of it is kept).
        let written = received.compactMap { $0.text?.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        let language = updateLanguage(of: &session, message: combined, text: written.joined(separator: " "))
        var outcome: Decision
        if language.entersUnservedLanguage, let offer = unservedLanguageOffer(session: &session) {
            outcome = offer
        } else {
            outcome = await decideWithFallback(text: masked, action: combined.action, session: &session, turn: turn)
        }
        // The decision is the last message's: earlier messages of a burst carry only their text and id.
        turns[turns.count - 1].intent = outcome.intent
        turns[turns.count - 1].outcome = outcome.name
        turns[turns.count - 1].confidence = outcome.confidence
        session.turns += turns
        if let skill = outcome.skill, skill != "system", skill != "handoff", !session.skillsUsed.contains(skill) {
            session.skillsUsed.append(skill)
        }
        outcome.response = renderer.render(outcome.response, for: session.channel)
        if let trailer = outcome.trailer { outcome.response.text += "\n\n" + trailer }
        session.facts.merge(outcome.response.facts) { _, new in new }
        session.turns.append(
            Turn(role: .agent, text: outcome.response.text, intent: outcome.intent, skill: outcome.skill))
        session.updatedAt = Date()
        if outcome.opensTicket {
            // The ticket is written before the session: a crash between the two loses no ticket.
            session.fallback.ticketID = try await openTicket(for: session)
        }
        var reply = AgentReply(
            session: session.id, replyTo: last.id, text: outcome.response.text, cards: outcome.response.cards,
            suggestions: outcome.response.suggestions, skill: outcome.skill, intent: outcome.intent,
            confidence: outcome.confidence, outcome: outcome.name, channel: session.channel,
            routing: combined.explain ? trace(text: masked, rule: outcome.rule) : nil, language: replyLanguage(for: session))
        let ids = messages.compactMap(\.id)
        if messages.count > 1 { reply.mergedIDs = ids }
        let now = Date()
        let records = ids.map { AnsweredMessage(messageID: $0, reply: reply, answeredAt: now) }
        SessionLimits.apply(to: &session)
        try await store.save(session, answering: records)
        return reply
    }
}

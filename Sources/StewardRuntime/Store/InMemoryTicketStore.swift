import Foundation
import StewardCore
import StewardModel

/// Keeps tickets, their delivery outbox and the team's replies in memory for the life of the process.
///
/// Behaves like the SQLite store (the same conformance tests run against both): use it in tests
/// and with `--store memory`.
public actor InMemoryTicketStore: TicketStore {
    /// Why an operation on the in-memory store failed.
    public enum Failure: Error, CustomStringConvertible, Sendable, Equatable {
        /// No ticket has this id.
        case ticketNotFound(id: String)
        /// A ticket with this id already exists.
        case duplicateTicket(id: String)

        /// A sentence describing the problem and how to fix it.
        public var description: String {
            switch self {
            case .ticketNotFound(let id): "No ticket has the id '\(id)'; run `steward tickets list` to see the tickets."
            case .duplicateTicket(let id):
                "A ticket with the id '\(id)' already exists; give the new ticket another id."
            }
        }
    }

    private struct Stored {
        var ticket: Ticket
        /// Insertion order, the tie-break between tickets created at the same instant.
        var order: Int
    }

    private struct QueuedDelivery {
        var entry: OutboxEntry
        var order: Int
    }

    private var tickets: [String: Stored] = [:]
    private var outbox: [String: QueuedDelivery] = [:]
    private var replyLog: [HumanReply] = []
    /// Sequences of the replies delivered to their session.
    private var delivered: Set<Int64> = []
    private var insertions = 0
    /// The ticket of each person on each channel (`channel|key`), as the SQLite store's unique index.
    private var personTickets: [String: String] = [:]
    /// The ``TicketTurnKey`` of every turn of a person's ticket, so appending never scans the transcript.
    private var turnKeys: [String: Set<Int64>] = [:]

    /// Creates an empty store.
    public init() {}

    /// Writes a new ticket and, when `provider` is given, queues its delivery there (due at `createdAt`).
    /// - Throws: ``Failure/duplicateTicket(id:)`` when the id is taken.
    public func create(_ ticket: Ticket, deliverTo provider: String?) async throws {
        try insert(ticket, deliverTo: provider)
    }

    /// Stores a new ticket and queues its delivery, in one actor step.
    private func insert(_ ticket: Ticket, deliverTo provider: String?) throws {
        guard tickets[ticket.id] == nil else { throw Failure.duplicateTicket(id: ticket.id) }
        insertions += 1
        tickets[ticket.id] = Stored(ticket: ticket, order: insertions)
        if let provider {
            outbox[ticket.id] = QueuedDelivery(
                entry: OutboxEntry(ticketID: ticket.id, provider: provider, nextAttemptAt: ticket.createdAt),
                order: insertions)
        }
    }

    /// The ticket with this id.
    public func ticket(id: String) async throws -> Ticket? { tickets[id]?.ticket }

    /// Replaces a ticket's stored fields, as given.
    /// - Throws: ``Failure/ticketNotFound(id:)``.
    public func update(_ ticket: Ticket) async throws {
        guard tickets[ticket.id] != nil else { throw Failure.ticketNotFound(id: ticket.id) }
        tickets[ticket.id]?.ticket = ticket
    }

    /// Changes a ticket and sets its `updatedAt` to now.
    ///
    /// - Parameters:
    ///   - id: The ticket's full id.
    ///   - change: Edits the ticket; its id cannot be changed.
    /// - Returns: The ticket as stored.
    /// - Throws: ``Failure/ticketNotFound(id:)`` or what `change` throws.
    @discardableResult
    public func modifyTicket(id: String, _ change: @Sendable (inout Ticket) throws -> Void) async throws -> Ticket {
        guard var ticket = tickets[id]?.ticket else { throw Failure.ticketNotFound(id: id) }
        try change(&ticket)
        ticket = ticket.maskingTeamText
        ticket.id = id
        ticket.updatedAt = Date()
        tickets[id]?.ticket = ticket
        return ticket
    }

    /// The status of the ticket with this id.
    public func status(ofTicket id: String) async throws -> Ticket.Status? {
        tickets[id]?.ticket.status
    }

    /// Tickets, newest first, optionally of one status.
    public func tickets(status: Ticket.Status?) async throws -> [Ticket] {
        newestFirst { status == nil || $0.status == status }
    }

    /// The newest ticket of a session that is not closed.
    public func activeTicket(sessionID: String) async throws -> Ticket? {
        newestFirst { $0.sessionID == sessionID && $0.status != .closed }.first
    }

    /// The newest ticket (any status) of a customer on a channel.
    ///
    /// `customer` is compared with the ticket's email (ignoring case), its customer profile id and its
    /// session id (on SMS and WhatsApp the session id is the phone number of an anonymous customer).
    public func latestTicket(customer: String, channel: Channel) async throws -> Ticket? {
        let email = customer.lowercased()
        return newestFirst {
            $0.channel == channel
                && ($0.customerEmail?.lowercased() == email || $0.customerProfileID == customer
                    || $0.sessionID == customer)
        }.first
    }

    /// Adds the conversation's new turns to the person's ticket on the channel (reopening it), or writes
    /// `ticket`; one step on the actor, so concurrent calls for one person end in one ticket.
    ///
    /// `customer` is the person's key (``PersonKey``), compared exactly. Appending costs a set lookup per
    /// turn of `ticket.transcript`: the person's transcript is not scanned or copied.
    /// - Throws: ``Failure/duplicateTicket(id:)`` when a new ticket's id is taken.
    public func createOrAppend(_ ticket: Ticket, forCustomer customer: String, deliverTo provider: String?) async throws
        -> TicketPlacement
    {
        // No suspension point between the look-up and the write: the actor runs this as one step.
        let person = ticket.channel.rawValue + "|" + customer
        guard let id = personTickets[person], tickets[id] != nil else {
            try insert(ticket, deliverTo: provider)
            personTickets[person] = ticket.id
            turnKeys[ticket.id] = Set(ticket.transcript.map(TicketTurnKey.of))
            return TicketPlacement(ticketID: ticket.id, created: true)
        }
        for turn in ticket.transcript where turnKeys[id, default: []].insert(TicketTurnKey.of(turn)).inserted {
            tickets[id]?.ticket.transcript.append(turn)
        }
        tickets[id]?.ticket.status = .open
        tickets[id]?.ticket.updatedAt = Date()
        // The ticket follows the person to the conversation they write in now (the team's replies go there).
        tickets[id]?.ticket.sessionID = ticket.sessionID
        for index in replyLog.indices where replyLog[index].ticketID == id && !delivered.contains(replyLog[index].sequence) {
            replyLog[index].sessionID = ticket.sessionID
        }
        return TicketPlacement(ticketID: id, created: false)
    }

    /// Adds a turn to a ticket's transcript; the ticket's `updatedAt` becomes the turn's timestamp when that is later.
    /// - Throws: ``Failure/ticketNotFound(id:)``.
    public func append(_ turn: Turn, toTicket id: String) async throws {
        guard let updated = tickets[id]?.ticket.updatedAt else { throw Failure.ticketNotFound(id: id) }
        // Changed in place: the transcript is not copied.
        tickets[id]?.ticket.transcript.append(turn)
        tickets[id]?.ticket.updatedAt = max(updated, turn.timestamp)
        turnKeys[id]?.insert(TicketTurnKey.of(turn))
    }

    /// Makes `session` the ticket's conversation; pending replies follow it.
    /// - Throws: ``Failure/ticketNotFound(id:)``.
    public func moveTicket(id: String, toSession session: String) async throws {
        guard let current = tickets[id]?.ticket.sessionID else { throw Failure.ticketNotFound(id: id) }
        guard current != session else { return }
        tickets[id]?.ticket.sessionID = session
        for index in replyLog.indices where replyLog[index].ticketID == id && !delivered.contains(replyLog[index].sequence) {
            replyLog[index].sessionID = session
        }
    }

    /// Outbox entries due at `now` and not under a live claim, the earliest due first.
    public func dueDeliveries(at now: Date) async throws -> [OutboxEntry] {
        queued.filter { $0.nextAttemptAt <= now && Self.isFree($0, at: now) }
    }

    /// Every outbox entry not yet delivered, the earliest due first.
    public func pendingDeliveries() async throws -> [OutboxEntry] { queued }

    /// Claims the entry for `worker` until `leaseUntil` when it is due at `now` and no claim on it is live;
    /// one actor step, so of concurrent claimers exactly one gets it. Returns the entry as claimed, or nil.
    public func claimDelivery(ticketID: String, worker: String, at now: Date, leaseUntil: Date) async throws -> OutboxEntry? {
        guard var queued = outbox[ticketID], queued.entry.nextAttemptAt <= now, Self.isFree(queued.entry, at: now) else {
            return nil
        }
        queued.entry.claimedBy = worker
        queued.entry.leaseUntil = leaseUntil
        outbox[ticketID] = queued
        return queued.entry
    }

    /// Drops `worker`'s claim on the entry, counting no attempt; nothing when it does not hold it.
    public func releaseDelivery(ticketID: String, worker: String) async throws {
        guard outbox[ticketID]?.entry.claimedBy == worker else { return }
        outbox[ticketID]?.entry.claimedBy = nil
        outbox[ticketID]?.entry.leaseUntil = nil
    }

    /// Removes the ticket's outbox entry and stores the external reference on the ticket, when `worker`
    /// holds the entry; false (nothing changed) otherwise.
    /// - Throws: ``Failure/ticketNotFound(id:)``.
    @discardableResult
    public func markDelivered(ticketID: String, reference: Ticket.ExternalReference, worker: String) async throws -> Bool {
        guard outbox[ticketID]?.entry.claimedBy == worker else { return false }
        guard tickets[ticketID] != nil else { throw Failure.ticketNotFound(id: ticketID) }
        tickets[ticketID]?.ticket.external = reference
        tickets[ticketID]?.ticket.updatedAt = Date()
        outbox[ticketID] = nil
        return true
    }

    /// Counts a failed attempt, keeps its error, reschedules the entry and releases the claim, when
    /// `worker` holds it; false (nothing changed) otherwise, also when the entry is gone.
    @discardableResult
    public func markFailed(ticketID: String, error: String, nextAttemptAt: Date, worker: String) async throws -> Bool {
        guard var queued = outbox[ticketID], queued.entry.claimedBy == worker else { return false }
        queued.entry.attempts += 1
        queued.entry.lastError = error
        queued.entry.nextAttemptAt = nextAttemptAt
        queued.entry.claimedBy = nil
        queued.entry.leaseUntil = nil
        outbox[ticketID] = queued
        return true
    }

    /// Whether no claim on `entry` is live at `now` (none, or its lease ran out).
    private static func isFree(_ entry: OutboxEntry, at now: Date) -> Bool {
        entry.leaseUntil.map { $0 <= now } ?? true
    }

    /// Stores a person's reply and appends it to the ticket's transcript as a `.human` turn.
    /// - Throws: ``Failure/ticketNotFound(id:)``.
    public func addReply(ticketID: String, author: String, text: String) async throws -> HumanReply {
        // What the team types is masked like what customers type.
        let (author, text) = (SecretMasker.mask(author), SecretMasker.mask(text))
        guard var ticket = tickets[ticketID]?.ticket else { throw Failure.ticketNotFound(id: ticketID) }
        // Rounded like the SQLite store's stored dates; the reply and the transcript turn share it.
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970)
        let reply = HumanReply(
            sequence: (replyLog.last?.sequence ?? 0) + 1, ticketID: ticketID, sessionID: ticket.sessionID,
            author: author, text: text, createdAt: now)
        replyLog.append(reply)
        let turn = Turn(timestamp: now, role: .human, text: text, author: author)
        ticket.transcript.append(turn)
        ticket.updatedAt = now
        tickets[ticketID]?.ticket = ticket
        turnKeys[ticketID]?.insert(TicketTurnKey.of(turn))
        return reply
    }

    /// Replies with a sequence above `sequence`, oldest first.
    public func replies(after sequence: Int64) async throws -> [HumanReply] {
        replyLog.filter { $0.sequence > sequence }
    }

    /// The replies not delivered yet, oldest first, of one session or of all.
    public func pendingReplies(session: String?) async throws -> [HumanReply] {
        replyLog.filter { !delivered.contains($0.sequence) && (session == nil || $0.sessionID == session) }
    }

    /// Marks replies delivered, each only if still pending; returns those this call marked.
    @discardableResult
    public func markRepliesDelivered(_ sequences: [Int64]) async throws -> [Int64] {
        let known = Set(replyLog.map(\.sequence))
        return sequences.filter { known.contains($0) && delivered.insert($0).inserted }
    }

    /// Whether the reply was delivered; nil when there is no such reply.
    public func replyDelivered(sequence: Int64) async throws -> Bool? {
        replyLog.contains { $0.sequence == sequence } ? delivered.contains(sequence) : nil
    }

    /// The highest reply sequence so far (0 when none).
    public func lastReplySequence() async throws -> Int64 { replyLog.last?.sequence ?? 0 }

    private func newestFirst(where matches: (Ticket) -> Bool) -> [Ticket] {
        tickets.values
            .filter { matches($0.ticket) }
            .sorted { ($0.ticket.createdAt, $0.order) > ($1.ticket.createdAt, $1.order) }
            .map(\.ticket)
    }

    private var queued: [OutboxEntry] {
        outbox.values
            .sorted { ($0.entry.nextAttemptAt, $0.order) < ($1.entry.nextAttemptAt, $1.order) }
            .map(\.entry)
    }
}

extension InMemoryTicketStore: TicketTurnRewriting {
    /// Replaces the text of the ticket's turns equal to `turn` (timestamp to the microsecond, role, text) and
    /// marks the new turn as held, so a person's later conversation does not add it again.
    public func replaceText(of turn: Turn, with text: String, inTicket id: String) async throws {
        guard let transcript = tickets[id]?.ticket.transcript else { return }
        var replaced = turn
        replaced.text = text
        for index in transcript.indices where transcript[index].isSameStoredTurn(as: turn) {
            tickets[id]?.ticket.transcript[index].text = text
            turnKeys[id, default: []].insert(TicketTurnKey.of(replaced))
        }
    }
}

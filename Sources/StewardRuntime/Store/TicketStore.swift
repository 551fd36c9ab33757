import Foundation
import StewardCore
import StewardModel

/// A ticket waiting to be delivered to an external helpdesk.
public struct OutboxEntry: Sendable, Hashable {
    public var ticketID: String
    /// The helpdesk to deliver to (`zendesk`, `gorgias`).
    public var provider: String
    /// Delivery attempts made so far.
    public var attempts: Int
    /// When the next attempt is due.
    public var nextAttemptAt: Date
    /// The last attempt's error, without secrets.
    public var lastError: String?
    /// The worker delivering it now (``TicketStore/claimDelivery(ticketID:worker:at:leaseUntil:)``), or nil.
    public var claimedBy: String?
    /// Until when that worker's claim holds; afterwards another worker may take the entry (``OutboxLease``).
    public var leaseUntil: Date?

    public init(
        ticketID: String, provider: String, attempts: Int = 0, nextAttemptAt: Date, lastError: String? = nil,
        claimedBy: String? = nil, leaseUntil: Date? = nil
    ) {
        self.ticketID = ticketID
        self.provider = provider
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.claimedBy = claimedBy
        self.leaseUntil = leaseUntil
    }
}

/// A message a person on the team wrote to a customer, to be shown in the customer's session.
public struct HumanReply: Sendable, Hashable {
    /// Increases with every reply; processes follow new replies by it.
    public var sequence: Int64
    public var ticketID: String
    public var sessionID: String
    /// The person's display name.
    public var author: String
    public var text: String
    public var createdAt: Date

    public init(sequence: Int64, ticketID: String, sessionID: String, author: String, text: String, createdAt: Date) {
        self.sequence = sequence
        self.ticketID = ticketID
        self.sessionID = sessionID
        self.author = author
        self.text = text
        self.createdAt = createdAt
    }
}

/// Where ``TicketStore/createOrAppend(_:forCustomer:deliverTo:)`` put a person's message.
public struct TicketPlacement: Sendable, Hashable {
    /// The ticket that now holds the conversation.
    public var ticketID: String
    /// True when a new ticket was written (and its delivery queued); false when the person's
    /// earlier ticket was reopened and got the new turns.
    public var created: Bool

    public init(ticketID: String, created: Bool) {
        self.ticketID = ticketID
        self.created = created
    }
}

/// Where tickets, their delivery outbox and the team's replies are kept (the local helpdesk).
///
/// Writing a ticket and queueing its delivery happen in one transaction, before any delivery is
/// tried, so a crash loses nothing. Several Steward processes may share one store.
public protocol TicketStore: Sendable {
    /// Writes a new ticket and, when `provider` is given, queues its delivery there, atomically.
    func create(_ ticket: Ticket, deliverTo provider: String?) async throws
    /// The ticket with this id.
    func ticket(id: String) async throws -> Ticket?
    /// The status of the ticket with this id, without reading its transcript; nil when there is none.
    func status(ofTicket id: String) async throws -> Ticket.Status?
    /// Replaces a ticket's stored fields (status, assignee, tags, notes, transcript, external).
    func update(_ ticket: Ticket) async throws
    /// Changes a ticket in one transaction, so concurrent edits (another process replying or
    /// assigning) are not lost; returns the ticket as stored.
    @discardableResult
    func modifyTicket(id: String, _ change: @Sendable (inout Ticket) throws -> Void) async throws -> Ticket
    /// Tickets, newest first, optionally of one status.
    func tickets(status: Ticket.Status?) async throws -> [Ticket]
    /// The newest ticket of a session that is not closed.
    func activeTicket(sessionID: String) async throws -> Ticket?
    /// The newest ticket (any status) of a customer on a channel, for channels that keep one
    /// ticket per person (SMS, WhatsApp): `customer` is the email or phone identifying them.
    func latestTicket(customer: String, channel: Channel) async throws -> Ticket?
    /// Keeps one ticket per person on a channel, atomically: when `customer` has a ticket on
    /// `ticket.channel` (the newest, any status, found as ``latestTicket(customer:channel:)`` finds it),
    /// that ticket is reopened and gets the turns of `ticket.transcript` it does not hold yet (the same
    /// timestamp, role and text); otherwise `ticket` is written and, when `provider` is given, its
    /// delivery queued, as ``create(_:deliverTo:)`` does. A reopened ticket queues no second delivery.
    ///
    /// The look-up and the write are one step, so concurrent conversations of one person (in this
    /// process or in another sharing the store) end in one ticket holding all their turns.
    /// - Parameters:
    ///   - ticket: The ticket to write when the person has none; its transcript is the conversation so far.
    ///   - customer: The email or phone (session id) identifying the person, as for ``latestTicket(customer:channel:)``.
    ///   - provider: The external helpdesk to deliver a new ticket to (`zendesk`, `gorgias`), or nil.
    /// - Returns: The ticket that holds the conversation and whether it was created.
    func createOrAppend(_ ticket: Ticket, forCustomer customer: String, deliverTo provider: String?) async throws
        -> TicketPlacement
    /// Adds a turn to a ticket's transcript (a customer's message while the ticket is open), without
    /// rewriting the rest of the ticket; its `updatedAt` becomes the turn's timestamp when that is later.
    func append(_ turn: Turn, toTicket id: String) async throws
    /// Makes `session` the ticket's conversation (a person writing in another session of theirs, on SMS or
    /// WhatsApp): the team's later replies, and those still pending, go there. No change when it already is.
    /// - Throws: when the ticket does not exist.
    func moveTicket(id: String, toSession session: String) async throws

    /// Outbox entries due at `now` and not under another worker's live claim, oldest first.
    func dueDeliveries(at now: Date) async throws -> [OutboxEntry]
    /// Every outbox entry not yet delivered (claimed or not).
    func pendingDeliveries() async throws -> [OutboxEntry]
    /// Takes one outbox entry for delivery by `worker`, atomically across every process sharing the store:
    /// succeeds only when the entry is due at `now` and nobody's claim on it is live (none, or its
    /// `leaseUntil` is at or before `now`). Returns the entry as claimed, or nil when it is gone, not
    /// due, or held by another worker. Exactly one of several concurrent claimers gets it (``OutboxLease``).
    func claimDelivery(ticketID: String, worker: String, at now: Date, leaseUntil: Date) async throws -> OutboxEntry?
    /// Gives up `worker`'s claim without counting an attempt (the worker is stopping): the entry is due
    /// again for any worker. Does nothing unless `worker` holds the claim.
    func releaseDelivery(ticketID: String, worker: String) async throws
    /// Records a successful delivery by the claim holder: removes the entry and stores the external
    /// reference, in one step. Returns false, changing nothing, when `worker` does not hold the entry
    /// (it was delivered already, or its lease ran out and another worker took it).
    @discardableResult
    func markDelivered(ticketID: String, reference: Ticket.ExternalReference, worker: String) async throws -> Bool
    /// Records a failed attempt by the claim holder, when to try again, and releases the claim. Returns
    /// false, changing nothing, when `worker` does not hold the entry.
    @discardableResult
    func markFailed(ticketID: String, error: String, nextAttemptAt: Date, worker: String) async throws -> Bool

    /// Stores a person's reply on a ticket (also appended to the transcript) as pending for the ticket's
    /// session, and returns it. It stays pending until one process delivers it to the session
    /// (``markRepliesDelivered(_:)``, or ``SessionStore/save(_:answering:delivering:)``).
    func addReply(ticketID: String, author: String, text: String) async throws -> HumanReply
    /// The replies not delivered yet, oldest first: those of one session, or of every session when `session` is nil.
    func pendingReplies(session: String?) async throws -> [HumanReply]
    /// Marks these replies (by ``HumanReply/sequence``) delivered, each only if it is still pending, in one
    /// transaction; returns the sequences this call turned from pending to delivered.
    @discardableResult
    func markRepliesDelivered(_ sequences: [Int64]) async throws -> [Int64]
    /// Whether the reply with this sequence was delivered; nil when there is no such reply.
    func replyDelivered(sequence: Int64) async throws -> Bool?
    /// Replies with a sequence above `sequence`, oldest first.
    func replies(after sequence: Int64) async throws -> [HumanReply]
    /// The highest reply sequence so far (0 when none).
    func lastReplySequence() async throws -> Int64
}

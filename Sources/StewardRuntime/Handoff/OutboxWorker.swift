import Foundation
import Logging
import StewardCore
import StewardHTTP
import StewardModel

/// Delivers tickets waiting in the outbox to external helpdesks, retrying with backoff until
/// they are accepted. The ticket is already stored, so nothing is lost if the process dies; the
/// provider's idempotency keeps a retried delivery from creating a second ticket (Zendesk: the
/// `Idempotency-Key`; both Zendesk and Gorgias: a lookup by `external_id` = the ticket's id before
/// creating, and again after a reply that was lost or unreadable).
///
/// Faults: a 429 or 503 (``HTTPClientError/retryLater(code:message:url:retryAfter:)``) with a
/// `Retry-After` longer than the HTTP client waits pauses every delivery to that helpdesk until then,
/// and the ticket's next attempt is no earlier; other failures (timeouts, a dropped connection, 5xx, an answer
/// that is not the expected JSON) back off exponentially (``backoff(attempt:)``); a create whose outcome stayed
/// unknown (``ActionFailure/unconfirmed(action:reason:)``) is looked up again no earlier than 60 s later
/// (``ActionFailure/lookAgainAfterSeconds``), and before every re-send. Each failure is stored
/// as the entry's last error, a sentence without credentials (adapters redact them).
///
/// Several processes sharing one store each run a worker: every entry is claimed before it is delivered
/// (``TicketStore/claimDelivery(ticketID:worker:at:leaseUntil:)``, a lease of ``OutboxLease/seconds``), so
/// each delivery is made by exactly one worker, and only that worker records its outcome.
public final class OutboxWorker: Sendable {
    private let tickets: any TicketStore
    private let helpdesks: [String: any HelpdeskProvider]
    private let configuration: HandoffConfiguration
    private let signal: OutboxSignal
    private let logger: Logger
    private let stopping = StopFlag()
    private let pauses = ProviderPauses()
    /// This worker's name in the claims it writes (``OutboxLease/newWorkerID()``).
    let workerID = OutboxLease.newWorkerID()
    /// Seconds a claim holds (``OutboxLease/seconds``).
    private let leaseSeconds: Double

    /// A worker delivering through `helpdesks`, keyed by provider name (`zendesk`, `gorgias`).
    public convenience init(
        engine: ConversationEngine, helpdesks: [String: any HelpdeskProvider],
        logger: Logger = Logger(label: "steward.outbox")
    ) {
        self.init(
            tickets: engine.tickets ?? InMemoryTicketStorePlaceholder(), helpdesks: helpdesks,
            configuration: engine.handoff, signal: engine.outboxSignal, logger: logger)
    }

    init(
        tickets: any TicketStore, helpdesks: [String: any HelpdeskProvider], configuration: HandoffConfiguration,
        signal: OutboxSignal = OutboxSignal(), leaseSeconds: Double = OutboxLease.seconds, logger: Logger
    ) {
        self.leaseSeconds = leaseSeconds
        self.tickets = tickets
        self.helpdesks = helpdesks
        self.configuration = configuration
        self.signal = signal
        self.logger = logger
    }

    /// Tries every delivery that is due and not taken by another worker, claiming each just before
    /// delivering it (an entry another worker claims first is left to it); returns how many this worker delivered.
    @discardableResult
    public func deliverDue(now: Date = Date()) async -> Int {
        let due: [OutboxEntry]
        do {
            due = try await tickets.dueDeliveries(at: now)
        } catch {
            logger.error("cannot read the outbox", metadata: ["error": "\(error)"])
            return 0
        }
        var delivered = 0
        for candidate in due {
            // The helpdesk asked to wait (429/503 with Retry-After): the entry stays due, untouched.
            if pauses.isPaused(candidate.provider, at: now) { continue }
            // Taken now, not when the list was read: the lease covers this delivery only, whatever came before.
            let claimedAt = max(now, Date())
            let entry: OutboxEntry
            do {
                guard
                    let claimed = try await tickets.claimDelivery(
                        ticketID: candidate.ticketID, worker: workerID, at: claimedAt,
                        leaseUntil: claimedAt.addingTimeInterval(leaseSeconds))
                else { continue }  // another worker (maybe in another process) has it, or delivered it
                entry = claimed
            } catch {
                logger.error("cannot claim an outbox entry", metadata: ["ticket": "\(candidate.ticketID)", "error": "\(error)"])
                // The store itself failed (locked by another connection for the whole busy timeout, full,
                // damaged): the other entries would wait as long and fail the same way; the next round tries.
                if (error as? any StorageFailure)?.isStorageFailure == true { break }
                continue
            }
            guard let helpdesk = helpdesks[entry.provider] else {
                _ = try? await tickets.markFailed(
                    ticketID: entry.ticketID, error: "no \(entry.provider) integration is configured",
                    nextAttemptAt: now.addingTimeInterval(configuration.retryMaxSeconds), worker: workerID)
                continue
            }
            do {
                guard let ticket = try await tickets.ticket(id: entry.ticketID) else {
                    try? await tickets.releaseDelivery(ticketID: entry.ticketID, worker: workerID)
                    continue
                }
                let reference = try await helpdesk.createTicket(ticket)
                if try await tickets.markDelivered(ticketID: entry.ticketID, reference: reference, worker: workerID) {
                    delivered += 1
                    logger.notice("ticket delivered", metadata: ["ticket": "\(entry.ticketID)", "provider": "\(entry.provider)", "external_id": "\(reference.id)"])
                } else {
                    logger.warning("ticket delivered after this worker's claim lapsed; the holder records it", metadata: [
                        "ticket": "\(entry.ticketID)", "provider": "\(entry.provider)", "external_id": "\(reference.id)",
                        "lease_s": "\(Int(leaseSeconds))",
                    ])
                }
            } catch is CancellationError {
                // Shutting down: the entry is due again at once for any worker, no attempt counted. Released from a
                // task of its own, which the cancellation does not reach (else the lease would hold it for minutes).
                let (tickets, ticketID, workerID) = (self.tickets, entry.ticketID, self.workerID)
                await Task { try? await tickets.releaseDelivery(ticketID: ticketID, worker: workerID) }.value
                return delivered
            } catch {
                // A delivery may take a while (timeouts, retries): waits count from when it failed, never from
                // a pass that began earlier, so a helpdesk's Retry-After is not cut short.
                let failedAt = max(now, Date())
                let backoff = backoff(attempt: entry.attempts + 1)
                // After an unconfirmed create (sent, outcome unknown) the next lookup waits for a slow helpdesk (60 s).
                let delay = max(
                    backoff, pauses.note(error, provider: entry.provider, at: failedAt) ?? 0, ActionFailure.minimumWait(after: error))
                _ = try? await tickets.markFailed(
                    ticketID: entry.ticketID, error: "\(error)", nextAttemptAt: failedAt.addingTimeInterval(delay),
                    worker: workerID)
                logger.warning("ticket delivery failed; will retry", metadata: [
                    "ticket": "\(entry.ticketID)", "provider": "\(entry.provider)", "attempt": "\(entry.attempts + 1)",
                    "retry_in_s": "\(Int(delay))", "error": "\(error)",
                ])
            }
        }
        return delivered
    }

    /// The wait before attempt `attempt + 1`: exponential with jitter, capped.
    func backoff(attempt: Int) -> Double {
        let raw = configuration.retryBaseSeconds * pow(2, Double(max(0, attempt - 1)))
        let capped = min(configuration.retryMaxSeconds, raw)
        return capped * Double.random(in: 0.5...1.0)
    }

    /// Delivers until ``stop()`` is called (or the task is cancelled), waking early when a ticket
    /// is queued. A delivery under way when `stop()` is called is finished, not abandoned.
    public func run(pollSeconds: Double = 2) async {
        while !Task.isCancelled && !stopping.isSet {
            await deliverDue()
            if stopping.isSet { break }
            await signal.wait(seconds: pollSeconds)
        }
    }

    /// Asks ``run(pollSeconds:)`` to return after its current delivery.
    public func stop() {
        stopping.set()
        signal.signal()
    }
}

/// Stands in when the engine has no ticket store: nothing to deliver.
struct InMemoryTicketStorePlaceholder: TicketStore {
    func create(_ ticket: Ticket, deliverTo provider: String?) async throws {}
    func ticket(id: String) async throws -> Ticket? { nil }
    func status(ofTicket id: String) async throws -> Ticket.Status? { nil }
    func update(_ ticket: Ticket) async throws {}
    func modifyTicket(id: String, _ change: @Sendable (inout Ticket) throws -> Void) async throws -> Ticket {
        throw ToolError.notFound("Ticket \(id)")
    }
    func tickets(status: Ticket.Status?) async throws -> [Ticket] { [] }
    func activeTicket(sessionID: String) async throws -> Ticket? { nil }
    func latestTicket(customer: String, channel: Channel) async throws -> Ticket? { nil }
    func append(_ turn: Turn, toTicket id: String) async throws {}
    func moveTicket(id: String, toSession session: String) async throws {}
    func createOrAppend(_ ticket: Ticket, forCustomer customer: String, deliverTo provider: String?) async throws
        -> TicketPlacement
    { TicketPlacement(ticketID: ticket.id, created: true) }
    func dueDeliveries(at now: Date) async throws -> [OutboxEntry] { [] }
    func pendingDeliveries() async throws -> [OutboxEntry] { [] }
    func claimDelivery(ticketID: String, worker: String, at now: Date, leaseUntil: Date) async throws -> OutboxEntry? { nil }
    func releaseDelivery(ticketID: String, worker: String) async throws {}
    func markDelivered(ticketID: String, reference: Ticket.ExternalReference, worker: String) async throws -> Bool { false }
    func markFailed(ticketID: String, error: String, nextAttemptAt: Date, worker: String) async throws -> Bool { false }
    func addReply(ticketID: String, author: String, text: String) async throws -> HumanReply {
        HumanReply(sequence: 0, ticketID: ticketID, sessionID: "", author: author, text: text, createdAt: Date())
    }
    func replies(after sequence: Int64) async throws -> [HumanReply] { [] }
    func pendingReplies(session: String?) async throws -> [HumanReply] { [] }
    func markRepliesDelivered(_ sequences: [Int64]) async throws -> [Int64] { [] }
    func replyDelivered(sequence: Int64) async throws -> Bool? { nil }
    func lastReplySequence() async throws -> Int64 { 0 }
}

/// A flag set once, read from any thread.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()  // guards `value`
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

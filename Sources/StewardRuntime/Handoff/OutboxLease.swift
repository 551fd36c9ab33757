import Foundation

/// How outbox workers of several processes sharing one store agree on who delivers a ticket.
///
/// Before delivering an entry a worker claims it (``TicketStore/claimDelivery(ticketID:worker:at:leaseUntil:)``):
/// one conditional write, so of several workers (threads or processes) exactly one gets it. The claim
/// is a lease: it lapses ``seconds`` after it was taken, so a worker whose process died mid-delivery
/// leaves the entry to the next worker once the lease has run out, and a worker that is alive finishes
/// long before. Only the holder records the outcome (``TicketStore/markDelivered(ticketID:reference:worker:)``,
/// ``TicketStore/markFailed(ticketID:error:nextAttemptAt:worker:)``); a worker whose lease ran out finds its
/// record refused and leaves the entry to whoever holds it now (the adapters' look-up by the ticket's
/// `external_id` keeps that retry from creating a second ticket).
public enum OutboxLease {
    /// Seconds a claim holds: 300 (5 minutes).
    ///
    /// A delivery makes at most three HTTP requests (a look-up by `external_id`, the create, and a look-up
    /// after a lost or unreadable answer). With ``StewardHTTP/HTTPClient/Configuration``'s defaults each takes at
    /// most 3 attempts of 5 s with waits of at most 10 s between them, 35 s, so a delivery ends within
    /// about 105 s; a `Retry-After` longer than the client waits fails at once. 300 s leaves room for a
    /// slow machine; a process that dies holding a claim delays that ticket by at most this much.
    public static let seconds: Double = 300

    /// A name for one worker, unique among every process sharing the store: `pid 4242 <uuid>`.
    public static func newWorkerID() -> String {
        "pid \(ProcessInfo.processInfo.processIdentifier) \(UUID().uuidString.lowercased())"
    }
}

import StewardCore

/// A helpdesk that takes tickets handed over by Steward: Zendesk, Gorgias, or another.
///
/// Implementation requirements: `createTicket` may be called again for the same ticket after a
/// timeout or a crash, so it must not create a second ticket for the same ``Ticket/id``: use the
/// API's idempotency mechanism, or look the ticket up by an external id first.
public protocol HelpdeskProvider: Sendable {
    /// The provider's name, e.g. `zendesk`.
    var name: String { get }
    /// Creates the ticket (requester, subject, the transcript as the first message, tags).
    ///
    /// - Returns: Where the ticket now lives.
    /// - Throws: Any error; the outbox keeps the ticket and retries with backoff.
    func createTicket(_ ticket: Ticket) async throws -> Ticket.ExternalReference
}

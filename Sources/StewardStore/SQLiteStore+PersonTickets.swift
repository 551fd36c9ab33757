import Foundation
import GRDB
import StewardCore
import StewardRuntime

extension SQLiteStore {
    /// Reopens the person's newest ticket on the channel with the turns it lacks, or writes `ticket`
    /// (with its delivery queued when `provider` is given), in one immediate transaction.
    ///
    /// The transaction takes the database's write lock before reading, so a second process doing
    /// the same for the same person waits (up to the busy timeout) and then finds this ticket; the
    /// unique index on `(person_key, channel)` refuses a second ticket of one person whatever writes it.
    /// - Throws: ``StoreError/duplicateTicket(id:)`` when a new ticket's id is taken, or another ``StoreError``.
    public func createOrAppend(_ ticket: Ticket, forCustomer customer: String, deliverTo provider: String?) async throws
        -> TicketPlacement
    {
        let json = try Self.encode(ticket)
        let placement = try await writeImmediately("open the customer's ticket") { db -> TicketPlacement in
            let found = try Self.fetchTickets(
                db,
                sql: """
                    SELECT id, json FROM tickets
                    WHERE channel = ? AND (person_key = lower(CAST(? AS TEXT)) OR customer_email = lower(CAST(? AS TEXT))
                        OR customer_profile_id = CAST(? AS TEXT) OR session_id = CAST(? AS TEXT))
                    ORDER BY created_at DESC, rowid DESC LIMIT 1
                    """,
                arguments: [
                    ticket.channel.rawValue, customer.fullLength, customer.fullLength, customer.fullLength, customer.fullLength,
                ]
            ).first
            if var person = found {
                person.transcript += TicketTurns.missing(from: person.transcript, in: ticket.transcript)
                person.status = .open
                person.updatedAt = Date()
                try Self.writeTicket(db, person, json: try Self.encode(person))
                return TicketPlacement(ticketID: person.id, created: false)
            }
            if try Self.ticketExists(db, id: ticket.id) { throw StoreError.duplicateTicket(id: ticket.id) }
            try db.execute(
                sql: """
                    INSERT INTO tickets (id, session_id, channel, status, subject, customer_email, customer_profile_id,
                        customer_name, reason, assignee, created_at, updated_at, external_provider, external_id, json,
                        person_key)
                    VALUES (CAST(? AS TEXT), \(Self.columnPlaceholders), CAST(? AS TEXT))
                    """,
                arguments: Self.columns(
                    of: ticket, json: json, leading: [ticket.id.fullLength], trailing: [customer.lowercased().fullLength])
            )
            if let provider {
                try db.execute(
                    sql: "INSERT INTO outbox (ticket_id, provider, attempts, next_attempt_at) VALUES (CAST(? AS TEXT), CAST(? AS TEXT), 0, ?)",
                    arguments: [ticket.id.fullLength, provider.fullLength, ticket.createdAt.unixTime]
                )
            }
            return TicketPlacement(ticketID: ticket.id, created: true)
        }
        return placement
    }

    /// Runs `body` in a `BEGIN IMMEDIATE` transaction: the write lock is taken before the first read,
    /// so a read-then-write cannot interleave with another process's.
    func writeImmediately<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError.operationFailed(operation: operation, path: self.path, reason: "the transaction did not run") }
                return result
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.operationFailed(operation: operation, path: path, reason: Self.reason(for: error))
        }
    }
}

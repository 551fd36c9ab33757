import Foundation
import GRDB
import StewardCore
import StewardModel
import StewardRuntime

extension SQLiteStore {
    /// Adds the conversation's new turns to the person's ticket on the channel (reopening it), or writes
    /// `ticket` (with its delivery queued when `provider` is given), in one immediate transaction.
    ///
    /// `customer` is the person's key (``PersonKey``), compared exactly through the unique index on
    /// `(person_key, channel)`, which also refuses a second ticket of one person whatever writes it.
    /// Appending costs an index probe per turn of `ticket.transcript` (``TicketTurnKey`` in
    /// `ticket_turn_keys`) and a row per new turn: the person's transcript is neither read nor
    /// rewritten, however long it is. Only reopening a closed or snoozed ticket rewrites it.
    ///
    /// The transaction takes the database's write lock before reading, so a second process doing
    /// the same for the same person waits (up to the busy timeout) and then finds this ticket.
    /// - Throws: ``StoreError/duplicateTicket(id:)`` when a new ticket's id is taken, or another ``StoreError``.
    public func createOrAppend(_ ticket: Ticket, forCustomer customer: String, deliverTo provider: String?) async throws
        -> TicketPlacement
    {
        let json = try Self.encode(ticket)
        let turns = ticket.transcript.map { (key: TicketTurnKey.of($0), json: SessionRecord.turn($0), at: $0.timestamp) }
        return try await writeImmediately("open the customer's ticket") { db -> TicketPlacement in
            let found = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT CAST(id AS BLOB) AS id, status, CAST(session_id AS BLOB) AS session_id FROM tickets
                        WHERE person_key = CAST(? AS TEXT) AND channel = ?
                        """),
                arguments: [customer.fullLength, ticket.channel.rawValue])
            if let found {
                let id = String(decoding: found["id"] as Data, as: UTF8.self)
                let status: String = found["status"]
                // The ticket follows the person to the conversation they write in now: the team's replies
                // (and those still pending) go to that session, where the customer will read them.
                let moves = String(decoding: found["session_id"] as Data, as: UTF8.self) != ticket.sessionID
                if status != Ticket.Status.open.rawValue, var person = try Self.fetchTicket(db, id: id) {
                    person.status = .open
                    person.updatedAt = Date()
                    person.sessionID = ticket.sessionID
                    try Self.writeTicket(db, person, json: try Self.encode(person))
                } else if moves {
                    // Only the column: the ticket's JSON is not rewritten (``fetchTickets`` reads the session from it).
                    try db.execute(
                        sql: "UPDATE tickets SET session_id = CAST(? AS TEXT) WHERE id = CAST(? AS TEXT)",
                        arguments: [ticket.sessionID.fullLength, id.fullLength])
                }
                if moves {
                    try db.execute(
                        sql: """
                            UPDATE replies SET session_id = CAST(? AS TEXT)
                            WHERE ticket_id = CAST(? AS TEXT) AND status = 'pending'
                            """,
                        arguments: [ticket.sessionID.fullLength, id.fullLength])
                }
                let mark = try db.cachedStatement(sql: "INSERT OR IGNORE INTO ticket_turn_keys (ticket_id, turn_key) VALUES (?, ?)")
                for turn in turns {
                    try mark.execute(arguments: [id.fullLength, turn.key])
                    guard db.changesCount > 0 else { continue }  // the ticket holds it already
                    try Self.appendTurn(db, json: turn.json, at: turn.at, toTicket: id)
                }
                return TicketPlacement(ticketID: id, created: false)
            }
            if try Self.ticketExists(db, id: ticket.id) { throw StoreError.duplicateTicket(id: ticket.id) }
            try db.execute(
                sql: """
                    INSERT INTO tickets (id, session_id, channel, status, subject, customer_email, customer_profile_id,
                        customer_name, reason, assignee, created_at, updated_at, external_provider, external_id, json,
                        person_key)
                    VALUES (CAST(? AS TEXT), \(Self.columnPlaceholders), CAST(? AS TEXT))
                    """,
                arguments: Self.columns(of: ticket, json: json, leading: [ticket.id.fullLength], trailing: [customer.fullLength])
            )
            let mark = try db.cachedStatement(sql: "INSERT OR IGNORE INTO ticket_turn_keys (ticket_id, turn_key) VALUES (?, ?)")
            for turn in turns { try mark.execute(arguments: [ticket.id, turn.key]) }
            if let provider {
                try db.execute(
                    sql: "INSERT INTO outbox (ticket_id, provider, attempts, next_attempt_at) VALUES (CAST(? AS TEXT), CAST(? AS TEXT), 0, ?)",
                    arguments: [ticket.id.fullLength, provider.fullLength, ticket.createdAt.unixTime]
                )
            }
            return TicketPlacement(ticketID: ticket.id, created: true)
        }
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

    /// Makes `session` the ticket's conversation (the `session_id` column, which ``fetchTickets`` reads;
    /// the ticket's JSON is not rewritten), and moves its pending replies there, in one transaction.
    /// - Throws: ``StoreError/ticketNotFound(id:)``.
    public func moveTicket(id: String, toSession session: String) async throws {
        try await write("move a ticket to the customer's conversation") { db in
            guard try Self.ticketExists(db, id: id) else { throw StoreError.ticketNotFound(id: id) }
            try db.execute(
                sql: "UPDATE tickets SET session_id = CAST(? AS TEXT) WHERE id = CAST(? AS TEXT) AND session_id IS NOT CAST(? AS TEXT)",
                arguments: [session.fullLength, id.fullLength, session.fullLength])
            guard db.changesCount > 0 else { return }
            try db.execute(
                sql: "UPDATE replies SET session_id = CAST(? AS TEXT) WHERE ticket_id = CAST(? AS TEXT) AND status = 'pending'",
                arguments: [session.fullLength, id.fullLength])
        }
    }
}

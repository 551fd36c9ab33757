import Foundation
import GRDB
import StewardCore
import StewardModel
import StewardRuntime

/// The delivery outbox: one row per ticket waiting for an external helpdesk, claimed by one worker at a time.
///
/// A claim is `claimed_by` (the worker, ``OutboxLease/newWorkerID()``) and `lease_until` (seconds since
/// 1970), written by one conditional `UPDATE` inside a write transaction: SQLite serialises writers
/// across every process sharing the file, so of several workers claiming the same row exactly one sees
/// it change. The outcome is recorded only by the holder (`WHERE claimed_by = ?`). Migration
/// `v8-outbox-lease` (``Schema``) adds the two columns.
extension SQLiteStore {
    /// Outbox entries due at `now` and not under a live claim, the earliest due first.
    public func dueDeliveries(at now: Date) async throws -> [OutboxEntry] {
        try await read("read the outbox") { db in
            try Self.fetchOutbox(
                db,
                sql: """
                    SELECT \(Self.outboxColumns) FROM outbox
                    WHERE next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
                    ORDER BY next_attempt_at, rowid
                    """,
                arguments: [now.unixTime, now.unixTime])
        }
    }

    /// Every outbox entry not yet delivered, claimed or not, the earliest due first.
    public func pendingDeliveries() async throws -> [OutboxEntry] {
        try await read("read the outbox") { db in
            try Self.fetchOutbox(db, sql: "SELECT \(Self.outboxColumns) FROM outbox ORDER BY next_attempt_at, rowid")
        }
    }

    /// Claims the entry for `worker` until `leaseUntil` when it is due at `now` and no claim on it is live
    /// (none, or `lease_until <= now`), in one write transaction; returns the entry as claimed, or nil
    /// when it is gone, not due, or another worker's claim holds.
    /// - Throws: ``StoreError/operationFailed(operation:path:reason:)`` when the file cannot be written.
    public func claimDelivery(ticketID: String, worker: String, at now: Date, leaseUntil: Date) async throws -> OutboxEntry? {
        try await write("claim an outbox entry") { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET claimed_by = CAST(? AS TEXT), lease_until = ?
                    WHERE ticket_id = CAST(? AS TEXT) AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
                    """,
                arguments: [worker.fullLength, leaseUntil.unixTime, ticketID.fullLength, now.unixTime, now.unixTime])
            guard db.changesCount == 1 else { return nil }
            return try Self.fetchOutbox(
                db, sql: "SELECT \(Self.outboxColumns) FROM outbox WHERE ticket_id = CAST(? AS TEXT)",
                arguments: [ticketID.fullLength]
            ).first
        }
    }

    /// Drops `worker`'s claim on the entry without counting an attempt; nothing when it does not hold it.
    public func releaseDelivery(ticketID: String, worker: String) async throws {
        try await write("release an outbox entry") { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET claimed_by = NULL, lease_until = NULL
                    WHERE ticket_id = CAST(? AS TEXT) AND claimed_by = CAST(? AS TEXT)
                    """,
                arguments: [ticketID.fullLength, worker.fullLength])
        }
    }

    /// Removes the ticket's outbox entry and stores the external reference on the ticket, in one
    /// transaction, when `worker` holds the entry; false (nothing changed) otherwise.
    /// - Throws: ``StoreError/ticketNotFound(id:)``.
    @discardableResult
    public func markDelivered(ticketID: String, reference: Ticket.ExternalReference, worker: String) async throws -> Bool {
        try await write("record a delivery") { db in
            try db.execute(
                sql: "DELETE FROM outbox WHERE ticket_id = CAST(? AS TEXT) AND claimed_by = CAST(? AS TEXT)",
                arguments: [ticketID.fullLength, worker.fullLength])
            guard db.changesCount == 1 else { return false }
            guard var ticket = try Self.fetchTicket(db, id: ticketID) else {
                throw StoreError.ticketNotFound(id: ticketID)  // rolls the deletion back
            }
            ticket.external = reference
            ticket.updatedAt = Date()
            try Self.writeTicket(db, ticket, json: try Self.encode(ticket))
            return true
        }
    }

    /// Counts a failed attempt, keeps its error, reschedules the entry and releases the claim, when
    /// `worker` holds it; false (nothing changed) otherwise, also when the entry is gone.
    @discardableResult
    public func markFailed(ticketID: String, error: String, nextAttemptAt: Date, worker: String) async throws -> Bool {
        try await write("record a failed delivery") { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET attempts = attempts + 1, last_error = CAST(? AS TEXT), next_attempt_at = ?,
                        claimed_by = NULL, lease_until = NULL
                    WHERE ticket_id = CAST(? AS TEXT) AND claimed_by = CAST(? AS TEXT)
                    """,
                arguments: [error.fullLength, nextAttemptAt.unixTime, ticketID.fullLength, worker.fullLength]
            )
            return db.changesCount == 1
        }
    }

    // MARK: - Row helpers

    static func fetchOutbox(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws
        -> [OutboxEntry]
    {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            OutboxEntry(
                ticketID: row["ticket_id"], provider: row["provider"], attempts: row["attempts"],
                nextAttemptAt: Date(unixTime: row["next_attempt_at"]), lastError: row["last_error"],
                claimedBy: row["claimed_by"], leaseUntil: (row["lease_until"] as Double?).map(Date.init(unixTime:)))
        }
    }

    /// The outbox's columns, text read back with every byte.
    static let outboxColumns =
        "CAST(ticket_id AS BLOB) AS ticket_id, CAST(provider AS BLOB) AS provider, attempts, next_attempt_at, "
        + "CAST(last_error AS BLOB) AS last_error, CAST(claimed_by AS BLOB) AS claimed_by, lease_until"
}

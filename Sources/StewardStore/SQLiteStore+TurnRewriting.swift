import Foundation
import StewardModel
import GRDB
import StewardCore
import StewardRuntime

/// Replacing the text of a turn already written, for a secret split between two messages whose first
/// part was stored before the second arrived (``SessionTurnRewriting``, ``TicketTurnRewriting``).
extension SQLiteStore: SessionTurnRewriting, TicketTurnRewriting {
    /// Replaces the text of the session's turn at `position` in the turn log (the turn's other fields
    /// kept); nothing when the session or turn is not stored. Text is bound with its full length
    /// (``Swift/String/fullLength``).
    public func replaceText(ofTurn position: Int, session id: String, with text: String) async throws {
        try await batched("mask an earlier turn") { db in
            guard position >= 0,
                let row = try Row.fetchOne(
                    db, sql: "SELECT turn_count, last_turn FROM sessions WHERE id = CAST(? AS TEXT)", arguments: [id.fullLength])
            else { return }
            let count: Int = row["turn_count"]
            guard position < count, let target = try Self.turnChain(db, endingAt: row["last_turn"], limit: count - position).first
            else { return }
            var turn = try Self.decode(Turn.self, from: target.json, kind: "session turn", id: id)
            turn.text = text
            try Self.scrubbing(db) {
                try db.execute(
                    sql: "UPDATE turn_log SET json = CAST(? AS TEXT) WHERE id = ?",
                    arguments: [SessionRecord.turn(turn).fullLength, target.id])
            }
        }
        sessionCache.remove(id)
        scrubLog()
    }

    /// Runs `body` with `PRAGMA secure_delete` on, so the bytes of the text it replaces are zeroed in the
    /// page rather than left in its free space.
    static func scrubbing(_ db: Database, _ body: () throws -> Void) throws {
        try db.execute(sql: "PRAGMA secure_delete = ON")
        defer { try? db.execute(sql: "PRAGMA secure_delete = OFF") }
        try body()
    }

    /// Empties the write-ahead log (``checkpoint()``), whose earlier frames still hold the replaced text;
    /// when another process keeps the file busy, the frames go at the next checkpoint.
    func scrubLog() {
        _ = try? checkpoint()
    }

    /// Replaces the text of the ticket's turns equal to `turn` (timestamp to the microsecond, role, text),
    /// in the ticket's JSON and in its appended turn rows, and marks the new turn as held
    /// (`ticket_turn_keys`), in one transaction; nothing when the ticket or the turn is not there.
    public func replaceText(of turn: Turn, with text: String, inTicket id: String) async throws {
        var replaced = turn
        replaced.text = text
        let newKey = TicketTurnKey.of(replaced)
        try await write("mask an earlier turn on a ticket") { db in
            guard
                let json = try Data.fetchOne(
                    db, sql: "SELECT CAST(json AS BLOB) FROM tickets WHERE id = CAST(? AS TEXT)", arguments: [id.fullLength])
            else { return }
            var ticket = try Self.decode(Ticket.self, from: String(decoding: json, as: UTF8.self), kind: "ticket", id: id)
            var changed = false
            for index in ticket.transcript.indices where ticket.transcript[index].isSameStoredTurn(as: turn) {
                ticket.transcript[index].text = text
                changed = true
            }
            try db.execute(sql: "PRAGMA secure_delete = ON")
            defer { try? db.execute(sql: "PRAGMA secure_delete = OFF") }
            if changed {
                try db.execute(
                    sql: "UPDATE tickets SET json = CAST(? AS TEXT) WHERE id = CAST(? AS TEXT)",
                    arguments: [try Self.encode(ticket).fullLength, id.fullLength])
            }
            let rows = try Row.fetchAll(
                db, sql: "SELECT sequence, CAST(json AS BLOB) AS json FROM ticket_turns WHERE ticket_id = CAST(? AS TEXT)",
                arguments: [id.fullLength])
            for row in rows {
                let data: Data = row["json"]
                var appended = try Self.decode(Turn.self, from: String(decoding: data, as: UTF8.self), kind: "ticket turn", id: id)
                guard appended.isSameStoredTurn(as: turn) else { continue }
                appended.text = text
                try db.execute(
                    sql: "UPDATE ticket_turns SET json = CAST(? AS TEXT) WHERE sequence = ?",
                    arguments: [SessionRecord.turn(appended).fullLength, row["sequence"] as Int64])
                changed = true
            }
            if changed {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO ticket_turn_keys (ticket_id, turn_key) VALUES (CAST(? AS TEXT), ?)",
                    arguments: [id.fullLength, newKey])
            }
        }
        scrubLog()
    }
}

import Foundation
import GRDB
import StewardCore
import StewardRuntime

extension SQLiteStore {
    /// The session with this id, or nil for a new conversation.
    public func load(id: String) async throws -> Session? {
        let json = try await read("load session") { db in
            try String.fetchOne(db, sql: "SELECT json FROM sessions WHERE id = ?", arguments: [id])
        }
        guard let json else { return nil }
        return try Self.decode(Session.self, from: json, kind: "session", id: id)
    }

    /// Stores the session as it is now, replacing the stored one.
    public func save(_ session: Session) async throws {
        let json = try Self.encode(session)
        try await write("save session") { db in
            try db.execute(
                sql: """
                    INSERT INTO sessions (id, channel, customer_email, created_at, updated_at, routed_to_team, json)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET
                        channel = excluded.channel, customer_email = excluded.customer_email,
                        created_at = excluded.created_at, updated_at = excluded.updated_at,
                        routed_to_team = excluded.routed_to_team, json = excluded.json
                    """,
                arguments: [
                    session.id, session.channel.rawValue, session.customer.contactEmail,
                    session.createdAt.unixTime, session.updatedAt.unixTime, session.routedToTeam, json,
                ]
            )
        }
    }

    /// Forgets a session; its tickets stay.
    public func delete(id: String) async throws {
        try await write("delete session") { db in
            try db.execute(sql: "DELETE FROM sessions WHERE id = ?", arguments: [id])
        }
    }

    /// The sessions last updated in `[from, to)`, oldest update first.
    public func sessions(updatedFrom from: Date, to: Date) async throws -> [Session] {
        // The SQL range is widened by a millisecond and the exact bounds applied on the decoded
        // dates, so the result matches `InMemorySessionStore` to the last bit.
        let rows = try await read("read sessions") { db in
            try Row.fetchAll(
                db,
                sql: "SELECT id, json FROM sessions WHERE updated_at >= ? AND updated_at < ? ORDER BY updated_at, id",
                arguments: [from.unixTime - 0.001, to.unixTime + 0.001]
            ).map { (id: $0["id"] as String, json: $0["json"] as String) }
        }
        return
            try rows
            .map { try Self.decode(Session.self, from: $0.json, kind: "session", id: $0.id) }
            .filter { $0.updatedAt >= from && $0.updatedAt < to }
            .sorted { $0.updatedAt < $1.updatedAt }
    }
}

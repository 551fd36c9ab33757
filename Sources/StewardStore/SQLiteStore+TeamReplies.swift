import Foundation
import GRDB
import StewardRuntime

extension SQLiteStore {
    /// The team's replies still `pending`, oldest first: of one session, or of all when `session` is nil.
    public func pendingReplies(session: String?) async throws -> [HumanReply] {
        // Text columns are read as their bytes and ids bound with their full length (see FullLengthText.swift).
        let columns = """
            SELECT sequence, CAST(ticket_id AS BLOB) AS ticket_id, CAST(session_id AS BLOB) AS session_id,
                CAST(author AS BLOB) AS author, CAST(text AS BLOB) AS text, created_at FROM replies
            """
        return try await read("read the team's pending replies") { db in
            let rows: [Row]
            if let session {
                rows = try Row.fetchAll(
                    db.cachedStatement(
                        sql: columns + " WHERE session_id = CAST(? AS TEXT) AND status = 'pending' ORDER BY sequence"),
                    arguments: [session.fullLength])
            } else {
                rows = try Row.fetchAll(db, sql: columns + " WHERE status = 'pending' ORDER BY sequence")
            }
            return rows.map(Self.reply(from:))
        }
    }

    /// Marks replies delivered, each only if it is still `pending`, in one transaction; returns those
    /// this call marked (another process may have delivered the others).
    @discardableResult
    public func markRepliesDelivered(_ sequences: [Int64]) async throws -> [Int64] {
        guard !sequences.isEmpty else { return [] }
        let now = Date().unixTime
        return try await write("mark the team's replies delivered") { db in
            var marked: [Int64] = []
            for sequence in sequences {
                try db.execute(
                    sql: "UPDATE replies SET status = 'delivered', delivered_at = ? WHERE sequence = ? AND status = 'pending'",
                    arguments: [now, sequence])
                if db.changesCount == 1 { marked.append(sequence) }
            }
            return marked
        }
    }

    /// Whether the reply was delivered to its session; nil when there is no such reply.
    public func replyDelivered(sequence: Int64) async throws -> Bool? {
        try await read("read a reply's status") { db in
            try String.fetchOne(db, sql: "SELECT status FROM replies WHERE sequence = ?", arguments: [sequence])
                .map { $0 == "delivered" }
        }
    }

    static func reply(from row: Row) -> HumanReply {
        HumanReply(
            sequence: row["sequence"], ticketID: row["ticket_id"], sessionID: row["session_id"],
            author: row["author"], text: row["text"], createdAt: Date(unixTime: row["created_at"]))
    }
}

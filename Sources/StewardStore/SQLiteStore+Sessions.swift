import Foundation
import GRDB
import StewardCore
import StewardRuntime

extension SQLiteStore {
    /// The session with this id, or nil for a new conversation.
    ///
    /// The session holds at least the conversation's last ``Configuration-swift.struct/recentTurns`` turns;
    /// ``turns(session:before:)`` reads the earlier ones. Recently used sessions are served from
    /// memory, but only while the file holds the version they were read at: under a claim
    /// (``claim(session:)`` compared the versions) at no cost, otherwise after reading the version.
    public func load(id: String) async throws -> Session? {
        if let cached = sessionCache.get(id), let version = sessionCache.version(of: id) {
            if let claimed = claims.version(id) {
                if claimed == version { return cached }
            } else if try await storedVersion(of: id) == version {
                return cached
            }
        }
        let limit = recentTurns
        // Read on the writer's connection: its cache holds the pages busy conversations just wrote.
        let stored = try await batched("load session") {
            db -> (json: String, count: Int, turns: [String], answered: [String], version: Int64)? in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT json, turn_count, last_turn, version FROM sessions WHERE id = CAST(? AS TEXT)",
                    arguments: [id.fullLength])
            else { return nil }
            let count: Int = row["turn_count"]
            let turns = try Self.turnChain(db, endingAt: row["last_turn"], limit: min(limit, count)).map(\.json)
            // Read as bytes: GRDB's `String.fetchAll` takes a column's text up to its first NUL.
            let answered = try Data.fetchAll(
                db.cachedStatement(
                    sql: "SELECT CAST(message_id AS BLOB) FROM answered_messages WHERE session_id = CAST(? AS TEXT) ORDER BY sequence"),
                arguments: [id.fullLength]
            ).map { String(decoding: $0, as: UTF8.self) }
            return (row["json"], count, turns, answered, row["version"])
        }
        guard let stored else {
            sessionCache.remove(id)
            claims.setVersion(id, 0)
            sessionCache.noteAbsent(id)
            return nil
        }
        var session = try Self.decode(Session.self, from: stored.json, kind: "session", id: id)
        // Sessions written before turns had their own rows (v1) keep them in `json`, with a count of 0.
        if !stored.turns.isEmpty {
            session.turns = try stored.turns.map { try Self.decode(Turn.self, from: $0, kind: "session turn", id: id) }
        }
        session.earlierTurnCount = max(0, stored.count - session.turns.count)
        // A save checks this version: the copy is written only over the file it was read from.
        claims.setVersion(id, stored.version)
        sessionCache.put(session, version: stored.version)
        sessionCache.noteAnswered(id, ids: stored.answered, replacing: true, limit: AnsweredMessage.retainedPerSession)
        return session
    }

    /// Stores the session as it is now: its fields, and the turns not stored yet.
    ///
    /// New turns are appended to the turn log, each linked to the session's previous turn, so a
    /// save writes to the log's last page rather than to a page of its own conversation.
    public func save(_ session: Session) async throws {
        try await save(session, answering: [])
    }

    /// Stores the session as ``save(_:)`` does and records the answered messages in the same
    /// transaction, keeping the newest ``AnsweredMessage/retainedPerSession`` ids of the session.
    public func save(_ session: Session, answering answered: [AnsweredMessage]) async throws {
        _ = try await save(session, answering: answered, delivering: [])
    }

    /// Stores the session, records the answered messages and marks the team's replies `delivered` (their
    /// turns are in `session`), in one transaction, and returns true (the replies are marked).
    ///
    /// The transaction first checks the session's `version` against the one this process loaded it at
    /// (or claimed it at, or last saved): a mismatch means another process changed the session since,
    /// and nothing is written. Every save adds 1 to the version (a new session starts at the time in µs).
    /// - Throws: ``SessionConflict`` when the version differs or a reply is no longer pending (the cached
    ///   copy is dropped, so the next ``load(id:)`` reads the file), or ``StoreError``.
    public func save(_ session: Session, answering answered: [AnsweredMessage], delivering delivered: [HumanReply])
        async throws -> Bool
    {
        let expected = claims.version(session.id) ?? sessionCache.version(of: session.id)
        let deliveredSequences = delivered.map(\.sequence)
        let records = answered.map { (id: $0.messageID, json: AnsweredMessageRecord.json($0)) }
        let json = SessionRecord.header(session)
        let turns = session.turns
        let earlier = session.earlierTurnCount
        let total = session.turnCount
        // Encode, outside the write, only the turns added since this process last saved the session.
        let firstNew = min(max(sessionCache.get(session.id)?.turnCount ?? earlier, earlier), total)
        let encodedNew = turns[(firstNew - earlier)...].map(SessionRecord.turn)
        let saved: (created: Bool, version: Int64)
        do {
            saved = try await batched("save session") { db -> (created: Bool, version: Int64) in
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT turn_count, last_turn, version FROM sessions WHERE id = CAST(? AS TEXT)"),
                arguments: [session.id.fullLength])
            let storedVersion: Int64 = row?["version"] ?? 0
            if let expected, expected != storedVersion {
                throw SessionConflict(session: session.id, expected: expected, found: storedVersion)
            }
            // A new session starts at the time in microseconds, not at 1: a session deleted (reset) and
            // created again never takes a version an old cached copy of it had.
            let version = row == nil ? max(1, Int64(Date().unixTime * 1_000_000)) : storedVersion + 1
            if !deliveredSequences.isEmpty {
                let mark = try db.cachedStatement(
                    sql: "UPDATE replies SET status = 'delivered', delivered_at = ? WHERE sequence = ? AND status = 'pending'")
                for sequence in deliveredSequences {
                    try mark.execute(arguments: [Date().unixTime, sequence])
                    // Delivered meanwhile by another process: this copy must not show it again.
                    if db.changesCount != 1 {
                        throw SessionConflict(session: session.id, expected: storedVersion, found: storedVersion)
                    }
                }
            }
            let stored: Int = row?["turn_count"] ?? 0
            var last: Int64? = row?["last_turn"]
            var start = max(stored, earlier)
            if stored > total {
                // The file has turns this session does not (it was reset meanwhile): the stored
                // turns from `earlier` on are replaced by this session's.
                let dropped = try Self.turnChain(db, endingAt: last, limit: stored - earlier)
                for turn in dropped {
                    try db.cachedStatement(sql: "DELETE FROM turn_log WHERE id = ?").execute(arguments: [turn.id])
                }
                last = dropped.first?.previous ?? last
                start = earlier
            }
            if start < total {
                let insert = try db.cachedStatement(
                    sql: "INSERT INTO turn_log (session_id, previous, json) VALUES (CAST(? AS TEXT), ?, ?)")
                for position in start..<total {
                    let json = position >= firstNew ? encodedNew[position - firstNew] : SessionRecord.turn(turns[position - earlier])
                    try insert.execute(arguments: [session.id.fullLength, last, json])
                    last = db.lastInsertedRowID
                }
            }
            try db.cachedStatement(
                sql: """
                    INSERT INTO sessions (id, channel, customer_email, created_at, updated_at, routed_to_team, json, turn_count, last_turn, version)
                    VALUES (CAST(? AS TEXT), ?, CAST(? AS TEXT), ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET
                        channel = excluded.channel, customer_email = excluded.customer_email,
                        created_at = excluded.created_at, updated_at = excluded.updated_at,
                        routed_to_team = excluded.routed_to_team, json = excluded.json, turn_count = excluded.turn_count,
                        last_turn = excluded.last_turn, version = excluded.version
                    """
            ).execute(arguments: [
                session.id.fullLength, session.channel.rawValue, session.customer.contactEmail.fullLength,
                session.createdAt.unixTime, session.updatedAt.unixTime, session.routedToTeam, json, total, last, version,
            ])
            if !records.isEmpty {
                let insert = try db.cachedStatement(
                    sql: """
                        INSERT OR REPLACE INTO answered_messages (session_id, message_id, json)
                        VALUES (CAST(? AS TEXT), CAST(? AS TEXT), ?)
                        """)
                for record in records {
                    try insert.execute(arguments: [session.id.fullLength, record.id.fullLength, record.json])
                }
                // Pruned once every `pruneEvery` saves of the session (by its turn count), not on every
                // message: a session keeps its newest `retainedPerSession` ids, and up to `pruneEvery` more.
                guard (total / 2) % AnsweredMessage.pruneEvery < records.count else { return (row == nil, version) }
                try db.cachedStatement(
                    sql: """
                        DELETE FROM answered_messages WHERE session_id = CAST(? AS TEXT) AND sequence <= (
                            SELECT sequence FROM answered_messages WHERE session_id = CAST(? AS TEXT)
                            ORDER BY sequence DESC LIMIT 1 OFFSET ?)
                        """
                ).execute(arguments: [session.id.fullLength, session.id.fullLength, AnsweredMessage.retainedPerSession])
            }
            return (row == nil, version)
            }
        } catch let conflict as SessionConflict {
            sessionCache.remove(session.id)
            throw conflict
        }
        claims.setVersion(session.id, saved.version)
        sessionCache.put(recent(session), version: saved.version)
        // A session new to the file has exactly these answered ids (ids are written and deleted with their session).
        sessionCache.noteAnswered(
            session.id, ids: records.map(\.id), replacing: saved.created, limit: AnsweredMessage.retainedPerSession)
        return true
    }

    /// The session's `version` in the file (0 when it is not stored).
    func storedVersion(of id: String) async throws -> Int64 {
        try await batched("read a session's version") { db in
            try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT version FROM sessions WHERE id = CAST(? AS TEXT)"), arguments: [id.fullLength]) ?? 0
        }
    }

    /// The record of message `messageID` of `session`, when it was answered and is still kept.
    public func answeredMessage(session: String, messageID: String) async throws -> AnsweredMessage? {
        // A session this process holds knows its answered ids (the claim checked its copy is current): a new id needs no read.
        if claims.version(session) != nil, claims.version(session) == sessionCache.version(of: session),
            let known = sessionCache.answeredIDs(session), !known.contains(messageID)
        {
            return nil
        }
        let json = try await read("read answered messages") { db in
            try String.fetchOne(
                db.cachedStatement(
                    sql: "SELECT json FROM answered_messages WHERE session_id = CAST(? AS TEXT) AND message_id = CAST(? AS TEXT)"),
                arguments: [session.fullLength, messageID.fullLength])
        }
        return try json.map { try Self.decode(AnsweredMessage.self, from: $0, kind: "answered message", id: messageID) }
    }

    /// The session's first `end` turns, oldest first: those a loaded session left out.
    public func turns(session id: String, before end: Int) async throws -> [Turn] {
        guard end > 0 else { return [] }
        let rows = try await read("read session turns") { db -> [String] in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT turn_count, last_turn FROM sessions WHERE id = CAST(? AS TEXT)", arguments: [id.fullLength])
            else { return [] }
            let count: Int = row["turn_count"]
            return try Self.turnChain(db, endingAt: row["last_turn"], limit: count).prefix(end).map(\.json)
        }
        return try rows.map { try Self.decode(Turn.self, from: $0, kind: "session turn", id: id) }
    }

    /// Up to `limit` turns of a session, oldest first, found by following the links back from its last turn.
    static func turnChain(_ db: Database, endingAt last: Int64?, limit: Int) throws
        -> [(id: Int64, previous: Int64?, json: String)]
    {
        var chain: [(id: Int64, previous: Int64?, json: String)] = []
        let statement = try db.cachedStatement(sql: "SELECT previous, json FROM turn_log WHERE id = ?")
        var next = last
        while let id = next, chain.count < limit, let row = try Row.fetchOne(statement, arguments: [id]) {
            let previous: Int64? = row["previous"]
            chain.append((id, previous, row["json"]))
            next = previous
        }
        return chain.reversed()
    }

    /// The session with only its most recent turns, as ``load(id:)`` returns it.
    ///
    /// Older turns are dropped four at a time, so most saves share the session's turns with the
    /// cache instead of copying them.
    func recent(_ session: Session) -> Session {
        guard session.turns.count > recentTurns + 4 else { return session }
        var recent = session
        let dropped = session.turns.count - recentTurns
        recent.turns.removeFirst(dropped)
        recent.earlierTurnCount += dropped
        return recent
    }

    /// Runs `body` in the next group-commit batch, translating database errors into ``StoreError``.
    func batched<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await batcher.perform(body)
        } catch let error as StoreError {
            throw error
        } catch let conflict as SessionConflict {
            throw conflict
        } catch {
            throw StoreError.operationFailed(operation: operation, path: path, reason: Self.reason(for: error))
        }
    }

    /// Forgets a session, its turns and its answered message ids; its tickets stay.
    public func delete(id: String) async throws {
        sessionCache.remove(id)
        claims.setVersion(id, 0)
        try await write("delete session") { db in
            if let row = try Row.fetchOne(
                db, sql: "SELECT turn_count, last_turn FROM sessions WHERE id = CAST(? AS TEXT)", arguments: [id.fullLength])
            {
                for turn in try Self.turnChain(db, endingAt: row["last_turn"], limit: Int.max) {
                    try db.execute(sql: "DELETE FROM turn_log WHERE id = ?", arguments: [turn.id])
                }
            }
            try db.execute(sql: "DELETE FROM sessions WHERE id = CAST(? AS TEXT)", arguments: [id.fullLength])
            try db.execute(sql: "DELETE FROM answered_messages WHERE session_id = CAST(? AS TEXT)", arguments: [id.fullLength])
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
        // Statistics need no transcripts: sessions come back without their turns (and a turn count of 0).
        return
            try rows
            .map { try Self.decode(Session.self, from: $0.json, kind: "session", id: $0.id) }
            .filter { $0.updatedAt >= from && $0.updatedAt < to }
            .sorted { $0.updatedAt < $1.updatedAt }
    }
}

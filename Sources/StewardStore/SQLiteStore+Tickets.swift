import Foundation
import GRDB
import StewardCore
import StewardModel
import StewardRuntime

extension SQLiteStore {
    /// Writes a new ticket and, when `provider` is given, queues its delivery there, in one transaction.
    ///
    /// The delivery is due at the ticket's `createdAt`, that is at once.
    /// - Throws: ``StoreError/duplicateTicket(id:)`` when the id is taken.
    public func create(_ ticket: Ticket, deliverTo provider: String?) async throws {
        let json = try Self.encode(ticket)
        try await write("create ticket") { db in
            if try Self.ticketExists(db, id: ticket.id) { throw StoreError.duplicateTicket(id: ticket.id) }
            try db.execute(
                sql: """
                    INSERT INTO tickets (id, session_id, channel, status, subject, customer_email, customer_profile_id,
                        customer_name, reason, assignee, created_at, updated_at, external_provider, external_id, json)
                    VALUES (CAST(? AS TEXT), \(Self.columnPlaceholders))
                    """,
                arguments: Self.columns(of: ticket, json: json, leading: [ticket.id.fullLength])
            )
            if let provider {
                try db.execute(
                    sql: "INSERT INTO outbox (ticket_id, provider, attempts, next_attempt_at) VALUES (CAST(? AS TEXT), CAST(? AS TEXT), 0, ?)",
                    arguments: [ticket.id.fullLength, provider.fullLength, ticket.createdAt.unixTime]
                )
            }
        }
    }

    /// The ticket with this id.
    public func ticket(id: String) async throws -> Ticket? {
        try await read("read ticket") { db in try Self.fetchTicket(db, id: id) }
    }

    /// The status of the ticket with this id, without reading its transcript.
    public func status(ofTicket id: String) async throws -> Ticket.Status? {
        let raw = try await read("read ticket") { db in
            try String.fetchOne(db, sql: "SELECT status FROM tickets WHERE id = CAST(? AS TEXT)", arguments: [id.fullLength])
        }
        return raw.flatMap(Ticket.Status.init(rawValue:))
    }

    /// Replaces a ticket's stored fields, as given (set `updatedAt` yourself).
    ///
    /// Prefer ``modifyTicket(id:_:)`` for read-modify-write changes: it cannot lose another process's
    /// change made between the read and the write.
    /// - Throws: ``StoreError/ticketNotFound(id:)``.
    public func update(_ ticket: Ticket) async throws {
        let json = try Self.encode(ticket)
        try await write("update ticket") { db in
            try Self.writeTicket(db, ticket, json: json)
        }
    }

    /// Changes a ticket in one transaction and sets its `updatedAt` to now.
    ///
    /// - Parameters:
    ///   - id: The ticket's full id.
    ///   - change: Edits the ticket; its id cannot be changed.
    /// - Returns: The ticket as stored.
    /// - Throws: ``StoreError/ticketNotFound(id:)`` or what `change` throws.
    @discardableResult
    public func modifyTicket(id: String, _ change: @Sendable (inout Ticket) throws -> Void) async throws -> Ticket {
        try await write("update ticket") { db in
            guard var ticket = try Self.fetchTicket(db, id: id) else { throw StoreError.ticketNotFound(id: id) }
            try change(&ticket)
            ticket = ticket.maskingTeamText
            ticket.id = id
            ticket.updatedAt = Date()
            try Self.writeTicket(db, ticket, json: try Self.encode(ticket))
            return ticket
        }
    }

    /// Tickets, newest first, optionally of one status.
    public func tickets(status: Ticket.Status?) async throws -> [Ticket] {
        try await read("read tickets") { db in
            if let status {
                return try Self.fetchTickets(
                    db, sql: "SELECT id, json, CAST(session_id AS BLOB) AS session_id FROM tickets WHERE status = ? ORDER BY created_at DESC, rowid DESC",
                    arguments: [status.rawValue])
            }
            return try Self.fetchTickets(db, sql: "SELECT id, json, CAST(session_id AS BLOB) AS session_id FROM tickets ORDER BY created_at DESC, rowid DESC")
        }
    }

    /// The ticket whose id is `prefix` or, failing that, the only one whose id starts with it (like git).
    ///
    /// - Throws: ``StoreError/noTicketMatches(prefix:)`` or ``StoreError/ambiguousTicketPrefix(prefix:count:)``.
    public func ticket(matching prefix: String) async throws -> Ticket {
        let prefix = prefix.trimmingCharacters(in: .whitespaces)
        let matches = try await read("find ticket") { db -> [Ticket] in
            guard !prefix.isEmpty else { return [] }
            if let exact = try Self.fetchTicket(db, id: prefix) { return [exact] }
            return try Self.fetchTickets(
                db, sql: "SELECT id, json, CAST(session_id AS BLOB) AS session_id FROM tickets WHERE substr(id, 1, ?) = CAST(? AS TEXT) LIMIT 50",
                arguments: [prefix.utf8.count, prefix.fullLength])
        }
        switch matches.count {
        case 0: throw StoreError.noTicketMatches(prefix: prefix)
        case 1: return matches[0]
        default:
            let count = try await read("find ticket") { db in
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM tickets WHERE substr(id, 1, ?) = CAST(? AS TEXT)",
                    arguments: [prefix.utf8.count, prefix.fullLength]) ?? 0
            }
            throw StoreError.ambiguousTicketPrefix(prefix: prefix, count: count)
        }
    }

    /// The newest ticket of a session that is not closed.
    public func activeTicket(sessionID: String) async throws -> Ticket? {
        try await read("read tickets") { db in
            try Self.fetchTickets(
                db,
                sql: """
                    SELECT id, json, CAST(session_id AS BLOB) AS session_id FROM tickets WHERE session_id = CAST(? AS TEXT) AND status != 'closed'
                    ORDER BY created_at DESC, rowid DESC LIMIT 1
                    """,
                arguments: [sessionID.fullLength]
            ).first
        }
    }

    /// The newest ticket (any status) of a customer on a channel.
    ///
    /// `customer` is compared with the ticket's email (ignoring case), its customer profile id and its
    /// session id (on SMS and WhatsApp the session id is the phone number of an anonymous customer).
    public func latestTicket(customer: String, channel: Channel) async throws -> Ticket? {
        try await read("read tickets") { db in
            try Self.fetchTickets(
                db,
                sql: """
                    SELECT id, json, CAST(session_id AS BLOB) AS session_id FROM tickets
                    WHERE channel = ? AND (customer_email = lower(CAST(? AS TEXT)) OR customer_profile_id = CAST(? AS TEXT)
                        OR session_id = CAST(? AS TEXT))
                    ORDER BY created_at DESC, rowid DESC LIMIT 1
                    """,
                arguments: [channel.rawValue, customer.fullLength, customer.fullLength, customer.fullLength]
            ).first
        }
    }

    /// Adds a turn to a ticket's transcript, as a row of its own (the ticket is not rewritten);
    /// the ticket's `updatedAt` becomes the turn's timestamp when that is later.
    /// - Throws: ``StoreError/ticketNotFound(id:)``.
    public func append(_ turn: Turn, toTicket id: String) async throws {
        let json = SessionRecord.turn(turn)
        let key = TicketTurnKey.of(turn)
        try await batched("add to a ticket") { db in
            try Self.appendTurn(db, json: json, at: turn.timestamp, toTicket: id, key: key)
        }
    }

    // MARK: - Replies

    /// Stores a person's reply, pending for the ticket's session, and appends it to the ticket's transcript
    /// as a `.human` turn, in one transaction.
    /// - Throws: ``StoreError/ticketNotFound(id:)``.
    public func addReply(ticketID: String, author: String, text: String) async throws -> HumanReply {
        // What the team types is masked like what customers type.
        let (author, text) = (SecretMasker.mask(author), SecretMasker.mask(text))
        // Rounded through the stored representation, so the returned reply equals the one read back.
        let now = Date(unixTime: Date().unixTime)
        let human = Turn(timestamp: now, role: .human, text: text, author: author)
        let turn = SessionRecord.turn(human)
        let key = TicketTurnKey.of(human)
        return try await write("store a reply") { db in
            guard
                // Read as bytes: GRDB's `String.fetchOne` takes a column's text up to its first NUL.
                let sessionID = try Data.fetchOne(
                    db, sql: "SELECT CAST(session_id AS BLOB) FROM tickets WHERE id = CAST(? AS TEXT)",
                    arguments: [ticketID.fullLength]
                ).map({ String(decoding: $0, as: UTF8.self) })
            else { throw StoreError.ticketNotFound(id: ticketID) }
            try db.execute(
                sql: """
                    INSERT INTO replies (ticket_id, session_id, author, text, created_at, status)
                    VALUES (CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), ?, 'pending')
                    """,
                arguments: [ticketID.fullLength, sessionID.fullLength, author.fullLength, text.fullLength, now.unixTime]
            )
            let sequence = db.lastInsertedRowID
            try Self.appendTurn(db, json: turn, at: now, toTicket: ticketID, key: key)
            return HumanReply(
                sequence: sequence, ticketID: ticketID, sessionID: sessionID, author: author, text: text, createdAt: now)
        }
    }

    /// Replies with a sequence above `sequence`, oldest first.
    public func replies(after sequence: Int64) async throws -> [HumanReply] {
        try await read("read replies") { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT sequence, CAST(ticket_id AS BLOB) AS ticket_id, CAST(session_id AS BLOB) AS session_id,
                        CAST(author AS BLOB) AS author, CAST(text AS BLOB) AS text, created_at
                    FROM replies WHERE sequence > ? ORDER BY sequence
                    """, arguments: [sequence]
            )
            .map { row in
                HumanReply(
                    sequence: row["sequence"], ticketID: row["ticket_id"], sessionID: row["session_id"],
                    author: row["author"], text: row["text"], createdAt: Date(unixTime: row["created_at"]))
            }
        }
    }

    /// The highest reply sequence so far (0 when none).
    public func lastReplySequence() async throws -> Int64 {
        try await read("read replies") { db in
            try Int64.fetchOne(db, sql: "SELECT MAX(sequence) FROM replies") ?? 0
        }
    }

    // MARK: - Row helpers

    static func ticketExists(_ db: Database, id: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM tickets WHERE id = CAST(? AS TEXT))", arguments: [id.fullLength])
            ?? false
    }

    static func fetchTicket(_ db: Database, id: String) throws -> Ticket? {
        try fetchTickets(db, sql: "SELECT id, json, CAST(session_id AS BLOB) AS session_id FROM tickets WHERE id = CAST(? AS TEXT)", arguments: [id.fullLength]).first
    }

    static func fetchTickets(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws
        -> [Ticket]
    {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            let shownID: String = row["id"]
            var ticket = try decode(Ticket.self, from: row["json"], kind: "ticket", id: shownID)
            let id = ticket.id
            // The session column is the current one: a person's ticket moves to their newest conversation
            // without its JSON being rewritten (SQLiteStore+PersonTickets).
            // Every caller selects it: `SELECT id, json, CAST(session_id AS BLOB) AS session_id FROM tickets …`.
            if let session = row["session_id"] as Data? {
                ticket.sessionID = String(decoding: session, as: UTF8.self)
            }
            // Turns appended since the ticket was last written whole.
            let appended = try String.fetchAll(
                db, sql: "SELECT json FROM ticket_turns WHERE ticket_id = CAST(? AS TEXT) ORDER BY sequence",
                arguments: [id.fullLength])
            for json in appended {
                let turn = try decode(Turn.self, from: json, kind: "ticket turn", id: id)
                ticket.transcript.append(turn)
                ticket.updatedAt = max(ticket.updatedAt, turn.timestamp)
            }
            return ticket
        }
    }

    /// Appends an encoded turn to a ticket's transcript rows and moves its `updated_at` forward.
    /// `key` (``TicketTurnKey``) marks the turn as held, so a person's later conversation does not add it again.
    static func appendTurn(_ db: Database, json: String, at timestamp: Date, toTicket id: String, key: Int64? = nil) throws {
        try db.cachedStatement(sql: "UPDATE tickets SET updated_at = max(updated_at, ?) WHERE id = CAST(? AS TEXT)")
            .execute(arguments: [timestamp.unixTime, id.fullLength])
        if db.changesCount == 0 { throw StoreError.ticketNotFound(id: id) }
        try db.cachedStatement(sql: "INSERT INTO ticket_turns (ticket_id, json) VALUES (CAST(? AS TEXT), ?)")
            .execute(arguments: [id.fullLength, json])
        if let key {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO ticket_turn_keys (ticket_id, turn_key) VALUES (CAST(? AS TEXT), ?)")
                .execute(arguments: [id.fullLength, key])
        }
    }

    /// Rewrites every column of an existing ticket; its whole transcript is in `json`, so the
    /// separately appended turns go.
    static func writeTicket(_ db: Database, _ ticket: Ticket, json: String) throws {
        try db.execute(
            sql: """
                UPDATE tickets SET session_id = CAST(? AS TEXT), channel = ?, status = ?, subject = CAST(? AS TEXT),
                    customer_email = CAST(? AS TEXT), customer_profile_id = CAST(? AS TEXT), customer_name = CAST(? AS TEXT),
                    reason = ?, assignee = CAST(? AS TEXT), created_at = ?, updated_at = ?,
                    external_provider = CAST(? AS TEXT), external_id = CAST(? AS TEXT), json = ?
                WHERE id = CAST(? AS TEXT)
                """,
            arguments: columns(of: ticket, json: json, trailing: [ticket.id.fullLength])
        )
        if db.changesCount == 0 { throw StoreError.ticketNotFound(id: ticket.id) }
        try db.execute(sql: "DELETE FROM ticket_turns WHERE ticket_id = CAST(? AS TEXT)", arguments: [ticket.id.fullLength])
    }

    /// The placeholders of ``columns(of:json:leading:trailing:)``'s values, from `session_id` to `json`
    /// (text columns bound with their full length, ``Swift/String/fullLength``).
    static let columnPlaceholders =
        "CAST(? AS TEXT), ?, ?, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), ?, CAST(? AS TEXT), ?, ?, "
        + "CAST(? AS TEXT), CAST(? AS TEXT), ?"

    /// The ticket's column values from `session_id` to `json`, between `leading` and `trailing` values.
    static func columns(
        of ticket: Ticket, json: String,
        leading: [(any DatabaseValueConvertible)?] = [], trailing: [(any DatabaseValueConvertible)?] = []
    ) -> StatementArguments {
        let values: [(any DatabaseValueConvertible)?] = [
            ticket.sessionID.fullLength, ticket.channel.rawValue, ticket.status.rawValue, ticket.subject.fullLength,
            ticket.customerEmail?.lowercased().fullLength, ticket.customerProfileID.fullLength,
            ticket.customerName.fullLength, ticket.reason.rawValue, ticket.assignee.fullLength,
            ticket.createdAt.unixTime, ticket.updatedAt.unixTime, ticket.external?.provider.fullLength,
            ticket.external?.id.fullLength, json,
        ]
        return StatementArguments(leading + values + trailing)
    }
}

import Foundation
import GRDB
import StewardCore
import StewardModel
import StewardRuntime
import Testing

@testable import StewardStore

@Suite("SQLite migrations")
struct MigrationTests {
    @Test("Turns stored one row each (v2) move to the turn log and keep their order")
    func sessionTurnsMoveToTheLog() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            var session = Session(id: "a", now: Instant.base)
            session.turns = (0..<30).map { Turn(timestamp: Instant.at(Double($0)), role: $0 % 2 == 0 ? .customer : .agent, text: "turn \($0)") }
            var other = Session(id: "b", now: Instant.base)
            other.turns = [Turn(timestamp: Instant.at(5), role: .customer, text: "hello")]
            // A database as Steward wrote it before the turn log.
            do {
                let queue = try DatabaseQueue(path: path)
                try Schema.migrator.migrate(queue, upTo: "v2 session turns")
                let sessions = [session, other]
                try await queue.write { db in
                    for s in sessions {
                        var header = s
                        header.turns = []
                        try db.execute(
                            sql: """
                                INSERT INTO sessions (id, channel, created_at, updated_at, json, turn_count)
                                VALUES (?, 'webchat', 0, 0, ?, ?)
                                """,
                            arguments: [s.id, SessionRecord.header(header), s.turns.count])
                        // Written out of order, as interleaved conversations would be.
                        for (position, turn) in s.turns.enumerated().reversed() {
                            try db.execute(
                                sql: "INSERT INTO session_turns (session_id, position, json) VALUES (?, ?, ?)",
                                arguments: [s.id, position, SessionRecord.turn(turn)])
                        }
                    }
                }
            }
            let store = try SQLiteStore(path: path, configuration: .init(recentTurns: 10))
            var loaded = try #require(try await store.load(id: "a"))
            #expect(loaded.turnCount == 30)
            #expect(try await store.turns(session: "a", before: loaded.earlierTurnCount) + loaded.turns == session.turns)
            #expect(try await store.load(id: "b")?.turns == other.turns)

            // The conversation goes on after the migration.
            let next = Turn(timestamp: Instant.at(100), role: .customer, text: "and now?")
            loaded.turns.append(next)
            try await store.save(loaded)
            let reopened = try SQLiteStore(path: path)
            #expect(try await reopened.turns(session: "a", before: 31) == session.turns + [next])
        }
    }

    @Test("Tickets written before v5 keep working but are never merged into (their key was an email nobody verified); new ones are one per person")
    func personTicketsAfterTheMigration() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            // A database as Steward wrote it before v5, holding the duplicate tickets the old check-then-insert made.
            let older = Ticket.sample(id: "old-1", session: "a", channel: .sms, email: "kim.park@example.com", createdAt: Instant.at(0))
            let newer = Ticket.sample(id: "old-2", session: "b", channel: .sms, email: "kim.park@example.com", createdAt: Instant.at(1))
            do {
                let queue = try DatabaseQueue(path: path)
                try Schema.migrator.migrate(queue, upTo: "v4 turn log")
                try await queue.write { db in
                    for ticket in [older, newer] {
                        try db.execute(
                            sql: """
                                INSERT INTO tickets (id, session_id, channel, status, subject, customer_email, customer_profile_id,
                                    customer_name, reason, assignee, created_at, updated_at, external_provider, external_id, json)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                                """,
                            arguments: SQLiteStore.columns(of: ticket, json: try SQLiteStore.encode(ticket), leading: [ticket.id]))
                    }
                }
            }
            let store = try SQLiteStore(path: path)
            var later = Ticket.sample(id: "new", session: "c", channel: .sms, email: "kim.park@example.com", createdAt: Instant.at(5))
            later.transcript = [Turn(timestamp: Instant.at(5), role: .customer, text: "hello?? real person please")]
            let placed = try await store.createOrAppend(later, forCustomer: "email:kim.park@example.com", deliverTo: nil)
            #expect(placed == TicketPlacement(ticketID: "new", created: true))
            #expect(try await store.ticket(id: "old-2")?.transcript.map(\.text) == newer.transcript.map(\.text))
            #expect(try await store.tickets(status: nil).count == 3)

            // A new person's ticket carries their key, and the unique index refuses a second one.
            let lee = Ticket.sample(id: "lee-1", session: "d", channel: .sms, email: "lee@example.com")
            #expect(try await store.createOrAppend(lee, forCustomer: "email:lee@example.com", deliverTo: nil).created)
            let duplicate = Ticket.sample(id: "lee-2", session: "e", channel: .sms, email: "lee@example.com")
            await #expect(throws: (any Error).self) {
                try await store.write("insert a second ticket of one person") { db in
                    try db.execute(
                        sql: """
                            INSERT INTO tickets (id, session_id, channel, status, subject, customer_email, customer_profile_id,
                                customer_name, reason, assignee, created_at, updated_at, external_provider, external_id, json,
                                person_key)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: SQLiteStore.columns(
                            of: duplicate, json: "{}", leading: [duplicate.id], trailing: ["email:lee@example.com"]))
                }
            }
        }
    }

    @Test("Deleting a session removes its turns and leaves other sessions' turns")
    func deleteRemovesTurns() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let store = try SQLiteStore(path: path)
            for id in ["a", "b"] {
                var session = Session(id: id, now: Instant.base)
                session.turns = (0..<5).map { Turn(timestamp: Instant.at(Double($0)), role: .customer, text: "\(id) \($0)") }
                try await store.save(session)
            }
            try await store.delete(id: "a")
            let queue = try DatabaseQueue(path: path)
            let remaining = try await queue.read { db in try String.fetchAll(db, sql: "SELECT session_id FROM turn_log") }
            #expect(remaining == Array(repeating: "b", count: 5))
            #expect(try await store.load(id: "b")?.turns.count == 5)
        }
    }
}

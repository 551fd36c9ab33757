import Foundation
import GRDB
import StewardCore
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

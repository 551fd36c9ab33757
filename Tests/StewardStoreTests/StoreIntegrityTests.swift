import Foundation
import GRDB
import StewardCore
import StewardRuntime
import StewardStore
import Testing

/// The start-up check refuses a damaged file naming it, `steward store check` reports, a backup is a
/// consistent stand-alone copy, and closing the store leaves everything in the database file.
@Suite("Store integrity, backup and checkpoint")
struct StoreIntegrityTests {
    /// A database with `sessions` conversations of `turns` turns each, closed (checkpointed).
    func populated(_ path: String, sessions: Int = 120, turns: Int = 8) async throws -> [Session] {
        let store = try SQLiteStore(path: path)
        var saved: [Session] = []
        for index in 0..<sessions {
            var session = Session(id: "s\(index)", now: Instant.base)
            session.turns = (0..<turns).map {
                Turn(timestamp: Instant.at(Double($0)), role: .customer, text: "message \($0) of \(index) " + String(repeating: "x", count: 200))
            }
            try await store.save(session)
            saved.append(session)
        }
        try store.close()
        return saved
    }

    func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Overwrites `count` bytes at `offset` with bytes from a fixed pattern.
    func scribble(_ path: String, at offset: Int, count: Int) throws {
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: UInt64(offset))
        handle.write(Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }))
        try handle.close()
    }

    @Test("After close the database file alone holds every turn, and the log is empty or gone")
    func closeCheckpoints() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let sessions = try await populated(path)
            #expect(fileSize(path + "-wal") == 0)
            // A copy of the file alone, as a backup by `cp` would be.
            let copy = directory.appendingPathComponent("copy.db").path
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            let store = try SQLiteStore(path: copy)
            for session in sessions {
                #expect(try await store.load(id: session.id)?.turnCount == session.turns.count)
            }
        }
    }

    @Test("A sound database passes the start-up check and the full check")
    func soundDatabase() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            _ = try await populated(path, sessions: 20)
            try StoreIntegrity.startupCheck(path: path)
            let report = try StoreIntegrity.check(path: path)
            #expect(report.isSound, "\(report.problems)")
            #expect(report.pages > 1)
            // A missing file is a new database: nothing to check.
            try StoreIntegrity.startupCheck(path: directory.appendingPathComponent("new.db").path)
        }
    }

    enum Damage: String, CaseIterable, CustomTestStringConvertible {
        case header, truncated, middlePage, lastPage, notADatabase
        var testDescription: String { rawValue }
    }

    @Test("A damaged database stops start-up with a message naming the file", arguments: Damage.allCases)
    func damagedDatabase(_ damage: Damage) async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            _ = try await populated(path)
            let size = fileSize(path)
            let page = 4096
            #expect(size > 20 * page)
            switch damage {
            case .header: try scribble(path, at: 0, count: 16)
            case .truncated: try FileHandle(forUpdatingAtPath: path)?.truncate(atOffset: UInt64(size / 2))
            case .middlePage: try scribble(path, at: (size / page / 2) * page, count: page)
            case .lastPage: try scribble(path, at: size - page, count: page)
            case .notADatabase: try Data(repeating: 65, count: 8192).write(to: URL(fileURLWithPath: path))
            }
            do {
                try StoreIntegrity.startupCheck(path: path)
                Issue.record("the \(damage) damage was not noticed")
            } catch let error as IntegrityError {
                guard case .damaged(let named, let problems) = error else {
                    Issue.record("unexpected \(error)")
                    return
                }
                #expect(named == path)
                #expect(!problems.isEmpty)
                #expect(error.description.contains(path))
                #expect(error.description.contains("damaged"))
            }
            let report = try StoreIntegrity.check(path: path)
            #expect(!report.isSound)
        }
    }

    @Test("The full check names the damaged pages even when SQLite's integrity check stops at the first one")
    func fullCheckNamesPages() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            _ = try await populated(path)
            // An interior page of a table overwritten: integrity_check gives up ("malformed"), quick_check names it.
            try scribble(path, at: 4 * 4096, count: 4096)
            let report = try StoreIntegrity.check(path: path)
            #expect(!report.isSound)
            #expect(report.problems.contains { $0.contains("Page ") }, "\(report.problems)")
        }
    }

    @Test("A backup taken while another connection writes is a consistent, stand-alone copy")
    func backupWhileWriting() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            _ = try await populated(path, sessions: 50)
            let store = try SQLiteStore(path: path)
            // A writer adding turns to every session while the backups run.
            let writer = Task {
                var round = 0
                while !Task.isCancelled && round < 400 {
                    let id = "s\(round % 50)"
                    var session = try await store.load(id: id) ?? Session(id: id)
                    session.turns.append(Turn(timestamp: Instant.at(Double(1000 + round)), role: .customer, text: "more \(round)"))
                    try await store.save(session)
                    round += 1
                }
            }
            var copies: [String] = []
            for index in 0..<3 {
                let copy = directory.appendingPathComponent("backup-\(index).db").path
                let report = try StoreIntegrity.backup(from: path, to: copy)
                #expect(report.pages > 1)
                copies.append(copy)
            }
            try await writer.value
            for copy in copies {
                #expect(fileSize(copy + "-wal") == 0)
                #expect(try StoreIntegrity.check(path: copy).isSound)
                // Consistent: every session's stored count matches the turns linked from it.
                let queue = try DatabaseQueue(path: copy)
                try await queue.read { db in
                    let rows = try Row.fetchAll(db, sql: "SELECT id, turn_count, last_turn FROM sessions")
                    #expect(rows.count == 50)
                    for row in rows {
                        var linked = 0
                        var next: Int64? = row["last_turn"]
                        while let id = next {
                            let link = try Row.fetchOne(db, sql: "SELECT previous FROM turn_log WHERE id = ?", arguments: [id])
                            next = link?["previous"]
                            linked += 1
                        }
                        #expect(linked == row["turn_count"] as Int)
                    }
                }
                try queue.close()
            }
        }
    }
}

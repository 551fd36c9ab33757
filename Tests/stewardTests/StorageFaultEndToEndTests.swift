import Foundation
import GRDB
import Testing

/// `steward pipe`, `store check` and `store backup` against storage faults: another connection holding the
/// write lock or a long read, a missing or non-SQLite database, an existing backup file.
@Suite(.serialized) struct StorageFaultEndToEndTests {
    /// A second connection holding the write lock (`BEGIN IMMEDIATE`), or a read snapshot (`BEGIN` and a read),
    /// as a `sqlite3` shell would, until `end()`.
    final class Holder: @unchecked Sendable {
        let queue: DatabaseQueue
        init(_ path: String, write: Bool) throws {
            var config = Configuration()
            config.allowsUnsafeTransactions = true
            queue = try DatabaseQueue(path: path, configuration: config)
            try queue.inDatabase { db in
                if write {
                    try db.execute(sql: "BEGIN IMMEDIATE")
                } else {
                    try db.execute(sql: "BEGIN")
                    _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sessions")
                }
            }
        }
        func end() throws {
            try queue.inDatabase { db in try db.execute(sql: "ROLLBACK") }
            try queue.close()
        }
    }

    func remove(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    func configuration(busyTimeout: Double) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("steward-test-\(UUID().uuidString).yaml").path
        try "store:\n  busy_timeout: \(busyTimeout)\n".write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(.timeLimit(.minutes(2)))
    func aPipeBehindAHeldWriteLockAnswersStorageFailuresNamingTheMessageAndExits3() throws {
        let db = temporaryDatabase()
        let config = try configuration(busyTimeout: 0.3)
        defer { remove(db); try? FileManager.default.removeItem(atPath: config) }
        // The pipe starts on a sound file; then a shell takes the write lock and keeps it. Standard input
        // stays open: only the run of storage failures can end the pipe.
        let input = ([#"{"session":"w0","id":"m0","text":"hi"}"#]
            + (1...6).map { #"{"session":"w\#($0)","id":"m\#($0)","text":"where is my order"}"# }).joined(separator: "\n") + "\n"
        let steward = try LiveSteward(
            ["pipe", "--db", db, "--config", config, "--max-storage-failures", "3"], input: Data(input.utf8), holdAfter: 1)
        steward.waitForLines(1)
        let holder = try Holder(db, write: true)
        defer { try? holder.end() }
        steward.release()
        let lines = steward.finish()
        var stderr = steward.stderr
        for _ in 0..<50 where !stderr.contains("in a row") {
            usleep(100_000)
            stderr = steward.stderr
        }
        let errors = lines.compactMap { line -> [String: Any]? in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["error"] as? [String: Any]
        }
        #expect(steward.process.terminationStatus == 3, "\(stderr)")
        #expect(errors.count >= 3)
        for error in errors {
            #expect(error["code"] as? String == "storage_failure")
            #expect((error["session"] as? String)?.hasPrefix("w") == true && (error["id"] as? String)?.hasPrefix("m") == true)
            #expect((error["message"] as? String)?.contains("locked by another process") == true)
        }
        #expect(stderr.contains("failed in the store in a row"))
    }

    @Test(.timeLimit(.minutes(2)))
    func aPipeStartedBehindAHeldWriteLockStopsWithAMessageInsteadOfWaiting() throws {
        let db = temporaryDatabase()
        let config = try configuration(busyTimeout: 0.3)
        defer { remove(db); try? FileManager.default.removeItem(atPath: config) }
        let first = try StewardProcess.run(["pipe", "--db", db], lines: [#"{"session":"a","id":"1","text":"hi"}"#])
        #expect(first.status == 0)
        let holder = try Holder(db, write: true)
        defer { try? holder.end() }
        let output = try StewardProcess.run(
            ["pipe", "--db", db, "--config", config], lines: [#"{"session":"a","id":"2","text":"hi"}"#])
        #expect(output.status == 1)
        #expect(output.stderr.contains(db) && output.stderr.contains("write lock"), "\(output.stderr)")
    }

    @Test(.timeLimit(.minutes(2)))
    func aCheckpointKeptFromFinishingByALongReaderIsReportedWithItsFramesLeft() throws {
        let db = temporaryDatabase()
        defer { remove(db) }
        let seed = try StewardProcess.run(["pipe", "--db", db], lines: [#"{"session":"r0","id":"1","text":"hi"}"#])
        #expect(seed.status == 0)
        let reader = try Holder(db, write: false)
        defer { try? reader.end() }
        let lines = (1...40).map { #"{"session":"r\#($0)","id":"1","text":"do you ship to Canada?"}"# }
        let pipe = try StewardProcess.run(["pipe", "--db", db], lines: lines)
        #expect(pipe.status == 0)
        #expect(pipe.stderr.contains("checkpoint at exit was incomplete") && pipe.stderr.contains("frames are left"), "\(pipe.stderr)")
        let check = try StewardProcess.run(["store", "check", "--db", db], input: Data())
        #expect(check.status == 0)
        #expect(check.stdout.hasPrefix("ok:"))
        #expect(check.stderr.contains("checkpoint was incomplete") && check.stderr.contains("frames in \(db)-wal"), "\(check.stderr)")
        try reader.end()
        let again = try StewardProcess.run(["store", "check", "--db", db], input: Data())
        #expect(again.status == 0 && !again.stderr.contains("incomplete"), "\(again.stderr)")
    }

    @Test func backupNamesTheFileAtFaultAndOverwritesOnlyWithForce() throws {
        let db = temporaryDatabase()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("steward-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { remove(db); try? FileManager.default.removeItem(at: directory) }
        let seed = try StewardProcess.run(["pipe", "--db", db], lines: [#"{"session":"b","id":"1","text":"hi"}"#])
        #expect(seed.status == 0)
        let copy = directory.appendingPathComponent("copy.db").path
        let notes = directory.appendingPathComponent("notes.txt").path
        try String(repeating: "not a database\n", count: 20).write(toFile: notes, atomically: true, encoding: .utf8)
        let missing = directory.appendingPathComponent("missing.db").path

        let cases: [([String], String)] = [
            (["store", "backup", copy, "--db", missing], "There is no database at \(missing)"),
            (["store", "backup", copy, "--db", notes], "The database to back up, \(notes), is not an SQLite database"),
            (["store", "backup", directory.path, "--db", db], "The backup file \(directory.path) is a directory"),
            (["store", "backup", db, "--db", db, "--force"], "is the database \(db) itself"),
            (["store", "backup", notes, "--db", db], "The backup file \(notes) already exists"),
        ]
        for (arguments, message) in cases {
            let output = try StewardProcess.run(arguments, input: Data())
            #expect(output.status == 1, "\(arguments): \(output.stderr)")
            #expect(output.stderr.contains(message), "\(arguments): \(output.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: copy))
        #expect(try String(contentsOfFile: notes, encoding: .utf8).hasPrefix("not a database"))
        let forced = try StewardProcess.run(["store", "backup", notes, "--db", db, "--force"], input: Data())
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try DatabaseQueue(path: notes).read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sessions") } == 1)
        let help = try StewardProcess.run(["store", "backup", "--help"], input: Data())
        #expect(help.stdout.contains("--force"))
    }
}

import Foundation
import Testing

/// `steward pipe` under signals, a closed output and damaged files, and `steward store`: every line read
/// is answered and stored, the database file alone holds everything after a clean exit, a second
/// signal exits at once, a closed output never kills it, and a damaged file stops start-up.
@Suite(.serialized) struct PipeLifecycleEndToEndTests {
    static let sessions = 1_000

    func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    func remove(_ db: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
    }

    /// Sends the messages `ids` again to a new pipe on `db` and returns how many came back as duplicates
    /// (answered and stored before).
    func storedCount(of ids: [String], in db: String) throws -> Int {
        var lines = ""
        for id in ids {
            let index = Int(id.dropFirst())!
            lines += #"{"session":"s\#(index % Self.sessions)","id":"\#(id)","text":"do you ship to Canada?"}"# + "\n"
        }
        let output = try StewardProcess.run(["pipe", "--db", db], input: Data(lines.utf8))
        #expect(output.status == 0, "\(output.stderr)")
        return try output.json().filter { $0["duplicate"] as? Bool == true }.count
    }

    @Test func sigtermDuringA50000MessageStreamAnswersAndStoresEveryLineReadAndLeavesTheFileComplete() throws {
        let db = temporaryDatabase()
        defer { remove(db) }
        // The host streams 50,000 messages: 3,000 at once, the rest as the stop comes.
        let steward = try LiveSteward(
            ["pipe", "--db", db], input: messageLines(count: 50_000, sessions: Self.sessions), holdAfter: 3_000)
        steward.waitForLines(1_000)
        steward.send(SIGTERM)
        steward.release()
        let lines = steward.finish()
        #expect(steward.process.terminationReason == .exit)
        #expect(steward.process.terminationStatus == 0, "\(steward.stderr)")
        let answered = replyIDs(lines)
        #expect(answered.count == lines.count, "every output line is a reply")
        #expect(Set(answered).count == answered.count)
        #expect(answered.count >= 1_000 && answered.count < 50_000)
        // Answered in input order per session, from the start: the lines read were a prefix of the input.
        let numbers = Set(answered.map { Int($0.dropFirst())! })
        #expect(numbers == Set(0..<answered.count), "a gap: a line read was not answered")
        // The log was copied into the file: the file alone, copied, holds every answered message.
        #expect(fileSize(db + "-wal") == 0)
        let copy = temporaryDatabase()
        defer { remove(copy) }
        try FileManager.default.copyItem(atPath: db, toPath: copy)
        #expect(try storedCount(of: answered, in: copy) == answered.count)
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aSecondSignalExitsAtOnceWithItsStatus(_ number: Int32) throws {
        let db = temporaryDatabase()
        defer { remove(db) }
        let steward = try LiveSteward(["pipe", "--db", db], input: messageLines(count: 50_000, sessions: Self.sessions))
        steward.waitForLines(200)
        steward.send(number)
        usleep(20_000)
        steward.send(number)
        let lines = steward.finish()
        #expect(steward.process.terminationReason == .exit)
        #expect(steward.process.terminationStatus == 128 + number)
        #expect(lines.count < 50_000)
        #expect(steward.stderr.contains("second signal"))
    }

    @Test func closingStandardOutputEndsThePipeCleanlyAndWhatWasReadIsStored() throws {
        let db = temporaryDatabase()
        defer { remove(db) }
        // Standard input stays open: only the closed output can end the process.
        let steward = try LiveSteward(
            ["pipe", "--db", db], input: messageLines(count: 5_000, sessions: Self.sessions), readsOutput: false)
        let first = try steward.readFirstLineThenCloseOutput()
        _ = steward.finish()
        #expect(steward.process.terminationReason == .exit, "killed by a signal")
        #expect(steward.process.terminationStatus == 0, "\(steward.stderr)")
        let id = try #require(replyIDs([first]).first)
        #expect(try storedCount(of: [id], in: db) == 1)
        #expect(fileSize(db + "-wal") == 0)
    }

    @Test func afterAChatEndsTheDatabaseFileAloneHoldsItsTurns() throws {
        let db = temporaryDatabase()
        defer { remove(db) }
        let chat = try StewardProcess.run(["chat", "--db", db], input: Data("where is my order #1001?\nthanks\n".utf8))
        #expect(chat.status == 0, "\(chat.stderr)")
        #expect(fileSize(db) > 0)
        #expect(fileSize(db + "-wal") == 0)
        let check = try StewardProcess.run(["store", "check", "--db", db], input: Data())
        #expect(check.status == 0, "\(check.stdout)")
    }

    @Test func storeCheckAndBackupReportAndADamagedFileStopsStartUp() throws {
        let db = temporaryDatabase()
        defer { remove(db) }
        let first = try StewardProcess.run(["pipe", "--db", db], input: messageLines(count: 3_000, sessions: Self.sessions))
        #expect(first.status == 0)
        let ids = replyIDs(first.lines)
        #expect(ids.count == 3_000)

        let check = try StewardProcess.run(["store", "check", "--db", db], input: Data())
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        #expect(check.stdout.contains("ok: \(db)"))

        let backup = temporaryDatabase()
        defer { remove(backup) }
        let copied = try StewardProcess.run(["store", "backup", backup, "--db", db], input: Data())
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(fileSize(backup + "-wal") == 0)
        #expect(try storedCount(of: ids, in: backup) == ids.count)
        // Never over an existing file.
        let again = try StewardProcess.run(["store", "backup", backup, "--db", db], input: Data())
        #expect(again.status != 0)
        #expect(again.stderr.contains("already exists"))

        // Damage a page in the middle of the file.
        let size = fileSize(db)
        let handle = try #require(FileHandle(forUpdatingAtPath: db))
        try handle.seek(toOffset: UInt64((size / 4096 / 2) * 4096))
        handle.write(Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }))
        try handle.close()
        let damaged = try StewardProcess.run(["store", "check", "--db", db], input: Data())
        #expect(damaged.status == 1)
        #expect(damaged.stdout.contains("damaged: \(db)"))
        let refused = try StewardProcess.run(["pipe", "--db", db], lines: [#"{"session":"x","text":"hi"}"#])
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.contains(db) && refused.stderr.contains("damaged"), "\(refused.stderr)")
        // A damaged file is still copied, but never silently: a warning and exit 1.
        let damagedCopy = temporaryDatabase()
        defer { remove(damagedCopy) }
        let copiedDamage = try StewardProcess.run(["store", "backup", damagedCopy, "--db", db], input: Data())
        #expect(copiedDamage.status == 1)
        #expect(copiedDamage.stderr.contains("Warning") && copiedDamage.stderr.contains("damaged"), "\(copiedDamage.stderr)")
    }
}

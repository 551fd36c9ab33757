import Foundation
import GRDB
import StewardCore
import StewardRuntime
import StewardStore
import Testing

/// `steward store backup`: every refusal names the file at fault, and nothing is overwritten unless asked.
@Suite("Store backup refusals and --force")
struct StoreBackupTests {
    func database(_ path: String, sessions: Int) async throws {
        let store = try SQLiteStore(path: path)
        for index in 0..<sessions {
            var session = Session(id: "s\(index)", now: Instant.base)
            session.turns = [Turn(timestamp: Instant.base, role: .customer, text: "message \(index)")]
            try await store.save(session)
        }
        try store.close()
    }

    func sessionCount(_ path: String) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sessions") ?? -1 }
    }

    func leftovers(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains("steward-backup-") }
    }

    @Test("A missing, empty, non-SQLite or directory source is refused naming the database, writing nothing")
    func badSources() async throws {
        try await withTemporaryDirectory { directory in
            let target = directory.appendingPathComponent("copy.db").path
            let missing = directory.appendingPathComponent("missing.db").path
            let text = directory.appendingPathComponent("notes.txt").path
            try Data("these are not the pages you are looking for, not at all, no".utf8 + Data(repeating: 65, count: 200))
                .write(to: URL(fileURLWithPath: text))
            let empty = directory.appendingPathComponent("empty.db").path
            FileManager.default.createFile(atPath: empty, contents: Data())
            let folder = directory.appendingPathComponent("folder.db").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            #expect(throws: BackupError.sourceMissing(path: missing)) { try StoreIntegrity.backup(from: missing, to: target) }
            #expect(throws: BackupError.sourceMissing(path: folder)) { try StoreIntegrity.backup(from: folder, to: target) }
            for source in [text, empty] {
                #expect {
                    try StoreIntegrity.backup(from: source, to: target)
                } throws: { error in
                    guard case .sourceNotDatabase(let path, _) = error as? BackupError else { return false }
                    return path == source && "\(error)".contains("The database to back up, \(source), is not an SQLite database")
                }
            }
            #expect(!FileManager.default.fileExists(atPath: target))
            #expect(try leftovers(in: directory).isEmpty)
        }
    }

    @Test("An existing file, a directory, the database itself or a missing folder as the copy is refused naming it")
    func badDestinations() async throws {
        try await withTemporaryDirectory { directory in
            let source = directory.appendingPathComponent("steward.db").path
            try await database(source, sessions: 3)
            let existing = directory.appendingPathComponent("existing.db").path
            try Data("keep".utf8).write(to: URL(fileURLWithPath: existing))
            #expect(throws: BackupError.destinationExists(path: existing)) { try StoreIntegrity.backup(from: source, to: existing) }
            #expect(try Data(contentsOf: URL(fileURLWithPath: existing)) == Data("keep".utf8))
            #expect("\(BackupError.destinationExists(path: existing))".contains("--force"))

            let folder = directory.path
            for overwrite in [false, true] {
                #expect(throws: BackupError.destinationIsDirectory(path: folder)) {
                    try StoreIntegrity.backup(from: source, to: folder, overwrite: overwrite)
                }
                #expect(throws: BackupError.destinationIsSource(path: source, source: source)) {
                    try StoreIntegrity.backup(from: source, to: source, overwrite: overwrite)
                }
            }
            // The database's own -wal, -shm and -journal files, existing or not, through a ./ path too.
            for suffix in ["-wal", "-shm", "-journal"] {
                for path in [source + suffix, directory.path + "/./steward.db" + suffix] {
                    #expect(throws: BackupError.destinationIsCompanion(path: path, source: source, companion: suffix)) {
                        try StoreIntegrity.backup(from: source, to: path, overwrite: true)
                    }
                }
            }
            let link = directory.appendingPathComponent("link.db").path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: source)
            #expect(throws: BackupError.destinationIsSource(path: link, source: source)) {
                try StoreIntegrity.backup(from: source, to: link, overwrite: true)
            }
            let nowhere = directory.appendingPathComponent("no/such/dir/copy.db").path
            #expect(throws: BackupError.destinationFolderMissing(path: nowhere, folder: directory.appendingPathComponent("no/such/dir").path)) {
                try StoreIntegrity.backup(from: source, to: nowhere)
            }
            #expect(try sessionCount(source) == 3)
            #expect(try leftovers(in: directory).isEmpty)
        }
    }

    @Test("--force replaces an existing file whole, and removes the old file's log so it is not applied to the copy")
    func forceReplaces() async throws {
        try await withTemporaryDirectory { directory in
            let source = directory.appendingPathComponent("steward.db").path
            try await database(source, sessions: 4)
            let old = directory.appendingPathComponent("old.db").path
            try await database(old, sessions: 9)
            try Data(repeating: 7, count: 4_096).write(to: URL(fileURLWithPath: old + "-wal"))
            let report = try StoreIntegrity.backup(from: source, to: old, overwrite: true)
            #expect(report.destination == old && report.pages > 0)
            let staleLog = (try? Data(contentsOf: URL(fileURLWithPath: old + "-wal"))) ?? Data()
            #expect(staleLog.isEmpty)
            #expect(try sessionCount(old) == 4)
            let fresh = directory.appendingPathComponent("fresh.db").path
            _ = try StoreIntegrity.backup(from: source, to: fresh)
            #expect(try sessionCount(fresh) == 4)
            #expect(try leftovers(in: directory).isEmpty)
        }
    }
}

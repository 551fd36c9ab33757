import Foundation
import GRDB

/// Integrity checks and online backups of a Steward database file.
///
/// - ``startupCheck(path:)``: what `steward pipe`, `chat` and the commands reading the database run
///   before using a file: the 100-byte header (the SQLite magic string, a valid page size, a file as
///   long as the header says: <https://www.sqlite.org/fileformat.html#the_database_header>), the schema,
///   and `PRAGMA quick_check` (every page and record, without comparing indexes to their tables) on files
///   up to ``fullStartupCheckLimit``; larger files get the header and schema checks and a read of every
///   table's first and last rows. On a 100 MB file `quick_check` takes about 0.5 s (`BENCHMARKS.md`).
/// - ``check(path:)``: `PRAGMA integrity_check`, everything `quick_check` does and that every index
///   matches its table (`steward store check`).
/// - ``backup(from:to:)``: SQLite's online backup API (`sqlite3_backup_*` through GRDB), a consistent
///   copy of one moment of the database even while other processes write to it.
public enum StoreIntegrity {
    /// Files up to this size (in bytes, 256 MiB) get `PRAGMA quick_check` at start-up.
    public static let fullStartupCheckLimit: Int64 = 256 << 20

    /// What a check found.
    public struct Report: Sendable, Equatable {
        /// The database file.
        public var path: String
        /// The file's size in bytes (without its write-ahead log).
        public var bytes: Int64
        /// Pages in the database (`PRAGMA page_count`).
        public var pages: Int
        /// SQLite's findings; empty when the database is sound.
        public var problems: [String]
        /// Seconds the check took.
        public var seconds: Double
        /// True when nothing is wrong.
        public var isSound: Bool { problems.isEmpty }
    }

    /// What a backup wrote.
    public struct BackupReport: Sendable, Equatable {
        /// The copy.
        public var destination: String
        /// Pages copied.
        public var pages: Int
        /// The copy's size in bytes.
        public var bytes: Int64
        /// Seconds the backup took.
        public var seconds: Double
    }

    /// Checks the file before it is used (see the type's summary); does nothing when it does not exist
    /// or is empty (a new database).
    /// - Throws: ``IntegrityError/damaged(path:problems:)`` naming the file and what is wrong.
    public static func startupCheck(path: String) throws {
        guard let size = fileSize(path), size > 0 else { return }
        if let problem = headerProblem(path: path, size: size) {
            throw IntegrityError.damaged(path: path, problems: [problem])
        }
        let problems: [String]
        do {
            let queue = try open(path)
            defer { try? queue.close() }
            problems = try queue.read { db -> [String] in
                let tables = try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                if size <= fullStartupCheckLimit {
                    return try findings(db, pragma: "quick_check")
                }
                // A large file: the edges of every table, where a cut or overwritten file shows first.
                for table in tables {
                    let quoted = "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                    _ = try Row.fetchAll(db, sql: "SELECT * FROM \(quoted) LIMIT 1")
                    _ = try? Row.fetchAll(db, sql: "SELECT * FROM \(quoted) ORDER BY rowid DESC LIMIT 1")
                }
                return []
            }
        } catch {
            throw IntegrityError.damaged(path: path, problems: [SQLiteStore.reason(for: error)])
        }
        if !problems.isEmpty { throw IntegrityError.damaged(path: path, problems: problems) }
    }

    /// Runs `PRAGMA integrity_check` on the whole file (`steward store check`).
    /// - Returns: The report; ``Report/problems`` lists SQLite's findings (at most 100).
    /// - Throws: ``StoreError/missingDatabase(path:)`` when there is no such file.
    public static func check(path: String) throws -> Report {
        guard let size = fileSize(path) else { throw StoreError.missingDatabase(path: path) }
        let started = Date()
        var pages = 0
        var problems: [String] = []
        if let problem = headerProblem(path: path, size: size) {
            problems = [problem]
        } else {
            do {
                let queue = try open(path)
                defer { try? queue.close() }
                do {
                    try queue.read { db in
                        pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
                        problems = try findings(db, pragma: "integrity_check(100)")
                    }
                } catch {
                    // The full check can stop at the first unreadable page ("database disk image is
                    // malformed"); the quick check, in a transaction of its own, often gets further and
                    // names the pages.
                    let detail = (try? queue.read { try findings($0, pragma: "quick_check(100)") }) ?? []
                    problems = [SQLiteStore.reason(for: error)] + detail
                }
            } catch {
                problems = [SQLiteStore.reason(for: error)]
            }
        }
        return Report(path: path, bytes: size, pages: pages, problems: problems, seconds: Date().timeIntervalSince(started))
    }

    // MARK: - Internals

    static func fileSize(_ path: String) -> Int64? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return (attributes[.size] as? NSNumber)?.int64Value
    }

    /// What is wrong with the file's header, or nil.
    static func headerProblem(path: String, size: Int64) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "the file cannot be read" }
        defer { try? handle.close() }
        let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        guard header.count == 100, header.starts(with: Array("SQLite format 3\u{0}".utf8)) else {
            return "the file is not an SQLite database"
        }
        let rawPageSize = Int(header[16]) << 8 | Int(header[17])
        let pageSize = rawPageSize == 1 ? 65_536 : rawPageSize
        guard pageSize >= 512, pageSize <= 65_536, pageSize & (pageSize - 1) == 0 else {
            return "the header's page size \(rawPageSize) is invalid"
        }
        func uint32(_ offset: Int) -> UInt32 {
            header[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
        }
        // The page count is trusted when its "valid for" counter matches the change counter, and
        // when no write-ahead log is waiting (a checkpoint cut short by a crash is finished from the
        // log at the next open, so the file may be short until then).
        let logWaiting = (fileSize(path + "-wal") ?? 0) > 0
        if !logWaiting && uint32(92) == uint32(24) {
            let expected = Int64(uint32(28)) * Int64(pageSize)
            if size < expected {
                return "the file is cut short: \(size) bytes of the \(expected) its header gives"
            }
        }
        if !logWaiting && size % Int64(pageSize) != 0 {
            return "the file's size \(size) is not a whole number of \(pageSize)-byte pages"
        }
        return nil
    }

    static func open(_ path: String) throws -> DatabaseQueue {
        var config = GRDB.Configuration()
        config.busyMode = .timeout(10)
        config.label = "steward.check"
        return try DatabaseQueue(path: path, configuration: config)
    }

    static func findings(_ db: Database, pragma: String) throws -> [String] {
        let rows = try String.fetchAll(db, sql: "PRAGMA \(pragma)")
        return rows == ["ok"] ? [] : rows
    }
}

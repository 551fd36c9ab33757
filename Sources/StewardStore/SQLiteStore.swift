import Foundation
import GRDB
import StewardCore
import StewardRuntime

/// Keeps sessions, tickets, their delivery outbox and the team's replies in one SQLite file.
///
/// The file is opened in WAL mode, so several processes can share it: `steward pipe` processes
/// write sessions and tickets while `steward tickets reply` adds the team's replies from another
/// shell. Writers wait up to ``Configuration-swift.struct/busyTimeout`` for each other instead of failing.
/// One writer per session across processes: a session is answered under a claim
/// (``claim(session:)``), and every save checks, inside its transaction, the session's `version` this
/// process loaded, so a stale copy is never written over another process's turns (``SessionConflict``).
/// The runtime only sees the ``SessionStore`` and ``TicketStore`` protocols.
public final class SQLiteStore: SessionStore, TicketStore, Sendable {
    /// Settings of the store.
    public struct Configuration: Sendable {
        /// Create the file when it does not exist (true for the agent, false for commands that only read).
        public var createIfMissing: Bool
        /// Seconds a write (or opening the file) waits for another connection's write lock before it fails
        /// with "the database is locked by another process" (`store.busy_timeout`, default
        /// ``defaultBusyTimeout``). A message whose write fails this way gets a `storage_failure` error line,
        /// and `steward pipe` stops after `--max-storage-failures` of them in a row.
        public var busyTimeout: TimeInterval
        /// Seconds ``SQLiteStore/claim(session:)`` waits for another task or process answering the same
        /// session before it fails with ``SessionClaimTimeout`` (default ``defaultClaimTimeout``).
        public var claimTimeout: TimeInterval
        /// How many of a conversation's most recent turns a loaded session holds at least; older turns stay
        /// in the file (``SQLiteStore/turns(session:before:)``), so memory does not grow with long
        /// conversations.
        public var recentTurns: Int
        /// How many recently used sessions stay in memory, so a busy conversation is not read back
        /// from the file for every message (a few kilobytes each).
        public var cachedSessions: Int
        /// The most memory the cached sessions may take, in bytes (estimated per session by
        /// ``SessionLimits/estimatedBytes(of:)``; `store.cache_megabytes`, 64 MiB by default).
        public var cachedBytes: Int

        /// Creates settings.
        /// - Parameters:
        ///   - createIfMissing: Create the file when it does not exist.
        ///   - busyTimeout: Seconds a write waits for another connection's write lock.
        ///   - claimTimeout: Seconds a session claim waits for another holder of the session.
        ///   - recentTurns: Turns a loaded session holds (at least 2).
        ///   - cachedSessions: Sessions kept in memory (at least 1).
        ///   - cachedBytes: Bytes the cached sessions may take (at least 1 MiB).
        public init(
            createIfMissing: Bool = true, busyTimeout: TimeInterval = Configuration.defaultBusyTimeout, recentTurns: Int = 6,
            cachedSessions: Int = 4_096, cachedBytes: Int = 64 << 20,
            claimTimeout: TimeInterval = Configuration.defaultClaimTimeout
        ) {
            self.claimTimeout = max(0, claimTimeout)
            self.cachedBytes = max(1 << 20, cachedBytes)
            self.createIfMissing = createIfMissing
            self.busyTimeout = busyTimeout
            self.recentTurns = max(2, recentTurns)
            self.cachedSessions = max(1, cachedSessions)
        }
    }

    /// The file used when neither `--db` nor `store.path` says otherwise.
    public static let defaultPath = "steward.db"

    /// The database file.
    public let path: String
    let pool: DatabasePool
    let sessionCache: SessionCache
    /// Turns a loaded session holds.
    let recentTurns: Int
    /// Group commit for session saves, the hot path of every message.
    let batcher: WriteBatcher
    /// The sessions this instance holds (``claim(session:)``).
    let claims = SessionClaims()
    /// Seconds a claim waits for another holder (``Configuration-swift.struct/claimTimeout``).
    let claimTimeout: TimeInterval
    /// Seconds a write waits for the write lock (``Configuration-swift.struct/busyTimeout``).
    let busyTimeout: TimeInterval

    /// Opens the database at `path`, creating it when needed, and brings its tables up to date.
    ///
    /// - Parameter path: The database file, e.g. ``defaultPath``.
    /// - Throws: ``StoreError`` when the file cannot be opened or its tables prepared.
    public convenience init(path: String) throws {
        try self.init(path: path, configuration: Configuration())
    }

    /// Opens the database at `path` with explicit settings and brings its tables up to date.
    ///
    /// - Parameters:
    ///   - path: The database file.
    ///   - configuration: Whether to create the file, and the busy timeout.
    /// - Throws: ``StoreError/missingDatabase(path:)`` when the file is absent and may not be created,
    ///   ``StoreError/newerSchema(path:)`` when a newer Steward wrote it, or another ``StoreError``.
    public init(path: String, configuration: Configuration) throws {
        self.path = path
        self.recentTurns = configuration.recentTurns
        self.claimTimeout = configuration.claimTimeout
        self.busyTimeout = configuration.busyTimeout
        self.sessionCache = SessionCache(capacity: configuration.cachedSessions, maxBytes: configuration.cachedBytes)
        if !configuration.createIfMissing && !FileManager.default.fileExists(atPath: path) {
            throw StoreError.missingDatabase(path: path)
        }
        var config = GRDB.Configuration()
        config.busyMode = .timeout(configuration.busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "steward.store"
        // Reads are few (sessions not in memory, tickets, the team's replies): two connections do.
        config.maximumReaderCount = 2
        config.prepareDatabase { db in
            // WAL with NORMAL sync: durable across a process crash, fsync only at checkpoints.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // The writer keeps the pages every message touches in memory (8 MB at most), readers 1 MB.
            try db.execute(sql: db.configuration.readonly ? "PRAGMA cache_size = -1000" : "PRAGMA cache_size = -8000")
            // Checkpoint the WAL every 8,000 pages rather than 1,000: a page changed by many
            // messages is copied back to the file once, and the file is synced less often.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 8000")
        }
        do {
            pool = try Self.openPool(path: path, configuration: config, patience: max(configuration.busyTimeout, 5))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            throw StoreError.cannotOpen(
                path: path,
                reason: "another connection holds the database's write lock (waited \(Self.seconds(configuration.busyTimeout)), "
                    + "`store.busy_timeout`)")
        } catch {
            throw StoreError.cannotOpen(path: path, reason: Self.reason(for: error))
        }
        batcher = WriteBatcher(pool: pool)
        let migrator = Schema.migrator
        do {
            if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
                throw StoreError.newerSchema(path: path)
            }
            try Self.migrate(pool, with: migrator)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.migrationFailed(path: path, reason: Self.reason(for: error))
        }
    }

    /// Opens the pool. Switching a file to WAL needs a moment's exclusive lock, and SQLite answers a
    /// process that meets another one switching (or creating) the same file with "database is locked"
    /// at once, without waiting for the busy timeout: such an open is tried again, 20–70 ms apart, for
    /// `patience` seconds in all. Opening a file whose write-ahead log is empty writes to it (GRDB makes
    /// the log non-empty), so an open behind another connection's long write lock fails once the busy
    /// timeout and `patience` have passed, never waits for ever.
    private static func openPool(path: String, configuration: GRDB.Configuration, patience: TimeInterval) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(patience)
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                guard Date() < deadline else { throw error }
                Thread.sleep(forTimeInterval: 0.02 + Double.random(in: 0..<0.05))
            }
        }
    }

    /// Applies the migrations not applied yet. Processes opening a new file at once may race for the same
    /// migration: the loser's transaction fails and rolls back, and it tries again (up to 20 times, 50 ms
    /// apart) until it finds the winner's migrations applied.
    private static func migrate(_ pool: DatabasePool, with migrator: DatabaseMigrator) throws {
        // Up to date (the usual case): nothing to write, so another connection's write lock does not matter.
        if try pool.read({ try migrator.hasCompletedMigrations($0) }) { return }
        var attempt = 0
        while true {
            do {
                return try migrator.migrate(pool)
            } catch {
                attempt += 1
                if try pool.read({ try migrator.hasCompletedMigrations($0) }) { return }
                guard attempt < 20 else { throw error }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    // MARK: - Internals shared by the extensions

    /// Runs `body` in a write transaction, translating database errors into ``StoreError``.
    func write<T: Sendable>(_ operation: String, _ body: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.operationFailed(operation: operation, path: path, reason: Self.reason(for: error))
        }
    }

    /// Runs `body` on a read-only snapshot, translating database errors into ``StoreError``.
    func read<T: Sendable>(_ operation: String, _ body: @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.operationFailed(operation: operation, path: path, reason: Self.reason(for: error))
        }
    }

    /// A short, secret-free explanation of a database error.
    static func reason(for error: any Error) -> String {
        guard let error = error as? DatabaseError else { return String(describing: error) }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return "the database is locked by another process (another connection held its write lock for the whole busy timeout, `store.busy_timeout`)"
        case .SQLITE_CANTOPEN: return "the file cannot be opened"
        case .SQLITE_READONLY: return "the file is read-only"
        case .SQLITE_FULL: return "the disk is full"
        case .SQLITE_NOTADB: return "the file is not a database"
        case .SQLITE_CORRUPT: return "the file is damaged"
        default: return error.message ?? "\(error.resultCode)"
        }
    }

    /// `5 s`, `0.5 s`.
    static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from json: String, kind: String, id: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(json.utf8))
        } catch {
            throw StoreError.unreadableRecord(kind: kind, id: id, reason: String(describing: error))
        }
    }
}

extension Date {
    /// Seconds since 1970, as stored in the database.
    var unixTime: Double { timeIntervalSince1970 }

    /// The date a stored `REAL` column means.
    init(unixTime: Double) { self.init(timeIntervalSince1970: unixTime) }
}

extension SQLiteStore {
    /// Records a migration this version does not know, as a newer Steward would (tests only).
    package func markNewerSchemaForTesting() async throws {
        try await write("mark a newer schema") { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v999 from the future')")
        }
    }
}

import Foundation
import GRDB

extension StoreIntegrity {
    /// Copies the database at `source` to `destination` with SQLite's online backup API, as of one moment:
    /// writes by other processes during the copy are either wholly in it or not at all. The copy is a
    /// complete database on its own (rollback journal, no `-wal` file needed).
    ///
    /// The copy is written to a temporary file beside `destination` and moved into place only when complete,
    /// so a failed backup leaves no partial file and an existing file is either kept or replaced whole.
    /// - Parameters:
    ///   - source: The database file.
    ///   - destination: The file to write; it must not exist unless `overwrite` (never a directory, never
    ///     `source` itself). With `overwrite`, the old file's `-wal`, `-shm` and `-journal` files are removed
    ///     too, so no stale log is applied to the copy.
    ///   - overwrite: Replace an existing regular file (`steward store backup --force`).
    /// - Returns: What was written.
    /// - Throws: ``BackupError`` naming the file at fault: ``BackupError/sourceMissing(path:)``,
    ///   ``BackupError/sourceNotDatabase(path:problem:)``, ``BackupError/sourceUnreadable(path:reason:)``,
    ///   ``BackupError/destinationExists(path:)``, ``BackupError/destinationIsDirectory(path:)``,
    ///   ``BackupError/destinationIsSource(path:source:)``, ``BackupError/destinationFolderMissing(path:folder:)``,
    ///   ``BackupError/destinationUnwritable(path:reason:)``.
    public static func backup(from source: String, to destination: String, overwrite: Bool = false) throws -> BackupReport {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: source, isDirectory: &isDirectory), !isDirectory.boolValue, let size = fileSize(source)
        else { throw BackupError.sourceMissing(path: source) }
        if size == 0 { throw BackupError.sourceNotDatabase(path: source, problem: "the file is empty") }
        if let problem = headerProblem(path: source, size: size), problem.contains("not an SQLite database") || problem.contains("cannot be read") {
            throw BackupError.sourceNotDatabase(path: source, problem: problem)
        }
        // The source's own -wal, -shm or -journal file holds its latest changes: a copy written there (or
        // later removed by --force) would lose them. Refused whether or not the file exists yet.
        if let companion = companionFile(of: source, named: destination) {
            throw BackupError.destinationIsCompanion(path: destination, source: source, companion: companion)
        }
        if files.fileExists(atPath: destination, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw BackupError.destinationIsDirectory(path: destination) }
            if sameFile(source, destination) { throw BackupError.destinationIsSource(path: destination, source: source) }
            if !overwrite { throw BackupError.destinationExists(path: destination) }
        } else if (try? files.destinationOfSymbolicLink(atPath: destination)) != nil, !overwrite {
            // A dangling link: writing through it would create a file elsewhere.
            throw BackupError.destinationExists(path: destination)
        }
        let folder = (destination as NSString).deletingLastPathComponent
        let folderPath = folder.isEmpty ? "." : folder
        guard files.fileExists(atPath: folderPath, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BackupError.destinationFolderMissing(path: destination, folder: folderPath)
        }
        let temporary = (folderPath as NSString).appendingPathComponent(
            ".\((destination as NSString).lastPathComponent).steward-backup-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        func removeTemporary() {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? files.removeItem(atPath: temporary + suffix) }
        }
        let started = Date()
        var config = GRDB.Configuration()
        config.busyMode = .timeout(10)
        config.label = "steward.backup.source"
        let from: DatabaseQueue
        do {
            from = try DatabaseQueue(path: source, configuration: config)
        } catch {
            throw BackupError.sourceUnreadable(path: source, reason: SQLiteStore.reason(for: error))
        }
        defer { try? from.close() }
        let to: DatabaseQueue
        do {
            var destinationConfig = GRDB.Configuration()
            destinationConfig.label = "steward.backup.destination"
            to = try DatabaseQueue(path: temporary, configuration: destinationConfig)
        } catch {
            removeTemporary()
            throw BackupError.destinationUnwritable(path: destination, reason: SQLiteStore.reason(for: error))
        }
        let pages: Int
        do {
            do {
                try from.backup(to: to)
            } catch let error as DatabaseError
                where [.SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode)
            {
                try? to.close()
                removeTemporary()
                throw BackupError.sourceUnreadable(path: source, reason: SQLiteStore.reason(for: error))
            }
            // The copy stands alone: rollback journal, nothing left in a log beside it.
            try to.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            pages = try to.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
            try to.close()
        } catch let error as BackupError {
            throw error
        } catch {
            try? to.close()
            removeTemporary()
            throw BackupError.destinationUnwritable(path: destination, reason: SQLiteStore.reason(for: error))
        }
        if overwrite {
            for suffix in ["-wal", "-shm", "-journal"] { try? files.removeItem(atPath: destination + suffix) }
            guard rename(temporary, destination) == 0 else {
                let reason = String(cString: strerror(errno))
                removeTemporary()
                throw BackupError.destinationUnwritable(path: destination, reason: reason)
            }
        } else {
            // link(2) fails when the name exists (made by someone else meanwhile): never overwrites.
            let linked = link(temporary, destination) == 0
            let failure = errno
            removeTemporary()
            guard linked else {
                if failure == EEXIST { throw BackupError.destinationExists(path: destination) }
                throw BackupError.destinationUnwritable(path: destination, reason: String(cString: strerror(failure)))
            }
        }
        return BackupReport(
            destination: destination, pages: pages, bytes: fileSize(destination) ?? 0,
            seconds: Date().timeIntervalSince(started))
    }

    /// Which of the database `source`'s companion files (`-wal`, `-shm`, `-journal`) `path` names, if any:
    /// the same file when both exist, else the same absolute path once links in the folders are resolved.
    static func companionFile(of source: String, named path: String) -> String? {
        func resolved(_ file: String) -> String {
            let url = URL(fileURLWithPath: file).standardizedFileURL
            let folder = url.deletingLastPathComponent().resolvingSymlinksInPath()
            return folder.appendingPathComponent(url.lastPathComponent).path
        }
        let realSource = URL(fileURLWithPath: source).resolvingSymlinksInPath().path
        for suffix in ["-wal", "-shm", "-journal"] {
            for base in [source, realSource] where sameFile(base + suffix, path) || resolved(base + suffix) == resolved(path) {
                return suffix
            }
        }
        return nil
    }

    /// Whether two paths name the same file (device and inode), links followed.
    static func sameFile(_ first: String, _ second: String) -> Bool {
        var a = stat()
        var b = stat()
        guard stat(first, &a) == 0, stat(second, &b) == 0 else { return false }
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }
}

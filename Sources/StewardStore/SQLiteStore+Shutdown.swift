import GRDB

extension SQLiteStore {
    /// Copies everything in the write-ahead log into the database file and empties the log
    /// (`PRAGMA wal_checkpoint(TRUNCATE)`), so that `steward.db` alone holds every committed write:
    /// after a clean exit, copying that one file is a complete copy.
    ///
    /// Waits up to the busy timeout for another process's readers and writers; when another
    /// connection keeps the file busy (a long read holds an old snapshot, or a write lock), the log is
    /// copied as far as possible without waiting longer and kept (nothing is lost: SQLite reads the log
    /// at the next open), and the result says how many frames are left.
    /// - Returns: Frames left in the log after the checkpoint (0 when the file alone holds everything).
    /// - Throws: ``StoreError/operationFailed(operation:path:reason:)`` for anything but a busy file.
    @discardableResult
    public func checkpoint() throws -> Int {
        try checkpointReport().framesLeft
    }

    /// Like ``checkpoint()``, with the log's size.
    /// - Returns: The frames in the log and those not yet copied into the file.
    /// - Throws: ``StoreError/operationFailed(operation:path:reason:)`` for anything but a busy file.
    public func checkpointReport() throws -> CheckpointReport {
        do {
            return try pool.writeWithoutTransaction { db in try CheckpointReport.run(db, path: path) }
        } catch {
            throw StoreError.operationFailed(operation: "checkpoint the write-ahead log", path: path, reason: Self.reason(for: error))
        }
    }

    /// Checkpoints the log (``checkpoint()``) and closes the file's connections; the store cannot be
    /// used afterwards. The last connection to close removes the `-wal` and `-shm` files when no
    /// other process has the database open.
    /// - Throws: ``StoreError/operationFailed(operation:path:reason:)``.
    /// - Returns: Frames left in the log (see ``checkpoint()``); 0 when the file alone holds everything.
    @discardableResult
    public func close() throws -> Int {
        let left = try checkpoint()
        do {
            try pool.close()
        } catch {
            throw StoreError.operationFailed(operation: "close the database", path: path, reason: Self.reason(for: error))
        }
        return left
    }
}

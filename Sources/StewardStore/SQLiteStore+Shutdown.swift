import GRDB

extension SQLiteStore {
    /// Copies everything in the write-ahead log into the database file and empties the log
    /// (`PRAGMA wal_checkpoint(TRUNCATE)`), so that `steward.db` alone holds every committed write:
    /// after a clean exit, copying that one file is a complete copy.
    ///
    /// Waits up to the busy timeout for another process's readers and writers; when another
    /// process keeps the file busy the log is copied as far as possible and kept (nothing is lost:
    /// SQLite reads the log at the next open).
    /// - Returns: Frames left in the log after the checkpoint (0 when the file alone holds everything).
    /// - Throws: ``StoreError/operationFailed(operation:path:reason:)``.
    @discardableResult
    public func checkpoint() throws -> Int {
        do {
            return try pool.writeWithoutTransaction { db in
                let result = try db.checkpoint(.truncate)
                return max(0, result.walFrameCount - result.checkpointedFrameCount)
            }
        } catch {
            throw StoreError.operationFailed(operation: "checkpoint the write-ahead log", path: path, reason: Self.reason(for: error))
        }
    }

    /// Checkpoints the log (``checkpoint()``) and closes the file's connections; the store cannot be
    /// used afterwards. The last connection to close removes the `-wal` and `-shm` files when no
    /// other process has the database open.
    /// - Throws: ``StoreError/operationFailed(operation:path:reason:)``.
    public func close() throws {
        try checkpoint()
        do {
            try pool.close()
        } catch {
            throw StoreError.operationFailed(operation: "close the database", path: path, reason: Self.reason(for: error))
        }
    }
}

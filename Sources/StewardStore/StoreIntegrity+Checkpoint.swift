import Foundation
import GRDB

extension StoreIntegrity {
    /// Copies the write-ahead log of the database at `path` into the file (`PRAGMA wal_checkpoint(TRUNCATE)`,
    /// waiting up to `busyTimeout` seconds for other connections), as `steward store check` does after its check.
    /// - Returns: The log's frames and those left in it; frames are left while another connection reads an
    ///   old snapshot or holds the write lock (see ``CheckpointReport``). A database without a log: 0 and 0.
    /// - Throws: ``StoreError/operationFailed(operation:path:reason:)`` when the file cannot be opened or written.
    public static func checkpoint(path: String, busyTimeout: TimeInterval = 2) throws -> CheckpointReport {
        guard (fileSize(path + "-wal") ?? 0) > 0 else { return CheckpointReport(logFrames: 0, framesLeft: 0) }
        do {
            var config = GRDB.Configuration()
            config.busyMode = .timeout(busyTimeout)
            config.label = "steward.checkpoint"
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            return try queue.writeWithoutTransaction { db in try CheckpointReport.run(db, path: path) }
        } catch {
            throw StoreError.operationFailed(
                operation: "checkpoint the write-ahead log", path: path, reason: SQLiteStore.reason(for: error))
        }
    }
}

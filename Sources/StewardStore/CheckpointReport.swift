import Foundation
import GRDB

/// What a write-ahead-log checkpoint did: how many frames the log (`steward.db-wal`) holds and how many of
/// them are still not in the database file.
///
/// Frames left mean a copy of `steward.db` alone misses the latest writes (nothing is lost: SQLite reads
/// the log at the next open); another connection reading an old snapshot, or holding the write lock,
/// keeps them there (<https://www.sqlite.org/c3ref/wal_checkpoint_v2.html>).
public struct CheckpointReport: Sendable, Equatable {
    /// Frames (pages) in the log.
    public var logFrames: Int
    /// Frames of the log not yet copied into the database file.
    public var framesLeft: Int
    /// True when the database file alone holds every committed write.
    public var isComplete: Bool { framesLeft == 0 }

    /// Creates a report.
    public init(logFrames: Int, framesLeft: Int) {
        self.logFrames = logFrames
        self.framesLeft = framesLeft
    }

    /// `PRAGMA wal_checkpoint(TRUNCATE)` on `db` (waiting up to its busy timeout); when another connection
    /// keeps it from completing (`SQLITE_BUSY`), a passive checkpoint copies what it can without waiting and
    /// counts what is left.
    static func run(_ db: Database, path: String) throws -> CheckpointReport {
        do {
            let result = try db.checkpoint(.truncate)
            return CheckpointReport(
                logFrames: max(0, result.walFrameCount),
                framesLeft: max(0, result.walFrameCount - result.checkpointedFrameCount))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            do {
                let result = try db.checkpoint(.passive)
                return CheckpointReport(
                    logFrames: max(0, result.walFrameCount),
                    framesLeft: max(0, result.walFrameCount - result.checkpointedFrameCount))
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                // Another connection is checkpointing: count the log's frames from its size (a 32-byte
                // header, then frames of a 24-byte header and a page, https://www.sqlite.org/fileformat.html#the_write_ahead_log).
                let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
                let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? NSNumber)?.intValue ?? 0
                let frames = max(0, (size - 32) / (pageSize + 24))
                return CheckpointReport(logFrames: frames, framesLeft: frames)
            }
        }
    }
}

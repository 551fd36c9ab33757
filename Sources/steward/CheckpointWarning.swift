/// The words of the warning when a write-ahead-log checkpoint could not copy the whole log into the
/// database file (another connection reading an old snapshot, or holding the write lock).
enum CheckpointWarning {
    /// After `steward pipe` or `chat` answered everything and closed the store.
    static func atExit(path: String, framesLeft: Int) -> String {
        "the checkpoint at exit was incomplete: \(framesLeft) frames are left in \(path)-wal, because another "
            + "connection is reading or writing the database; nothing is lost (SQLite reads the log at the next "
            + "open) and the exit status stays 0, but a copy of \(path) alone misses them: use `steward store backup`"
    }

    /// After `steward store check`.
    static func afterCheck(path: String, framesLeft: Int, logFrames: Int) -> String {
        "Warning: the checkpoint was incomplete: \(framesLeft) of the \(logFrames) frames in \(path)-wal are not "
            + "in \(path) yet, because another connection is reading or writing the database. Nothing is lost "
            + "(SQLite reads the log at the next open) and the exit status stays 0, but a copy of \(path) alone "
            + "misses them: use `steward store backup`."
    }
}

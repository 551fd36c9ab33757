/// What the integrity checks and the backup of the SQLite store found wrong, naming the file and what to do.
public enum IntegrityError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file is not an SQLite database, is cut short, or its pages fail a check; `problems` are
    /// SQLite's own words (at most a few).
    case damaged(path: String, problems: [String])
    /// The backup could not be written to `destination`.
    case backupFailed(source: String, destination: String, reason: String)
    /// The backup's destination already exists; Steward never overwrites a file with a backup.
    case destinationExists(path: String)

    /// A sentence describing the problem and how to fix it.
    public var description: String {
        switch self {
        case .damaged(let path, let problems):
            let shown = problems.prefix(3).joined(separator: "; ")
            return "The database at \(path) is damaged (\(shown)); Steward will not use it. Run "
                + "`steward store check --db \(path)` for the full report, then restore a backup "
                + "(`steward store backup`) or set `store.path` in steward.yaml to a new file."
        case .backupFailed(let source, let destination, let reason):
            return "Cannot back up the database at \(source) to \(destination): \(reason); check the "
                + "destination folder exists, is writable and has free space."
        case .destinationExists(let path):
            return "\(path) already exists; give `steward store backup` a new file name (it never overwrites)."
        }
    }
}

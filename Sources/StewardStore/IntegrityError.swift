/// What the integrity checks of the SQLite store found wrong (a backup's refusals are ``BackupError``), naming the file and what to do.
public enum IntegrityError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file is not an SQLite database, is cut short, or its pages fail a check; `problems` are
    /// SQLite's own words (at most a few).
    case damaged(path: String, problems: [String])

    /// A sentence describing the problem and how to fix it.
    public var description: String {
        switch self {
        case .damaged(let path, let problems):
            let shown = problems.prefix(3).joined(separator: "; ")
            return "The database at \(path) is damaged (\(shown)); Steward will not use it. Run "
                + "`steward store check --db \(path)` for the full report, then restore a backup "
                + "(`steward store backup`) or set `store.path` in steward.yaml to a new file."
        }
    }
}

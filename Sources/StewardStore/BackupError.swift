/// Why `steward store backup` wrote no copy, naming the file at fault (the database, or the copy) and what
/// to do; nothing is ever written over an existing file unless it was asked for (`--force`).
public enum BackupError: Error, CustomStringConvertible, Sendable, Equatable {
    /// There is no database file at `source` (or it is a directory).
    case sourceMissing(path: String)
    /// The file at `source` is not an SQLite database (`problem` says what its header shows).
    case sourceNotDatabase(path: String, problem: String)
    /// The database at `source` could not be read (`reason` in SQLite's words, secret-free).
    case sourceUnreadable(path: String, reason: String)
    /// `destination` already exists and overwriting was not asked for.
    case destinationExists(path: String)
    /// `destination` is a directory.
    case destinationIsDirectory(path: String)
    /// `destination` names the database itself (the same file, maybe through a link).
    case destinationIsSource(path: String, source: String)
    /// `destination` is the database `source`'s own `companion` file (`-wal`, `-shm` or `-journal`).
    case destinationIsCompanion(path: String, source: String, companion: String)
    /// The folder `folder` that should hold `destination` does not exist.
    case destinationFolderMissing(path: String, folder: String)
    /// The copy could not be written to `destination` (`reason`: the disk is full, no permission, …).
    case destinationUnwritable(path: String, reason: String)

    /// A sentence naming the file and what to do.
    public var description: String {
        switch self {
        case .sourceMissing(let path):
            return "There is no database at \(path) to back up; pass --db with the file the agent writes "
                + "or set `store.path` in steward.yaml. Nothing was written."
        case .sourceNotDatabase(let path, let problem):
            return "The database to back up, \(path), is not an SQLite database (\(problem)); pass --db with the file "
                + "the agent writes or set `store.path` in steward.yaml. Nothing was written."
        case .sourceUnreadable(let path, let reason):
            return "Cannot read the database \(path) to back it up: \(reason). Nothing was written."
        case .destinationExists(let path):
            return "The backup file \(path) already exists; `steward store backup` never overwrites a file unless "
                + "given --force: choose a new file name, or add --force to replace it."
        case .destinationIsDirectory(let path):
            return "The backup file \(path) is a directory; give a file name inside it, such as "
                + "\(path.hasSuffix("/") ? path : path + "/")steward-backup.db."
        case .destinationIsSource(let path, let source):
            return "The backup file \(path) is the database \(source) itself; give the copy another file name."
        case .destinationIsCompanion(let path, let source, let companion):
            return "The backup file \(path) is the \(companion) file of the database \(source), which holds its latest changes; "
                + "writing there would lose them. Give the copy another file name."
        case .destinationFolderMissing(let path, let folder):
            return "Cannot write the backup file \(path): the folder \(folder) does not exist; create it or choose "
                + "another place."
        case .destinationUnwritable(let path, let reason):
            return "Cannot write the backup file \(path): \(reason); check that its folder is writable and has free "
                + "space. The database was not changed."
        }
    }
}

/// What went wrong in the SQLite store, with a sentence saying what to do about it.
///
/// The messages name the database path and the setting to change, never the contents of a record.
public enum StoreError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The database file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// The file does not exist and the command only reads an existing database.
    case missingDatabase(path: String)
    /// The schema could not be created or upgraded.
    case migrationFailed(path: String, reason: String)
    /// The file was written by a newer Steward, whose schema this version does not know.
    case newerSchema(path: String)
    /// A read or write failed (the disk is full, another process held the lock too long, …).
    case operationFailed(operation: String, path: String, reason: String)
    /// A stored record could not be decoded.
    case unreadableRecord(kind: String, id: String, reason: String)
    /// No ticket has this id.
    case ticketNotFound(id: String)
    /// A ticket with this id already exists.
    case duplicateTicket(id: String)
    /// No ticket id starts with this prefix.
    case noTicketMatches(prefix: String)
    /// Several ticket ids start with this prefix.
    case ambiguousTicketPrefix(prefix: String, count: Int)

    /// A sentence describing the problem and how to fix it.
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "Cannot open the database at \(path): \(reason); check the path and permissions "
                + "or set `store.path` in steward.yaml."
        case .missingDatabase(let path):
            return "There is no database at \(path) yet; pass --db with the file the agent writes "
                + "or set `store.path` in steward.yaml."
        case .migrationFailed(let path, let reason):
            return "Cannot prepare the tables of the database at \(path): \(reason); check that the file "
                + "is a Steward database and is writable, or set `store.path` in steward.yaml to a new file."
        case .newerSchema(let path):
            return "The database at \(path) was written by a newer version of Steward; "
                + "upgrade steward or set `store.path` in steward.yaml to another file."
        case .operationFailed(let operation, let path, let reason):
            return "Cannot \(operation) in the database at \(path): \(reason); check free disk space and "
                + "permissions, and that no other process keeps the database locked."
        case .unreadableRecord(let kind, let id, let reason):
            return "The stored \(kind) '\(id)' cannot be read (\(reason)); it may have been written by "
                + "another version of Steward or edited by hand."
        case .ticketNotFound(let id):
            return "No ticket has the id '\(id)'; run `steward tickets list` to see the tickets."
        case .duplicateTicket(let id):
            return "A ticket with the id '\(id)' already exists; give the new ticket another id."
        case .noTicketMatches(let prefix):
            return "No ticket matches '\(prefix)'."
        case .ambiguousTicketPrefix(let prefix, let count):
            return "The prefix '\(prefix)' matches \(count) tickets; give more characters."
        }
    }
}

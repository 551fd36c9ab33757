/// An error a store throws when the database itself failed (a damaged file, a full disk, a lock
/// held too long), as opposed to a request it refuses (an unknown ticket, a duplicate id).
///
/// `steward pipe` counts messages failing this way in a row and stops after
/// ``PipeServer/defaultMaxStorageFailures`` of them, instead of answering every later message with an
/// error and exiting 0 (see ``PipeStop/storageFailures(count:lastError:)``).
public protocol StorageFailure: Error {
    /// True when the storage itself failed; false for an error about the request.
    var isStorageFailure: Bool { get }
}

import Foundation
import StewardRuntime

/// ``SQLiteStore/claim(session:)`` waited its whole ``SQLiteStore/Configuration-swift.struct/claimTimeout``
/// for a session another task or process kept answering (or whose claim it could not give back because the
/// database was locked), and gave up.
///
/// A storage failure (``StorageFailure``): `steward pipe` answers the message with a `storage_failure` error
/// line and counts it towards `--max-storage-failures`.
public struct SessionClaimTimeout: Error, StorageFailure, CustomStringConvertible, Sendable, Equatable {
    /// The session that could not be claimed.
    public var session: String
    /// The database file.
    public var path: String
    /// Seconds waited.
    public var seconds: TimeInterval

    /// Always true: the store could not serve the session.
    public var isStorageFailure: Bool { true }

    /// A sentence naming the session, the file and the wait.
    public var description: String {
        "Cannot claim session '\(session)' in the database at \(path): another task or process kept answering it "
            + "for \(SQLiteStore.seconds(seconds)); check for a stuck `steward` process or a connection holding the database."
    }
}

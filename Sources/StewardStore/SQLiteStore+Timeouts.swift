import Foundation

extension SQLiteStore.Configuration {
    /// The default busy timeout, in seconds: long enough for another process's group commit (a few
    /// milliseconds) or a checkpoint, short enough that a lock held by a stuck shell or script shows up as
    /// `storage_failure` lines within seconds instead of a silent hang.
    public static let defaultBusyTimeout: TimeInterval = 5

    /// The default wait, in seconds, for a session another task or process is answering: longer than
    /// any one answer takes (a vendor call is cut after 5 s and retried at most for 10 s more).
    public static let defaultClaimTimeout: TimeInterval = 30
}

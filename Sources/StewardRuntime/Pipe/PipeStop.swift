import Foundation

/// Why `steward pipe` stopped, and the exit status it stops with.
///
/// | reason | status |
/// |---|---|
/// | ``endOfInput``: standard input ended | 0 |
/// | ``signal(_:)``: SIGTERM, SIGINT or SIGHUP; every line already sent was answered | 0 |
/// | ``outputClosed``: standard output was closed (EPIPE); what was read is stored | 0 |
/// | ``storageFailures(count:lastError:)``: that many messages in a row could not be stored, or input ended and not one message could be | 3 |
///
/// A second signal ends the process at once with 128 + the signal's number (see `ShutdownSignal`);
/// a start-up error (configuration, a damaged database) exits with 1.
public enum PipeStop: Sendable, Equatable {
    /// Standard input ended.
    case endOfInput
    /// A signal asked for a graceful stop.
    case signal(Int32)
    /// Standard output was closed by the reader on the other end.
    case outputClosed
    /// `count` messages in a row failed in the store; `lastError` says how the last one did.
    case storageFailures(count: Int, lastError: String)

    /// The process's exit status for this stop.
    public var exitStatus: Int32 {
        switch self {
        case .endOfInput, .signal, .outputClosed: 0
        case .storageFailures: 3
        }
    }
}

/// Counts messages failing in the store in a row (by completion), across sessions.
final class StorageFailureRun: @unchecked Sendable {
    private let limit: Int
    private let lock = NSLock()  // guards every field below
    private var count = 0
    private var stored = false
    private var reported = false
    private var lastError = ""

    /// A run that ends the pipe after `limit` failures in a row; 0 never does.
    init(limit: Int) {
        self.limit = max(0, limit)
    }

    /// A message was stored: the run starts again.
    func succeeded() {
        lock.withLock {
            count = 0
            stored = true
        }
    }

    /// A message failed in the store; returns the stop when this failure completes a run of `limit`
    /// (once only).
    func failed(_ error: any Error) -> PipeStop? {
        lock.withLock {
            count += 1
            lastError = "\(error)"
            guard limit > 0, count >= limit, !reported else { return nil }
            reported = true
            return .storageFailures(count: count, lastError: lastError)
        }
    }

    /// When input ended before the limit: a failure stop if not one message could be stored and at least
    /// one failed in the store (whatever the limit), else nil.
    func nothingStored() -> PipeStop? {
        lock.withLock { !stored && count > 0 ? .storageFailures(count: count, lastError: lastError) : nil }
    }
}

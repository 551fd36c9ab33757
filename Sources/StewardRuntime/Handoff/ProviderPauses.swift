import Foundation
import StewardHTTP
import Synchronization

/// When each helpdesk may be called again after it said "not now" (a 429 or 503), so the outbox
/// honours `Retry-After` for every ticket waiting for that helpdesk, not only the one that got it.
///
/// Kept in memory: after a restart the outbox's stored next-attempt times still hold the wait.
final class ProviderPauses: Sendable {
    private let until = Mutex([String: Date]())

    /// Whether `provider` asked not to be called before a time later than `now`.
    func isPaused(_ provider: String, at now: Date) -> Bool {
        until.withLock { ($0[provider] ?? .distantPast) > now }
    }

    /// Records that `provider` refused for now, if `error` says so (an ``HTTPClientError/retryLater(code:message:url:retryAfter:)``),
    /// pausing it until its `Retry-After` has passed; returns that wait in seconds (0 when it gave none, and then
    /// only the failed ticket backs off), or `nil` for any other error.
    ///
    /// - Parameters:
    ///   - error: What the delivery threw.
    ///   - provider: The helpdesk (`zendesk`, `gorgias`).
    ///   - now: The time of the failure.
    @discardableResult
    func note(_ error: any Error, provider: String, at now: Date) -> Double? {
        guard let error = error as? HTTPClientError, case .retryLater(_, _, _, let retryAfter) = error else { return nil }
        let asked = retryAfter.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 } ?? 0
        guard asked > 0 else { return 0 }
        until.withLock { $0[provider] = max($0[provider] ?? .distantPast, now.addingTimeInterval(asked)) }
        return asked
    }
}

import Foundation
import StewardCore
import StewardHTTP
import StewardTesting
import Synchronization
import Testing

/// Shared helpers for the adapter suites: fast clients, a lock-guarded state box, error capture.
enum TestSupport {
    /// Quick retries (so the suites stay fast) and a short timeout for the slow-response cases.
    static func client(timeout: Duration = .milliseconds(400), attempts: Int = 3) -> HTTPClient {
        HTTPClient(configuration: .init(
            connectTimeout: .seconds(1), timeout: timeout,
            retryPolicy: .init(maxAttempts: attempts, baseDelay: .milliseconds(10), maxDelay: .seconds(2))))
    }

    /// Runs `body` and returns what it threw, recording an issue when it succeeds.
    static func error(_ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> (any Error)? {
        do {
            try await body()
            Issue.record("expected an error", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    /// A JSON object from a request body, for assertions.
    static func object(_ request: StubRequest) -> [String: Any] {
        (request.jsonObject as? [String: Any]) ?? [:]
    }

    /// The secret used in every test: distinctive, so a leak is easy to spot.
    static let secret = "sekret-TOKEN-123456789"
}

/// Mutable state a stub handler keeps across requests.
final class StubState<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    init(_ value: Value) {
        storage = Mutex(value)
    }

    func withLock<Result: Sendable>(_ body: (inout Value) -> Result) -> Result {
        storage.withLock { body(&$0) }
    }

    var value: Value { storage.withLock { $0 } }
}

/// Counts requests so a stub can misbehave on the first ones only.
final class RequestCounter: Sendable {
    private let count = Mutex(0)

    /// Increments and returns the new count (1 for the first request).
    func next() -> Int {
        count.withLock { value in
            value += 1
            return value
        }
    }
}

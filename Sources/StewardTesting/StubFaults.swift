import Synchronization

/// Injects ``StubFault``s into any stub handler: the chosen requests get the fault, the rest the
/// stub's normal answer. Works for every vendor stub, since it only wraps the handler.
///
/// ```swift
/// let faults = StubFaults()
/// faults.inject(.processThenDrop, when: StubFaults.writes)      // the first POST/PUT/PATCH/DELETE
/// faults.inject(.rateLimited(retryAfter: "0.2"), times: 2)       // the next two requests of any kind
/// let server = try StubHTTPServer(handler: faults.wrap(zendesk.handle))
/// ```
///
/// Rules are tried in the order they were added; a rule applies to `times` matching requests and
/// is then used up. Thread-safe: the server calls handlers concurrently.
public final class StubFaults: Sendable {
    /// Which requests a rule applies to.
    public typealias Match = @Sendable (StubRequest) -> Bool

    private struct Rule: Sendable {
        var fault: StubFault
        var remaining: Int
        var matches: Match
    }

    private struct State: Sendable {
        var rules: [Rule] = []
        var served: [(fault: StubFault, method: String, path: String)] = []
    }

    private let state = Mutex(State())

    /// A plan with no faults yet.
    public init() {}

    /// Requests that change something at a vendor: every method but `GET` and `HEAD`.
    public static let writes: Match = { $0.method != "GET" && $0.method != "HEAD" }

    /// Requests that only read: `GET` and `HEAD`.
    public static let reads: Match = { $0.method == "GET" || $0.method == "HEAD" }

    /// Every request.
    public static let any: Match = { _ in true }

    /// Requests with this method whose path contains `fragment`.
    public static func request(_ method: String, pathContains fragment: String) -> Match {
        { $0.method == method && $0.path.contains(fragment) }
    }

    /// Adds a rule: the next `times` requests that match get `fault` (use `Int.max` for every one).
    public func inject(_ fault: StubFault, times: Int = 1, when matches: @escaping Match = StubFaults.any) {
        state.withLock { $0.rules.append(Rule(fault: fault, remaining: max(0, times), matches: matches)) }
    }

    /// Removes every rule not yet used up (the stub answers normally from now on).
    public func clear() {
        state.withLock { $0.rules.removeAll() }
    }

    /// The faults served so far, in order, with the method and path each one hit.
    public var served: [(fault: StubFault, method: String, path: String)] {
        state.withLock { $0.served }
    }

    /// The handler with the faults applied in front of `handler`.
    public func wrap(_ handler: @escaping StubHTTPServer.Handler) -> StubHTTPServer.Handler {
        { [self] request in
            guard let fault = take(for: request) else { return handler(request) }
            return fault.response(to: request, handler: handler)
        }
    }

    private func take(for request: StubRequest) -> StubFault? {
        state.withLock { state in
            guard let index = state.rules.firstIndex(where: { $0.remaining > 0 && $0.matches(request) }) else { return nil }
            state.rules[index].remaining -= 1
            let fault = state.rules[index].fault
            state.served.append((fault, request.method, request.path))
            return fault
        }
    }
}

public import Foundation

/// A small HTTP/1.1 server on 127.0.0.1 for tests: adapter stubs, client tests, end-to-end runs.
///
/// It listens on an ephemeral loopback port, serves each connection on its own thread (so a slow
/// answer never holds up another connection), keeps connections alive, and reads
/// `Content-Length` bodies. Every request is recorded before the handler runs.
///
/// ```swift
/// let server = try StubHTTPServer { request in
///     guard request.path == "/orders.json" else { return .json(#"{"errors":"Not Found"}"#, status: 404) }
///     return .json(#"{"orders":[]}"#)
/// }
/// defer { server.stop() }
/// // … point the code under test at server.baseURL …
/// #expect(server.requests.count == 1)
/// ```
///
/// The handler runs on a server thread and may be called concurrently; guard any state it keeps.
/// Use ``StubResponse/delay(_:then:)`` rather than sleeping in the handler, so ``stop()`` stays prompt.
public final class StubHTTPServer: Sendable {
    /// Computes the answer to one request.
    public typealias Handler = @Sendable (StubRequest) -> StubResponse

    /// The TCP port on 127.0.0.1.
    public let port: Int
    private let core: StubServerCore

    /// Starts a server on 127.0.0.1.
    ///
    /// - Parameters:
    ///   - port: The port to bind; 0 (the default) picks a free ephemeral port.
    ///   - handler: Computes each answer.
    /// - Throws: ``StubHTTPServerError`` when the socket cannot be set up.
    public init(port: Int = 0, handler: @escaping Handler) throws {
        core = try StubServerCore(port: port, handler: handler)
        self.port = core.port
    }

    deinit {
        core.stop()
    }

    /// `http://127.0.0.1:<port>` as a URL.
    public var baseURL: URL {
        URL(string: baseURLString)!  // always a valid literal URL
    }

    /// `http://127.0.0.1:<port>`, without a trailing slash.
    public var baseURLString: String {
        "http://127.0.0.1:\(port)"
    }

    /// The absolute URL string for a path (and query) on this server, e.g. `server.url("/orders.json?status=any")`.
    public func url(_ pathAndQuery: String) -> String {
        baseURLString + (pathAndQuery.hasPrefix("/") ? pathAndQuery : "/" + pathAndQuery)
    }

    /// Every request received so far, in arrival order.
    public var requests: [StubRequest] {
        core.recordedRequests
    }

    /// How many TCP connections have been accepted; fewer connections than requests means reuse.
    public var connectionCount: Int {
        core.acceptedConnections
    }

    /// Forgets the recorded requests (the connection count is kept).
    public func clearRequests() {
        core.clearRequests()
    }

    /// Stops listening, closes every connection and waits (up to 5 s) for the server threads to end.
    ///
    /// Calling it again does nothing; deinitialising the server calls it too.
    public func stop() {
        core.stop()
    }
}

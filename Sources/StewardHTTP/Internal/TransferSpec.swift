/// Everything the transfer thread needs to run one attempt, already validated.
struct TransferSpec: Sendable {
    var method: HTTPRequest.Method
    var url: String
    /// Complete header lines for `CURLOPT_HTTPHEADER` (`Name: value`, or `Name;` for an empty value).
    var headerLines: [String]
    var body: [UInt8]?
    var timeoutMilliseconds: Int
    var connectTimeoutMilliseconds: Int
    var maxResponseSize: Int
    var userAgent: String
    /// False for a request that must not be sent twice (`POST`, `PATCH`): it goes on a fresh connection that is
    /// closed after it, because libcurl silently re-sends a request whose reused connection turns out dead,
    /// and the server may already have acted on the first copy.
    var reusesConnection = true
}

/// How one attempt ended, before it is turned into a public result or error.
enum TransferOutcome: Sendable {
    /// The server answered (any status).
    case response(status: Int, headers: HTTPHeaders, body: [UInt8])
    /// No usable answer.
    case failure(TransferFailure)
}

/// Why an attempt produced no answer, in libcurl's terms; mapped to ``HTTPClientError`` by the client.
struct TransferFailure: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case timeout, connection, tls, tooLarge, invalidRequest, cancelled
    }

    var kind: Kind
    var reason: String
    /// Whether the request was never sent (connection refused, host or proxy unresolvable): the server
    /// cannot have acted on it, so even a `POST` may be sent again.
    var notSent = false

    static let shutDown = TransferFailure(kind: .cancelled, reason: "the HTTP client was shut down")
    static let cancelled = TransferFailure(kind: .cancelled, reason: "the task was cancelled")
}

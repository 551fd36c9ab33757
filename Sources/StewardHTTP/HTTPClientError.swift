/// Why ``HTTPClient/send(_:)`` or ``HTTPResponse/decode(_:decoder:)`` failed.
///
/// Errors never carry credentials: every `url` is redacted (user info removed, values of
/// query parameters whose names look secret replaced by `REDACTED`) and request headers are
/// never included.
public enum HTTPClientError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The request cannot be sent as given (bad URL, unsupported scheme, header with a line break…).
    case invalidRequest(reason: String)
    /// No answer within the timeout (connect or total, per attempt).
    case timeout(url: String)
    /// The connection failed or broke: refused, unresolvable host, reset, truncated or garbled reply.
    case connection(url: String, reason: String)
    /// The TLS handshake or certificate verification failed.
    case tls(url: String, reason: String)
    /// The server answered with a non-2xx status; `message` is the API's own error text when it sent one.
    case status(code: Int, message: String, url: String)
    /// The server refused the request for now without acting on it: `429 Too Many Requests` or
    /// `503 Service Unavailable` (RFC 9110 §15.6.4, RFC 6585 §4), still so after the client's own retries.
    /// `retryAfter` is the wait the server asked for in `Retry-After` (seconds or an HTTP date), when it sent one;
    /// a caller that tries again later (the outbox) waits at least that long. Repeating the request cannot
    /// duplicate an action, since none was taken.
    case retryLater(code: Int, message: String, url: String, retryAfter: Duration?)
    /// The response body exceeded the configured limit, in bytes.
    case responseTooLarge(limit: Int)
    /// The body could not be decoded into the expected type.
    case decode(reason: String)
    /// The calling task was cancelled, or the client was shut down, before the answer arrived.
    case cancelled(url: String)

    /// A sentence saying what went wrong and what to do about it.
    public var description: String {
        switch self {
        case .invalidRequest(let reason):
            return "Invalid HTTP request: \(reason)"
        case .timeout(let url):
            return "The request to \(url) timed out. The service may be slow or down; try again later or raise the timeout."
        case .connection(let url, let reason):
            return "Could not talk to \(url): \(reason). Check that the service is reachable."
        case .tls(let url, let reason):
            return "The secure connection to \(url) failed: \(reason). Check the URL's scheme and the server's certificate."
        case .status(let code, let message, let url):
            let detail = message.isEmpty ? "" : ": \(message)"
            return "\(url) answered HTTP \(code)\(detail)"
        case .retryLater(let code, let message, let url, let retryAfter):
            let detail = message.isEmpty ? "" : ": \(message)"
            let wait = retryAfter.map { " It asked to wait \(Self.seconds($0)) before trying again." } ?? " Try again later."
            let what = code == 429 ? "too many requests" : "service unavailable"
            return "\(url) answered HTTP \(code) (\(what))\(detail).\(wait)"
        case .responseTooLarge(let limit):
            return "The response was larger than \(limit) bytes and was discarded. Narrow the query or raise maxResponseSize."
        case .decode(let reason):
            return "Could not decode the response: \(reason)"
        case .cancelled(let url):
            return "The request to \(url) was cancelled."
        }
    }

    /// The HTTP status for ``status(code:message:url:)``, otherwise `nil`.
    public var statusCode: Int? {
        switch self {
        case .status(let code, _, _), .retryLater(let code, _, _, _): return code
        default: return nil
        }
    }

    /// The wait the server asked for with `Retry-After` on a 429 or 503 (``retryLater(code:message:url:retryAfter:)``), else `nil`.
    public var retryAfter: Duration? {
        if case .retryLater(_, _, _, let wait) = self { return wait }
        return nil
    }

    /// `2 s`, `1.5 s`.
    private static func seconds(_ duration: Duration) -> String {
        let parts = duration.components
        let value = Double(parts.seconds) + Double(parts.attoseconds) / 1e18
        guard value.isFinite, value < 1e12 else { return "a very long time" }
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? "\(Int(tenths / 10)) s" : "\(tenths / 10) s"
    }
}

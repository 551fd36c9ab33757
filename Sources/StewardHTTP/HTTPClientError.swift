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
        if case .status(let code, _, _) = self { return code }
        return nil
    }
}

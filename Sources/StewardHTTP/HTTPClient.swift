public import Logging

/// An async HTTP client over libcurl, built for calling e-commerce and helpdesk APIs from a conversation.
///
/// All transfers run on one dedicated thread through libcurl's multi interface, so no Swift
/// task ever blocks in network I/O and many requests can be in flight at once. Connections to a
/// host are kept alive and reused. Create one client per process (each owns a thread) and share it.
///
/// ```swift
/// let client = HTTPClient()
/// let response = try await client.send(HTTPRequest(url: "https://shop.example/admin/api/2025-07/orders.json?status=any"))
/// let orders = try response.decode(OrderList.self)
/// ```
///
/// `send` returns only 2xx responses; anything else throws ``HTTPClientError``. Failed attempts
/// are retried according to ``Configuration/retryPolicy`` (see ``RetryPolicy`` for which requests
/// are ever sent twice). Cancelling the calling task aborts the transfer. Each attempt is logged at
/// debug level with the method, the redacted URL, the status and the duration; headers never are.
public final class HTTPClient: Sendable {
    /// The settings this client was created with.
    public let configuration: Configuration
    private let logger: Logger
    private let loop: CurlMultiLoop

    /// Creates a client and starts its transfer thread.
    ///
    /// - Parameters:
    ///   - configuration: Timeouts, size cap, retry policy and connection limits; defaults throughout.
    ///   - logger: Where per-request debug lines go; label `steward.http` by default.
    public init(configuration: Configuration = Configuration(), logger: Logger = Logger(label: "steward.http")) {
        self.configuration = configuration
        self.logger = logger
        loop = CurlMultiLoop(maxConnectionsPerHost: configuration.maxConnectionsPerHost)
    }

    deinit {
        loop.stop()
    }

    /// Stops the transfer thread and closes pooled connections.
    ///
    /// Requests still running fail with ``HTTPClientError/cancelled(url:)``, and so do later
    /// calls to ``send(_:)``. Calling it again does nothing. Deinitialising the client does the same.
    public func shutdown() {
        loop.stop()
    }

    /// Sends a request, retrying as the retry policy allows, and returns the 2xx response.
    ///
    /// - Parameter request: The request to send.
    /// - Returns: The response, when its status is 2xx.
    /// - Throws: ``HTTPClientError``: `.status` for a non-2xx answer (with the API's own message),
    ///   `.retryLater` for a 429 or 503 still refused after the retries (with its `Retry-After`), `.timeout`, `.connection`, `.tls`, `.responseTooLarge`, `.invalidRequest`, or `.cancelled`
    ///   when the task is cancelled. URLs in errors are redacted.
    public func send(_ request: HTTPRequest) async throws(HTTPClientError) -> HTTPResponse {
        let spec = try prepare(request)
        let redactor = SecretRedactor(
            secrets: request.secrets + SecretRedactor.secrets(of: request.headers) + URLRedactor.secrets(in: request.url))
        // Secret-looking query values by name, then any credential wherever it sits (a path segment too).
        let redactedURL = redactor.redact(URLRedactor.redact(request.url))
        let policy = configuration.retryPolicy
        var attempt = 0
        while true {
            attempt += 1
            if Task.isCancelled { throw .cancelled(url: redactedURL) }
            let started = ContinuousClock.now
            let outcome = await loop.execute(spec)
            let milliseconds = (ContinuousClock.now - started).inMilliseconds

            let error: HTTPClientError
            var retryAfter: Duration?
            var refusedUnprocessed = false
            switch outcome {
            case .response(let status, let headers, let body):
                log(request, url: redactedURL, result: "\(status)", milliseconds: milliseconds, attempt: attempt)
                if (200..<300).contains(status) {
                    return HTTPResponse(status: status, headers: headers, body: body, attempts: attempt)
                }
                // Redacted before the message is clipped: a clip never leaves part of a secret behind.
                let message = ErrorMessageExtractor.message(from: body, redactor: redactor)
                if status == 429 || status == 503 {
                    refusedUnprocessed = true
                    retryAfter = headers["Retry-After"].flatMap { RetryAfter.delay(from: $0) }
                    error = .retryLater(code: status, message: message, url: redactedURL, retryAfter: retryAfter)
                } else {
                    error = .status(code: status, message: message, url: redactedURL)
                }
            case .failure(let failure):
                // Refused or unresolvable: nothing reached the server, so even a POST may go again.
                refusedUnprocessed = failure.notSent
                error = self.error(for: failure, request: request, redactedURL: redactedURL, redactor: redactor)
                log(request, url: redactedURL, result: "\(failure.kind)", milliseconds: milliseconds, attempt: attempt)
            }

            guard attempt < policy.maxAttempts,
                Self.mayRetry(error, idempotent: request.isIdempotent, refusedUnprocessed: refusedUnprocessed)
            else { throw error }
            let delay: Duration
            if let retryAfter {
                // Retrying before the server's Retry-After would be refused again; give up instead.
                guard retryAfter <= policy.maxDelay else { throw error }
                delay = retryAfter
            } else {
                delay = policy.backoff(beforeRetry: attempt)
            }
            logger.debug(
                "HTTP retry",
                metadata: [
                    "http.method": "\(request.method.rawValue)", "http.url": "\(redactedURL)",
                    "http.attempt": "\(attempt + 1)", "http.delay_ms": "\(delay.inMilliseconds)",
                ]
            )
            do {
                try await Task.sleep(for: delay)
            } catch {
                throw .cancelled(url: redactedURL)
            }
        }
    }

    // MARK: Internals

    /// Whether a failed attempt may be repeated; see ``RetryPolicy`` for the reasoning.
    static func mayRetry(_ error: HTTPClientError, idempotent: Bool, refusedUnprocessed: Bool) -> Bool {
        switch error {
        case .retryLater:
            return true  // 429/503: the server did not act on it
        case .status(let code, _, _):
            if refusedUnprocessed { return true }
            return idempotent && (code == 408 || ((500...599).contains(code) && code != 501 && code != 505))
        case .timeout:
            return idempotent
        case .connection:
            return idempotent || refusedUnprocessed  // a refused connection: the request was never sent
        case .tls, .invalidRequest, .responseTooLarge, .decode, .cancelled:
            return false
        }
    }

    private func error(for failure: TransferFailure, request: HTTPRequest, redactedURL: String, redactor: SecretRedactor) -> HTTPClientError {
        let reason = redactor.redactVendorText(failure.reason)
        switch failure.kind {
        case .timeout: return .timeout(url: redactedURL)
        case .connection: return .connection(url: redactedURL, reason: reason)
        case .tls: return .tls(url: redactedURL, reason: reason)
        case .tooLarge: return .responseTooLarge(limit: configuration.maxResponseSize)
        case .invalidRequest: return .invalidRequest(reason: "\(reason) (\(redactedURL))")
        case .cancelled: return .cancelled(url: redactedURL)
        }
    }

    private func log(_ request: HTTPRequest, url: String, result: String, milliseconds: Int, attempt: Int) {
        logger.debug(
            "HTTP \(request.method.rawValue) \(url) -> \(result) in \(milliseconds) ms",
            metadata: [
                "http.method": "\(request.method.rawValue)", "http.url": "\(url)", "http.status": "\(result)",
                "http.ms": "\(milliseconds)", "http.attempt": "\(attempt)",
            ]
        )
    }

    /// Validates the request and turns it into what the transfer thread needs.
    func prepare(_ request: HTTPRequest) throws(HTTPClientError) -> TransferSpec {
        let url = request.url
        let lowered = url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
            throw .invalidRequest(
                reason: "Only absolute http and https URLs are supported; got '\(URLRedactor.redact(url))'.")
        }
        guard !url.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true }) else {
            throw .invalidRequest(
                reason: "The URL '\(URLRedactor.redact(url))' contains spaces or control characters; percent-encode them.")
        }
        var lines: [String] = []
        for field in request.headers.fields {
            guard !field.name.isEmpty, field.name.utf8.allSatisfy(Self.isTokenByte) else {
                throw .invalidRequest(reason: "The header name '\(field.name)' is not a valid HTTP token.")
            }
            guard !field.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else {
                throw .invalidRequest(reason: "The value of header '\(field.name)' contains a line break.")
            }
            lines.append(field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)")
        }
        if let key = request.idempotencyKey, !request.headers.contains("Idempotency-Key") {
            guard !key.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) else {
                throw .invalidRequest(reason: "The idempotency key contains a line break.")
            }
            lines.append("Idempotency-Key: \(key)")
        }
        // No `Expect: 100-continue` round trip for larger bodies.
        if !request.headers.contains("Expect") { lines.append("Expect:") }
        // libcurl would label a body form-encoded; send exactly the caller's Content-Type, or none.
        if request.body != nil || request.method == .post, !request.headers.contains("Content-Type") {
            lines.append("Content-Type:")
        }
        return TransferSpec(
            method: request.method,
            url: url,
            headerLines: lines,
            body: request.body,
            timeoutMilliseconds: max(1, (request.timeout ?? configuration.timeout).inMilliseconds),
            connectTimeoutMilliseconds: max(1, (request.connectTimeout ?? configuration.connectTimeout).inMilliseconds),
            maxResponseSize: configuration.maxResponseSize,
            userAgent: configuration.userAgent,
            reusesConnection: request.method.isIdempotent
        )
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}

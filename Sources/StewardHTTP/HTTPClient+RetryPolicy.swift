extension HTTPClient {
    /// When and how long ``HTTPClient`` waits before sending a request again.
    ///
    /// A request is sent again only when doing so cannot cause an action twice:
    ///
    /// - **Idempotent requests** (`GET`, `PUT`, `DELETE`, or any request with an
    ///   ``HTTPRequest/idempotencyKey`` or ``HTTPRequest/markedIdempotent``) are retried after
    ///   connection errors, timeouts, and 5xx answers (except 501 and 505, which will not change).
    /// - **Other requests** (a plain `POST` or `PATCH`) are retried **only** after a 429 or 503
    ///   answer, or a connection that was refused (or a host that did not resolve) before anything was
    ///   sent. Those mean the server refused the request before processing it, so a
    ///   second copy cannot duplicate an order, a refund or a ticket. After a timeout, a reset
    ///   connection or a 500, the server may already have acted, and retrying blind could
    ///   cancel, refund or reply twice, so the error is returned to the caller instead.
    ///
    /// Waits use exponential backoff with full jitter: attempt *n* waits a random time in
    /// `0 ... min(maxDelay, baseDelay × 2^(n-1))`. A `Retry-After` header on 429/503 (seconds,
    /// possibly fractional like `2.0`, or an HTTP date; any capitalisation of the name) replaces
    /// the backoff; when it asks for more than `maxDelay` the client gives up at once, since an
    /// earlier retry would be refused again and a customer cannot wait that long anyway. A 429 or 503
    /// still refused when the client gives up is thrown as ``HTTPClientError/retryLater(code:message:url:retryAfter:)``
    /// with the wait asked for, so that a caller retrying later (the outbox) can honour it.
    public struct RetryPolicy: Sendable, Equatable {
        /// Total attempts including the first; `1` disables retries.
        public var maxAttempts: Int
        /// The backoff ceiling for the first retry; doubled for each further retry.
        public var baseDelay: Duration
        /// The longest single wait, for backoff and for `Retry-After`.
        public var maxDelay: Duration

        /// Creates a policy.
        ///
        /// - Parameters:
        ///   - maxAttempts: Total attempts including the first; defaults to 3.
        ///   - baseDelay: The first backoff ceiling; defaults to 200 ms.
        ///   - maxDelay: The longest wait; defaults to 10 s.
        public init(maxAttempts: Int = 3, baseDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(10)) {
            self.maxAttempts = max(1, maxAttempts)
            self.baseDelay = baseDelay
            self.maxDelay = maxDelay
        }

        /// Three attempts, 200 ms base delay, 10 s maximum wait.
        public static let standard = RetryPolicy()

        /// A single attempt: never retry.
        public static let never = RetryPolicy(maxAttempts: 1)

        /// The full-jitter backoff before retry number `retry` (1 for the first retry).
        func backoff(beforeRetry retry: Int) -> Duration {
            let exponent = min(max(retry - 1, 0), 30)
            let ceiling = min(maxDelay.inSeconds, baseDelay.inSeconds * Double(1 << exponent))
            guard ceiling > 0 else { return .zero }
            return .seconds(Double.random(in: 0...ceiling))
        }
    }
}

extension HTTPClient {
    /// Settings shared by every request a client sends.
    ///
    /// There is deliberately no way to turn off TLS certificate verification.
    public struct Configuration: Sendable, Equatable {
        /// The longest wait for a TCP (and TLS) connection; defaults to 2 s.
        public var connectTimeout: Duration
        /// The longest time one attempt may take, connect included; defaults to 5 s, after
        /// Dialogflow's 5 s webhook limit: a reply that takes longer has already lost the customer.
        public var timeout: Duration
        /// The largest accepted response body in bytes (after decompression); defaults to 4 MiB.
        public var maxResponseSize: Int
        /// When failed requests are sent again.
        public var retryPolicy: RetryPolicy
        /// The most parallel connections to one host; more requests wait for a free one. Defaults to 64.
        public var maxConnectionsPerHost: Int
        /// The `User-Agent` sent unless a request sets its own.
        public var userAgent: String

        /// Creates a configuration; every parameter has a default.
        ///
        /// - Parameters:
        ///   - connectTimeout: The connect timeout; 2 s.
        ///   - timeout: The per-attempt total timeout; 5 s.
        ///   - maxResponseSize: The response body cap in bytes; 4 MiB.
        ///   - retryPolicy: The retry policy; ``RetryPolicy/standard``.
        ///   - maxConnectionsPerHost: The per-host connection limit; 64.
        ///   - userAgent: The default `User-Agent`.
        public init(
            connectTimeout: Duration = .seconds(2),
            timeout: Duration = .seconds(5),
            maxResponseSize: Int = 4 * 1024 * 1024,
            retryPolicy: RetryPolicy = .standard,
            maxConnectionsPerHost: Int = 64,
            userAgent: String = "Steward/1.0"
        ) {
            self.connectTimeout = connectTimeout
            self.timeout = timeout
            self.maxResponseSize = max(0, maxResponseSize)
            self.retryPolicy = retryPolicy
            self.maxConnectionsPerHost = max(1, maxConnectionsPerHost)
            self.userAgent = userAgent
        }
    }
}

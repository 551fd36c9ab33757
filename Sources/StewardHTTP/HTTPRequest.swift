public import Foundation

/// A request for ``HTTPClient/send(_:)``.
///
/// Only `http` and `https` URLs are accepted; TLS certificates are always verified.
/// Redirects are not followed: a 3xx answer surfaces as ``HTTPClientError/status(code:message:url:)``,
/// so credentials in headers never travel to a host the caller did not name.
public struct HTTPRequest: Sendable {
    /// The HTTP methods Steward's adapters use.
    public enum Method: String, Sendable, CaseIterable {
        /// `GET`: read; idempotent.
        case get = "GET"
        /// `POST`: create or act; not idempotent unless the request carries an idempotency key.
        case post = "POST"
        /// `PUT`: replace; idempotent.
        case put = "PUT"
        /// `PATCH`: partial update; not idempotent in general.
        case patch = "PATCH"
        /// `DELETE`: remove; idempotent.
        case delete = "DELETE"

        /// Whether repeating the method has the same effect as sending it once (RFC 9110 §9.2.2).
        public var isIdempotent: Bool {
            switch self {
            case .get, .put, .delete: true
            case .post, .patch: false
            }
        }
    }

    /// The method.
    public var method: Method
    /// The absolute `http` or `https` URL, query included.
    public var url: String
    /// The request headers, sent in order. They never appear in errors or logs.
    public var headers: HTTPHeaders
    /// The body, sent with a `Content-Length`; `nil` for none.
    public var body: [UInt8]?
    /// Overrides ``HTTPClient/Configuration/timeout`` for each attempt of this request.
    public var timeout: Duration?
    /// Overrides ``HTTPClient/Configuration/connectTimeout`` for this request.
    public var connectTimeout: Duration?
    /// A key the server uses to deduplicate retries; sent as `Idempotency-Key` and makes the request retryable.
    public var idempotencyKey: String?
    /// Marks the request safe to repeat although its method is not (for example a `POST` search,
    /// or an API that deduplicates on a client-chosen external id).
    public var markedIdempotent: Bool
    /// Values that must never appear in an error or log about this request (an API token, say), in any
    /// form a server may echo them (see ``SecretRedactor``). Credentials in the headers are found
    /// without being listed here.
    public var secrets: [String] = []

    /// Creates a request.
    ///
    /// - Parameters:
    ///   - method: The method; defaults to `GET`.
    ///   - url: The absolute `http` or `https` URL.
    ///   - headers: Headers, sent in order.
    ///   - body: The body bytes, or `nil`.
    ///   - timeout: A per-attempt total timeout overriding the client's.
    ///   - connectTimeout: A connect timeout overriding the client's.
    ///   - idempotencyKey: A deduplication key sent as `Idempotency-Key`; makes a `POST` retryable.
    ///   - markedIdempotent: Declares the request safe to repeat whatever its method.
    public init(
        method: Method = .get,
        url: String,
        headers: HTTPHeaders = [:],
        body: [UInt8]? = nil,
        timeout: Duration? = nil,
        connectTimeout: Duration? = nil,
        idempotencyKey: String? = nil,
        markedIdempotent: Bool = false
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.idempotencyKey = idempotencyKey
        self.markedIdempotent = markedIdempotent
    }

    /// Creates a request for a `URL`.
    public init(
        method: Method = .get,
        url: URL,
        headers: HTTPHeaders = [:],
        body: [UInt8]? = nil,
        timeout: Duration? = nil,
        idempotencyKey: String? = nil
    ) {
        self.init(
            method: method, url: url.absoluteString, headers: headers, body: body,
            timeout: timeout, idempotencyKey: idempotencyKey
        )
    }

    /// Creates a request whose body is `value` encoded as JSON, with `Content-Type` and `Accept` set to JSON.
    ///
    /// - Throws: ``HTTPClientError/invalidRequest(reason:)`` when `value` cannot be encoded.
    public static func json<Body: Encodable>(
        _ method: Method,
        url: String,
        body value: Body,
        headers: HTTPHeaders = [:],
        idempotencyKey: String? = nil,
        encoder: JSONEncoder = JSONEncoder()
    ) throws(HTTPClientError) -> HTTPRequest {
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            throw .invalidRequest(reason: "The body could not be encoded as JSON (\(error)). Check the Encodable value.")
        }
        var allHeaders = headers
        if !allHeaders.contains("Content-Type") { allHeaders.add(name: "Content-Type", value: "application/json") }
        if !allHeaders.contains("Accept") { allHeaders.add(name: "Accept", value: "application/json") }
        return HTTPRequest(
            method: method, url: url, headers: allHeaders, body: [UInt8](data), idempotencyKey: idempotencyKey
        )
    }

    /// Whether the client may send the request more than once: an idempotent method, an
    /// ``idempotencyKey``, or ``markedIdempotent``.
    public var isIdempotent: Bool {
        method.isIdempotent || idempotencyKey != nil || markedIdempotent
    }
}

import Foundation
import Logging
import StewardHTTP

/// One vendor API as an adapter sees it: a base URL, the headers every call carries (auth,
/// version), and the shared ``HTTPClient``.
///
/// Every error that leaves it is an ``HTTPClientError`` with the credentials scrubbed from
/// server-provided text (a server that echoes the token back cannot leak it into logs).
struct ServiceEndpoint: Sendable {
    /// The service name for logs, e.g. `shopify`.
    let service: String
    /// The base URL without a trailing slash, e.g. `https://my-shop.myshopify.com/admin/api/2025-07`.
    let baseURL: String
    /// Auth, version and `Accept` headers sent on every request.
    let headers: HTTPHeaders
    /// Strings that must never appear in an error (the secret, and header values derived from it).
    let secrets: [String]
    let client: HTTPClient
    let logger: Logger

    /// `baseURL + path + ?query`, every query name and value percent-encoded.
    func url(_ path: String, query: [(String, String)] = []) -> String {
        let slash = path.hasPrefix("/") ? "" : "/"
        guard !query.isEmpty else { return baseURL + slash + path }
        let encoded = query.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return baseURL + slash + path + "?" + encoded
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters (`#` → `%23`, `@` → `%40`, `+` → `%2B`).
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Sends a `GET` and decodes the body.
    func get<T: Decodable>(_ type: T.Type, _ path: String, query: [(String, String)] = []) async throws(HTTPClientError) -> T {
        try decode(type, from: await send(.get, path, query: query))
    }

    /// Sends a `GET` and decodes the body; `nil` when the server answers 404.
    func getIfFound<T: Decodable>(_ type: T.Type, _ path: String, query: [(String, String)] = []) async throws(HTTPClientError) -> T? {
        do {
            return try await get(type, path, query: query)
        } catch {
            if error.statusCode == 404 { return nil }
            throw error
        }
    }

    /// Sends a request to `path` (relative to ``baseURL``) with an optional JSON body.
    func send(
        _ method: HTTPRequest.Method, _ path: String, query: [(String, String)] = [], body: (any Encodable & Sendable)? = nil,
        contentType: String = "application/json", markedIdempotent: Bool = false, idempotencyKey: String? = nil,
        idempotencyHeader: String? = nil
    ) async throws(HTTPClientError) -> HTTPResponse {
        try await send(
            method, absoluteURL: url(path, query: query), body: body, contentType: contentType, markedIdempotent: markedIdempotent,
            idempotencyKey: idempotencyKey, idempotencyHeader: idempotencyHeader)
    }

    /// Sends a request to an absolute URL on this service (a pagination link already checked to be ours).
    ///
    /// `idempotencyKey` makes the HTTP layer treat the request as safe to repeat; `idempotencyHeader` only sends
    /// the value as `Idempotency-Key`, leaving a `POST` un-repeated by the HTTP layer (``SideEffect`` decides).
    func send(
        _ method: HTTPRequest.Method, absoluteURL: String, body: (any Encodable & Sendable)? = nil,
        contentType: String = "application/json", markedIdempotent: Bool = false, idempotencyKey: String? = nil,
        idempotencyHeader: String? = nil
    ) async throws(HTTPClientError) -> HTTPResponse {
        var request = HTTPRequest(
            method: method, url: absoluteURL, headers: headers, idempotencyKey: idempotencyKey, markedIdempotent: markedIdempotent)
        if let idempotencyHeader { request.headers.replaceOrAdd(name: "Idempotency-Key", value: idempotencyHeader) }
        request.secrets = secrets
        if let body {
            do {
                request.body = try [UInt8](JSONEncoder().encode(body))
            } catch {
                throw .invalidRequest(reason: "The \(service) request body could not be encoded as JSON.")
            }
            request.headers.replaceOrAdd(name: "Content-Type", value: contentType)
        }
        do {
            let response = try await client.send(request)
            if let reason = response.headers["X-Shopify-API-Deprecated-Reason"] {
                logger.notice(
                    "\(service) API call is deprecated", metadata: ["reason": "\(reason)", "request_id": "\(response.headers["X-Request-Id"] ?? "")"])
            }
            return response
        } catch {
            throw scrub(error)
        }
    }

    /// Decodes a response body as JSON with the adapters' decoder.
    func decode<T: Decodable>(_ type: T.Type, from response: HTTPResponse) throws(HTTPClientError) -> T {
        do {
            return try response.decode(type, decoder: .adapters)
        } catch {
            throw scrub(error)
        }
    }

    /// The error with every secret replaced by `REDACTED` in its texts, in every form ``SecretRedactor``
    /// knows (raw, Base64, percent-encoded, JSON-escaped). The client already redacted server messages
    /// before clipping them; this catches the rest (decoding errors, transport reasons).
    func scrub(_ error: HTTPClientError) -> HTTPClientError {
        let redactor = SecretRedactor(secrets: secrets + SecretRedactor.secrets(of: headers))
        func clean(_ text: String) -> String { redactor.redact(text) }
        // Vendor text (messages, transport reasons, decoding details that may quote a value) loses every
        // credential-like run too; our own URL only the secrets.
        func vendor(_ text: String) -> String { redactor.redactVendorText(text) }
        switch error {
        case .invalidRequest(let reason): return .invalidRequest(reason: clean(reason))
        case .timeout(let url): return .timeout(url: clean(url))
        case .connection(let url, let reason): return .connection(url: clean(url), reason: vendor(reason))
        case .tls(let url, let reason): return .tls(url: clean(url), reason: vendor(reason))
        case .status(let code, let message, let url): return .status(code: code, message: vendor(message), url: clean(url))
        case .retryLater(let code, let message, let url, let wait):
            return .retryLater(code: code, message: vendor(message), url: clean(url), retryAfter: wait)
        case .responseTooLarge: return error
        case .decode(let reason): return .decode(reason: vendor(reason))
        case .cancelled(let url): return .cancelled(url: clean(url))
        }
    }

    /// Whether an absolute URL (a pagination link) points at this service's base URL.
    func owns(_ absoluteURL: String) -> Bool {
        absoluteURL.hasPrefix(baseURL + "/")
    }
}

extension ServiceEndpoint: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `shopify at https://…` — never the headers, which carry credentials.
    var description: String { "\(service) at \(baseURL)" }
    var debugDescription: String { description }
    var customMirror: Mirror { Mirror(self, children: ["service": service, "baseURL": baseURL], displayStyle: .struct) }
}

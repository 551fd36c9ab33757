public import Foundation

/// A request as received by ``StubHTTPServer``, handed to its handler and recorded in ``StubHTTPServer/requests``.
public struct StubRequest: Sendable {
    /// The method, as sent (`GET`, `POST`…).
    public let method: String
    /// The request target exactly as sent: path plus `?query`, still percent-encoded.
    public let target: String
    /// The path part of the target, still percent-encoded (`/admin/api/2025-07/orders.json`).
    public let path: String
    /// The query string without `?`, still percent-encoded, or `nil` when there is none.
    public let query: String?
    /// The query parameters in order, decoded as a web server would (percent-escapes, and `+` as space).
    public let queryItems: [URLQueryItem]
    /// The headers, with case-insensitive lookup.
    public let headers: StubHeaders
    /// The body bytes (`Content-Length` delimited).
    public let body: [UInt8]
    /// The accepted TCP connection it came on, numbered from 1; equal numbers mean a reused connection.
    public let connectionNumber: Int
    /// The order of arrival across the whole server, numbered from 1.
    public let sequenceNumber: Int

    /// Creates a request; the server does this, tests rarely need to.
    public init(
        method: String, target: String, headers: StubHeaders, body: [UInt8],
        connectionNumber: Int = 1, sequenceNumber: Int = 1
    ) {
        self.method = method
        self.target = target
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = String(parts.first ?? "")
        query = parts.count > 1 ? String(parts[1]) : nil
        queryItems = (query ?? "").split(separator: "&").map { pair in
            let nameValue = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.formDecode(nameValue[0])
            let value = nameValue.count > 1 ? Self.formDecode(nameValue[1]) : nil
            return URLQueryItem(name: name, value: value)
        }
        self.headers = headers
        self.body = body
        self.connectionNumber = connectionNumber
        self.sequenceNumber = sequenceNumber
    }

    /// The decoded value of the first query parameter with this name, or `nil`.
    public func queryValue(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }

    /// The body as UTF-8 text (invalid bytes replaced).
    public var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }

    /// Decodes the body as JSON.
    public func decodeJSON<T: Decodable>(_ type: T.Type = T.self, decoder: JSONDecoder = JSONDecoder()) throws -> T {
        try decoder.decode(T.self, from: Data(body))
    }

    /// The body parsed with `JSONSerialization` (for loose assertions), or `nil` when it is not JSON.
    public var jsonObject: Any? {
        try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
    }

    private static func formDecode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}

import Foundation

/// What ``StubHTTPServer`` does with a request: answer it, answer late, or misbehave on purpose.
///
/// ```swift
/// StubResponse(status: 200, headers: [("Content-Type", "application/json")], body: #"{"ok":true}"#)
/// .json(#"{"errors":"Not Found"}"#, status: 404)
/// .delay(0.2, then: .json("{}"))
/// .dropConnection      // close without answering
/// .malformed           // send bytes that are not HTTP
/// .truncated           // promise a body, send half of it, close
/// ```
public struct StubResponse: Sendable {
    /// The status code of the answer.
    public var status: Int
    /// Header fields sent in order; `Content-Length` is added unless present.
    public var headers: [(String, String)]
    /// The body bytes.
    public var body: [UInt8]
    /// Whether the server closes the connection after this answer (otherwise it is kept alive).
    public var closesConnection: Bool
    /// Whether `Content-Length` is left out, so the body ends where the connection closes.
    var omitsContentLength = false
    let action: Action

    indirect enum Action: Sendable {
        case respond
        case delay(Double, StubResponse)
        case drop
        case malformed
        case truncated
    }

    /// An answer with these fields.
    public init(status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = [], closesConnection: Bool = false) {
        self.status = status
        self.headers = headers
        self.body = body
        self.closesConnection = closesConnection
        action = .respond
    }

    /// An answer with a UTF-8 text body.
    public init(status: Int = 200, headers: [(String, String)] = [], body: String, closesConnection: Bool = false) {
        self.init(status: status, headers: headers, body: Array(body.utf8), closesConnection: closesConnection)
    }

    private init(action: Action) {
        status = 0
        headers = []
        body = []
        closesConnection = true
        self.action = action
    }

    /// A JSON answer (`Content-Type: application/json`) with this text as body.
    public static func json(_ text: String, status: Int = 200, headers: [(String, String)] = []) -> StubResponse {
        StubResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: text)
    }

    /// A JSON answer encoding `value`.
    public static func json<Value: Encodable>(encoding value: Value, status: Int = 200, headers: [(String, String)] = []) -> StubResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        return StubResponse(status: status, headers: [("Content-Type", "application/json")] + headers, body: [UInt8](data))
    }

    /// A plain-text answer.
    public static func text(_ text: String, status: Int = 200, headers: [(String, String)] = []) -> StubResponse {
        StubResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")] + headers, body: text)
    }

    /// Waits `seconds` (without blocking other connections), then does what `response` says.
    public static func delay(_ seconds: Double, then response: StubResponse) -> StubResponse {
        StubResponse(action: .delay(seconds, response))
    }

    /// The same answer framed the HTTP/1.0 way: no `Content-Length`, the body ends when the connection closes.
    public static func closeDelimited(_ response: StubResponse) -> StubResponse {
        var copy = response
        copy.headers.removeAll { $0.0.lowercased() == "content-length" }
        copy.closesConnection = true
        copy.omitsContentLength = true
        return copy
    }

    /// Closes the connection without sending anything.
    public static let dropConnection = StubResponse(action: .drop)

    /// Sends a reply that is not HTTP at all, then closes the connection.
    public static let malformed = StubResponse(action: .malformed)

    /// Sends headers promising a 100-byte body, only 10 bytes of it, then closes the connection.
    public static let truncated = StubResponse(action: .truncated)
}

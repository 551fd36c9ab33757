public import Foundation

/// A response with a 2xx status, as returned by ``HTTPClient/send(_:)``.
public struct HTTPResponse: Sendable {
    /// The status code.
    public var status: Int
    /// The response headers of the final response, in order, with case-insensitive lookup.
    public var headers: HTTPHeaders
    /// The body, decompressed; at most ``HTTPClient/Configuration/maxResponseSize`` bytes.
    public var body: [UInt8]
    /// How many attempts it took (1 when the first one succeeded).
    public var attempts: Int

    /// Creates a response.
    public init(status: Int, headers: HTTPHeaders = [:], body: [UInt8] = [], attempts: Int = 1) {
        self.status = status
        self.headers = headers
        self.body = body
        self.attempts = attempts
    }

    /// The body as UTF-8 text, or `nil` when it is not valid UTF-8.
    public var text: String? {
        String(validating: body, as: UTF8.self)
    }

    /// Decodes the body as JSON.
    ///
    /// - Parameters:
    ///   - type: The type to decode.
    ///   - decoder: The decoder; a default `JSONDecoder` unless given.
    /// - Returns: The decoded value.
    /// - Throws: ``HTTPClientError/decode(reason:)`` describing what did not match.
    public func decode<T: Decodable>(_ type: T.Type = T.self, decoder: JSONDecoder = JSONDecoder()) throws(HTTPClientError) -> T {
        do {
            return try decoder.decode(T.self, from: Data(body))
        } catch let error as DecodingError {
            throw .decode(reason: Self.describe(error, type: T.self))
        } catch {
            throw .decode(reason: "The body is not valid JSON for \(T.self).")
        }
    }

    private static func describe(_ error: DecodingError, type: Any.Type) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let components = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return components.isEmpty ? "the top level" : components.joined(separator: ".")
        }
        switch error {
        case .dataCorrupted(let context):
            return "The body is not valid JSON for \(type) at \(path(context)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "The body lacks the key '\(key.stringValue)' at \(path(context)) needed for \(type)."
        case .typeMismatch(let expected, let context):
            return "Expected \(expected) at \(path(context)) while decoding \(type)."
        case .valueNotFound(let expected, let context):
            return "Expected a \(expected) value but found null at \(path(context)) while decoding \(type)."
        @unknown default:
            return "The body could not be decoded as \(type)."
        }
    }
}

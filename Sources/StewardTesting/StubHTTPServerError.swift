/// Why ``StubHTTPServer`` could not start.
public struct StubHTTPServerError: Error, CustomStringConvertible, Equatable {
    /// What failed, with the system error.
    public let description: String

    init(_ step: String, errno code: Int32) {
        description = "The stub HTTP server could not \(step): \(String(cString: strerror(code))) (errno \(code))."
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

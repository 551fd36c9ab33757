import Foundation
import Logging
import StewardHTTP
import StewardTesting
import Testing

/// A vendor's hostile `Retry-After` on a 429 or 503 (reviewer C: the process crashed in the conversion,
/// and again at every restart while the ticket waited): never a trap; delay-seconds are clamped to one
/// day, anything that is not delay-seconds or an HTTP date is ignored.
@Suite struct HostileRetryAfterTests {
    @Test(arguments: [429, 503], [
        "1e20", "9223372036854775807", "18446744073709551616", "1.0e300", "0x7fffffffffffffff", "-1", "nan", "inf",
        String(repeating: "9", count: 500), "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 32 Foo 2025 99:99:99 GMT", "12 monkeys",
    ])
    func aHostileRetryAfterIsClampedOrIgnoredWithoutATrap(_ status: Int, _ value: String) async throws {
        let faults = StubFaults()
        faults.inject(status == 429 ? .rateLimited(retryAfter: value) : .unavailable(retryAfter: value), times: .max)
        let server = try StubHTTPServer(handler: faults.wrap { _ in .json("{}") })
        defer { server.stop() }
        let client = HTTPClient(configuration: .init(retryPolicy: .init(maxAttempts: 2, baseDelay: .milliseconds(5), maxDelay: .seconds(1))))
        defer { client.shutdown() }
        do {
            _ = try await client.send(HTTPRequest(method: .post, url: server.url("/api/tickets"), body: Array("{}".utf8)))
            Issue.record("a refusal must fail")
        } catch {
            #expect(error.statusCode == status)
            if let wait = error.retryAfter {
                #expect(wait <= .seconds(86_400))
                #expect(wait > .seconds(1))  // a huge value is a long wait, not a short one
            }
            #expect(!error.description.isEmpty)
        }
    }
}

/// A refused connection proves the request was never sent: even a `POST` is tried again (issue 12: re-send
/// only after failures that prove nothing was processed). A drop after sending is not (StubFaultsTests).
@Suite struct RefusedConnectionTests {
    @Test func aPostToARefusingServerIsTriedAgainAndFailsAsAConnectionError() async throws {
        let sink = HTTPClientLoggingTests.Sink()
        // A port that was just free: nothing listens there.
        let server = try StubHTTPServer { _ in .json("{}") }
        let port = server.port
        server.stop()
        let client = HTTPClient(
            configuration: .init(retryPolicy: .init(maxAttempts: 3, baseDelay: .milliseconds(5), maxDelay: .seconds(1))),
            logger: Logger(label: "steward.http") { _ in HTTPClientLoggingTests.CapturingHandler(sink: sink) })
        defer { client.shutdown() }
        do {
            _ = try await client.send(HTTPRequest(method: .post, url: "http://127.0.0.1:\(port)/api/tickets", body: Array("{}".utf8)))
            Issue.record("nothing listens: the send must fail")
        } catch {
            guard case .connection = error else {
                Issue.record("expected a connection error, got \(error)")
                return
            }
        }
        let retries = sink.lines.withLock { $0.filter { $0.contains("HTTP retry") } }
        #expect(retries.count == 2)
    }
}

import Foundation
import Logging
import StewardHTTP
import StewardTesting
import Synchronization
import Testing

@Suite struct HTTPClientLoggingTests {
    final class Sink: Sendable {
        let lines = Mutex<[String]>([])
    }

    /// Writes every event, message and metadata, as one line into a sink.
    struct CapturingHandler: LogHandler {
        let sink: Sink
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .debug

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            let text = "\(event.level) \(event.message) \(merged.sorted { $0.key < $1.key })"
            sink.lines.withLock { $0.append(text) }
        }
    }

    @Test func eachAttemptIsLoggedAtDebugWithARedactedURLAndNoHeaders() async throws {
        let sink = Sink()
        let server = try StubHTTPServer { request in
            request.sequenceNumber == 1 ? StubResponse(status: 503, headers: [("Retry-After", "0")]) : .json("{}")
        }
        defer { server.stop() }
        let client = HTTPClient(logger: Logger(label: "steward.http") { _ in CapturingHandler(sink: sink) })
        let url = server.url("/orders.json?status=any&access_token=shpat_SECRET")
        _ = try await client.send(HTTPRequest(url: url, headers: ["Authorization": "Bearer HEADER_SECRET"]))

        let lines = sink.lines.withLock { $0 }
        #expect(lines.count == 3)  // attempt 1 (503), the retry, attempt 2 (200)
        #expect(lines.allSatisfy { $0.hasPrefix("debug") })
        #expect(lines.first?.contains("GET") == true)
        #expect(lines.first?.contains("503") == true)
        #expect(lines.last?.contains("200") == true)
        for line in lines {
            #expect(line.contains("access_token=REDACTED"))
            #expect(!line.contains("shpat_SECRET"))
            #expect(!line.contains("HEADER_SECRET"))
            #expect(!line.contains("Authorization"))
        }
    }
}

import Foundation
import StewardHTTP
import StewardTesting
import Synchronization
import Testing

/// The stub's fault injection, seen from the HTTP client: what the vendor did, and what the client reports.
@Suite struct StubFaultsTests {
    /// Counts the handler's calls: the stand-in for a vendor's side effect.
    final class Handled: Sendable {
        let count = Mutex(0)
        func handler(_ request: StubRequest) -> StubResponse {
            count.withLock { $0 += 1 }
            return .json(#"{"ticket":{"id":1}}"#, status: 201)
        }
        var value: Int { count.withLock { $0 } }
    }

    static func post(_ server: StubHTTPServer) -> HTTPRequest {
        HTTPRequest(method: .post, url: server.url("/api/v2/tickets.json"), body: Array(#"{"ticket":{}}"#.utf8))
    }

    @Test func processThenDropActsAndThePostIsNotSentAgain() async throws {
        let handled = Handled()
        let faults = StubFaults()
        faults.inject(.processThenDrop, times: .max, when: StubFaults.writes)
        let server = try StubHTTPServer(handler: faults.wrap(handled.handler))
        defer { server.stop() }
        let error = await HTTPClientTests.failure(HTTPClientTests.client(), Self.post(server))
        guard case .connection? = error else {
            Issue.record("expected a connection error, got \(String(describing: error))")
            return
        }
        #expect(handled.value == 1)
        #expect(server.requests.count == 1)
        #expect(faults.served.map(\.path) == ["/api/v2/tickets.json"])
    }

    @Test func aLateReplyActsAndTimesOut() async throws {
        let handled = Handled()
        let faults = StubFaults()
        faults.inject(.processThenDelay(seconds: 2))
        let server = try StubHTTPServer(handler: faults.wrap(handled.handler))
        defer { server.stop() }
        let error = await HTTPClientTests.failure(HTTPClientTests.client { $0.timeout = .milliseconds(200) }, Self.post(server))
        guard case .timeout? = error else {
            Issue.record("expected a timeout, got \(String(describing: error))")
            return
        }
        #expect(handled.value == 1)
    }

    @Test(arguments: StubFault.GarbageBody.allCases)
    func garbageKeepsTheStatusAndActs(_ kind: StubFault.GarbageBody) async throws {
        let handled = Handled()
        let faults = StubFaults()
        faults.inject(.garbage(kind))
        let server = try StubHTTPServer(handler: faults.wrap(handled.handler))
        defer { server.stop() }
        let response = try await HTTPClientTests.client().send(Self.post(server))
        #expect(response.status == 201)
        #expect(response.text == kind.body)
        #expect(handled.value == 1)
        struct Envelope: Decodable { var ticket: [String: Int] }
        #expect(throws: HTTPClientError.self) { try response.decode(Envelope.self) }
    }

    @Test func refusalsNeverReachTheHandlerAndOnlyTheChosenRequestsAreHit() async throws {
        let handled = Handled()
        let faults = StubFaults()
        faults.inject(.unavailable(retryAfter: "0"), times: 2, when: StubFaults.request("POST", pathContains: "tickets"))
        let server = try StubHTTPServer(handler: faults.wrap(handled.handler))
        defer { server.stop() }
        let client = HTTPClientTests.client()
        _ = try await client.send(HTTPRequest(url: server.url("/api/v2/tickets.json")))  // a GET: untouched
        #expect(handled.value == 1)
        let response = try await client.send(Self.post(server))  // 503, 503, then through
        #expect(response.attempts == 3)
        #expect(handled.value == 2)
        #expect(faults.served.count == 2)
    }

    /// A 429 or 503 still refused after the retries is ``HTTPClientError/retryLater(code:message:url:retryAfter:)``
    /// with the wait the server asked for, given in seconds or as an HTTP date.
    @Test(arguments: [429, 503])
    func aPersistentRefusalCarriesItsRetryAfter(_ status: Int) async throws {
        // 429 in seconds, 503 as an HTTP date (made here, when the test runs).
        let fault: StubFault =
            status == 429 ? .rateLimited(retryAfter: "600") : .unavailable(retryAfter: StubFault.httpDate(Date().addingTimeInterval(600)))
        let handled = Handled()
        let faults = StubFaults()
        faults.inject(fault, times: .max)
        let server = try StubHTTPServer(handler: faults.wrap(handled.handler))
        defer { server.stop() }
        let error = try #require(await HTTPClientTests.failure(HTTPClientTests.client(), Self.post(server)))
        let wait = try #require(error.retryAfter)
        #expect(wait > .seconds(300) && wait <= .seconds(600))
        #expect(error.statusCode == status)
        #expect(error.description.contains("before trying again"))
        #expect(handled.value == 0)
        #expect(server.requests.count == 1)  // longer than the client's longest wait: not retried
    }
}

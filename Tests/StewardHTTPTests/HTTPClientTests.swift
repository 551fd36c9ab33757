import Foundation
import StewardHTTP
import StewardTesting
import Synchronization
import Testing

@Suite struct HTTPClientTests {
    /// Quick retries so the suite stays fast; the waits under test come from Retry-After.
    static let fastRetries = HTTPClient.RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(20), maxDelay: .seconds(2))

    static func client(_ configure: (inout HTTPClient.Configuration) -> Void = { _ in }) -> HTTPClient {
        var configuration = HTTPClient.Configuration(retryPolicy: fastRetries)
        configure(&configuration)
        return HTTPClient(configuration: configuration)
    }

    /// Sends and returns the thrown HTTPClientError, failing the test when the request succeeds.
    static func failure(_ client: HTTPClient, _ request: HTTPRequest) async -> HTTPClientError? {
        do {
            let response = try await client.send(request)
            Issue.record("expected an error, got HTTP \(response.status)")
            return nil
        } catch {
            return error
        }
    }

    @Test func getWithHeadersAndQueryReachesTheStubExactly() async throws {
        let server = try StubHTTPServer { _ in .json(#"{"ok":true}"#) }
        defer { server.stop() }
        let client = Self.client()
        let request = HTTPRequest(
            url: server.url("/admin/api/2025-07/orders.json?name=%231001&status=any"),
            headers: ["X-Shopify-Access-Token": "shpat_test", "Accept": "application/json", "X-Empty": ""]
        )
        let response = try await client.send(request)
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/json")
        #expect(response.text == #"{"ok":true}"#)

        let seen = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(seen.method == "GET")
        #expect(seen.path == "/admin/api/2025-07/orders.json")
        #expect(seen.query == "name=%231001&status=any")
        #expect(seen.queryValue("name") == "#1001")
        #expect(seen.queryValue("status") == "any")
        #expect(seen.headers["x-shopify-access-token"] == "shpat_test")
        #expect(seen.headers["ACCEPT"] == "application/json")
        #expect(seen.headers["X-Empty"] == "")
        #expect(seen.headers["Expect"] == nil)
        #expect(seen.body.isEmpty)
    }

    @Test func postSendsTheBodyAndContentType() async throws {
        struct Ticket: Codable, Equatable { var subject: String; var priority: Int }
        let server = try StubHTTPServer { request in .json(#"{"id":42}"#, status: 201) }
        defer { server.stop() }
        let client = Self.client()
        let ticket = Ticket(subject: "Where is order #1001?", priority: 2)
        let response = try await client.send(.json(.post, url: server.url("/api/v2/tickets.json"), body: ticket))
        #expect(response.status == 201)
        struct Created: Decodable { var id: Int }
        #expect(try response.decode(Created.self).id == 42)

        let seen = try #require(server.requests.first)
        #expect(seen.method == "POST")
        #expect(seen.headers["Content-Type"] == "application/json")
        #expect(seen.headers["Content-Length"] == "\(seen.body.count)")
        #expect(try seen.decodeJSON(Ticket.self) == ticket)
    }

    @Test func largeBinaryBodiesArriveIntact() async throws {
        let server = try StubHTTPServer { request in StubResponse(status: 200, body: request.body) }
        defer { server.stop() }
        let client = Self.client()
        let payload = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }  // includes NUL bytes
        let response = try await client.send(
            HTTPRequest(method: .put, url: server.url("/blob"), headers: ["Content-Type": "application/octet-stream"], body: payload)
        )
        #expect(server.requests.first?.method == "PUT")
        #expect(response.body == payload)
    }

    @Test func a429WithRetryAfterIsRetriedAfterTheRequestedWait() async throws {
        let server = try StubHTTPServer { request in
            request.sequenceNumber == 1
                ? .json(#"{"errors":"Exceeded 2 calls per second for api client."}"#, status: 429, headers: [("Retry-After", "0.2")])
                : .json(#"{"orders":[]}"#)
        }
        defer { server.stop() }
        let client = Self.client()
        let started = ContinuousClock.now
        let response = try await client.send(HTTPRequest(url: server.url("/orders.json")))
        let elapsed = ContinuousClock.now - started
        #expect(response.status == 200)
        #expect(response.attempts == 2)
        #expect(server.requests.count == 2)
        #expect(elapsed >= .milliseconds(200))
    }

    @Test func retryAfterIsFoundWhateverItsCapitalisation() async throws {
        let server = try StubHTTPServer { request in
            request.sequenceNumber == 1
                ? StubResponse(status: 429, headers: [("retry-after", "0.3")], body: "slow down")
                : .json("{}")
        }
        defer { server.stop() }
        // Backoff alone would wait at most 20 ms; a ≥ 0.3 s wait proves the header was read.
        let client = Self.client()
        let started = ContinuousClock.now
        _ = try await client.send(HTTPRequest(url: server.url("/tickets")))
        #expect(ContinuousClock.now - started >= .milliseconds(300))
        #expect(server.requests.count == 2)
    }

    @Test func aRetryAfterLongerThanTheMaximumDelayIsNotWaitedFor() async throws {
        let server = try StubHTTPServer { _ in
            .json(#"{"errors":"Exceeded 2 calls per second for api client."}"#, status: 429, headers: [("Retry-After", "120")])
        }
        defer { server.stop() }
        let client = Self.client()
        let error = await Self.failure(client, HTTPRequest(url: server.url("/orders.json")))
        #expect(error == .retryLater(code: 429, message: "Exceeded 2 calls per second for api client.", url: server.url("/orders.json"), retryAfter: .seconds(120)))
        #expect(server.requests.count == 1)
    }

    @Test func a500OnGetIsRetriedUntilItSucceeds() async throws {
        let server = try StubHTTPServer { request in
            request.sequenceNumber < 3 ? .json(#"{"error":"boom"}"#, status: 500) : .json(#"{"ok":true}"#)
        }
        defer { server.stop() }
        let client = Self.client()
        let response = try await client.send(HTTPRequest(url: server.url("/health")))
        #expect(response.status == 200)
        #expect(response.attempts == 3)
        #expect(server.requests.count == 3)
    }

    @Test func aPersistent500EndsWithTheApisErrorMessageAfterMaxAttempts() async throws {
        let server = try StubHTTPServer { _ in
            .json(#"{"error":"RecordInvalid","description":"Record validation errors"}"#, status: 502)
        }
        defer { server.stop() }
        let client = Self.client()
        let error = await Self.failure(client, HTTPRequest(url: server.url("/api/v2/tickets.json")))
        #expect(error == .status(code: 502, message: "RecordInvalid: Record validation errors", url: server.url("/api/v2/tickets.json")))
        #expect(server.requests.count == 3)
    }

    @Test func a500OnANonIdempotentPostIsNotRetried() async throws {
        let server = try StubHTTPServer { _ in .json(#"{"errors":"Internal error"}"#, status: 500) }
        defer { server.stop() }
        let client = Self.client()
        let request = HTTPRequest(method: .post, url: server.url("/orders/450789469/cancel.json"), body: Array("{}".utf8))
        let error = await Self.failure(client, request)
        #expect(error?.statusCode == 500)
        #expect(server.requests.count == 1)
    }

    @Test func aTimedOutNonIdempotentPostIsNotRetried() async throws {
        let server = try StubHTTPServer { _ in .delay(2, then: .json("{}")) }
        defer { server.stop() }
        let client = Self.client()
        let request = HTTPRequest(method: .post, url: server.url("/refunds.json"), body: [], timeout: .milliseconds(300))
        let error = await Self.failure(client, request)
        #expect(error == .timeout(url: server.url("/refunds.json")))
        #expect(server.requests.count == 1)
    }

    @Test func aNonIdempotentPostIsRetriedAfter503BecauseTheServerDidNotProcessIt() async throws {
        let server = try StubHTTPServer { request in
            request.sequenceNumber == 1
                ? .json(#"{"error":{"msg":"An external service had an issue."}}"#, status: 503, headers: [("Retry-after", "0.05")])
                : .json(#"{"id":1}"#, status: 201)
        }
        defer { server.stop() }
        let client = Self.client()
        let response = try await client.send(HTTPRequest(method: .post, url: server.url("/api/tickets"), body: Array("{}".utf8)))
        #expect(response.status == 201)
        #expect(server.requests.count == 2)
    }

    @Test func aPostWithAnIdempotencyKeyIsRetriedAndCarriesTheKey() async throws {
        let server = try StubHTTPServer { request in
            request.sequenceNumber == 1 ? StubResponse(status: 500, body: "oops") : .json(#"{"ok":true}"#)
        }
        defer { server.stop() }
        let client = Self.client()
        let request = HTTPRequest(
            method: .post, url: server.url("/charges"), body: Array(#"{"amount":"10.00"}"#.utf8), idempotencyKey: "conv-7-refund-1"
        )
        #expect(request.isIdempotent)
        let response = try await client.send(request)
        #expect(response.status == 200)
        #expect(server.requests.count == 2)
        #expect(server.requests.map { $0.headers["Idempotency-Key"] } == ["conv-7-refund-1", "conv-7-refund-1"])
        #expect(server.requests.allSatisfy { $0.bodyText == #"{"amount":"10.00"}"# })
    }

    @Test func aSlowResponsePastTheTotalTimeoutFailsWithTimeout() async throws {
        let server = try StubHTTPServer { _ in .delay(3, then: .json("{}")) }
        defer { server.stop() }
        let client = Self.client { $0.timeout = .milliseconds(300); $0.retryPolicy = .never }
        let started = ContinuousClock.now
        let error = await Self.failure(client, HTTPRequest(url: server.url("/slow")))
        #expect(error == .timeout(url: server.url("/slow")))
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test func aDroppedConnectionFailsWithConnection() async throws {
        let server = try StubHTTPServer { _ in .dropConnection }
        defer { server.stop() }
        let client = Self.client { $0.retryPolicy = .never }
        let error = await Self.failure(client, HTTPRequest(url: server.url("/drop")))
        guard case .connection(let url, _) = error else {
            Issue.record("expected .connection, got \(String(describing: error))")
            return
        }
        #expect(url == server.url("/drop"))
    }

    @Test func aGarbledOrTruncatedReplyFailsWithConnection() async throws {
        let server = try StubHTTPServer { request in request.path == "/garbled" ? .malformed : .truncated }
        defer { server.stop() }
        let client = Self.client { $0.retryPolicy = .never }
        for path in ["/garbled", "/truncated"] {
            let error = await Self.failure(client, HTTPRequest(url: server.url(path)))
            guard case .connection = error else {
                Issue.record("\(path): expected .connection, got \(String(describing: error))")
                continue
            }
        }
    }

    @Test func aDroppedConnectionOnGetIsRetried() async throws {
        let server = try StubHTTPServer { request in request.sequenceNumber == 1 ? .dropConnection : .json("{}") }
        defer { server.stop() }
        let client = Self.client()
        let response = try await client.send(HTTPRequest(url: server.url("/flaky")))
        #expect(response.status == 200)
        #expect(server.requests.count == 2)
    }

    @Test func aMalformedJSONBodyFailsWithDecode() async throws {
        struct Orders: Decodable { var orders: [Int] }
        let server = try StubHTTPServer { _ in .json(#"{"orders": [1, 2,"#) }
        defer { server.stop() }
        let response = try await Self.client().send(HTTPRequest(url: server.url("/orders.json")))
        #expect(throws: HTTPClientError.self) { try response.decode(Orders.self) }
        do {
            _ = try response.decode(Orders.self)
        } catch {
            guard case .decode(let reason) = error else {
                Issue.record("expected .decode, got \(error)")
                return
            }
            #expect(reason.contains("Orders"))
        }
    }

    @Test func aResponseOverTheSizeCapFailsWithResponseTooLarge() async throws {
        let big = [UInt8](repeating: UInt8(ascii: "a"), count: 300_000)
        let server = try StubHTTPServer { _ in StubResponse(status: 200, body: big) }
        defer { server.stop() }
        let client = Self.client { $0.maxResponseSize = 100_000 }
        let error = await Self.failure(client, HTTPRequest(url: server.url("/huge")))
        #expect(error == .responseTooLarge(limit: 100_000))
        #expect(server.requests.count == 1)
    }

    @Test func aResponseWithoutContentLengthOverTheCapIsAbortedWhileStreaming() async throws {
        // Without a Content-Length, CURLOPT_MAXFILESIZE cannot refuse early; the write callback must stop it.
        let big = [UInt8](repeating: UInt8(ascii: "b"), count: 300_000)
        let server = try StubHTTPServer { _ in .closeDelimited(StubResponse(status: 200, body: big)) }
        defer { server.stop() }
        let client = Self.client { $0.maxResponseSize = 1_000 }
        let error = await Self.failure(client, HTTPRequest(url: server.url("/huge")))
        #expect(error == .responseTooLarge(limit: 1_000))
    }

    @Test func sequentialRequestsReuseOneConnection() async throws {
        let server = try StubHTTPServer { request in .json(#"{"n":\#(request.sequenceNumber)}"#) }
        defer { server.stop() }
        let client = Self.client()
        for index in 0..<20 {
            let response = try await client.send(HTTPRequest(url: server.url("/orders/\(index).json")))
            #expect(response.status == 200)
        }
        #expect(server.requests.count == 20)
        #expect(server.connectionCount == 1)
        #expect(Set(server.requests.map(\.connectionNumber)) == [1])
    }

    /// A `POST` goes on a connection of its own, closed after it: libcurl silently re-sends a request whose
    /// reused connection turns out dead, which for a `POST` the server may already have acted on.
    @Test func aPostNeverGoesOnAReusedConnection() async throws {
        let server = try StubHTTPServer { _ in .json(#"{"ok":true}"#) }
        defer { server.stop() }
        let client = Self.client()
        for index in 0..<3 {
            _ = try await client.send(HTTPRequest(url: server.url("/orders/\(index).json")))
        }
        for index in 0..<3 {
            _ = try await client.send(HTTPRequest(method: .post, url: server.url("/tickets.json"), body: Array("{\"n\":\(index)}".utf8)))
        }
        let posts = server.requests.filter { $0.method == "POST" }
        #expect(posts.count == 3)
        #expect(Set(posts.map(\.connectionNumber)).count == 3, "each POST on its own connection")
        let gets = server.requests.filter { $0.method == "GET" }
        #expect(Set(gets.map(\.connectionNumber)).count == 1, "GETs still share one connection")
        #expect(Set(posts.map(\.connectionNumber)).isDisjoint(with: Set(gets.map(\.connectionNumber))))
    }

    @Test func manyConcurrentRequestsRunInParallel() async throws {
        let server = try StubHTTPServer { _ in .delay(0.2, then: .json(#"{"ok":true}"#)) }
        defer { server.stop() }
        let client = Self.client()
        let started = ContinuousClock.now
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<50 {
                group.addTask { try await client.send(HTTPRequest(url: server.url("/item/\(index)"))).status }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        let elapsed = ContinuousClock.now - started
        #expect(statuses.count == 50)
        #expect(statuses.allSatisfy { $0 == 200 })
        #expect(server.requests.count == 50)
        // Serially this would take 10 s; allow a generous margin for a loaded 2-core machine.
        #expect(elapsed < .seconds(4))
    }

    @Test func cancellingTheTaskAbortsTheTransfer() async throws {
        let server = try StubHTTPServer { _ in .delay(10, then: .json("{}")) }
        defer { server.stop() }
        let client = Self.client { $0.timeout = .seconds(30) }
        let task = Task { await Self.failure(client, HTTPRequest(url: server.url("/forever"))) }
        try await Task.sleep(for: .milliseconds(200))
        let started = ContinuousClock.now
        task.cancel()
        let error = await task.value
        #expect(error == .cancelled(url: server.url("/forever")))
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(server.requests.count == 1)
    }

    @Test func errorsAndTheirDescriptionsNeverContainCredentials() async throws {
        let server = try StubHTTPServer { _ in
            .json(#"{"errors":"[API] Invalid API key or access token sk_live_SECRET123"}"#, status: 401)
        }
        defer { server.stop() }
        let client = Self.client()
        let url = "http://admin:hunter22@127.0.0.1:\(server.port)/orders.json?status=any&access_token=sk_live_SECRET123&api_key=KEY987&limit=5"
        let request = HTTPRequest(url: url, headers: ["Authorization": "Bearer HEADERTOKEN555", "X-Shopify-Access-Token": "shpat_HDR"])
        let error = try #require(await Self.failure(client, request))
        let text = "\(error) \(String(reflecting: error)) \(error.description)"
        for secret in ["hunter22", "admin:", "sk_live_SECRET123", "KEY987", "HEADERTOKEN555", "shpat_HDR"] {
            #expect(!text.contains(secret), "error leaks \(secret): \(text)")
        }
        #expect(text.contains("status=any"))
        #expect(text.contains("limit=5"))
        #expect(text.contains("access_token=REDACTED"))

        // The same for transport errors (a server that hangs up without answering).
        let dropper = try StubHTTPServer { _ in .dropConnection }
        defer { dropper.stop() }
        let refused = try #require(
            await Self.failure(
                Self.client { $0.retryPolicy = .never },
                HTTPRequest(url: "http://bob:pa55word@127.0.0.1:\(dropper.port)/x?token=tok_ABCDEF&signature=sig_XYZ")
            )
        )
        guard case .connection = refused else {
            Issue.record("expected .connection, got \(refused)")
            return
        }
        for secret in ["pa55word", "bob", "tok_ABCDEF", "sig_XYZ"] {
            #expect(!refused.description.contains(secret), "error leaks \(secret): \(refused)")
        }
    }

    @Test func httpsToAPlainHTTPPortFailsWithTLSOrConnectionNotACrash() async throws {
        let server = try StubHTTPServer { _ in .json("{}") }
        defer { server.stop() }
        let client = Self.client { $0.retryPolicy = .never }
        let error = await Self.failure(client, HTTPRequest(url: "https://127.0.0.1:\(server.port)/secure"))
        switch error {
        case .tls?, .connection?: break
        default: Issue.record("expected .tls or .connection, got \(String(describing: error))")
        }
    }

    @Test(arguments: ["ftp://example.com/file", "/relative/path", "http://exa mple.com/"])
    func unsupportedURLsAreInvalidRequests(url: String) async throws {
        let error = await Self.failure(Self.client(), HTTPRequest(url: url))
        guard case .invalidRequest = error else {
            Issue.record("expected .invalidRequest, got \(String(describing: error))")
            return
        }
    }

    @Test func headerValuesWithLineBreaksAreRejected() async throws {
        let request = HTTPRequest(url: "http://127.0.0.1:9/", headers: ["X-Note": "a\r\nInjected: yes"])
        let error = await Self.failure(Self.client(), request)
        #expect(error == .invalidRequest(reason: "The value of header 'X-Note' contains a line break."))
    }

    @Test func aRedirectIsReportedNotFollowed() async throws {
        let server = try StubHTTPServer { request in
            request.path == "/old" ? StubResponse(status: 301, headers: [("Location", "/new")]) : .json("{}")
        }
        defer { server.stop() }
        let error = await Self.failure(Self.client(), HTTPRequest(url: server.url("/old")))
        #expect(error?.statusCode == 301)
        #expect(server.requests.map(\.path) == ["/old"])
    }

    @Test func requestsAfterShutdownFailWithCancelled() async throws {
        let client = Self.client()
        client.shutdown()
        let error = await Self.failure(client, HTTPRequest(url: "http://127.0.0.1:9/"))
        #expect(error == .cancelled(url: "http://127.0.0.1:9/"))
    }
}

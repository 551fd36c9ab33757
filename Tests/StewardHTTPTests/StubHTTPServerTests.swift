import Foundation
import StewardHTTP
import StewardTesting
import Synchronization
import Testing

@Suite struct StubHTTPServerTests {
    @Test func itListensOnLoopbackWithAnEphemeralPort() throws {
        let server = try StubHTTPServer { _ in .json("{}") }
        defer { server.stop() }
        #expect(server.port > 0)
        #expect(server.baseURLString == "http://127.0.0.1:\(server.port)")
        #expect(server.baseURL.host == "127.0.0.1")
        #expect(server.url("orders.json") == "http://127.0.0.1:\(server.port)/orders.json")
    }

    @Test func querySeparatorsAndPlusSignsAreDecodedLikeAWebServer() async throws {
        let server = try StubHTTPServer { _ in .json("{}") }
        defer { server.stop() }
        let client = HTTPClient()
        _ = try await client.send(HTTPRequest(url: server.url("/customers/search.json?query=email%3Abob.norman%40mail.example.com&q=a+b&flag")))
        let seen = try #require(server.requests.first)
        #expect(seen.queryValue("query") == "email:bob.norman@mail.example.com")
        #expect(seen.queryValue("q") == "a b")
        #expect(seen.queryItems.map(\.name) == ["query", "q", "flag"])
        #expect(seen.queryItems.last?.value == nil)
    }

    @Test func aSlowAnswerDoesNotHoldUpOtherConnections() async throws {
        let server = try StubHTTPServer { request in
            request.path == "/slow" ? .delay(3, then: .json("{}")) : .json(#"{"fast":true}"#)
        }
        defer { server.stop() }
        let client = HTTPClient()
        let slow = Task { try? await client.send(HTTPRequest(url: server.url("/slow"))) }
        try await Task.sleep(for: .milliseconds(100))
        let started = ContinuousClock.now
        let fast = try await client.send(HTTPRequest(url: server.url("/fast")))
        #expect(fast.text == #"{"fast":true}"#)
        #expect(ContinuousClock.now - started < .seconds(2))
        slow.cancel()
        _ = await slow.value
    }

    @Test func stopEndsEvenWithConnectionsWaitingInADelay() async throws {
        let server = try StubHTTPServer { _ in .delay(30, then: .json("{}")) }
        let client = HTTPClient(configuration: .init(timeout: .seconds(20), retryPolicy: .never))
        let pending = Task { try? await client.send(HTTPRequest(url: server.url("/hang"))) }
        while server.requests.isEmpty { try await Task.sleep(for: .milliseconds(20)) }
        let started = ContinuousClock.now
        server.stop()
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(await pending.value == nil)
        server.stop()  // a second stop is harmless
    }

    @Test func aHandlerSeesHeadersCaseInsensitivelyAndCanKeepState() async throws {
        let seenTokens = Mutex<[String]>([])
        let server = try StubHTTPServer { request in
            seenTokens.withLock { $0.append(request.headers["x-shopify-access-token"] ?? "-") }
            return request.headers["X-Shopify-Access-Token"] == "shpat_ok"
                ? .json(#"{"orders":[]}"#)
                : .json(#"{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}"#, status: 401)
        }
        defer { server.stop() }
        let client = HTTPClient()
        _ = try await client.send(HTTPRequest(url: server.url("/orders.json"), headers: ["X-Shopify-Access-Token": "shpat_ok"]))
        do {
            _ = try await client.send(HTTPRequest(url: server.url("/orders.json"), headers: ["X-Shopify-Access-Token": "bad"]))
            Issue.record("expected a 401")
        } catch {
            #expect(error == .status(
                code: 401, message: "[API] Invalid API key or access token (unrecognized login or wrong password)",
                url: server.url("/orders.json")))
        }
        #expect(seenTokens.withLock { $0 } == ["shpat_ok", "bad"])
    }

    @Test func connectionCloseFromTheClientIsHonoured() async throws {
        let server = try StubHTTPServer { _ in .json("{}") }
        defer { server.stop() }
        let client = HTTPClient()
        for _ in 0..<3 {
            _ = try await client.send(HTTPRequest(url: server.url("/"), headers: ["Connection": "close"]))
        }
        #expect(server.connectionCount == 3)
    }
}

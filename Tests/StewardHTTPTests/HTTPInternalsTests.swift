import Foundation
import Testing

@testable import StewardHTTP

@Suite struct RetryAfterTests {
    @Test(arguments: [("2", 2.0), ("2.0", 2.0), ("0.2", 0.2), (" 1.5 ", 1.5), ("0", 0.0)])
    func delaySecondsAreParsedIncludingFractions(value: String, seconds: Double) {
        #expect(RetryAfter.delay(from: value) == .seconds(seconds))
    }

    @Test func anHTTPDateGivesTheTimeUntilThatDate() throws {
        let now = Date(timeIntervalSince1970: 784_111_767)  // Sun, 06 Nov 1994 08:49:27 GMT
        let delay = try #require(RetryAfter.delay(from: "Sun, 06 Nov 1994 08:49:37 GMT", now: now))
        #expect(abs(delay.inSeconds - 10) < 0.001)
    }

    @Test func aDateInThePastMeansNoWait() {
        #expect(RetryAfter.delay(from: "Sun, 06 Nov 1994 08:49:37 GMT") == .zero)
    }

    @Test(arguments: ["", "soon", "-1", "inf", "nan", "1e20", "1.0e300", "0x7fffffffffffffff", "+5", "5s", "1.", ".5", "1.2.3",
                      "-9223372036854775808", "١٢", "Infinity", "1e-5", String(repeating: "9", count: 300) + "x"])
    func valuesThatAreNotDelaySecondsOrADateAreIgnored(value: String) {
        #expect(RetryAfter.delay(from: value) == nil)
    }

    /// Huge delay-seconds never trap (the process used to crash converting them); they are clamped to one day.
    @Test(arguments: ["86400", "86401", "9223372036854775807", "18446744073709551616", "99999999999999999999999999",
                      String(repeating: "9", count: 400), "000000000000000000000100000000", "100000000.5"])
    func hugeDelaysAreClampedToOneDay(value: String) {
        #expect(RetryAfter.delay(from: value) == RetryAfter.maximum)
        #expect(RetryAfter.maximum == .seconds(86_400))
    }

    @Test func leadingZerosAreStillDelaySeconds() {
        #expect(RetryAfter.delay(from: "0000000000000000000000000000030") == .seconds(30))
    }

    @Test func aDateFarInTheFutureIsClampedToOneDay() throws {
        let delay = try #require(RetryAfter.delay(from: "Fri, 31 Dec 9999 23:59:59 GMT"))
        #expect(delay == RetryAfter.maximum)
    }
}

@Suite struct URLRedactorTests {
    @Test(arguments: [
        ("https://shop.example/orders.json?status=any", "https://shop.example/orders.json?status=any"),
        ("https://user:pw@shop.example/a?b=1", "https://shop.example/a?b=1"),
        ("https://a.example/x?access_token=abc&limit=5", "https://a.example/x?access_token=REDACTED&limit=5"),
        ("https://a.example/x?api_key=1&apiKey=2&X-Amz-Signature=3&sig=4&password=5&client_secret=6",
         "https://a.example/x?api_key=REDACTED&apiKey=REDACTED&X-Amz-Signature=REDACTED&sig=REDACTED&password=REDACTED&client_secret=REDACTED"),
        ("https://a.example/cb?code=oauthcode&state=s#frag", "https://a.example/cb?code=REDACTED&state=s"),
        ("not a url ?token=t0k", "not a url ?token=REDACTED"),
    ])
    func secretsAreRemovedFromURLs(url: String, expected: String) {
        #expect(URLRedactor.redact(url) == expected)
    }

    @Test func secretValuesAreScrubbedFromFreeText() {
        let url = "https://me%40shop.example:s3cr3t@api.example/x?token=tok%2Bvalue"
        let text = "denied for s3cr3t and tok+value and tok%2Bvalue"
        #expect(URLRedactor.scrub(text, secretsOf: url) == "denied for REDACTED and REDACTED and REDACTED")
    }
}

@Suite struct ErrorMessageExtractorTests {
    @Test(arguments: [
        (#"{"errors":"Not Found"}"#, "Not Found"),
        (#"{"errors":{"line_items":["must have at least one line item"]}}"#, "line_items must have at least one line item"),
        (#"{"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED"}}]}"#, "Throttled"),
        (#"{"errors":[{"id":"1","code":"invalid","title":"Invalid input.","detail":"Bad email"}]}"#, "Bad email"),
        (#"{"error":"RecordNotFound","description":"Not found"}"#, "RecordNotFound: Not found"),
        (#"{"error":{"msg":"Resource not found."}}"#, "Resource not found."),
        (#"{"error":{"code":"401","http_code":"GEN-UNAUTHORIZED","message":"Unauthorized."}}"#, "Unauthorized."),
        (#"{"error":"invalid_grant","error_description":"Code expired"}"#, "invalid_grant: Code expired"),
        (#"{"message":"Rate limited"}"#, "Rate limited"),
        ("Too many requests,\n   slow down", "Too many requests, slow down"),
        ("", ""),
    ])
    func theAPIsMessageIsExtracted(body: String, expected: String) {
        #expect(ErrorMessageExtractor.message(from: Array(body.utf8)) == expected)
    }

    @Test func longBodiesAreClipped() {
        let message = ErrorMessageExtractor.message(from: Array(String(repeating: "x", count: 5_000).utf8))
        #expect(message.count <= ErrorMessageExtractor.maxLength + 1)
    }
}

@Suite struct RetryPolicyTests {
    @Test func backoffUsesFullJitterUnderAnExponentialCeilingCappedByMaxDelay() {
        let policy = HTTPClient.RetryPolicy(maxAttempts: 10, baseDelay: .milliseconds(100), maxDelay: .milliseconds(500))
        for _ in 0..<200 {
            #expect(policy.backoff(beforeRetry: 1) <= .milliseconds(100))
            #expect(policy.backoff(beforeRetry: 2) <= .milliseconds(200))
            #expect(policy.backoff(beforeRetry: 8) <= .milliseconds(500))
        }
    }

    @Test func onlyRequestsTheServerCertainlyDidNotProcessAreRetriedWhenNotIdempotent() {
        let status500 = HTTPClientError.status(code: 500, message: "", url: "u")
        #expect(HTTPClient.mayRetry(status500, idempotent: true, refusedUnprocessed: false))
        #expect(!HTTPClient.mayRetry(status500, idempotent: false, refusedUnprocessed: false))
        #expect(!HTTPClient.mayRetry(.timeout(url: "u"), idempotent: false, refusedUnprocessed: false))
        #expect(!HTTPClient.mayRetry(.connection(url: "u", reason: ""), idempotent: false, refusedUnprocessed: false))
        #expect(HTTPClient.mayRetry(.status(code: 429, message: "", url: "u"), idempotent: false, refusedUnprocessed: true))
        #expect(!HTTPClient.mayRetry(.status(code: 404, message: "", url: "u"), idempotent: true, refusedUnprocessed: false))
        #expect(!HTTPClient.mayRetry(.status(code: 501, message: "", url: "u"), idempotent: true, refusedUnprocessed: false))
        #expect(!HTTPClient.mayRetry(.tls(url: "u", reason: ""), idempotent: true, refusedUnprocessed: false))
    }

    @Test func methodsAndKeysDecideIdempotency() {
        #expect(HTTPRequest(method: .get, url: "http://x/").isIdempotent)
        #expect(HTTPRequest(method: .put, url: "http://x/").isIdempotent)
        #expect(HTTPRequest(method: .delete, url: "http://x/").isIdempotent)
        #expect(!HTTPRequest(method: .post, url: "http://x/").isIdempotent)
        #expect(!HTTPRequest(method: .patch, url: "http://x/").isIdempotent)
        #expect(HTTPRequest(method: .post, url: "http://x/", idempotencyKey: "k").isIdempotent)
        #expect(HTTPRequest(method: .post, url: "http://x/", markedIdempotent: true).isIdempotent)
    }
}

@Suite struct HTTPHeadersTests {
    @Test func lookupIgnoresCaseAndOrderIsKept() {
        var headers: HTTPHeaders = ["Accept": "application/json", "X-Trace": "1"]
        headers.add(name: "x-trace", value: "2")
        #expect(headers["x-TRACE"] == "1")
        #expect(headers.values(for: "X-Trace") == ["1", "2"])
        #expect(headers.map(\.name) == ["Accept", "X-Trace", "x-trace"])
        headers.replaceOrAdd(name: "X-TRACE", value: "3")
        #expect(headers.values(for: "x-trace") == ["3"])
        headers.remove(name: "ACCEPT")
        #expect(headers.count == 1)
    }
}

import Foundation
import StewardCore
import StewardHTTP
import StewardTesting
import Testing

@testable import StewardAdapters

/// A Recharge 2021-11 stand-in that keeps the subscription's state.
final class RechargeStub: Sendable {
    struct State: Sendable {
        var status = "active"
        var nextCharge = "2025-08-01"
        var cancelCalls = 0
        var skipped = false
        var skipCalls = 0
        var dateCalls = 0
        var cancelBody: [String: String] = [:]
    }

    let state = StubState(State())

    func subscriptionJSON() -> String {
        let s = state.value
        return """
            {"id": 27906434, "address_id": 69282975, "customer_id": 43845860, "status": "\(s.status)", "product_title": "Coffee Beans",
             "variant_title": "1 lb", "sku": "COFFEE-1LB", "price": "18.00", "quantity": 2, "charge_interval_frequency": 1,
             "order_interval_frequency": "2", "order_interval_unit": "week", "next_charge_scheduled_at": "\(s.nextCharge)",
             "is_skippable": true, "is_swappable": true, "is_prepaid": false,
             "cancelled_at": \(s.status == "cancelled" ? "\"2025-07-05T10:00:00+00:00\"" : "null"), "cancellation_reason": null,
             "external_product_id": {"ecommerce": "6548568309874"}, "external_variant_id": {"ecommerce": "39281102766194"},
             "created_at": "2025-01-01T10:00:00+00:00", "updated_at": "2025-07-01T10:00:00+00:00", "presentment_currency": "USD"}
            """
    }

    func handle(_ request: StubRequest) -> StubResponse {
        guard request.headers["X-Recharge-Access-Token"] == TestSupport.secret, request.headers["X-Recharge-Version"] == "2021-11" else {
            return .json(#"{"errors":"Invalid token"}"#, status: 401)
        }
        switch (request.method, request.path) {
        case ("GET", "/customers"):
            guard request.queryValue("email") == "bob.norman@mail.example.com" else { return .json(#"{"customers":[],"next_cursor":null,"previous_cursor":null}"#) }
            return .json(#"{"customers":[{"id":43845860,"email":"bob.norman@mail.example.com","first_name":"Bob","last_name":"Norman","external_customer_id":{"ecommerce":"207119551"},"hash":"x","subscriptions_active_count":1,"subscriptions_total_count":2,"has_valid_payment_method":true,"created_at":"2025-01-01T10:00:00+00:00","updated_at":"2025-01-01T10:00:00+00:00"}],"next_cursor":null,"previous_cursor":null}"#)
        case ("GET", "/customers/43845860"):
            return .json(#"{"customer":{"id":43845860,"email":"bob.norman@mail.example.com"}}"#)
        case ("GET", "/subscriptions"):
            return .json(#"{"next_cursor":null,"previous_cursor":null,"subscriptions":[\#(subscriptionJSON())]}"#)
        case ("GET", "/subscriptions/27906434"):
            return .json(#"{"subscription":\#(subscriptionJSON())}"#)
        case ("POST", "/subscriptions/27906434/set_next_charge_date"):
            let date = (request.jsonObject as? [String: Any])?["date"] as? String ?? ""
            state.withLock {
                $0.dateCalls += 1
                $0.nextCharge = date
            }
            return .json(#"{"subscription":\#(subscriptionJSON())}"#)
        case ("GET", "/charges"):
            let skipped = state.value.skipped
            return .json("""
                {"charges": [{"id": 580, "status": "\(skipped ? "skipped" : "queued")", "scheduled_at": "2025-08-01T00:00:00",
                  "line_items": [{"purchase_item_id": 27906434, "purchase_item_type": "subscription", "title": "Coffee Beans"}]}],
                 "next_cursor": null, "previous_cursor": null}
                """)
        case ("GET", "/charges/580"):
            return .json(#"{"charge":{"id":580,"status":"\#(state.value.skipped ? "skipped" : "queued")","scheduled_at":"2025-08-01T00:00:00","line_items":[{"purchase_item_id":27906434,"purchase_item_type":"subscription"}]}}"#)
        case ("POST", "/charges/580/skip"):
            state.withLock {
                $0.skipCalls += 1
                $0.skipped = true
                $0.nextCharge = "2025-08-15"
            }
            return .json(#"{"charge":{"id":580,"status":"skipped"}}"#)
        case ("POST", "/subscriptions/27906434/cancel"):
            let body = (request.jsonObject as? [String: Any]) ?? [:]
            state.withLock {
                $0.cancelCalls += 1
                $0.status = "cancelled"
                $0.cancelBody = body.compactMapValues { $0 as? String }
            }
            return .json(#"{"subscription":\#(subscriptionJSON())}"#)
        default:
            return .json(#"{"errors":"Not Found"}"#, status: 404)
        }
    }
}

@Suite struct RechargeAdapterTests {
    static func adapter(_ server: StubHTTPServer, client: HTTPClient = TestSupport.client()) throws -> RechargeAdapter {
        try RechargeAdapter(
            configuration: .init(portalURL: "https://acme.example/tools/recurring/login", baseURL: server.baseURLString),
            apiToken: TestSupport.secret, client: client)
    }

    @Test func subscriptionsByEmailFindTheCustomerFirst() async throws {
        let stub = RechargeStub()
        let server = try StubHTTPServer(handler: stub.handle)
        defer { server.stop() }
        let subscriptions = try await Self.adapter(server).subscriptions(email: "bob.norman@mail.example.com")
        let requests = server.requests
        #expect(requests.map(\.path) == ["/customers", "/subscriptions"])
        #expect(requests[0].query == "email=bob.norman%40mail.example.com")
        #expect(requests[1].queryValue("customer_id") == "43845860")
        let subscription = try #require(subscriptions.first)
        #expect(subscription.id == "27906434")
        #expect(subscription.email == "bob.norman@mail.example.com")
        #expect(subscription.productTitle == "Coffee Beans – 1 lb")
        #expect(subscription.quantity == 2)
        #expect(subscription.price == Money(18, currency: "USD"))
        #expect(subscription.interval == "every 2 weeks")
        #expect(subscription.status == .active)
        #expect(subscription.nextChargeAt == FlexibleDate.parse("2025-08-01"))
        #expect(try await Self.adapter(server).subscriptions(email: "nobody@example.com").isEmpty)
    }

    @Test func pausePostponesTheNextCharge() async throws {
        let stub = RechargeStub()
        stub.state.withLock { $0.nextCharge = "2999-01-01" }
        let server = try StubHTTPServer(handler: stub.handle)
        defer { server.stop() }
        let paused = try await Self.adapter(server).pause(subscriptionID: "27906434")
        #expect(paused.nextChargeAt == FlexibleDate.parse("2999-01-31"))
        let post = try #require(server.requests.first { $0.method == "POST" })
        #expect(post.path == "/subscriptions/27906434/set_next_charge_date")
        #expect(TestSupport.object(post)["date"] as? String == "2999-01-31")
    }

    @Test func skipNextSkipsTheQueuedChargeWithPurchaseItemIDs() async throws {
        let stub = RechargeStub()
        let server = try StubHTTPServer(handler: stub.handle)
        defer { server.stop() }
        let recharge = try Self.adapter(server)
        let skipped = try await recharge.skipNext(subscriptionID: "27906434")
        #expect(skipped.nextChargeAt == FlexibleDate.parse("2025-08-15"))
        let charges = try #require(server.requests.first { $0.path == "/charges" })
        #expect(charges.queryValue("status") == "queued")
        #expect(charges.queryValue("purchase_item_id") == "27906434")
        let post = try #require(server.requests.first { $0.method == "POST" })
        #expect(post.path == "/charges/580/skip")
        #expect(TestSupport.object(post)["purchase_item_ids"] as? [Int] == [27906434])
        // Nothing queued any more: refused, not a second skip.
        let error = await TestSupport.error { _ = try await recharge.skipNext(subscriptionID: "27906434") }
        #expect(error as? ToolError == .notAllowed("Subscription 27906434 has no upcoming delivery to skip."))
    }

    @Test func cancelSendsTheReasonAndRepeatingItIsSafe() async throws {
        let stub = RechargeStub()
        let server = try StubHTTPServer(handler: stub.handle)
        defer { server.stop() }
        let recharge = try Self.adapter(server)
        let cancelled = try await recharge.cancel(subscriptionID: "27906434", reason: "Too much coffee")
        #expect(cancelled.status == .cancelled)
        #expect(stub.state.value.cancelBody["cancellation_reason"] == "Too much coffee")
        #expect(stub.state.value.cancelBody["cancellation_reason_comments"] != nil)
        let again = try await recharge.cancel(subscriptionID: "27906434", reason: "Too much coffee")
        #expect(again.status == .cancelled)
        #expect(stub.state.value.cancelCalls == 1)
        let missing = await TestSupport.error { _ = try await recharge.cancel(subscriptionID: "999", reason: "x") }
        #expect(missing as? ToolError == .notFound("Subscription 999"))
    }
}

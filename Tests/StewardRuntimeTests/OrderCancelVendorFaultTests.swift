import Foundation
import StewardAdapters
import StewardCore
import StewardHTTP
import StewardRuntime
import StewardTesting
import Testing

/// Shopify REST 2025-07 for one unfulfilled order, #1004 (api-contracts.md §1.2, §1.4, §1.5 shapes):
/// cancelling sets `cancelled_at` and refunds; a second cancel is a 422, as Shopify answers.
final class ShopifyOrderStub: Sendable {
    struct State: Sendable {
        var cancelledAt: String?
        var cancels = 0
    }

    let state = LockedBox(State())
    static let token = "shpat-SECRET-token-123456789"
    static let prefix = "/admin/api/2025-07"

    func orderJSON() -> String {
        let cancelled = state.value.cancelledAt.map { "\"\($0)\"" } ?? "null"
        return """
            {"id": 450789472, "name": "#1004", "order_number": 1004, "email": "bob.norman@mail.example.com",
             "created_at": "\(ISO8601DateFormatter().string(from: Date().addingTimeInterval(-86_400)))", "cancelled_at": \(cancelled),
             "cancel_reason": \(state.value.cancelledAt == nil ? "null" : "\"customer\""), "closed_at": null,
             "financial_status": "\(state.value.cancelledAt == nil ? "paid" : "refunded")", "fulfillment_status": null, "currency": "USD",
             "total_price": "49.00", "tags": "", "customer": {"id": 207119551, "email": "bob.norman@mail.example.com", "first_name": "Bob"},
             "line_items": [{"id": 466157049, "title": "Trail Mug", "quantity": 1, "price": "49.00", "sku": "MUG-1"}],
             "fulfillments": [], "shipping_address": null}
            """
    }

    func handle(_ request: StubRequest) -> StubResponse {
        guard request.headers["X-Shopify-Access-Token"] == Self.token else { return .json(#"{"errors":"[API] Invalid API key or access token"}"#, status: 401) }
        switch (request.method, request.path) {
        case ("GET", Self.prefix + "/orders.json"):
            let wanted = request.queryValue("name")
            return .json(#"{"orders": [\#(wanted == "#1004" ? orderJSON() : "")]}"#)
        case ("GET", Self.prefix + "/orders/450789472.json"):
            return .json(#"{"order": \#(orderJSON())}"#)
        case ("POST", Self.prefix + "/orders/450789472/cancel.json"):
            let done = state.withLock { s -> Bool in
                guard s.cancelledAt == nil else { return false }
                s.cancelledAt = "2025-07-04T11:31:25-05:00"
                s.cancels += 1
                return true
            }
            guard done else { return .json(#"{"error":"Order has already been cancelled"}"#, status: 422) }
            return .json(#"{"order": \#(orderJSON())}"#)
        default:
            return .json(#"{"errors":"Not Found"}"#, status: 404)
        }
    }
}

/// Cancelling an order through the order-editing skill and the Shopify adapter while Shopify misbehaves:
/// cancelled once, and the customer hears what Shopify now reports.
@Suite struct OrderCancelVendorFaultTests {
    let bob = Customer(email: "bob.norman@mail.example.com", authenticated: true)

    func cancel(with faults: StubFaults, stub: ShopifyOrderStub) async throws -> AgentReply {
        try await cancel(handler: faults.wrap(stub.handle))
    }

    /// Asks to cancel #1004 and says yes, with Shopify answering through `handler`.
    func cancel(handler: @escaping StubHTTPServer.Handler) async throws -> AgentReply {
        let server = try StubHTTPServer(handler: handler)
        defer { server.stop() }
        let shopify = try ShopifyAdapter(
            configuration: .init(shop: "jsmith", apiVersion: "2025-07", baseURL: server.baseURLString), accessToken: ShopifyOrderStub.token,
            client: VendorFaultReplyTests.client())
        let engine = try makeEngine(skills: shippedSkills, tools: { $0.orders = shopify })
        let chat = Conversation(engine, customer: bob)
        let ask = try await chat.say("please cancel order #1004")
        #expect(ask.text.contains("Cancel order #1004"))
        return try await chat.say("yes")
    }

    /// Shopify cancelled but its answer was lost, late, garbled or first refused with a 429: one
    /// cancellation, reported. (A drop before Shopify acted is never re-sent: OrderCancelTruthTests.)
    @Test(arguments: [
        StubFault.processThenDrop, .processThenDelay(seconds: 2), .garbage(.notJSON), .garbage(.wrongShape),
        .rateLimited(retryAfter: "0.1"),
    ])
    func theOrderIsCancelledOnceAndTheCustomerToldSo(_ fault: StubFault) async throws {
        let stub = ShopifyOrderStub()
        let faults = StubFaults()
        faults.inject(fault, when: StubFaults.writes)
        let done = try await cancel(with: faults, stub: stub)
        #expect(done.text.contains("Done: order #1004 is cancelled."))
        #expect(done.text.contains("refunded"))
        #expect(stub.state.value.cancels == 1)
        #expect(faults.served.count == 1)
    }

    /// Shopify keeps answering 503: nothing is cancelled and the customer is handed to a person politely.
    @Test func aShopifyThatKeepsRefusingCancelsNothingAndSaysSoPolitely() async throws {
        let stub = ShopifyOrderStub()
        let faults = StubFaults()
        faults.inject(.unavailable(retryAfter: nil), times: .max, when: StubFaults.writes)
        let reply = try await cancel(with: faults, stub: stub)
        #expect(stub.state.value.cancels == 0)
        #expect(reply.outcome == "handoff")
        #expect(!reply.text.contains("Done"))
        #expect(!reply.text.contains("HTTP"))
        #expect(!reply.text.contains(ShopifyOrderStub.token))
        // Shopify clearly did not act: the customer hears it was not done and may try again later.
        #expect(reply.text.contains("nothing was changed"))
        #expect(reply.text.contains("again in a few minutes"))
        #expect(!reply.text.contains("couldn't confirm"))
    }
}

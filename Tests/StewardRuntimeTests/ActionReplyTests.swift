import Foundation
import StewardAdapters
import StewardCore
import StewardHTTP
import StewardRuntime
import StewardTesting
import Testing

/// Replies after an action say what the tool returned, not what was asked: Recharge's "pause" is
/// a postponement, and a returned record that contradicts the request is never claimed as done.
@Suite struct ActionReplyTests {
    static let secret = "sekret-TOKEN-123456789"
    let bob = Customer(email: "bob.norman@mail.example.com", authenticated: true)

    @Test func aRechargePauseSaysTheSubscriptionStaysActiveAndWhenItNowCharges() async throws {
        let stub = RechargeSubscriptionStub()
        let server = try StubHTTPServer(handler: stub.handle)
        defer { server.stop() }
        let recharge = try RechargeAdapter(
            configuration: .init(portalURL: "https://acme.example/tools/recurring/login", baseURL: server.baseURLString),
            apiToken: Self.secret, client: HTTPClient())
        let engine = try makeEngine(skills: shippedSkills, tools: { $0.subscriptions = recharge })
        let chat = Conversation(engine, customer: bob)
        let ask = try await chat.say("pause my subscription")
        #expect(ask.intent == "subscription_pause")
        #expect(ask.outcome == "needs_input")
        #expect(ask.text.contains("Coffee Beans"))
        #expect(ask.text.contains("can't pause a subscription, but I can postpone"))
        #expect(ask.text.contains("moves 30 days later"))
        #expect(stub.state.value.postponements == 0)
        let done = try await chat.say("yes")
        #expect(done.outcome == "resolved")
        #expect(stub.state.value.postponements == 1)
        let now = try #require(try await recharge.subscriptions(email: bob.email!).first)
        #expect(now.status == .active)
        let next = try #require(now.nextChargeAt)
        #expect(done.text.contains("stays active"))
        #expect(done.text.contains("moved to \(DateText.day(next))"))
        #expect(!done.text.contains("is paused"))
        #expect(!done.text.contains("no charges"))
        #expect(done.cards.first?.subtitle == "Active")
    }

    @Test func aCancelThatComesBackActiveIsNotClaimed() async throws {
        let engine = try makeEngine(skills: shippedSkills, tools: { $0.subscriptions = StuckSubscriptions() })
        let chat = Conversation(engine, customer: bob)
        let ask = try await chat.say("cancel my subscription")
        #expect(ask.intent == "subscription_cancel")
        let reply = try await chat.say("yes")
        #expect(!reply.text.contains("Done"))
        #expect(!reply.text.contains("is cancelled"))
        #expect(reply.text.contains("can't confirm it worked: it is active"))
        #expect(reply.skill == "subscriptions")
    }

    @Test func aSkipThatDoesNotMoveTheChargeIsNotClaimed() async throws {
        let engine = try makeEngine(skills: shippedSkills, tools: { $0.subscriptions = StuckSubscriptions() })
        let chat = Conversation(engine, customer: bob)
        try await chat.say("skip my next delivery")
        let reply = try await chat.say("yes")
        #expect(!reply.text.contains("is skipped"))
        #expect(reply.text.contains("can't confirm"))
    }

    @Test func anOrderCancelThatComesBackOpenIsNotClaimed() async throws {
        let engine = try makeEngine(skills: shippedSkills, tools: { $0.orders = StuckOrders() })
        let chat = Conversation(engine, customer: bob)
        let ask = try await chat.say("please cancel order #5001")
        #expect(ask.intent == "order_cancel")
        #expect(ask.outcome == "needs_input")
        let reply = try await chat.say("yes")
        #expect(!reply.text.contains("Done"))
        #expect(!reply.text.contains("is cancelled"))
        #expect(reply.text.contains("can't confirm it's cancelled"))
    }

    @Test func aCancelledOrderStillShownAsPaidSaysNoRefundYet() async throws {
        let engine = try makeEngine(skills: shippedSkills, tools: { $0.orders = StuckOrders(cancels: true) })
        let chat = Conversation(engine, customer: bob)
        try await chat.say("please cancel order #5001")
        let reply = try await chat.say("yes")
        #expect(reply.text.contains("Order #5001 is cancelled, but its payment still shows as paid"))
        #expect(!reply.text.contains("has been refunded"))
    }

    @Test func aCancelWhoseOutcomeIsUnknownIsHandedToAPerson() async throws {
        let engine = try makeEngine(skills: shippedSkills, tools: { $0.orders = StuckOrders(failsAfterSending: true) })
        let chat = Conversation(engine, customer: bob)
        try await chat.say("please cancel order #5001")
        let reply = try await chat.say("yes")
        #expect(reply.text.contains("couldn't confirm whether order #5001 was cancelled"))
        #expect(!reply.text.contains("Done"))
    }

    @Test func theDemoStoreVoidsAnAuthorisationAndSaysSo() async throws {
        let engine = try makeEngine(skills: shippedSkills)
        let jane = Customer(email: "jane.doe@example.com", authenticated: true)
        let chat = Conversation(engine, customer: jane)
        try await chat.say("cancel my order #1003")
        let done = try await chat.click("skill:order_editing:confirm", title: "Yes")
        #expect(done.text.contains("order #1003 is cancelled"))
        #expect(done.text.contains("authorisation has been cancelled"))
        #expect(!done.text.contains("refunded"))
        #expect(try await engine.tools.orders?.order(number: "1003")?.financialStatus == "voided")
    }
}

/// Recharge 2021-11 for one customer and one subscription (api-contracts.md §5.2 shapes).
final class RechargeSubscriptionStub: Sendable {
    struct State: Sendable {
        var nextCharge = "2999-01-01"
        var postponements = 0
    }

    let state = LockedBox(State())

    func subscriptionJSON() -> String {
        """
        {"id": 27906434, "address_id": 69282975, "customer_id": 43845860, "status": "active", "product_title": "Coffee Beans",
         "variant_title": "1 lb", "sku": "COFFEE-1LB", "price": "18.00", "quantity": 1, "charge_interval_frequency": 1,
         "order_interval_frequency": 1, "order_interval_unit": "month", "next_charge_scheduled_at": "\(state.value.nextCharge)",
         "is_skippable": true, "is_swappable": true, "is_prepaid": false, "cancelled_at": null, "cancellation_reason": null,
         "external_product_id": {"ecommerce": "6548568309874"}, "external_variant_id": {"ecommerce": "39281102766194"},
         "created_at": "2025-01-01T10:00:00+00:00", "updated_at": "2025-07-01T10:00:00+00:00"}
        """
    }

    func handle(_ request: StubRequest) -> StubResponse {
        guard request.headers["X-Recharge-Access-Token"] == ActionReplyTests.secret else { return .json(#"{"errors":"Invalid token"}"#, status: 401) }
        switch (request.method, request.path) {
        case ("GET", "/customers"):
            return .json(#"{"customers":[{"id":43845860,"email":"bob.norman@mail.example.com","first_name":"Bob","last_name":"Norman","subscriptions_active_count":1}],"next_cursor":null,"previous_cursor":null}"#)
        case ("GET", "/subscriptions"):
            return .json(#"{"next_cursor":null,"previous_cursor":null,"subscriptions":[\#(subscriptionJSON())]}"#)
        case ("GET", "/subscriptions/27906434"):
            return .json(#"{"subscription":\#(subscriptionJSON())}"#)
        case ("POST", "/subscriptions/27906434/set_next_charge_date"):
            let date = (request.jsonObject as? [String: Any])?["date"] as? String ?? ""
            state.withLock {
                $0.nextCharge = date
                $0.postponements += 1
            }
            return .json(#"{"subscription":\#(subscriptionJSON())}"#)
        default:
            return .json(#"{"errors":"Not Found"}"#, status: 404)
        }
    }
}

/// A subscription platform whose changes never take: every call returns the subscription unchanged.
struct StuckSubscriptions: SubscriptionProvider {
    let sub = Subscription(
        id: "s1", email: "bob.norman@mail.example.com", productTitle: "Coffee Beans", price: Money(18), interval: "every month",
        status: .active, nextChargeAt: Date(timeIntervalSince1970: 4_000_000_000))
    var portalURL: String { "https://acme.example/subscriptions" }
    func subscriptions(email: String) async throws -> [Subscription] { [sub] }
    func pause(subscriptionID: String) async throws -> Subscription { sub }
    func skipNext(subscriptionID: String) async throws -> Subscription { sub }
    func cancel(subscriptionID: String, reason: String) async throws -> Subscription { sub }
}

/// An order platform with one unshipped, paid order whose cancel either does not take or leaves the payment as paid.
struct StuckOrders: OrderProvider {
    struct Timeout: Error {}
    var cancels = false
    var failsAfterSending = false
    var order: Order {
        Order(
            id: "5001", number: "5001", email: "bob.norman@mail.example.com", createdAt: Date().addingTimeInterval(-3600),
            lineItems: [LineItem(id: "l1", title: "Coffee Beans", price: Money(18))], total: Money(18))
    }
    func order(number: String) async throws -> Order? { number.hasSuffix("5001") ? order : nil }
    func orders(email: String) async throws -> [Order] { [order] }
    func cancel(orderNumber: String, reason: String) async throws -> Order {
        if failsAfterSending { throw Timeout() }
        var result = order
        if cancels {
            result.status = .cancelled
            result.cancelledAt = Date()
        }
        return result
    }
}

/// Mutable state shared with a stub server's handler.
final class LockedBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result { lock.withLock { body(&stored) } }
}

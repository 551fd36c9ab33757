import Foundation
import StewardAdapters
import StewardCore
import StewardHTTP
import StewardRuntime
import StewardTesting
import Testing

/// Smile.io for one member (api-contracts.md §5.3 shapes; points transactions and reward fulfillments as
/// dev.smile.io lists them, newest first): redemptions spend points, add a transaction and issue a code.
final class SmileMemberStub: Sendable {
    struct State: Sendable {
        var balance = 300
        var purchases = 0
        var transactions: [(id: Int, change: Int)] = [(id: 825673452, change: 300)]
    }

    let state = LockedBox(State())
    static let key = "smile-SECRET-key-123456789"

    func handle(_ request: StubRequest) -> StubResponse {
        guard request.headers["Authorization"] == "Bearer \(Self.key)" else {
            return .json(#"{"error":{"code":"unauthorized","message":"Invalid API key"}}"#, status: 401)
        }
        let balance = state.value.balance
        let customer = #"{"id": 304169228, "email": "bob.norman@mail.example.com", "state": "member", "points_balance": \#(balance), "created_at": "2024-04-04T15:10:42.030Z"}"#
        switch (request.method, request.path) {
        case ("GET", "/v1/customers"):
            return .json(#"{"customers": [\#(customer)], "metadata": {"next_cursor": null, "previous_cursor": null}}"#)
        case ("GET", "/v1/customers/304169228"):
            return .json(#"{"customer": \#(customer)}"#)
        case ("GET", "/v1/points_products"):
            return .json(#"{"points_products": [{"id": 1, "exchange_type": "fixed", "exchange_description": "$5 off coupon", "points_price": 250, "reward": {"name": "$5 off"}}], "metadata": {"next_cursor": null}}"#)
        case ("POST", "/v1/points_products/1/purchase"):
            let spent = state.withLock { s -> Bool in
                guard s.balance >= 250 else { return false }
                s.balance -= 250
                s.purchases += 1
                s.transactions.insert((id: 825673452 + s.transactions.count, change: -250), at: 0)
                return true
            }
            guard spent else { return .json(#"{"error":{"code":"insufficient_points","message":"Not enough points"}}"#, status: 422) }
            return .json(#"{"points_purchase": {"id": 55501, "customer_id": 304169228, "points_product_id": 1, "points_spent": 250, "reward_fulfillment": {"id": 8801, "name": "$5 off", "code": "5OFF-K2J4H7", "expires_at": null}, "created_at": "2025-07-01T10:00:00.000Z"}}"#)
        case ("GET", "/v1/points_transactions"):
            let items = state.value.transactions.prefix(Int(request.queryValue("limit") ?? "50") ?? 50).map {
                #"{"id": \#($0.id), "customer_id": 304169228, "points_change": \#($0.change), "description": "points", "created_at": "2025-07-01T10:00:00.000Z"}"#
            }
            return .json(#"{"points_transactions": [\#(items.joined(separator: ","))], "metadata": {"next_cursor": null}}"#)
        case ("GET", "/v1/reward_fulfillments"):
            let issued = state.value.purchases == 0 ? "" : #"{"id": 8801, "name": "$5 off", "code": "5OFF-K2J4H7", "fulfillment_status": "issued", "expires_at": null, "created_at": "2025-07-01T10:00:00.000Z"}"#
            return .json(#"{"reward_fulfillments": [\#(issued)], "metadata": {"next_cursor": null}}"#)
        default:
            return .json(#"{"error":{"code":"not_found","message":"Not found"}}"#, status: 404)
        }
    }
}

/// A redemption through the loyalty skill and the Smile.io adapter while Smile misbehaves: points are
/// spent at most once, and the customer hears the code when they were.
@Suite struct LoyaltyVendorFaultTests {
    let bob = Customer(email: "bob.norman@mail.example.com", authenticated: true)

    func redeem(with faults: StubFaults, stub: SmileMemberStub) async throws -> AgentReply {
        let server = try StubHTTPServer(handler: faults.wrap(stub.handle))
        defer { server.stop() }
        let smile = try SmileLoyaltyAdapter(
            configuration: .init(baseURL: server.url("/v1")), apiKey: SmileMemberStub.key, client: VendorFaultReplyTests.client())
        let engine = try makeEngine(skills: shippedSkills, tools: { $0.loyalty = smile })
        let chat = Conversation(engine, customer: bob)
        let list = try await chat.say("I want to redeem my points")
        #expect(list.intent == "loyalty_redeem")
        let confirm = try await chat.click("skill:loyalty:redeem:1", title: "$5 off")
        #expect(confirm.text.contains("Redeem 250 points for $5 off?"))
        return try await chat.say("yes")
    }

    /// The purchase went through but its answer was lost, late or garbled: the code and the new balance
    /// are reported, and the points were spent once.
    @Test(arguments: [StubFault.processThenDrop, .processThenDelay(seconds: 2), .garbage(.notJSON), .garbage(.truncatedJSON)])
    func aRedemptionWhoseAnswerIsLostIsReportedWithItsCodeAndSpentOnce(_ fault: StubFault) async throws {
        let stub = SmileMemberStub()
        let faults = StubFaults()
        faults.inject(fault, when: StubFaults.writes)
        let done = try await redeem(with: faults, stub: stub)
        #expect(done.outcome == "resolved")
        #expect(done.text.contains("Your code is 5OFF-K2J4H7"))
        #expect(done.text.contains("Your balance is now 50 points."))
        #expect(stub.state.value.purchases == 1)
        #expect(faults.served.count == 1)
    }

    /// The purchase never reached Smile (dropped before it acted, or refused for ten minutes): nothing
    /// was spent, it is not sent a second time, and the customer is told politely, without technical detail.
    @Test(arguments: [StubFault.dropBeforeProcessing, .rateLimited(retryAfter: "600")])
    func aRedemptionThatNeverReachedSmileSpendsNothingAndIsNotRepeated(_ fault: StubFault) async throws {
        let stub = SmileMemberStub()
        let faults = StubFaults()
        faults.inject(fault, times: .max, when: StubFaults.writes)
        let reply = try await redeem(with: faults, stub: stub)
        #expect(stub.state.value.purchases == 0)
        #expect(faults.served.count == 1)
        #expect(!reply.text.contains("Your code is"))
        #expect(!reply.text.contains("HTTP"))
        #expect(!reply.text.contains(SmileMemberStub.key))
        #expect(reply.skill == "loyalty")
        if fault == .dropBeforeProcessing {
            // Sent, no answer, and no new transaction: unknown, so not sent again; a person can check.
            #expect(reply.text.contains("couldn't confirm"))
        } else {
            // A clear refusal for now: nothing spent, and it can be tried again later.
            #expect(reply.text.contains("none of your points were spent"))
            #expect(reply.text.contains("again in a few minutes"))
            #expect(!reply.text.contains("couldn't confirm"))
        }
    }

    /// A 4xx refusal other than "too few points" (a missing scope, a bad key): not done, a person offered,
    /// and never "couldn't confirm".
    @Test(arguments: [401, 403])
    func aRefusedRedemptionSaysNothingWasSpent(_ status: Int) async throws {
        let stub = SmileMemberStub()
        let server = try StubHTTPServer { request in
            request.method == "POST" ? .json(#"{"error":{"message":"Forbidden"}}"#, status: status) : stub.handle(request)
        }
        defer { server.stop() }
        let smile = try SmileLoyaltyAdapter(
            configuration: .init(baseURL: server.url("/v1")), apiKey: SmileMemberStub.key, client: VendorFaultReplyTests.client())
        let engine = try makeEngine(skills: shippedSkills, tools: { $0.loyalty = smile })
        let chat = Conversation(engine, customer: bob)
        try await chat.say("I want to redeem my points")
        try await chat.click("skill:loyalty:redeem:1", title: "$5 off")
        let reply = try await chat.say("yes")
        #expect(stub.state.value.purchases == 0)
        #expect(reply.text.contains("didn't accept it"))
        #expect(reply.text.contains("none of your points were spent"))
        #expect(!reply.text.contains("couldn't confirm"))
        #expect(reply.outcome == "handoff")
    }
}

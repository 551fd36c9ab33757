import Foundation
import StewardCore
import StewardHTTP
import StewardTesting
import Testing

@testable import StewardAdapters

/// Smile.io redemption: `POST /points_products/{id}/purchase` (api-contracts.md §5.3), with the
/// balance read back from the customer afterwards.
final class SmileRedeemStub: Sendable {
    struct State: Sendable {
        var balance = 300
        var purchases: [String] = []
        /// Newest first, as Smile lists them; one older earning to start with.
        var transactions: [(id: Int, change: Int)] = [(id: 825673452, change: 300)]
    }

    let state = StubState(State())

    func handle(_ request: StubRequest) -> StubResponse {
        guard request.headers["Authorization"] == "Bearer \(TestSupport.secret)" else {
            return .json(#"{"error":{"code":"unauthorized","message":"Invalid API key"}}"#, status: 401)
        }
        switch (request.method, request.path) {
        case ("GET", "/v1/customers"):
            let balance = state.value.balance
            guard request.queryValue("email") == "bob.norman@mail.example.com" else { return SmileStub.handle(request) }
            return .json("""
                {"customers": [{"id": 304169228, "email": "bob.norman@mail.example.com", "state": "member", "points_balance": \(balance),
                  "created_at": "2024-04-04T15:10:42.030Z"}], "metadata": {"next_cursor": null, "previous_cursor": null}}
                """)
        case ("GET", "/v1/customers/304169228"):
            return .json(#"{"customer": {"id": 304169228, "email": "bob.norman@mail.example.com", "state": "member", "points_balance": \#(state.value.balance)}}"#)
        case ("POST", let path) where path.hasPrefix("/v1/points_products/") && path.hasSuffix("/purchase"):
            let body = TestSupport.object(request)
            guard body["customer_id"] as? Int == 304169228 else { return .json(#"{"error":{"code":"invalid","message":"customer_id"}}"#, status: 422) }
            let cost = path.contains("/1/") ? 250 : 1000
            let spent = state.withLock { s -> Int? in
                guard s.balance >= cost else { return nil }
                s.balance -= cost
                s.purchases.append(path)
                s.transactions.insert((id: 825673452 + s.transactions.count + 1, change: -cost), at: 0)
                return cost
            }
            guard let spent else { return .json(#"{"error":{"code":"insufficient_points","message":"Not enough points"}}"#, status: 422) }
            return .json("""
                {"points_purchase": {"id": 55501, "customer_id": 304169228, "points_product_id": 1, "points_spent": \(spent),
                  "reward_fulfillment": {"id": 8801, "name": "$5 off coupon", "code": "5OFF-K2J4H7", "expires_at": null,
                    "usage_instructions": "Use at checkout", "created_at": "2025-07-01T10:00:00.000Z"},
                  "created_at": "2025-07-01T10:00:00.000Z", "new_field": 1}}
                """)
        case ("GET", "/v1/points_transactions"):
            guard request.queryValue("customer_id") == "304169228" else { return .json(#"{"points_transactions":[],"metadata":{"next_cursor":null,"previous_cursor":null}}"#) }
            let limit = Int(request.queryValue("limit") ?? "50") ?? 50
            let items = state.value.transactions.prefix(limit).map { t in
                #"{"id": \#(t.id), "customer_id": 304169228, "points_change": \#(t.change), "description": "\#(t.change < 0 ? "Spent points" : "Placed an order")", "internal_note": null, "created_at": "2025-07-01T10:00:00.000Z", "updated_at": "2025-07-01T10:00:00.000Z"}"#
            }
            return .json(#"{"points_transactions":[\#(items.joined(separator: ","))],"metadata":{"next_cursor":null,"previous_cursor":null}}"#)
        case ("GET", "/v1/reward_fulfillments"):
            let issued = state.value.purchases.isEmpty ? "" : """
                {"id": 8801, "customer_id": 304169228, "name": "$5 off coupon", "code": "5OFF-K2J4H7", "fulfillment_status": "issued",
                 "usage_status": "unused", "expires_at": null, "used_at": null, "created_at": "2025-07-01T10:00:00.000Z"}
                """
            return .json(#"{"reward_fulfillments":[\#(issued)],"metadata":{"next_cursor":null,"previous_cursor":null}}"#)
        default:
            return SmileStub.handle(request)
        }
    }
}

@Suite struct SmileRedeemTests {
    @Test func redeemBuysThePointsProductAndReportsTheCodeAndSmilesBalance() async throws {
        let stub = SmileRedeemStub()
        let server = try StubHTTPServer(handler: stub.handle)
        defer { server.stop() }
        let smile = try SmileLoyaltyAdapterTests.adapter(server)
        let redemption = try await smile.redeem(rewardID: "1", email: "bob.norman@mail.example.com")
        #expect(redemption.code == "5OFF-K2J4H7")
        #expect(redemption.pointsSpent == 250)
        #expect(redemption.pointsBalance == 50)
        #expect(redemption.rewardName == "$5 off coupon")
        #expect(redemption.id == "55501")
        let post = try #require(server.requests.first { $0.method == "POST" })
        #expect(post.path == "/v1/points_products/1/purchase")
        let body = TestSupport.object(post)
        #expect(body["customer_id"] as? Int == 304169228)
        #expect(body["points_to_spend"] == nil)  // a fixed product
        #expect(stub.state.value.purchases.count == 1)
    }

    @Test func aVariableProductSendsPointsToSpend() async throws {
        let stub = SmileRedeemStub()
        let server = try StubHTTPServer(handler: stub.handle)
        defer { server.stop() }
        _ = try? await SmileLoyaltyAdapterTests.adapter(server).redeem(rewardID: "3", email: "bob.norman@mail.example.com")
        let post = try #require(server.requests.first { $0.method == "POST" })
        #expect(TestSupport.object(post)["points_to_spend"] as? Int == 200)
    }

    @Test func tooFewPointsIsNotAllowedAndSentOnce() async throws {
        let stub = SmileRedeemStub()
        let server = try StubHTTPServer(handler: stub.handle)
        defer { server.stop() }
        let error = await TestSupport.error {
            _ = try await SmileLoyaltyAdapterTests.adapter(server).redeem(rewardID: "2", email: "bob.norman@mail.example.com")
        }
        guard case .notAllowed? = error as? ToolError else {
            Issue.record("expected notAllowed, got \(String(describing: error))")
            return
        }
        #expect(server.requests.filter { $0.method == "POST" }.count == 1)
        #expect(stub.state.value.balance == 300)
    }

    @Test func anUnknownRewardOrNonMemberIsNotFoundAndNothingIsPosted() async throws {
        let stub = SmileRedeemStub()
        let server = try StubHTTPServer(handler: stub.handle)
        defer { server.stop() }
        let smile = try SmileLoyaltyAdapterTests.adapter(server)
        let unknown = await TestSupport.error { _ = try await smile.redeem(rewardID: "999", email: "bob.norman@mail.example.com") }
        #expect(unknown as? ToolError == .notFound("Reward 999"))
        let stranger = await TestSupport.error { _ = try await smile.redeem(rewardID: "1", email: "nobody@example.com") }
        #expect(stranger as? ToolError == .notFound("The rewards account for nobody@example.com"))
        #expect(!server.requests.contains { $0.method == "POST" })
    }

    /// A 500 may come after Smile acted, so the purchase is not sent again (a 429 or 503 would be: refused unprocessed).
    @Test func aServerErrorOnThePurchaseIsNotRetried() async throws {
        let posts = RequestCounter()
        let server = try StubHTTPServer { request in
            if request.method == "POST" {
                _ = posts.next()
                return .json(#"{"error":{"code":"internal","message":"oops"}}"#, status: 500)
            }
            return SmileRedeemStub().handle(request)
        }
        defer { server.stop() }
        _ = await TestSupport.error {
            _ = try await SmileLoyaltyAdapterTests.adapter(server).redeem(rewardID: "1", email: "bob.norman@mail.example.com")
        }
        #expect(posts.next() == 2)  // exactly one POST was made
    }
}

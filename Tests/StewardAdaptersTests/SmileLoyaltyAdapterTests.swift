import Foundation
import StewardCore
import StewardHTTP
import StewardTesting
import Testing

@testable import StewardAdapters

enum SmileStub {
    static func handle(_ request: StubRequest) -> StubResponse {
        guard request.headers["Authorization"] == "Bearer \(TestSupport.secret)" else {
            return .json(#"{"error":{"code":"unauthorized","message":"Invalid API key"}}"#, status: 401)
        }
        switch request.path {
        case "/v1/customers":
            guard request.queryValue("email") == "bob.norman@mail.example.com" else { return .json(#"{"customers":[],"metadata":{"next_cursor":null,"previous_cursor":null}}"#) }
            return .json("""
                {"customers": [
                  {"id": 304169228, "first_name": "Bob", "last_name": "Norman", "email": "bob.norman@mail.example.com", "state": "member",
                   "date_of_birth": "1004-05-27", "points_balance": 300, "referral_url": "http://i.refs.cc/9qr5Pw", "vip_tier_id": 426715794,
                   "vip_status": {"vip_tier_id": 426715794, "vip_tier_expires_at": "2026-12-31T23:59:59.999Z", "progress_value": 300,
                     "current_vip_period_end": "2025-12-31T23:59:59.999Z", "delta_to_retain_vip_tier": 123, "next_vip_tier_id": 426715799,
                     "delta_to_next_vip_tier": 200},
                   "created_at": "2024-04-04T15:10:42.030Z", "updated_at": "2025-04-04T15:10:42.030Z"},
                  {"id": 1, "email": "bob.norman@mail.example.com", "state": "disabled", "points_balance": 9999, "created_at": "2025-05-01T00:00:00Z"}
                ], "metadata": {"next_cursor": null, "previous_cursor": null}}
                """)
        case "/v1/points_products":
            return .json("""
                {"points_products": [
                  {"id": 1, "exchange_type": "fixed", "exchange_description": "$5 off coupon", "points_price": 250, "reward": {"id": 9, "name": "$5 off"}},
                  {"id": 2, "exchange_type": "fixed", "points_price": 1000, "reward": {"name": "$25 off"}},
                  {"id": 3, "exchange_type": "variable", "variable_points_step": 100, "variable_points_min": 200, "reward": {"name": "Store credit"}}
                ], "metadata": {"next_cursor": null}}
                """)
        default:
            return .json(#"{"error":{"code":"not_found","message":"Not found"}}"#, status: 404)
        }
    }
}

@Suite struct SmileLoyaltyAdapterTests {
    static func adapter(_ server: StubHTTPServer, client: HTTPClient = TestSupport.client()) throws -> SmileLoyaltyAdapter {
        try SmileLoyaltyAdapter(
            configuration: .init(baseURL: server.url("/v1"), tierNames: ["426715794": "Gold"]), apiKey: TestSupport.secret, client: client)
    }

    @Test func accountHasBalanceTierAndRedeemableRewards() async throws {
        let server = try StubHTTPServer(handler: SmileStub.handle)
        defer { server.stop() }
        let account = try #require(try await Self.adapter(server).account(email: "bob.norman@mail.example.com"))
        #expect(account.pointsBalance == 300)
        #expect(account.tier == "Gold")
        #expect(account.rewards.map(\.name) == ["$5 off", "$25 off", "Store credit"])
        #expect(account.redeemable.map(\.pointsCost) == [250, 200])
        let request = try #require(server.requests.first)
        #expect(request.query == "email=bob.norman%40mail.example.com&include=vip_status")
        #expect(request.headers["Authorization"] == "Bearer \(TestSupport.secret)")
    }

    @Test func nonMemberIsNil() async throws {
        let server = try StubHTTPServer(handler: SmileStub.handle)
        defer { server.stop() }
        #expect(try await Self.adapter(server).account(email: "nobody@example.com") == nil)
    }

    @Test func rewardsThatCannotBeReadLeaveTheAccount() async throws {
        let server = try StubHTTPServer { request in
            request.path == "/v1/points_products" ? .json(#"{"error":{"code":"forbidden","message":"Missing scope"}}"#, status: 403) : SmileStub.handle(request)
        }
        defer { server.stop() }
        let account = try #require(try await Self.adapter(server).account(email: "bob.norman@mail.example.com"))
        #expect(account.pointsBalance == 300)
        #expect(account.rewards.isEmpty)
    }
}

import Foundation
import StewardCore
import StewardHTTP
import StewardRuntime
import StewardTesting
import Testing

/// With Shopify and Klaviyo both configured, a signed-in customer's personal codes come from both,
/// de-duplicated, and one failing source still leaves the other's codes.
@Suite struct CouponSourcesTests {
    static let shopifyToken = "shpat-TOKEN-123456789"
    static let klaviyoKey = "pk-KLAVIYO-123456789"
    static let sarah = "sarah.mason@klaviyo-demo.com"

    /// Shopify REST 2025-07 (api-contracts.md §1.7): one public discount, one limited to Sarah
    /// (`customer_selection: "prerequisite"`), one limited to somebody else.
    static func shopify(_ request: StubRequest) -> StubResponse {
        guard request.headers["X-Shopify-Access-Token"] == shopifyToken else { return .json(#"{"errors":"[API] Invalid API key or access token"}"#, status: 401) }
        let prefix = "/admin/api/2025-07"
        switch request.path {
        case prefix + "/customers/search.json":
            guard request.queryValue("query") == "email:\(sarah)" else { return .json(#"{"customers":[]}"#) }
            return .json(#"{"customers":[{"id":207119552,"email":"sarah.mason@klaviyo-demo.com","first_name":"Sarah","last_name":"Mason","phone":null,"tags":""}]}"#)
        case prefix + "/price_rules.json":
            return .json("""
                {"price_rules": [
                  {"id": 1, "value_type": "percentage", "value": "-15.0", "customer_selection": "all", "target_type": "line_item",
                   "target_selection": "all", "allocation_method": "across", "starts_at": "2017-01-19T17:59:10Z", "ends_at": null, "title": "SUMMER15"},
                  {"id": 2, "value_type": "fixed_amount", "value": "-20.0", "customer_selection": "prerequisite",
                   "prerequisite_customer_ids": [207119552], "target_type": "line_item", "target_selection": "all",
                   "starts_at": "2017-01-19T17:59:10Z", "ends_at": null, "title": "SARAH-SORRY"},
                  {"id": 3, "value_type": "fixed_amount", "value": "-10.0", "customer_selection": "prerequisite",
                   "prerequisite_customer_ids": [999], "target_type": "line_item", "target_selection": "all",
                   "starts_at": "2017-01-19T17:59:10Z", "title": "SOMEONE-ELSE"}
                ]}
                """)
        case prefix + "/price_rules/1/discount_codes.json":
            return .json(#"{"discount_codes":[{"id":11,"price_rule_id":1,"code":"SUMMER15","usage_count":0}]}"#)
        case prefix + "/price_rules/2/discount_codes.json":
            return .json(#"{"discount_codes":[{"id":21,"price_rule_id":2,"code":"SARAH-SORRY-20","usage_count":0},{"id":22,"price_rule_id":2,"code":"WELCOME-8F3K2","usage_count":0}]}"#)
        case prefix + "/price_rules/3/discount_codes.json":
            return .json(#"{"discount_codes":[{"id":31,"price_rule_id":3,"code":"NOT-SARAHS","usage_count":0}]}"#)
        default:
            return .json(#"{"errors":"Not Found"}"#, status: 404)
        }
    }

    /// Klaviyo JSON:API (api-contracts.md §2.1, §2.3): Sarah's profile and two codes assigned to her,
    /// one of which Shopify also lists.
    static func klaviyo(_ request: StubRequest) -> StubResponse {
        guard request.headers["Authorization"] == "Klaviyo-API-Key \(klaviyoKey)", request.headers["revision"] != nil else {
            return .json(#"{"errors":[{"id":"e1","code":"not_authenticated","title":"Not authenticated","detail":"Missing key"}]}"#, status: 401)
        }
        switch request.path {
        case "/api/profiles":
            guard request.queryValue("filter") == #"equals(email,"\#(sarah)")"# else { return .json(#"{"data":[],"links":{"self":"x","next":null,"prev":null}}"#) }
            return .json(#"{"data":[{"type":"profile","id":"01GDDKASAP8TKDDA2GRZDSVP4H","attributes":{"email":"sarah.mason@klaviyo-demo.com","first_name":"Sarah","last_name":"Mason"},"links":{"self":"x"}}],"links":{"self":"x","next":null,"prev":null}}"#)
        case "/api/coupon-codes":
            return .json("""
                {"data": [
                  {"type": "coupon-code", "id": "10OFF-WELCOME-8F3K2", "attributes": {"unique_code": "WELCOME-8F3K2", "expires_at": null, "status": "ASSIGNED_TO_PROFILE"},
                   "relationships": {"coupon": {"data": {"type": "coupon", "id": "10OFF"}}}, "links": {"self": "x"}},
                  {"type": "coupon-code", "id": "BDAY-BDAY-77QX", "attributes": {"unique_code": "BDAY-77QX", "expires_at": "2999-01-01T00:00:00+00:00", "status": "ASSIGNED_TO_PROFILE"},
                   "relationships": {"coupon": {"data": {"type": "coupon", "id": "BDAY"}}}, "links": {"self": "x"}}
                ], "links": {"self": "x", "next": null}}
                """)
        default:
            return .json(#"{"errors":[{"id":"e2","code":"not_found","title":"Not found","detail":"Not found"}]}"#, status: 404)
        }
    }

    /// The toolbox the configuration builds for both integrations at these stubs.
    func engine(shopify: StubHTTPServer, klaviyo: StubHTTPServer) throws -> ConversationEngine {
        let integrations = IntegrationsConfiguration(settings: [
            "shopify": ["shop": "northwind", "base_url": shopify.baseURLString],
            "klaviyo": ["base_url": klaviyo.baseURLString],
        ])
        let client = HTTPClient(configuration: .init(
            connectTimeout: .seconds(1), timeout: .seconds(2), retryPolicy: .init(maxAttempts: 1, baseDelay: .milliseconds(10), maxDelay: .seconds(1))))
        let built = try integrations.build(
            shop: ShopInfo(), environment: ["SHOPIFY_ACCESS_TOKEN": Self.shopifyToken, "KLAVIYO_API_KEY": Self.klaviyoKey], client: client)
        return try makeEngine(skills: shippedSkills, tools: built.apply)
    }

    @Test func personalCodesComeFromShopifyAndKlaviyoOnceEach() async throws {
        let shopify = try StubHTTPServer(handler: Self.shopify)
        let klaviyo = try StubHTTPServer(handler: Self.klaviyo)
        defer { shopify.stop(); klaviyo.stop() }
        let engine = try engine(shopify: shopify, klaviyo: klaviyo)
        #expect(engine.tools.coupons is CompositeCouponProvider)
        let lookup = try #require(await engine.tools.coupons?.personalCoupons(email: Self.sarah))
        #expect(lookup.coupons.map(\.code) == ["SARAH-SORRY-20", "WELCOME-8F3K2", "BDAY-77QX"])
        #expect(lookup.failures.isEmpty)
        #expect(try await engine.tools.coupons?.publicCoupons().map(\.code) == ["SUMMER15"])

        let customer = Customer(email: Self.sarah, authenticated: true)
        let reply = try await Conversation(engine, customer: customer).say("do I have any discount codes?")
        #expect(reply.skill == "coupons")
        #expect(reply.text.contains("SARAH-SORRY-20"))
        #expect(reply.text.contains("BDAY-77QX"))
        #expect(reply.text.components(separatedBy: "WELCOME-8F3K2").count == 2)  // once
        #expect(reply.text.contains("SUMMER15"))
        #expect(!reply.text.contains("NOT-SARAHS"))
        #expect(!reply.text.contains("couldn't check"))
    }

    @Test func aFailingKlaviyoStillShowsShopifysCodesAndSaysSomeAreMissing() async throws {
        let shopify = try StubHTTPServer(handler: Self.shopify)
        let klaviyo = try StubHTTPServer(handler: { _ in .json(#"{"errors":[{"id":"e","code":"error","title":"Server error","detail":"down"}]}"#, status: 500) })
        defer { shopify.stop(); klaviyo.stop() }
        let engine = try engine(shopify: shopify, klaviyo: klaviyo)
        let lookup = try #require(await engine.tools.coupons?.personalCoupons(email: Self.sarah))
        #expect(lookup.coupons.map(\.code) == ["SARAH-SORRY-20", "WELCOME-8F3K2"])
        #expect(lookup.failures.count == 1)
        let reply = try await Conversation(engine, customer: Customer(email: Self.sarah, authenticated: true)).say("do I have any discount codes?")
        #expect(reply.text.contains("SARAH-SORRY-20"))
        #expect(reply.text.contains("SUMMER15"))
        #expect(reply.text.contains("couldn't check all of our discount systems"))
    }

    @Test func anAnonymousCustomerSeesOnlyPublicCodes() async throws {
        let shopify = try StubHTTPServer(handler: Self.shopify)
        let klaviyo = try StubHTTPServer(handler: Self.klaviyo)
        defer { shopify.stop(); klaviyo.stop() }
        let reply = try await Conversation(try engine(shopify: shopify, klaviyo: klaviyo)).say("do you have any discount codes?")
        #expect(reply.text.contains("SUMMER15"))
        #expect(!reply.text.contains("SARAH-SORRY-20"))
        #expect(!reply.text.contains("BDAY-77QX"))
        #expect(!klaviyo.requests.contains { $0.path == "/api/coupon-codes" })
    }
}

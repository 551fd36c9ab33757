import Foundation
import StewardAdapters
import StewardCore
import StewardHTTP
import StewardRuntime
import StewardTesting
import Testing

/// "Can I return …?" leaves out items the returns provider already holds in a return.
@Suite struct ReturnEligibilityTests {
    static let secret = "loop-KEY-123456789"
    let jane = Customer(email: "jane.doe@example.com", authenticated: true)

    /// Loop's details endpoint (api-contracts.md §5.1): an open return for #1002's jacket, matched by
    /// SKU (Loop's `provider_line_item_id` is Shopify's id, which the demo order does not use).
    static func loop(_ request: StubRequest) -> StubResponse {
        guard request.headers["X-Authorization"] == secret else {
            return .json(#"{"error":{"code":"401","http_code":"GEN-UNAUTHORIZED","message":"Unauthorized."}}"#, status: 401)
        }
        guard request.path == "/api/v1/warehouse/return/details", request.queryValue("order_name") == "1002" else {
            return .json(#"{"error":{"message":"Return not found."}}"#, status: 404)
        }
        return .json("""
            {"id": 37603915, "state": "open", "created_at": "2025-08-22 14:08:31", "updated_at": "2025-08-22 15:05:15",
             "order_id": 98766312, "order_name": "#1002", "provider_order_id": 5444175757553, "customer": "jane.doe@example.com",
             "currency": "USD", "total": "129.00", "refund": "129.00", "outcome": "refund", "refunds": [], "exchange_order_name": null,
             "line_items": [{"line_item_id": 293482039, "provider_line_item_id": 23984238720, "product_id": 29871298313,
               "variant_id": 23498287203948, "sku": "NW-RIJ-NAV-M", "title": "Ridgeline Insulated Jacket", "variant_title": "Navy / M",
               "price": "129.00", "refund": "129.00", "returned_at": null, "return_reason": "Too small", "parent_return_reason": "Fit"}],
             "brand_new_field": true}
            """)
    }

    @Test func anItemWithAnOpenLoopReturnIsNotOfferedAgain() async throws {
        let server = try StubHTTPServer(handler: Self.loop)
        defer { server.stop() }
        let loop = try LoopReturnsAdapter(
            configuration: .init(portalURL: "https://northwind.loopreturns.com", baseURL: server.url("/api/v1")),
            apiKey: Self.secret, client: HTTPClient())
        let engine = try makeEngine(skills: shippedSkills, tools: { $0.returns = loop })
        let reply = try await Conversation(engine, customer: jane).say("Can I return #1002?")
        #expect(reply.skill == "returns")
        #expect(server.requests.contains { $0.queryValue("order_name") == "1002" })
        #expect(reply.text.contains("Returnable: Merino Beanie."))
        #expect(reply.text.contains("Already in a return: Ridgeline Insulated Jacket (return 37603915, open"))
        #expect(!reply.text.contains("Returnable: Ridgeline"))
        let card = try #require(reply.cards.first)
        #expect(card.fields.map(\.label) == ["Merino Beanie"])
    }

    @Test func whenEveryItemIsInAReturnNothingIsOffered() async throws {
        let sofia = Customer(email: "sofia.rossi@example.org", authenticated: true)
        let engine = try makeEngine(skills: shippedSkills)
        let partly = try await Conversation(engine, customer: sofia).say("can I return order 1017?")
        #expect(partly.text.contains("Returnable: Trail Running Cap."))
        #expect(partly.text.contains("Already in a return: Trailblazer Runner — Black (return RMA-5017, open"))
        let daniel = Customer(email: "daniel.kim@example.com", authenticated: true)
        let all = try await Conversation(engine, customer: daniel).say("can I return order 1018?")
        #expect(all.text.contains("already has a return"))
        #expect(all.text.contains("Ascent Waterproof Hiking Boot (return RMA-5018, on its way back to us)"))
        #expect(!all.text.contains("Good news"))
        #expect(all.cards.isEmpty)
    }

    @Test func aReturnsProviderThatFailsStillAnswersAndSaysSo() async throws {
        let server = try StubHTTPServer(handler: { _ in .json(#"{"error":{"message":"boom"}}"#, status: 400) })
        defer { server.stop() }
        let loop = try LoopReturnsAdapter(
            configuration: .init(portalURL: "https://northwind.loopreturns.com", baseURL: server.url("/api/v1")),
            apiKey: Self.secret, client: HTTPClient())
        let engine = try makeEngine(skills: shippedSkills, tools: { $0.returns = loop })
        let reply = try await Conversation(engine, customer: jane).say("Can I return #1002?")
        #expect(reply.text.contains("Returnable: Ridgeline Insulated Jacket, Merino Beanie."))
        #expect(reply.text.contains("couldn't check for returns already open"))
    }
}

import Foundation
import StewardCore
import StewardHTTP
import StewardTesting
import Testing

@testable import StewardAdapters

enum LoopStub {
    static let details = """
        {"id": 37603915, "state": "open", "created_at": "2023-08-22 14:08:31", "updated_at": "2023-08-22 15:05:15",
         "order_id": 98766312, "order_name": "#1001", "provider_order_id": 5444175757553, "customer": "bob.norman@mail.example.com",
         "currency": "USD", "total": "63.30", "refund": "63.30", "outcome": "exchange",
         "refunds": [], "return_total": "164.58", "exchange_order_name": null, "label_status": "in_transit",
         "label_url": "https://labels.example/abc.pdf",
         "line_items": [{"line_item_id": 293482039, "provider_line_item_id": 23984238720, "product_id": 29871298313,
           "variant_id": 23498287203948, "sku": "2039473-Y", "title": "Black Striped Shirt", "variant_title": "Small / Navy",
           "price": "78.00", "refund": "31.65", "returned_at": "2023-01-01T22:27:16.000Z", "return_reason": "I like another style more",
           "parent_return_reason": "Didn't like it"}], "something_new": {"a": 1}}
        """

    static func handle(_ request: StubRequest) -> StubResponse {
        guard request.headers["X-Authorization"] == TestSupport.secret else {
            return .json(#"{"error":{"code":"401","http_code":"GEN-UNAUTHORIZED","message":"Unauthorized."}}"#, status: 401)
        }
        guard request.path == "/api/v1/warehouse/return/details" else { return .json(#"{"error":{"message":"Not found"}}"#, status: 404) }
        switch request.queryValue("order_name") {
        case "1001": return .json(details)
        case "1005": return .json(##"[{"id":"1","state":"closed","created_at":"2025-01-02T22:27:15.000Z","order_name":"#1005","outcome":"refund","refunds":[{"amount":"10.00"}]},{"id":"2","state":"cancelled","created_at":"2025-01-03T00:00:00Z","order_name":"#1005"}]"##)
        default: return .json(#"{"error":{"message":"Return not found."}}"#, status: 404)
        }
    }
}

@Suite struct LoopReturnsAdapterTests {
    static func adapter(_ server: StubHTTPServer, client: HTTPClient = TestSupport.client()) throws -> LoopReturnsAdapter {
        try LoopReturnsAdapter(
            configuration: .init(portalURL: "https://acme.loopreturns.com", baseURL: server.url("/api/v1")),
            apiKey: TestSupport.secret, client: client)
    }

    @Test func returnsForAnOrderStripTheHashAndMapTheDetails() async throws {
        let server = try StubHTTPServer(handler: LoopStub.handle)
        defer { server.stop() }
        let loop = try Self.adapter(server)
        #expect(loop.portalURL == "https://acme.loopreturns.com")
        let returns = try await loop.returns(orderNumber: "#1001")
        let request = try #require(server.requests.first)
        #expect(request.path == "/api/v1/warehouse/return/details")
        #expect(request.query == "order_name=1001")
        #expect(request.headers["X-Authorization"] == TestSupport.secret)
        let first = try #require(returns.first)
        #expect(returns.count == 1)
        #expect(first.id == "37603915")
        #expect(first.orderNumber == "1001")
        #expect(first.status == .inTransit)
        #expect(first.resolution == "exchange")
        #expect(first.labelURL == "https://labels.example/abc.pdf")
        // The returned items, matched to the order by Shopify's line-item id (provider_line_item_id), then SKU.
        #expect(first.items == [ReturnRequest.Item(lineItemID: "23984238720", sku: "2039473-Y", title: "Black Striped Shirt")])
        let shirt = LineItem(id: "23984238720", title: "Black Striped Shirt", price: Money(78))
        let other = LineItem(id: "1", title: "Socks", sku: "SOCKS", price: Money(5))
        #expect(first.holds(shirt))
        #expect(!first.holds(other))
        // "2023-08-22 14:08:31" has no zone: read as UTC.
        #expect(first.createdAt == Date(timeIntervalSince1970: 1_692_713_311))
    }

    @Test func listsAndStatesAreMapped() async throws {
        let server = try StubHTTPServer(handler: LoopStub.handle)
        defer { server.stop() }
        let returns = try await Self.adapter(server).returns(orderNumber: "1005")
        #expect(returns.map(\.status) == [.refunded, .cancelled])
        #expect(returns.map(\.id) == ["1", "2"])
    }

    @Test func noReturnIsAnEmptyList() async throws {
        let server = try StubHTTPServer(handler: LoopStub.handle)
        defer { server.stop() }
        #expect(try await Self.adapter(server).returns(orderNumber: "4242").isEmpty)
    }
}

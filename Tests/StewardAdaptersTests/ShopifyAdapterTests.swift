import Foundation
import StewardCore
import StewardHTTP
import StewardTesting
import Testing

@testable import StewardAdapters

@Suite struct ShopifyAdapterTests {
    static func adapter(_ server: StubHTTPServer, client: HTTPClient = TestSupport.client()) throws -> ShopifyAdapter {
        try ShopifyAdapter(
            configuration: .init(shop: "jsmith", apiVersion: ShopifyStub.version, baseURL: server.baseURLString),
            accessToken: TestSupport.secret, client: client)
    }

    @Test func orderByNameSendsTheContractRequestAndMapsTheFixture() async throws {
        let stub = ShopifyStub()
        let server = try StubHTTPServer(handler: stub.handle)
        defer { server.stop() }
        let order = try #require(try await Self.adapter(server).order(number: "#1001"))

        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.path == "/admin/api/2025-07/orders.json")
        #expect(request.query == "name=%231001&status=any")
        #expect(request.headers["X-Shopify-Access-Token"] == TestSupport.secret)
        #expect(request.headers["Accept"] == "application/json")

        #expect(order.id == "450789469")
        #expect(order.number == "1001")
        #expect(order.name == "#1001")
        #expect(order.email == "bob.norman@mail.example.com")
        #expect(order.belongs(to: "Bob.Norman@mail.example.com"))
        #expect(order.total == Money(Decimal(string: "598.94")!, currency: "USD"))
        #expect(order.status == .open)
        #expect(order.fulfillmentStatus == .fulfilled)
        #expect(order.tags == ["vip", "gift"])
        #expect(order.lineItems.first?.price.amount == Decimal(string: "199.00"))
        #expect(order.lineItems.first?.variant == "green")
        #expect(order.shippingAddress?.city == "Louisville")
        let shipment = try #require(order.fulfillments.first)
        #expect(shipment.carrier == "USPS")
        #expect(shipment.trackingNumber == "1Z1234512345123456")
        #expect(shipment.trackingURL?.hasPrefix("https://tools.usps.com/") == true)
        #expect(shipment.shipmentStatus == .inTransit)
        #expect(order.progress == .inTransit)
        // 2025-07-01T11:00:00-05:00 is 16:00 UTC.
        #expect(order.createdAt == Date(timeIntervalSince1970: 1_751_385_600))
    }

    @Test func bareNumberWorksAndUnknownNumberIsNil() async throws {
        let stub = ShopifyStub()
        let server = try StubHTTPServer(handler: stub.handle)
        defer { server.stop() }
        let shopify = try Self.adapter(server)
        #expect(try await shopify.order(number: " 1001 ")?.id == "450789469")
        #expect(try await shopify.order(number: "#9999") == nil)
        #expect(try await shopify.order(number: "#") == nil)
    }

    @Test func nullEmailIsMappedAsNilAndNeverBelongsToAnyone() async throws {
        let stub = ShopifyStub()
        let server = try StubHTTPServer(handler: stub.handle)
        defer { server.stop() }
        let order = try #require(try await Self.adapter(server).order(number: "1003"))
        #expect(order.email == nil)
        #expect(order.shippingAddress == nil)
        #expect(!order.belongs(to: "bob.norman@mail.example.com"))
    }

    @Test func orderOlderThanSixtyDaysIsHiddenWithoutReadAllOrders() async throws {
        let stub = ShopifyStub()
        let server = try StubHTTPServer(handler: stub.handle)
        defer { server.stop() }
        let shopify = try Self.adapter(server)
        #expect(try await shopify.order(number: "1002") == nil)
        stub.state.withLock { $0.readAllOrders = true }
        #expect(try await shopify.order(number: "1002")?.id == "450789470")
    }

    @Test func ordersByEmailSearchTheCustomerThenReadTheirOrdersNewestFirst() async throws {
        let stub = ShopifyStub()
        let server = try StubHTTPServer(handler: stub.handle)
        defer { server.stop() }
        let orders = try await Self.adapter(server).orders(email: "bob.norman@mail.example.com")
        #expect(orders.map(\.name) == ["#1004", "#1001"])
        let requests = server.requests
        #expect(requests.count == 2)
        #expect(requests[0].path == "/admin/api/2025-07/customers/search.json")
        #expect(requests[0].query == "query=email%3Abob.norman%40mail.example.com")
        #expect(requests[1].path == "/admin/api/2025-07/customers/207119551/orders.json")
        #expect(requests[1].queryValue("status") == "any")
        #expect(try await Self.adapter(server).orders(email: "nobody@example.com").isEmpty)
    }

    @Test func cancelSendsTopLevelParamsAndRepeatingItSucceeds() async throws {
        let stub = ShopifyStub()
        let server = try StubHTTPServer(handler: stub.handle)
        defer { server.stop() }
        let shopify = try Self.adapter(server)
        let first = try await shopify.cancel(orderNumber: "#1004", reason: "customer")
        #expect(first.status == .cancelled)
        #expect(first.cancelReason == "customer")
        let post = try #require(server.requests.first { $0.method == "POST" })
        #expect(post.path == "/admin/api/2025-07/orders/450789472/cancel.json")
        #expect(post.headers["Content-Type"] == "application/json")
        let body = TestSupport.object(post)
        #expect(body["reason"] as? String == "customer")
        #expect(body["email"] as? Bool == true)
        #expect(body["restock"] as? Bool == true)
        #expect(body["order"] == nil)

        let second = try await shopify.cancel(orderNumber: "1004", reason: "changed my mind")
        #expect(second.status == .cancelled)
        #expect(stub.state.value.cancelCalls == 1)
    }

    @Test func cancelTreatsA422ForAnAlreadyCancelledOrderAsSuccess() async throws {
        // Another agent cancelled it between our read and our POST: Shopify answers 422.
        let stub = ShopifyStub()
        let raced = StubState(false)
        let server = try StubHTTPServer { request in
            if request.method == "POST", !raced.withLock({ let was = $0; $0 = true; return was }) {
                stub.state.withLock { $0.cancelled["450789472"] = "2025-07-04T10:00:00-05:00" }
            }
            return stub.handle(request)
        }
        defer { server.stop() }
        let order = try await Self.adapter(server).cancel(orderNumber: "1004", reason: "customer")
        #expect(order.status == .cancelled)
    }

    @Test func cancelAfterATimeoutChecksTheOrderInsteadOfFailing() async throws {
        let stub = ShopifyStub()
        let server = try StubHTTPServer { request in
            let response = stub.handle(request)
            return request.method == "POST" ? .delay(1.0, then: response) : response
        }
        defer { server.stop() }
        let order = try await Self.adapter(server, client: TestSupport.client(timeout: .milliseconds(300)))
            .cancel(orderNumber: "1004", reason: "customer")
        #expect(order.status == .cancelled)
        #expect(server.requests.filter { $0.method == "POST" }.count == 1)
    }

    @Test func cancellingAShippedOrUnknownOrderIsRefused() async throws {
        let stub = ShopifyStub()
        let server = try StubHTTPServer(handler: stub.handle)
        defer { server.stop() }
        let shopify = try Self.adapter(server)
        let shipped = await TestSupport.error { _ = try await shopify.cancel(orderNumber: "1001", reason: "customer") }
        #expect((shipped as? ToolError).map { if case .notAllowed = $0 { true } else { false } } == true)
        let missing = await TestSupport.error { _ = try await shopify.cancel(orderNumber: "4242", reason: "customer") }
        #expect(missing as? ToolError == .notFound("Order #4242"))
        #expect(server.requests.allSatisfy { $0.method == "GET" })
    }

    @Test func productsFollowTheNextLinkOnTheConfiguredHostAndMapFields() async throws {
        let stub = ShopifyStub()
        let server = try StubHTTPServer(handler: stub.handle)
        defer { server.stop() }
        let products = try await Self.adapter(server).products()
        #expect(products.map(\.id) == ["632910392", "632910393"])
        let first = try #require(products.first)
        #expect(first.tags == ["Emotive", "Flash Memory", "MP3", "Music"])
        #expect(first.price.amount == Decimal(string: "199.00"))
        #expect(first.available)
        #expect(!products[1].available)
        #expect(first.description == "It's the small iPod & more")
        #expect(first.url == "https://jsmith.myshopify.com/products/p-632910392")
        #expect(first.imageURL?.hasPrefix("https://cdn.shopify.com/") == true)
        let second = try #require(server.requests.last)
        // Only limit and fields go with page_info, and the link's foreign host is not followed.
        #expect(second.path == "/admin/api/2025-07/products.json")
        #expect(second.queryValue("page_info") == "abc123")
        #expect(second.queryValue("status") == nil)
        #expect(second.queryItems.map(\.name).sorted() == ["fields", "limit", "page_info"])
    }

    @Test func productPagingStopsAtTheConfiguredCap() async throws {
        let stub = ShopifyStub()
        let server = try StubHTTPServer(handler: stub.handle)
        defer { server.stop() }
        let shopify = try ShopifyAdapter(
            configuration: .init(shop: "jsmith.myshopify.com", baseURL: server.baseURLString, maxProducts: 1),
            accessToken: TestSupport.secret, client: TestSupport.client())
        #expect(try await shopify.products().count == 1)
        #expect(server.requests.count == 1)
    }

    @Test func publicCouponsComeFromRunningPriceRulesForEveryone() async throws {
        let stub = ShopifyStub()
        let server = try StubHTTPServer(handler: stub.handle)
        defer { server.stop() }
        let shopify = try Self.adapter(server)
        let coupons = try await shopify.publicCoupons()
        #expect(coupons.map(\.code) == ["SUMMER15"])
        #expect(coupons.first?.description == "15% off")
        #expect(coupons.first?.minimumSubtotal == Money(50, currency: "USD"))
        #expect(coupons.first?.isPublic == true)
        #expect(try await shopify.coupons(email: "bob.norman@mail.example.com").isEmpty)
    }

    @Test func customerByEmail() async throws {
        let stub = ShopifyStub()
        let server = try StubHTTPServer(handler: stub.handle)
        defer { server.stop() }
        let shopify = try Self.adapter(server)
        let customer = try #require(try await shopify.customer(email: "bob.norman@mail.example.com"))
        #expect(customer.id == "207119551")
        #expect(customer.firstName == "Bob")
        #expect(try await shopify.customer(email: "nobody@example.com") == nil)
    }

    @Test func misconfigurationSaysWhatToFix() throws {
        let client = TestSupport.client()
        #expect(throws: IntegrationError.self) { try ShopifyAdapter.fromEnvironment(.init(shop: "my-shop"), client: client, environment: [:]) }
        do {
            _ = try ShopifyAdapter.fromEnvironment(.init(shop: "my-shop"), client: client, environment: ["SHOPIFY_ACCESS_TOKEN": "  "])
        } catch {
            #expect(error.description == "Shopify needs an Admin API access token: set SHOPIFY_ACCESS_TOKEN (the variable named by integrations.shopify.token_env).")
        }
        do {
            _ = try ShopifyAdapter(shop: "my shop!", accessToken: "x", client: client)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "integrations.shopify.shop must look like my-shop or my-shop.myshopify.com")
        }
        #expect(throws: IntegrationError.self) { try ShopifyAdapter(shop: "my-shop", apiVersion: "2025-05", accessToken: "x", client: client) }
        let fromEnv = try ShopifyAdapter.fromEnvironment(
            .init(shop: "https://my-shop.myshopify.com/", tokenVariable: "MY_TOKEN"), client: client, environment: ["MY_TOKEN": "shpat_1"])
        #expect(fromEnv.configuration.tokenVariable == "MY_TOKEN")
    }
}

import Foundation
import StewardTesting
import Testing

/// Shopify, Zendesk and Gorgias stand-ins speaking the APIs' request and response shapes.
final class ShopStubs: Sendable {
    let zendeskDown = LockedFlag()
    let zendeskTickets = LockedCounter()
    let gorgiasTickets = LockedCounter()

    static let order = """
        {"id": 450789469, "name": "#1001", "order_number": 1001, "email": "bob@example.com", "contact_email": "bob@example.com",
         "created_at": "2026-11-20T11:00:00-05:00", "processed_at": "2026-11-20T11:00:00-05:00", "cancelled_at": null,
         "cancel_reason": null, "closed_at": null, "financial_status": "paid", "fulfillment_status": "fulfilled", "currency": "USD",
         "total_price": "199.00", "tags": "vip, gift", "customer": {"id": 207119551, "email": "bob@example.com"},
         "line_items": [{"id": 466157049, "title": "IPod Nano - 8gb", "variant_title": "green", "sku": "IPOD2008GREEN",
           "quantity": 1, "price": "199.00", "product_id": 632910392}],
         "fulfillments": [{"id": 255858046, "order_id": 450789469, "status": "success", "shipment_status": "in_transit",
           "tracking_company": "USPS", "tracking_number": "9400111899223817405521",
           "tracking_url": "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223817405521",
           "created_at": "2026-11-21T11:29:59-05:00", "updated_at": "2026-11-21T11:29:59-05:00"}],
         "shipping_address": null, "unknown_field": [1, 2]}
        """

    func shopify(_ request: StubRequest) -> StubResponse {
        guard request.headers["X-Shopify-Access-Token"] == "shpat_test" else {
            return .json(#"{"errors":"[API] Invalid API key or access token"}"#, status: 401)
        }
        if request.method == "GET", request.path == "/admin/api/2025-07/orders.json",
            request.queryValue("name") == "#1001", request.queryValue("status") == "any"
        {
            return .json(#"{"orders":[\#(Self.order)]}"#, headers: [("X-Shopify-Shop-Api-Call-Limit", "1/40")])
        }
        if request.path == "/admin/api/2025-07/orders.json" { return .json(#"{"orders":[]}"#) }
        return .json(#"{"errors":"Not Found"}"#, status: 404)
    }

    func zendesk(_ request: StubRequest) -> StubResponse {
        guard request.headers["Authorization"]?.hasPrefix("Basic ") == true else { return .json(#"{"error":"Couldn't authenticate you"}"#, status: 401) }
        if zendeskDown.value { return .json(#"{"error":"Service Unavailable"}"#, status: 503) }
        switch (request.method, request.path) {
        case ("GET", "/api/v2/tickets.json"):
            return .json(#"{"tickets":[],"next_page":null,"previous_page":null,"count":0}"#)
        case ("POST", "/api/v2/tickets.json"):
            let ticket = (request.jsonObject as? [String: Any])?["ticket"] as? [String: Any] ?? [:]
            let body = (ticket["comment"] as? [String: Any])?["body"] as? String ?? ""
            guard body.contains("Transcript:"), ticket["external_id"] is String else {
                return .json(#"{"error":"RecordInvalid","description":"Record validation errors"}"#, status: 422)
            }
            let id = zendeskTickets.increment()
            return .json(#"{"ticket":{"id":\#(id),"url":"https://acme.zendesk.com/api/v2/tickets/\#(id).json","external_id":"\#(ticket["external_id"]!)","status":"new","tags":["steward"]}}"#, status: 201)
        default:
            return .json(#"{"error":"RecordNotFound"}"#, status: 404)
        }
    }

    func gorgias(_ request: StubRequest) -> StubResponse {
        guard request.headers["Authorization"]?.hasPrefix("Basic ") == true else { return .json(#"{"error":{"msg":"Unauthorized"}}"#, status: 401) }
        switch (request.method, request.path) {
        case ("GET", "/api/tickets"):
            return .json(#"{"data":[],"object":"list","uri":"/api/tickets","meta":{"prev_cursor":null,"next_cursor":null}}"#)
        case ("POST", "/api/tickets"):
            let id = gorgiasTickets.increment()
            return .json(#"{"id":\#(id),"uri":"/api/tickets/\#(id)/","external_id":"x","status":"open","tags":[{"id":1,"name":"steward","decoration":null}],"created_datetime":"2026-11-23T16:29:59.186726"}"#, status: 201)
        default:
            return .json(#"{"error":{"msg":"Resource not found."}}"#, status: 404)
        }
    }
}

final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    var value: Bool {
        get { lock.withLock { flag } }
        set { lock.withLock { flag = newValue } }
    }
}

final class LockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() -> Int { lock.withLock { count += 1; return count } }
}

@Suite struct IntegrationsEndToEndTests {
    func config(_ body: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("steward-\(UUID().uuidString).yaml").path
        try body.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    let environment = ["SHOPIFY_ACCESS_TOKEN": "shpat_test", "ZENDESK_API_TOKEN": "zd_test", "GORGIAS_API_KEY": "gg_test"]

    @Test func anOrderIsTrackedFromShopifyAndTheHandoffDeliveredToZendeskThenAfterA503() throws {
        let stubs = ShopStubs()
        let shopify = try StubHTTPServer { stubs.shopify($0) }
        let zendesk = try StubHTTPServer { stubs.zendesk($0) }
        defer { shopify.stop(); zendesk.stop() }
        let file = try config("""
            integrations:
              shopify: {shop: acme, base_url: "\(shopify.baseURLString)"}
              zendesk: {subdomain: acme, email: agent@acme.example, base_url: "\(zendesk.baseURLString)"}
            handoff: {helpdesk: zendesk}
            """)
        let db = temporaryDatabase()
        let input = [
            #"{"session": "z1", "id": "1", "text": "where is my order #1001", "customer": {"email": "bob@example.com", "authenticated": true}}"#,
            #"{"session": "z1", "id": "2", "text": "talk to a human"}"#,
            #"{"session": "z1", "id": "3", "action": "handoff:yes"}"#,
        ]
        let run = try StewardProcess.run(
            ["pipe", "--config", file, "--db", db], input: Data((input.joined(separator: "\n") + "\n").utf8),
            environment: environment)
        let replies = try run.json()
        #expect(replies.first?["skill"] as? String == "order_tracking")
        #expect((replies.first?["text"] as? String)?.contains("9400111899223817405521") == true)
        #expect(replies.last?["outcome"] as? String == "handoff")
        #expect(stubs.zendeskTickets.value == 1)
        #expect(!run.stderr.contains("shpat_test") && !run.stderr.contains("zd_test"))

        // Zendesk down: the next ticket waits in the outbox…
        stubs.zendeskDown.value = true
        let second = try StewardProcess.run(
            ["pipe", "--config", file, "--db", db],
            input: Data((#"{"session": "z2", "text": "talk to a human", "channel": "sms", "customer": {"email": "sam@example.com", "authenticated": true}}"# + "\n").utf8),
            environment: environment)
        #expect(try second.json().first?["outcome"] as? String == "handoff")
        let pending = try StewardProcess.run(["tickets", "list", "--pending", "--db", db], lines: [])
        #expect(pending.stdout.contains("zendesk"))
        #expect(pending.stdout.contains("talk to a human"))
        #expect(stubs.zendeskTickets.value == 1)
        // …and is delivered, once, by a later process when Zendesk is back.
        stubs.zendeskDown.value = false
        Thread.sleep(forTimeInterval: 2.5)
        _ = try StewardProcess.run(["pipe", "--config", file, "--db", db], input: Data(), environment: environment)
        #expect(stubs.zendeskTickets.value == 2)
        let after = try StewardProcess.run(["tickets", "list", "--pending", "--db", db], lines: [])
        #expect(after.stdout.contains("No ticket is waiting"))
    }

    @Test func aHandoffIsDeliveredToGorgias() throws {
        let stubs = ShopStubs()
        let gorgias = try StubHTTPServer { stubs.gorgias($0) }
        defer { gorgias.stop() }
        let file = try config("""
            integrations:
              gorgias: {domain: acme, username: agent@acme.example, base_url: "\(gorgias.baseURLString)"}
            handoff: {helpdesk: gorgias}
            """)
        let run = try StewardProcess.run(
            ["pipe", "--config", file, "--db", temporaryDatabase()],
            input: Data((#"{"session": "g", "text": "i need a real person", "channel": "email", "customer": {"email": "gail@example.com", "authenticated": true}}"# + "\n").utf8),
            environment: environment)
        #expect(try run.json().first?["outcome"] as? String == "handoff")
        #expect(stubs.gorgiasTickets.value == 1)
        let post = try #require(gorgias.requests.first { $0.method == "POST" })
        #expect(post.bodyText.contains("i need a real person"))
    }

    @Test func aMissingSecretStopsStartUpNamingTheVariable() throws {
        let file = try config("integrations:\n  shopify: {shop: acme}\n")
        let run = try StewardProcess.run(["pipe", "--config", file], input: Data(), environment: ["SHOPIFY_ACCESS_TOKEN": ""])
        #expect(run.status != 0)
        #expect(run.stderr.contains("SHOPIFY_ACCESS_TOKEN"))
    }
}

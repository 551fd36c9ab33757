import Foundation
import StewardTesting

/// A stateful stand-in for the Shopify REST Admin API (2025-07) speaking the contract's shapes.
///
/// Orders: `#1001` (Bob, shipped with USPS tracking), `#1002` (older than 60 days: hidden unless
/// `readAllOrders`), `#1003` (email hidden: null PII), `#1004` (unfulfilled, cancellable).
final class ShopifyStub: Sendable {
    static let version = "2025-07"
    static let prefix = "/admin/api/2025-07"

    struct State: Sendable {
        var cancelled: [String: String] = [:]  // order id -> cancelled_at
        var cancelCalls = 0
        var readAllOrders = false
    }

    let state = StubState(State())

    /// The order JSON in the contract's fixture shape, plus unknown keys.
    static func order(
        id: Int, name: String, email: String?, createdAt: String = "2025-07-01T11:00:00-05:00", cancelledAt: String? = nil,
        fulfilled: Bool = true
    ) -> String {
        let emailJSON = email.map { "\"\($0)\"" } ?? "null"
        let cancelled = cancelledAt.map { "\"\($0)\"" } ?? "null"
        let fulfillments = fulfilled ? """
            [{"id": 255858046, "order_id": \(id), "name": "\(name).0", "status": "success", "shipment_status": "in_transit",
              "tracking_company": "USPS", "tracking_number": "1Z1234512345123456", "tracking_numbers": ["1Z1234512345123456"],
              "tracking_url": "https://tools.usps.com/go/TrackConfirmAction_input?qtc_tLabels1=1Z1234512345123456",
              "tracking_urls": ["https://tools.usps.com/go/TrackConfirmAction_input?qtc_tLabels1=1Z1234512345123456"],
              "created_at": "2025-07-02T11:29:59-05:00", "updated_at": "2025-07-02T11:29:59-05:00",
              "line_items": [{"id": 466157049, "title": "IPod Nano - 8gb", "quantity": 1}], "brand_new_key": {"x": 1}}]
            """ : "[]"
        let customer = email.map { #"{"id": 207119551, "email": "\#($0)", "first_name": "Bob", "last_name": "Norman", "phone": "+16136120707"}"# } ?? "null"
        let address = email == nil ? "null" : """
            {"first_name": "Bob", "last_name": "Norman", "name": "Bob Norman", "address1": "Chestnut Street 92", "address2": "",
             "city": "Louisville", "province": "Kentucky", "province_code": "KY", "zip": "40202", "country": "United States",
             "country_code": "US", "phone": "+1(502)-459-2181", "company": null, "latitude": 45.41634, "longitude": -75.6868}
            """
        return """
            {"id": \(id), "admin_graphql_api_id": "gid://shopify/Order/\(id)", "name": "\(name)",
             "order_number": \(name.dropFirst()), "email": \(emailJSON), "contact_email": \(emailJSON),
             "created_at": "\(createdAt)", "processed_at": "\(createdAt)", "cancelled_at": \(cancelled),
             "cancel_reason": \(cancelledAt == nil ? "null" : "\"customer\""), "closed_at": null,
             "financial_status": "paid", "fulfillment_status": \(fulfilled ? "\"fulfilled\"" : "null"), "currency": "USD",
             "total_price": "598.94", "current_total_price": "199.65",
             "order_status_url": "https://jsmith.myshopify.com/548380009/orders/b1946ac92492d2347c6235b4d2611184/authenticate?key=imasecretipod",
             "tags": "vip, gift", "customer": \(customer),
             "line_items": [{"id": 466157049, "title": "IPod Nano - 8gb", "variant_title": "green", "name": "IPod Nano - 8gb - green",
               "sku": "IPOD2008GREEN", "quantity": 1, "current_quantity": 0, "fulfillable_quantity": 0, "fulfillment_status": null,
               "price": "199.00", "product_id": 632910392, "variant_id": 39072856, "tax_lines": []}],
             "fulfillments": \(fulfillments), "shipping_address": \(address), "an_unknown_field": [1, 2, 3]}
            """
    }

    /// All orders by name, with the current cancel state.
    func orders() -> [String: (id: Int, json: String)] {
        let current = state.value
        func cancelledAt(_ id: Int) -> String? { current.cancelled[String(id)] }
        var all: [String: (Int, String)] = [
            "#1001": (450789469, Self.order(id: 450789469, name: "#1001", email: "bob.norman@mail.example.com")),
            "#1003": (450789471, Self.order(id: 450789471, name: "#1003", email: nil)),
            "#1004": (450789472, Self.order(
                id: 450789472, name: "#1004", email: "bob.norman@mail.example.com", createdAt: "2025-07-03T09:00:00-05:00",
                cancelledAt: cancelledAt(450789472), fulfilled: false)),
        ]
        if current.readAllOrders {
            all["#1002"] = (450789470, Self.order(id: 450789470, name: "#1002", email: "bob.norman@mail.example.com", createdAt: "2024-01-10T11:00:00-05:00"))
        }
        return all.mapValues { (id: $0.0, json: $0.1) }
    }

    func handle(_ request: StubRequest) -> StubResponse {
        guard request.headers["X-Shopify-Access-Token"] != nil else { return .json(#"{"errors":"[API] Invalid API key or access token"}"#, status: 401) }
        let path = request.path
        let limit = [("X-Shopify-Shop-Api-Call-Limit", "1/40")]
        switch (request.method, path) {
        case ("GET", Self.prefix + "/orders.json"):
            // Contract: status defaults to open; our adapter must send status=any.
            guard request.queryValue("status") == "any" else { return .json(#"{"orders":[]}"#, headers: limit) }
            var name = request.queryValue("name") ?? ""
            if !name.hasPrefix("#") { name = "#" + name }
            let found = orders()[name].map { [$0.json] } ?? []
            return .json(#"{"orders":[\#(found.joined(separator: ","))]}"#, headers: limit)
        case ("GET", Self.prefix + "/customers/search.json"):
            guard request.queryValue("query") == "email:bob.norman@mail.example.com" else { return .json(#"{"customers":[]}"#) }
            return .json(##"{"customers":[{"id":207119551,"email":"bob.norman@mail.example.com","first_name":"Bob","last_name":"Norman","phone":null,"orders_count":2,"last_order_id":450789469,"last_order_name":"#1001","tags":"","new_field":true}]}"##)
        case ("GET", Self.prefix + "/customers/207119551/orders.json"):
            let all = orders().filter { $0.key != "#1003" }.map(\.value.json)
            return .json(#"{"orders":[\#(all.joined(separator: ","))]}"#)
        case ("POST", _) where path.hasPrefix(Self.prefix + "/orders/") && path.hasSuffix("/cancel.json"):
            let id = String(path.dropFirst((Self.prefix + "/orders/").count).dropLast("/cancel.json".count))
            let already = state.withLock { state -> Bool in
                state.cancelCalls += 1
                if state.cancelled[id] != nil { return true }
                state.cancelled[id] = "2025-07-04T11:31:25-05:00"
                return false
            }
            if already { return .json(#"{"error":"Order has already been cancelled"}"#, status: 422) }
            guard let order = orders().values.first(where: { String($0.id) == id }) else { return .json(#"{"errors":"Not Found"}"#, status: 404) }
            return .json(#"{"order":\#(order.json)}"#)
        case ("GET", _) where path.hasPrefix(Self.prefix + "/orders/") && path.hasSuffix(".json"):
            let id = String(path.dropFirst((Self.prefix + "/orders/").count).dropLast(".json".count))
            guard let order = orders().values.first(where: { String($0.id) == id }) else { return .json(#"{"errors":"Not Found"}"#, status: 404) }
            return .json(#"{"order":\#(order.json)}"#)
        case ("GET", Self.prefix + "/products.json"):
            let page = request.queryValue("page_info")
            let product = { (id: Int, title: String, price: String, quantity: Int) in
                """
                {"id": \(id), "title": "\(title)", "handle": "p-\(id)", "body_html": "<p>It's the <b>small</b> iPod &amp; more</p>",
                 "vendor": "Apple", "product_type": "Cult Products", "tags": "Emotive, Flash Memory, MP3, Music", "status": "active",
                 "published_at": "2007-12-31T19:00:00-05:00",
                 "variants": [{"id": 808950810, "product_id": \(id), "title": "Pink", "price": "\(price)", "compare_at_price": null,
                   "sku": "IPOD2008PINK", "inventory_quantity": \(quantity), "inventory_management": "shopify", "option1": "Pink"},
                   {"id": 808950811, "product_id": \(id), "title": "Blue", "price": 249.5, "inventory_quantity": 0, "inventory_management": "shopify"}],
                 "images": [{"id": 850703190, "product_id": \(id), "position": 1, "alt": null, "width": 123, "height": 456,
                   "src": "https://cdn.shopify.com/s/files/1/0005/4838/0009/products/ipod-nano.png?v=1735835399", "variant_ids": []}],
                 "image": {"id": 850703190, "src": "https://cdn.shopify.com/s/files/1/0005/4838/0009/products/ipod-nano.png?v=1735835399"}}
                """
            }
            if page == nil {
                let next = "<https://elsewhere.example/admin/api/2025-07/products.json?limit=250&page_info=abc123>; rel=\"next\""
                return .json(#"{"products":[\#(product(632910392, "IPod Nano - 8GB", "199.00", 10))]}"#, headers: [("Link", next)])
            }
            let previous = "<https://elsewhere.example/admin/api/2025-07/products.json?limit=250&page_info=zzz>; rel=\"previous\""
            return .json(#"{"products":[\#(product(632910393, "IPod Shuffle", "49.00", 0))]}"#, headers: [("Link", previous)])
        case ("GET", Self.prefix + "/price_rules.json"):
            return .json("""
                {"price_rules": [
                  {"id": 507328175, "value_type": "percentage", "value": "-15.0", "customer_selection": "all", "target_type": "line_item",
                   "target_selection": "all", "allocation_method": "across", "once_per_customer": false, "usage_limit": null,
                   "starts_at": "2017-01-19T17:59:10Z", "ends_at": null, "title": "SUMMER15", "prerequisite_subtotal_range": {"greater_than_or_equal_to": "50.0"},
                   "admin_graphql_api_id": "gid://shopify/PriceRule/507328175"},
                  {"id": 507328176, "value_type": "fixed_amount", "value": "-10.0", "customer_selection": "prerequisite", "target_type": "line_item",
                   "target_selection": "all", "starts_at": "2017-01-19T17:59:10Z", "title": "VIPONLY"},
                  {"id": 507328177, "value_type": "fixed_amount", "value": "-10.0", "customer_selection": "all", "target_type": "line_item",
                   "target_selection": "all", "starts_at": "2017-01-19T17:59:10Z", "ends_at": "2018-01-01T00:00:00Z", "title": "EXPIRED"}
                ]}
                """)
        case ("GET", Self.prefix + "/price_rules/507328175/discount_codes.json"):
            return .json(#"{"discount_codes":[{"id":1057371196,"price_rule_id":507328175,"code":"SUMMER15","usage_count":0,"created_at":"2025-07-02T11:29:59-05:00","updated_at":"2025-07-02T11:29:59-05:00"}]}"#)
        default:
            return .json(#"{"errors":"Not Found"}"#, status: 404)
        }
    }
}

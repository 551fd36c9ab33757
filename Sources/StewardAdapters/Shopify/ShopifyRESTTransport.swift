import Foundation
import StewardCore
import StewardHTTP

/// ``ShopifyTransport`` over the REST Admin API (`/admin/api/{version}/…json`), per api-contracts.md §1.
struct ShopifyRESTTransport: ShopifyTransport {
    let endpoint: ServiceEndpoint
    /// The currency for product prices (REST products carry none).
    let currency: String
    /// The storefront origin for product links, without a trailing slash.
    let storefrontURL: String

    /// The most customers searched for one email before their orders are read.
    static let maxCustomersPerEmail = 5
    /// The most product pages followed through `Link: rel="next"`.
    static let maxProductPages = 10

    func orders(named name: String) async throws -> [Order] {
        // `status=any`: without it Shopify returns open orders only (contract §1.2).
        let list = try await endpoint.get(ShopifyREST.OrderList.self, "orders.json", query: [("name", name), ("status", "any")])
        return list.orders.map(ShopifyREST.order)
    }

    func order(id: String) async throws -> Order? {
        try await endpoint.getIfFound(ShopifyREST.OrderEnvelope.self, "orders/\(ServiceEndpoint.encode(id)).json")
            .map { ShopifyREST.order($0.order) }
    }

    func orders(customerEmail: String) async throws -> [Order] {
        // REST has no documented email filter on orders.json: find the customer, then their orders (§1.3).
        let customers = try await customerRecords(email: customerEmail).prefix(Self.maxCustomersPerEmail)
        var seen = Set<String>()
        var result: [Order] = []
        for customer in customers {
            let list = try await endpoint.get(
                ShopifyREST.OrderList.self, "customers/\(ServiceEndpoint.encode(customer.id.value))/orders.json",
                query: [("status", "any"), ("limit", "250")])
            for order in list.orders.map(ShopifyREST.order) where seen.insert(order.id).inserted {
                result.append(order)
            }
        }
        return result
    }

    func cancel(orderID: String, reason: ShopifyCancelReason) async throws -> Order {
        // Top-level params: a body wrapped in {"order": …} is silently ignored (§1.5).
        struct Body: Encodable, Sendable {
            var reason: String
            var email: Bool
            var restock: Bool
        }
        let response = try await endpoint.send(
            .post, "orders/\(ServiceEndpoint.encode(orderID))/cancel.json",
            body: Body(reason: reason.rawValue, email: true, restock: true))
        return ShopifyREST.order(try endpoint.decode(ShopifyREST.OrderEnvelope.self, from: response).order)
    }

    func customers(email: String) async throws -> [CustomerProfile] {
        try await customerRecords(email: email).map { ShopifyREST.customer($0, queriedEmail: email) }
    }

    /// Customers whose email is this one; a customer whose email is hidden (null) is kept, since
    /// the search matched it on that email.
    private func customerRecords(email: String) async throws -> [ShopifyREST.CustomerDTO] {
        let list = try await endpoint.get(ShopifyREST.CustomerList.self, "customers/search.json", query: [("query", "email:\(email)")])
        return list.customers.filter { customer in
            customer.email.map { $0.caseInsensitiveCompare(email) == .orderedSame } ?? true
        }
    }

    func products(limit: Int) async throws -> [Product] {
        let fields = "id,title,handle,body_html,vendor,product_type,tags,status,variants,images,image"
        let pageSize = String(min(250, max(1, limit)))
        var query = [("limit", pageSize), ("status", "active"), ("fields", fields)]
        var products: [Product] = []
        for _ in 0..<Self.maxProductPages {
            let response = try await endpoint.send(.get, "products.json", query: query)
            let page = try endpoint.decode(ShopifyREST.ProductList.self, from: response)
            products += page.products
                .filter { ($0.status ?? "active") == "active" }
                .map { ShopifyREST.product($0, currency: currency, storefrontURL: storefrontURL) }
            guard products.count < limit, let pageInfo = Self.nextPageInfo(response.headers["Link"]) else { break }
            // With page_info only limit and fields may be sent (§1.1). Rebuilt on our own base URL so
            // the token never follows a link to another host.
            query = [("limit", pageSize), ("fields", fields), ("page_info", pageInfo)]
        }
        return Array(products.prefix(limit))
    }

    /// The `page_info` of the `rel="next"` link in a `Link` header, if any.
    static func nextPageInfo(_ header: String?) -> String? {
        guard let header else { return nil }
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let target = pieces.first, target.hasPrefix("<"), target.hasSuffix(">"),
                pieces.dropFirst().contains(where: { $0.replacingOccurrences(of: " ", with: "").lowercased() == "rel=\"next\"" || $0.lowercased() == "rel=next" }),
                let components = URLComponents(string: String(target.dropFirst().dropLast())),
                let value = components.queryItems?.first(where: { $0.name == "page_info" })?.value, !value.isEmpty
            else { continue }
            return value
        }
        return nil
    }

    func publicCoupons(at date: Date, ruleLimit: Int) async throws -> [Coupon] {
        let rules = try await endpoint.get(ShopifyREST.PriceRuleList.self, "price_rules.json", query: [("limit", "250")])
            .priceRules.filter { ShopifyREST.isPublic($0, at: date) }.prefix(ruleLimit)
        return try await codes(of: Array(rules), email: nil)
    }

    func reservedCoupons(customerIDs: Set<String>, email: String, at date: Date, ruleLimit: Int) async throws -> [Coupon] {
        guard !customerIDs.isEmpty else { return [] }
        let rules = try await endpoint.get(ShopifyREST.PriceRuleList.self, "price_rules.json", query: [("limit", "250")])
            .priceRules.filter { ShopifyREST.isReserved($0, for: customerIDs, at: date) }.prefix(ruleLimit)
        return try await codes(of: Array(rules), email: email)
    }

    /// The usable codes of these discounts (`GET /price_rules/{id}/discount_codes.json` each), in rule order.
    private func codes(of rules: [ShopifyREST.PriceRuleDTO], email: String?) async throws -> [Coupon] {
        let endpoint = self.endpoint
        let currency = self.currency
        return try await withThrowingTaskGroup(of: (Int, [Coupon]).self) { group in
            for (index, rule) in rules.enumerated() {
                group.addTask {
                    let codes = try await endpoint.get(
                        ShopifyREST.DiscountCodeList.self, "price_rules/\(ServiceEndpoint.encode(rule.id.value))/discount_codes.json")
                    return (index, codes.discountCodes.compactMap { ShopifyREST.coupon(code: $0, rule: rule, currency: currency, email: email) })
                }
            }
            var byRule: [(Int, [Coupon])] = []
            for try await result in group { byRule.append(result) }
            return byRule.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }
}

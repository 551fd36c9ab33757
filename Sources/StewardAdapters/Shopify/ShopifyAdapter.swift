import Foundation
import Logging
import StewardCore
import StewardHTTP

/// Orders, products, public discount codes and customers from a Shopify store (Admin API).
///
/// ```swift
/// let shopify = try ShopifyAdapter.fromEnvironment(.init(shop: "my-shop"), client: client)
/// let order = try await shopify.order(number: "#1001")   // nil when there is none
/// ```
///
/// Lookups send `status=any` so closed and cancelled orders are found. Orders older than 60 days
/// are invisible without the `read_all_orders` scope and come back as `nil`. Customer data may be
/// hidden (null) for apps without protected-customer-data access: ``Order/email`` is then `nil`
/// and ``Order/belongs(to:)`` is false, which the skills treat as "not found". The identity check
/// stays with the skill.
///
/// Errors: ``HTTPClientError`` for transport and decoding failures (credentials scrubbed),
/// ``ToolError`` for an order that cannot be cancelled, ``IntegrationError`` at construction.
public struct ShopifyAdapter: OrderProvider, ProductCatalog, CouponProvider, CustomerDirectory {
    /// The configuration the adapter was created with.
    public let configuration: Configuration
    let transport: any ShopifyTransport

    /// Creates an adapter with the token given directly.
    ///
    /// - Parameters:
    ///   - configuration: The shop, API version and limits.
    ///   - accessToken: The Admin API access token; never logged or put in errors.
    ///   - client: The shared HTTP client (its timeouts and retry policy apply).
    ///   - logger: Where API deprecation notices go.
    /// - Throws: ``IntegrationError`` when the token is empty or a setting is malformed.
    public init(
        configuration: Configuration, accessToken: String, client: HTTPClient,
        logger: Logger = Logger(label: "steward.adapters.shopify")
    ) throws(IntegrationError) {
        let token = try Secret.given(
            accessToken, integration: "Shopify", secret: "an Admin API access token", variable: configuration.tokenVariable,
            setting: "integrations.shopify.token_env")
        let (apiRoot, storefront) = try configuration.resolved()
        let endpoint = ServiceEndpoint(
            service: "shopify", baseURL: apiRoot,
            headers: ["X-Shopify-Access-Token": token.value, "Accept": "application/json"],
            secrets: [token.value], client: client, logger: logger)
        self.configuration = configuration
        transport = ShopifyRESTTransport(endpoint: endpoint, currency: configuration.currency, storefrontURL: storefront)
    }

    /// Creates an adapter for `shop` with the token given directly.
    ///
    /// - Parameters:
    ///   - shop: `my-shop` or `my-shop.myshopify.com`.
    ///   - apiVersion: The Admin API version; `2025-07`.
    ///   - accessToken: The Admin API access token.
    ///   - client: The shared HTTP client.
    ///   - baseURL: An origin replacing `https://{shop}.myshopify.com` (proxy, sandbox, tests).
    /// - Throws: ``IntegrationError`` when the token is empty or a setting is malformed.
    public init(
        shop: String, apiVersion: String = "2025-07", accessToken: String, client: HTTPClient, baseURL: String? = nil
    ) throws(IntegrationError) {
        try self.init(
            configuration: Configuration(shop: shop, apiVersion: apiVersion, baseURL: baseURL), accessToken: accessToken,
            client: client)
    }

    /// Creates an adapter whose token is read from the variable named by ``Configuration/tokenVariable``.
    ///
    /// - Parameters:
    ///   - configuration: The shop, API version, token variable and limits.
    ///   - client: The shared HTTP client.
    ///   - environment: The environment to read; the process's by default.
    ///   - logger: Where API deprecation notices go.
    /// - Throws: ``IntegrationError`` naming the variable to set when the token is missing.
    public static func fromEnvironment(
        _ configuration: Configuration, client: HTTPClient,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        logger: Logger = Logger(label: "steward.adapters.shopify")
    ) throws(IntegrationError) -> ShopifyAdapter {
        let token = try Secret.fromEnvironment(
            configuration.tokenVariable, environment: environment, integration: "Shopify",
            secret: "an Admin API access token", setting: "integrations.shopify.token_env")
        return try ShopifyAdapter(configuration: configuration, accessToken: token.value, client: client, logger: logger)
    }

    init(configuration: Configuration, transport: any ShopifyTransport) {
        self.configuration = configuration
        self.transport = transport
    }

    // MARK: OrderProvider

    /// The order named `#number` (`"1001"` and `"#1001"` both work), in any status, or `nil`.
    ///
    /// Only an exact name match counts, so `#1001` never returns `#10010`.
    public func order(number: String) async throws -> Order? {
        let wanted = Self.normalize(number)
        guard !wanted.isEmpty else { return nil }
        let candidates = try await transport.orders(named: "#" + wanted)
        return candidates.first { $0.number.caseInsensitiveCompare(wanted) == .orderedSame }
    }

    /// The orders of the customer with this email, newest first (empty when there is no such customer).
    public func orders(email: String) async throws -> [Order] {
        let trimmed = email.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        return try await transport.orders(customerEmail: trimmed).sorted { $0.createdAt > $1.createdAt }
    }

    /// Cancels an unshipped order (restocking it and emailing the customer) and returns it as it is now.
    ///
    /// At most once (``SideEffect``): an order that is already cancelled (`cancelled_at` set) is returned as
    /// is. When the cancel fails in a way that leaves its outcome unknown (timeout, dropped connection, 5xx,
    /// an unreadable 2xx) or with a 422 that may mean "already cancelled", the order is read again
    /// (`GET /orders/{id}.json`, api-contracts.md §1.5) and returned if it is cancelled now. Otherwise the
    /// cancel is **not** sent again: a slow Shopify may still be cancelling it.
    ///
    /// - Parameters:
    ///   - orderNumber: `"1001"` or `"#1001"`.
    ///   - reason: Shopify's `customer`, `fraud`, `inventory`, `declined` or `other`; other text means `customer`.
    /// - Throws: ``ToolError/notFound(_:)``; ``ToolError/notAllowed(_:)`` when it shipped or is closed;
    ///   ``ActionFailure/notDone(action:reason:)`` when Shopify refused for now (429/503) or was not reached,
    ///   ``ActionFailure/refused(action:reason:)`` for a 4xx refusal (e.g. a missing scope), and
    ///   ``ActionFailure/unconfirmed(action:reason:)`` when the outcome is unknown and the re-read did not show it.
    public func cancel(orderNumber: String, reason: String) async throws -> Order {
        let wanted = Self.normalize(orderNumber)
        guard let order = try await order(number: wanted) else { throw ToolError.notFound("Order #\(wanted)") }
        if order.status == .cancelled { return order }
        guard order.status == .open, order.fulfillmentStatus == .unfulfilled, order.fulfillments.isEmpty else {
            throw ToolError.notAllowed("Order \(order.name) has already shipped or is closed and cannot be cancelled.")
        }
        let transport = self.transport
        let action = "cancel order \(order.name)"
        do {
            return try await SideEffect.perform(
                action: action,
                confirm: { try await transport.order(id: order.id).flatMap { $0.status == .cancelled ? $0 : nil } },
                act: { try await transport.cancel(orderID: order.id, reason: ShopifyCancelReason(text: reason)) })
        } catch {
            throw SideEffect.reported(error, action: action)
        }
    }

    // MARK: ProductCatalog

    /// Active products, at most ``Configuration/maxProducts``, following `Link` pagination.
    public func products() async throws -> [Product] {
        try await transport.products(limit: max(1, configuration.maxProducts))
    }

    // MARK: CouponProvider

    /// The codes of discounts that apply to all customers and are running now.
    public func publicCoupons() async throws -> [Coupon] {
        try await transport.publicCoupons(at: Date(), ruleLimit: max(1, configuration.maxPriceRules))
    }

    /// The codes of running discounts limited to the Shopify customer with this email
    /// (`customer_selection: "prerequisite"` with their id in `prerequisite_customer_ids`); empty
    /// when there is no such customer.
    ///
    /// Reads `GET /customers/search.json?query=email:…`, `GET /price_rules.json` and each matching
    /// rule's `discount_codes.json` (api-contracts.md §1.7; `prerequisite_customer_ids` is from
    /// Shopify's PriceRule resource and not in the notes, so it is read leniently).
    public func coupons(email: String) async throws -> [Coupon] {
        let trimmed = email.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        let customers = try await transport.customers(email: trimmed)
        guard !customers.isEmpty else { return [] }
        return try await transport.reservedCoupons(
            customerIDs: Set(customers.map(\.id)), email: customers.first?.email ?? trimmed, at: Date(),
            ruleLimit: max(1, configuration.maxPriceRules))
    }

    // MARK: CustomerDirectory

    /// The Shopify customer with this email, or `nil`.
    public func customer(email: String) async throws -> CustomerProfile? {
        let trimmed = email.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        return try await transport.customers(email: trimmed).first
    }

    /// `"#1001"` → `"1001"`, whitespace trimmed.
    static func normalize(_ number: String) -> String {
        var text = number.trimmingCharacters(in: .whitespaces)
        while text.hasPrefix("#") { text.removeFirst() }
        return text.trimmingCharacters(in: .whitespaces)
    }
}

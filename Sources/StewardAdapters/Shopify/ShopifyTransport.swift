import Foundation
import StewardCore

/// The calls ``ShopifyAdapter`` makes, independent of the API flavour.
///
/// Today ``ShopifyRESTTransport`` implements it over the REST Admin API. Shopify classed REST as
/// legacy in October 2024, so a GraphQL transport can replace it without touching the adapter's
/// policy (name matching, cancel safety, coupon filtering). Implementations return Core models
/// and throw ``HTTPClientError`` (or ``ToolError``) on failure.
protocol ShopifyTransport: Sendable {
    /// Orders whose name matches `name` (e.g. `#1001`), in any status (open, closed, cancelled).
    func orders(named name: String) async throws -> [Order]
    /// One order by its Shopify id, or `nil` when it does not exist or is hidden.
    func order(id: String) async throws -> Order?
    /// The orders of the customers with this email, in any status.
    func orders(customerEmail: String) async throws -> [Order]
    /// Cancels an order and returns it as Shopify reports it afterwards.
    func cancel(orderID: String, reason: ShopifyCancelReason) async throws -> Order
    /// The customers with this email (Shopify allows one per email, but search may return more).
    func customers(email: String) async throws -> [CustomerProfile]
    /// Active products, at most `limit`.
    func products(limit: Int) async throws -> [Product]
    /// The discount codes anyone may use at `date`, from at most `ruleLimit` discounts.
    func publicCoupons(at date: Date, ruleLimit: Int) async throws -> [Coupon]
    /// The codes of discounts limited to these customers (`customer_selection: "prerequisite"`)
    /// and running at `date`, from at most `ruleLimit` discounts, marked as reserved for `email`.
    func reservedCoupons(customerIDs: Set<String>, email: String, at date: Date, ruleLimit: Int) async throws -> [Coupon]
}

/// Shopify's `cancel_reason` values.
enum ShopifyCancelReason: String, Sendable, CaseIterable {
    case customer, fraud, inventory, declined, other

    /// The reason for free text from a skill: an exact enum word, else `customer` (the customer asked).
    init(text: String) {
        self = Self(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) ?? .customer
    }
}

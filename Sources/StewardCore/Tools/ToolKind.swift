/// The kinds of tools skills can ask for in their manifest.
public enum ToolKind: String, Sendable, Hashable, Codable, CaseIterable {
    case orders, products, coupons, customers, returns, subscriptions, loyalty

    /// What to configure to provide this tool, for "Unavailable" reasons.
    public var requirement: String {
        switch self {
        case .orders: "an order provider (demo store or Shopify)"
        case .products: "a product catalog (demo store or Shopify)"
        case .coupons: "a coupon provider (demo store, Shopify or Klaviyo)"
        case .customers: "a customer directory (demo store, Shopify or Klaviyo)"
        case .returns: "a returns provider (demo store or Loop)"
        case .subscriptions: "a subscription provider (demo store or Recharge)"
        case .loyalty: "a loyalty provider (demo store or Smile.io)"
        }
    }
}

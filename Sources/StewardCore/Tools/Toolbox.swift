/// The tools configured for this shop; a tool a skill needs but the shop lacks is nil.
public struct Toolbox: Sendable {
    public var orders: (any OrderProvider)?
    public var products: (any ProductCatalog)?
    public var coupons: (any CouponProvider)?
    public var customers: (any CustomerDirectory)?
    public var returns: (any ReturnsProvider)?
    public var subscriptions: (any SubscriptionProvider)?
    public var loyalty: (any LoyaltyProvider)?

    public init(
        orders: (any OrderProvider)? = nil, products: (any ProductCatalog)? = nil,
        coupons: (any CouponProvider)? = nil, customers: (any CustomerDirectory)? = nil,
        returns: (any ReturnsProvider)? = nil, subscriptions: (any SubscriptionProvider)? = nil,
        loyalty: (any LoyaltyProvider)? = nil
    ) {
        self.orders = orders
        self.products = products
        self.coupons = coupons
        self.customers = customers
        self.returns = returns
        self.subscriptions = subscriptions
        self.loyalty = loyalty
    }

    /// True when the tool of this kind is configured.
    public func has(_ kind: ToolKind) -> Bool {
        switch kind {
        case .orders: orders != nil
        case .products: products != nil
        case .coupons: coupons != nil
        case .customers: customers != nil
        case .returns: returns != nil
        case .subscriptions: subscriptions != nil
        case .loyalty: loyalty != nil
        }
    }
}

/// An error a tool reports in words a customer-facing skill can log and degrade on.
public enum ToolError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The record does not exist.
    case notFound(String)
    /// The action is not allowed in the record's state, e.g. cancelling a shipped order.
    case notAllowed(String)
    /// The tool could not be reached or failed.
    case unavailable(tool: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let what): "\(what) was not found."
        case .notAllowed(let why): why
        case .unavailable(let tool, let reason): "The \(tool) service is unavailable: \(reason)"
        }
    }
}

/// Reads and changes orders: the demo store, or an adapter for the shop's platform (Shopify).
public protocol OrderProvider: Sendable {
    /// The order with this number ("1001" or "#1001"), or nil when there is none.
    func order(number: String) async throws -> Order?
    /// The orders placed with this email, newest first.
    func orders(email: String) async throws -> [Order]
    /// Cancels an order that has not shipped and returns it as it is now.
    func cancel(orderNumber: String, reason: String) async throws -> Order
}

/// The shop's products.
public protocol ProductCatalog: Sendable {
    /// Every product in the catalog (adapters may cap the count).
    func products() async throws -> [Product]
}

/// Discount codes: public ones, and ones reserved for a customer.
public protocol CouponProvider: Sendable {
    /// The codes anyone may use.
    func publicCoupons() async throws -> [Coupon]
    /// The codes reserved for this email.
    func coupons(email: String) async throws -> [Coupon]
    /// The codes reserved for this email, never throwing: a source that failed is named in
    /// ``CouponLookup/failures`` and its codes are missing. The default asks ``coupons(email:)``
    /// once; ``CompositeCouponProvider`` asks each of its sources.
    func personalCoupons(email: String) async -> CouponLookup
}

extension CouponProvider {
    public func personalCoupons(email: String) async -> CouponLookup {
        do {
            return CouponLookup(coupons: try await coupons(email: email))
        } catch {
            return CouponLookup(coupons: [], failures: [String(describing: error)])
        }
    }
}

/// Customer profiles.
public protocol CustomerDirectory: Sendable {
    /// The profile with this email, or nil.
    func customer(email: String) async throws -> CustomerProfile?
}

/// Returns and exchanges (the demo store, or a returns platform such as Loop).
public protocol ReturnsProvider: Sendable {
    /// The self-service portal where customers start a return.
    var portalURL: String { get }
    /// The returns started for an order.
    func returns(orderNumber: String) async throws -> [ReturnRequest]
}

/// Subscriptions (the demo store, or a subscription platform such as Recharge).
public protocol SubscriptionProvider: Sendable {
    /// The self-service portal where customers manage subscriptions.
    var portalURL: String { get }
    /// What ``pause(subscriptionID:)`` does here; ``SubscriptionPauseBehavior/pause`` unless the platform says otherwise.
    var pauseBehavior: SubscriptionPauseBehavior { get }
    /// The customer's subscriptions.
    func subscriptions(email: String) async throws -> [Subscription]
    /// Pauses a subscription, or does the nearest thing the platform offers, and returns the
    /// subscription as the platform reports it afterwards. The demo store really pauses
    /// (`status` becomes `paused`); Recharge has no pause endpoint and postpones the next charge
    /// instead (`status` stays `active`, `nextChargeAt` moves; api-contracts.md §5.2). Callers must
    /// describe the returned subscription, not the request.
    func pause(subscriptionID: String) async throws -> Subscription
    /// Skips the next delivery and returns the subscription as it is now (with its new next charge date).
    func skipNext(subscriptionID: String) async throws -> Subscription
    /// Cancels a subscription and returns it as the platform reports it (check `status`).
    func cancel(subscriptionID: String, reason: String) async throws -> Subscription
}

extension SubscriptionProvider {
    public var pauseBehavior: SubscriptionPauseBehavior { .pause }
}

/// Loyalty points (the demo store, or a loyalty platform such as Smile.io).
public protocol LoyaltyProvider: Sendable {
    /// The customer's account, or nil when they have not joined.
    func account(email: String) async throws -> LoyaltyAccount?
    /// Spends the customer's points on one of their account's rewards. Not reversible (Smile.io has
    /// no API to undo a redemption, api-contracts.md §5.3): call it only after a clear yes.
    ///
    /// - Parameters:
    ///   - rewardID: A ``LoyaltyAccount/Reward/id`` from ``account(email:)``.
    ///   - email: The identified customer's email.
    /// - Returns: What the platform reports: points spent, the code, the new balance.
    /// - Throws: ``ToolError/notFound(_:)`` for an unknown member or reward, ``ToolError/notAllowed(_:)``
    ///   when the balance does not cover the reward, or the platform's error.
    func redeem(rewardID: String, email: String) async throws -> LoyaltyRedemption
}

import Foundation
import StewardCore

/// The embedded demo shop: orders, customers, products, coupons, returns, subscriptions and
/// loyalty accounts loaded from JSON files, so Steward runs offline with no credentials.
///
/// Changes (cancelling an order, pausing a subscription) live in memory for the process's life.
public actor DemoStore {
    private var orders: [String: Order]
    /// Order numbers by the customer's email, lowercased.
    private let orderNumbersByEmail: [String: [String]]
    private let customers: [CustomerProfile]
    private let catalog: [Product]
    private let allCoupons: [Coupon]
    private let returnRequests: [ReturnRequest]
    private var subscriptionsByID: [String: Subscription]
    private var loyaltyAccounts: [String: LoyaltyAccount]
    /// How many rewards have been redeemed since the demo loaded (numbers the codes).
    private var redemptionCount = 0
    /// The self-service returns portal.
    public nonisolated let returnsPortalURL: String
    /// The self-service subscriptions page.
    public nonisolated let subscriptionsPortalURL: String

    /// Loads the demo store from a folder of JSON files (`orders.json`, `customers.json`, …).
    ///
    /// - Throws: ``DemoStoreError`` naming the file and what is wrong with it.
    public init(directory: URL, shop: ShopInfo, now: Date = Date()) throws {
        guard FileManager.default.fileExists(atPath: directory.path) else {
            throw DemoStoreError.missingDirectory(directory.path)
        }
        let decoder = RelativeDate.decoder(now: now)
        func load<T: Decodable>(_ name: String, as: [T].Type) throws -> [T] {
            let url = directory.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url) else { return [] }
            do {
                return try decoder.decode([T].self, from: data)
            } catch {
                throw DemoStoreError.malformed(file: url.path, reason: DemoStoreError.describe(error))
            }
        }
        let orderList = try load("orders.json", as: [Order].self)
        orders = Dictionary(orderList.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        orderNumbersByEmail = Dictionary(grouping: orderList.filter { $0.email != nil }) {
            DemoStore.normalize(email: $0.email ?? "")
        }.mapValues { $0.map(\.number) }
        customers = try load("customers.json", as: [CustomerProfile].self)
        catalog = try load("products.json", as: [Product].self)
        allCoupons = try load("coupons.json", as: [Coupon].self)
        returnRequests = try load("returns.json", as: [ReturnRequest].self)
        let subs = try load("subscriptions.json", as: [Subscription].self)
        subscriptionsByID = Dictionary(subs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let loyalty = try load("loyalty.json", as: [LoyaltyAccount].self)
        loyaltyAccounts = Dictionary(loyalty.map { ($0.email.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        returnsPortalURL = shop.returnsPortalURL
        subscriptionsPortalURL = shop.storefrontURL + "/account/subscriptions"
    }

    /// The demo store as a toolbox providing every tool.
    public nonisolated var toolbox: Toolbox {
        Toolbox(
            orders: self, products: self, coupons: self, customers: self, returns: self,
            subscriptions: DemoSubscriptions(store: self), loyalty: self)
    }

    static func normalize(email: String) -> String {
        email.trimmingCharacters(in: .whitespaces).lowercased()
    }

    static func normalize(_ number: String) -> String {
        number.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "#"))
    }
}

extension DemoStore: OrderProvider {
    public func order(number: String) async throws -> Order? {
        orders[DemoStore.normalize(number)]
    }

    public func orders(email: String) async throws -> [Order] {
        (orderNumbersByEmail[DemoStore.normalize(email: email)] ?? []).compactMap { orders[$0] }
            .sorted { $0.createdAt > $1.createdAt }
    }

    public func cancel(orderNumber: String, reason: String) async throws -> Order {
        let key = DemoStore.normalize(orderNumber)
        guard var order = orders[key] else { throw ToolError.notFound("Order #\(key)") }
        guard order.status == .open, order.fulfillmentStatus == .unfulfilled, order.fulfillments.isEmpty else {
            throw ToolError.notAllowed("Order #\(key) has already shipped or is closed and cannot be cancelled.")
        }
        order.status = .cancelled
        order.cancelledAt = Date()
        order.cancelReason = reason
        // An authorisation is released (voided), a captured payment refunded, as Shopify reports them.
        order.financialStatus = ["authorized", "pending"].contains(order.financialStatus) ? "voided" : "refunded"
        orders[key] = order
        return order
    }
}

extension DemoStore: ProductCatalog {
    public func products() async throws -> [Product] { catalog }
}

extension DemoStore: CouponProvider {
    public func publicCoupons() async throws -> [Coupon] { allCoupons.filter(\.isPublic) }

    public func coupons(email: String) async throws -> [Coupon] {
        allCoupons.filter { $0.email?.lowercased() == email.lowercased() }
    }
}

extension DemoStore: CustomerDirectory {
    public func customer(email: String) async throws -> CustomerProfile? {
        customers.first { $0.email.lowercased() == email.lowercased() }
    }
}

extension DemoStore: ReturnsProvider {
    public nonisolated var portalURL: String { returnsPortalURL }

    public func returns(orderNumber: String) async throws -> [ReturnRequest] {
        let key = DemoStore.normalize(orderNumber)
        return returnRequests.filter { DemoStore.normalize($0.orderNumber) == key }
    }
}

/// The demo store's subscriptions, with the subscriptions portal (the store itself answers
/// `portalURL` with the returns portal, as a ``ReturnsProvider``).
struct DemoSubscriptions: SubscriptionProvider {
    let store: DemoStore
    var portalURL: String { store.subscriptionsPortalURL }
    func subscriptions(email: String) async throws -> [Subscription] { try await store.subscriptions(email: email) }
    func pause(subscriptionID: String) async throws -> Subscription { try await store.pause(subscriptionID: subscriptionID) }
    func skipNext(subscriptionID: String) async throws -> Subscription { try await store.skipNext(subscriptionID: subscriptionID) }
    func cancel(subscriptionID: String, reason: String) async throws -> Subscription {
        try await store.cancel(subscriptionID: subscriptionID, reason: reason)
    }
}

extension DemoStore {
    public func subscriptions(email: String) async throws -> [Subscription] {
        subscriptionsByID.values.filter { $0.email.lowercased() == email.lowercased() }.sorted { $0.id < $1.id }
    }

    public func pause(subscriptionID: String) async throws -> Subscription {
        try update(subscriptionID) { $0.status = .paused }
    }

    public func skipNext(subscriptionID: String) async throws -> Subscription {
        try update(subscriptionID) { sub in
            sub.nextChargeAt = sub.nextChargeAt.map { Calendar(identifier: .gregorian).date(byAdding: .day, value: 30, to: $0) ?? $0 }
        }
    }

    public func cancel(subscriptionID: String, reason: String) async throws -> Subscription {
        try update(subscriptionID) { $0.status = .cancelled }
    }

    private func update(_ id: String, _ change: (inout Subscription) -> Void) throws -> Subscription {
        guard var sub = subscriptionsByID[id] else { throw ToolError.notFound("Subscription \(id)") }
        guard sub.status != .cancelled else { throw ToolError.notAllowed("Subscription \(id) is already cancelled.") }
        change(&sub)
        subscriptionsByID[id] = sub
        return sub
    }
}

extension DemoStore: LoyaltyProvider {
    public func account(email: String) async throws -> LoyaltyAccount? {
        loyaltyAccounts[email.lowercased()]
    }

    /// Deducts the reward's points and returns a new code, `TRAIL-<REWARD>-<n>` (e.g.
    /// `TRAIL-10-OFF-1001`), with the balance left. Held in memory for the process's life.
    ///
    /// - Throws: ``ToolError/notFound(_:)`` for a non-member or unknown reward,
    ///   ``ToolError/notAllowed(_:)`` when the balance is too low.
    public func redeem(rewardID: String, email: String) async throws -> LoyaltyRedemption {
        let key = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard var account = loyaltyAccounts[key] else { throw ToolError.notFound("The rewards account for \(email)") }
        guard let reward = account.rewards.first(where: { $0.id == rewardID }) else { throw ToolError.notFound("Reward \(rewardID)") }
        guard account.pointsBalance >= reward.pointsCost else {
            throw ToolError.notAllowed("\(reward.name) needs \(reward.pointsCost) points and the balance is \(account.pointsBalance).")
        }
        account.pointsBalance -= reward.pointsCost
        loyaltyAccounts[key] = account
        redemptionCount += 1
        var name = rewardID.uppercased().replacingOccurrences(of: "_", with: "-")
        if name.hasPrefix("RW-") { name.removeFirst(3) }
        return LoyaltyRedemption(
            id: "demo-\(redemptionCount)", rewardName: reward.name, pointsSpent: reward.pointsCost,
            code: "TRAIL-\(name)-\(1000 + redemptionCount)", pointsBalance: account.pointsBalance)
    }
}

/// A problem loading the demo store.
public enum DemoStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingDirectory(String)
    case malformed(file: String, reason: String)

    public var description: String {
        switch self {
        case .missingDirectory(let path):
            "The demo store folder \(path) does not exist; run Steward from the repository root or set `data.demo_dir` in steward.yaml."
        case .malformed(let file, let reason):
            "The demo data file \(file) is malformed: \(reason)"
        }
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let ctx): return "missing key `\(key.stringValue)` at \(path(ctx.codingPath))"
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx), .dataCorrupted(let ctx):
            return "\(ctx.debugDescription) at \(path(ctx.codingPath))"
        @unknown default: return "\(error)"
        }
    }
}

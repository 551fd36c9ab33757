import Foundation
import Logging

/// What a skill may use while it answers: tools, knowledge, settings and a logger.
public struct SkillContext: Sendable {
    /// The shop's data: orders, products, coupons, returns and more.
    public var tools: Toolbox
    /// The shop's knowledge base (`knowledge/`).
    public var knowledge: KnowledgeBase
    /// The shop's public details: name, links.
    public var shop: ShopInfo
    /// A logger labelled with the skill and conversation.
    public var logger: Logger
    /// The limit on identity checks (order number plus email) for this conversation; nil: none
    /// beyond ``OrderLookup/maxAttempts`` in a row. The engine always sets it.
    public var verification: VerificationGate?
    /// The current time by the engine's clock: the system clock in service, the script's `now:` in a
    /// conversation test. Day-aware answers (opening hours, "delivered 3 days ago") use this, never `Date()`.
    public var now: Date

    public init(
        tools: Toolbox, knowledge: KnowledgeBase, shop: ShopInfo = ShopInfo(), logger: Logger, now: Date = Date(),
        verification: VerificationGate? = nil
    ) {
        self.now = now
        self.tools = tools
        self.knowledge = knowledge
        self.shop = shop
        self.logger = logger
        self.verification = verification
    }
}

/// The shop's public details that skills quote.
public struct ShopInfo: Sendable, Hashable, Codable {
    /// The shop's name.
    public var name: String
    /// The self-service returns portal.
    public var returnsPortalURL: String
    /// The order status page; `{order}` is replaced by the order number.
    public var orderStatusURL: String
    /// The storefront's base URL, for product links.
    public var storefrontURL: String
    /// How many days after delivery an item may be returned.
    public var returnWindowDays: Int

    public init(
        name: String = "Demo Store",
        returnsPortalURL: String = "https://demo-store.example/returns",
        orderStatusURL: String = "https://demo-store.example/orders/{order}",
        storefrontURL: String = "https://demo-store.example",
        returnWindowDays: Int = 30
    ) {
        self.returnWindowDays = returnWindowDays
        self.name = name
        self.returnsPortalURL = returnsPortalURL
        self.orderStatusURL = orderStatusURL
        self.storefrontURL = storefrontURL
    }

    /// The order status page of one order.
    public func orderStatusURL(for orderNumber: String) -> String {
        orderStatusURL.replacingOccurrences(of: "{order}", with: orderNumber)
    }
}

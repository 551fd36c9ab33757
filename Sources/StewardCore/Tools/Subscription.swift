import Foundation

/// A recurring delivery a customer subscribed to.
public struct Subscription: Sendable, Hashable, Codable {
    /// Whether deliveries are running.
    public enum Status: String, Sendable, Hashable, Codable {
        case active, paused, cancelled
    }

    public var id: String
    public var email: String
    public var productTitle: String
    public var quantity: Int
    public var price: Money
    /// E.g. "every 30 days".
    public var interval: String
    public var status: Status
    public var nextChargeAt: Date?

    public init(
        id: String, email: String, productTitle: String, quantity: Int = 1, price: Money, interval: String,
        status: Status = .active, nextChargeAt: Date? = nil
    ) {
        self.id = id
        self.email = email
        self.productTitle = productTitle
        self.quantity = quantity
        self.price = price
        self.interval = interval
        self.status = status
        self.nextChargeAt = nextChargeAt
    }

    enum CodingKeys: String, CodingKey {
        case id, email, quantity, price, interval, status
        case productTitle = "product_title", nextChargeAt = "next_charge_at"
    }
}

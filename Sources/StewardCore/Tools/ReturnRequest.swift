import Foundation

/// A return or exchange started for an order.
public struct ReturnRequest: Sendable, Hashable, Codable {
    /// Where the return is.
    public enum Status: String, Sendable, Hashable, Codable {
        case open, inTransit = "in_transit", received, refunded, closed, cancelled
    }

    public var id: String
    public var orderNumber: String
    public var status: Status
    /// "refund", "exchange" or "store_credit".
    public var resolution: String
    public var createdAt: Date
    /// The prepaid return label, when there is one.
    public var labelURL: String?

    public init(
        id: String, orderNumber: String, status: Status, resolution: String = "refund", createdAt: Date,
        labelURL: String? = nil
    ) {
        self.id = id
        self.orderNumber = orderNumber
        self.status = status
        self.resolution = resolution
        self.createdAt = createdAt
        self.labelURL = labelURL
    }

    enum CodingKeys: String, CodingKey {
        case id, status, resolution
        case orderNumber = "order_number", createdAt = "created_at", labelURL = "label_url"
    }
}

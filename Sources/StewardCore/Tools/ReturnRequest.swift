import Foundation

/// A return or exchange started for an order.
public struct ReturnRequest: Sendable, Hashable, Codable {
    /// Where the return is.
    public enum Status: String, Sendable, Hashable, Codable {
        case open, inTransit = "in_transit", received, refunded, closed, cancelled

        /// True while the return is under way or done (every status but `cancelled`): its items are
        /// already being returned, or have been, so they cannot be returned again.
        public var holdsItems: Bool { self != .cancelled }

        /// The status in words a customer understands, e.g. "open (waiting for the items to be sent back)".
        public var phrase: String {
            switch self {
            case .open: "open (waiting for the items to be sent back)"
            case .inTransit: "on its way back to us"
            case .received: "received and being processed"
            case .refunded: "complete and refunded"
            case .closed: "closed"
            case .cancelled: "cancelled"
            }
        }
    }

    /// One item in a return, as the returns platform names it.
    public struct Item: Sendable, Hashable, Codable {
        /// The shop platform's line-item id (Loop's `provider_line_item_id`; the demo store's line-item id), when known.
        public var lineItemID: String?
        /// The SKU, when known.
        public var sku: String?
        /// The product title.
        public var title: String

        public init(lineItemID: String? = nil, sku: String? = nil, title: String) {
            self.lineItemID = lineItemID
            self.sku = sku
            self.title = title
        }

        /// True when this returned item is that order line: the same line-item id, or the same SKU
        /// (ignoring case); only when there is no SKU on both sides to compare, the same title.
        public func matches(_ line: LineItem) -> Bool {
            if let lineItemID, !lineItemID.isEmpty, lineItemID == line.id { return true }
            if let sku, !sku.isEmpty, let other = line.sku, !other.isEmpty { return sku.caseInsensitiveCompare(other) == .orderedSame }
            return title.trimmingCharacters(in: .whitespaces).caseInsensitiveCompare(line.title.trimmingCharacters(in: .whitespaces)) == .orderedSame
        }

        enum CodingKeys: String, CodingKey {
            case sku, title
            case lineItemID = "line_item_id"
        }
    }

    public var id: String
    public var orderNumber: String
    public var status: Status
    /// "refund", "exchange" or "store_credit".
    public var resolution: String
    public var createdAt: Date
    /// The prepaid return label, when there is one.
    public var labelURL: String?
    /// The items in the return; empty when the platform did not say which.
    public var items: [Item]

    public init(
        id: String, orderNumber: String, status: Status, resolution: String = "refund", createdAt: Date,
        labelURL: String? = nil, items: [Item] = []
    ) {
        self.id = id
        self.orderNumber = orderNumber
        self.status = status
        self.resolution = resolution
        self.createdAt = createdAt
        self.labelURL = labelURL
        self.items = items
    }

    /// True when this return holds (is returning, or has returned) that order line.
    public func holds(_ line: LineItem) -> Bool {
        status.holdsItems && items.contains { $0.matches(line) }
    }

    enum CodingKeys: String, CodingKey {
        case id, status, resolution
        case orderNumber = "order_number", createdAt = "created_at", labelURL = "label_url", items = "line_items"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        orderNumber = try c.decode(String.self, forKey: .orderNumber)
        status = try c.decode(Status.self, forKey: .status)
        resolution = try c.decodeIfPresent(String.self, forKey: .resolution) ?? "refund"
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        labelURL = try c.decodeIfPresent(String.self, forKey: .labelURL)
        items = try c.decodeIfPresent([Item].self, forKey: .items) ?? []
    }
}

import Foundation

/// An order as the shop's platform knows it.
public struct Order: Sendable, Hashable, Codable {
    /// Whether the order is open, closed (archived) or cancelled.
    public enum Status: String, Sendable, Hashable, Codable {
        case open, closed, cancelled
    }

    /// How much of the order has shipped.
    public enum FulfillmentStatus: String, Sendable, Hashable, Codable {
        case unfulfilled, partial, fulfilled
    }

    /// The platform's id.
    public var id: String
    /// The order number without "#", e.g. "1001".
    public var number: String
    /// The email on the order; nil when the platform hides it.
    public var email: String?
    /// When the order was placed.
    public var createdAt: Date
    public var status: Status
    /// The payment state, e.g. "paid", "refunded", "partially_refunded".
    public var financialStatus: String
    public var fulfillmentStatus: FulfillmentStatus
    public var lineItems: [LineItem]
    public var total: Money
    public var shippingAddress: Address?
    public var fulfillments: [Fulfillment]
    public var cancelledAt: Date?
    public var cancelReason: String?
    /// The customer-facing order status page, when the platform gives one.
    public var statusURL: String?
    public var tags: [String]

    public init(
        id: String, number: String, email: String?, createdAt: Date, status: Status = .open,
        financialStatus: String = "paid", fulfillmentStatus: FulfillmentStatus = .unfulfilled,
        lineItems: [LineItem] = [], total: Money, shippingAddress: Address? = nil,
        fulfillments: [Fulfillment] = [], cancelledAt: Date? = nil, cancelReason: String? = nil,
        statusURL: String? = nil, tags: [String] = []
    ) {
        self.id = id
        self.number = number
        self.email = email
        self.createdAt = createdAt
        self.status = status
        self.financialStatus = financialStatus
        self.fulfillmentStatus = fulfillmentStatus
        self.lineItems = lineItems
        self.total = total
        self.shippingAddress = shippingAddress
        self.fulfillments = fulfillments
        self.cancelledAt = cancelledAt
        self.cancelReason = cancelReason
        self.statusURL = statusURL
        self.tags = tags
    }

    /// The order's display name, e.g. "#1001".
    public var name: String { "#\(number)" }

    /// True when `email` is the email on this order (case-insensitive, trimmed).
    public func belongs(to email: String) -> Bool {
        guard let own = self.email else { return false }
        return own.trimmingCharacters(in: .whitespaces).lowercased()
            == email.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Where the order is, as the customer sees it.
    public var progress: Progress {
        if status == .cancelled { return .cancelled }
        if financialStatus == "refunded" || tags.contains("returned") { return .returned }
        if fulfillments.contains(where: { $0.shipmentStatus == .delivered }), fulfillmentStatus == .fulfilled {
            return .delivered
        }
        if fulfillments.contains(where: { $0.shipmentStatus == .outForDelivery }) { return .outForDelivery }
        if !fulfillments.isEmpty, fulfillments.allSatisfy({ $0.shipmentStatus == .labelPrinted }) { return .labelCreated }
        if !fulfillments.isEmpty { return .inTransit }
        return .processing
    }

    /// Where an order is, in words a customer understands.
    public enum Progress: String, Sendable, Hashable {
        case processing, labelCreated = "label_created", inTransit = "in_transit", outForDelivery = "out_for_delivery", delivered, cancelled, returned

        /// A short phrase, e.g. "in transit".
        public var phrase: String {
            switch self {
            case .processing: "being prepared (not shipped yet)"
            case .labelCreated: "packed and waiting for the carrier to collect it"
            case .inTransit: "in transit"
            case .outForDelivery: "out for delivery"
            case .delivered: "delivered"
            case .cancelled: "cancelled"
            case .returned: "returned and refunded"
            }
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, number, email, status, total, fulfillments, tags
        case createdAt = "created_at", financialStatus = "financial_status"
        case fulfillmentStatus = "fulfillment_status", lineItems = "line_items"
        case shippingAddress = "shipping_address", cancelledAt = "cancelled_at"
        case cancelReason = "cancel_reason", statusURL = "status_url"
    }
}

/// One product line of an order.
public struct LineItem: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    /// The variant, e.g. "Blue / 42".
    public var variant: String?
    public var sku: String?
    public var quantity: Int
    /// The unit price.
    public var price: Money
    public var productID: String?
    /// False for final-sale items that cannot be returned.
    public var returnable: Bool

    public init(
        id: String, title: String, variant: String? = nil, sku: String? = nil, quantity: Int = 1,
        price: Money, productID: String? = nil, returnable: Bool = true
    ) {
        self.id = id
        self.title = title
        self.variant = variant
        self.sku = sku
        self.quantity = quantity
        self.price = price
        self.productID = productID
        self.returnable = returnable
    }

    enum CodingKeys: String, CodingKey {
        case id, title, variant, sku, quantity, price, returnable
        case productID = "product_id"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        title = try c.decode(String.self, forKey: .title)
        variant = try c.decodeIfPresent(String.self, forKey: .variant)
        sku = try c.decodeIfPresent(String.self, forKey: .sku)
        quantity = try c.decodeIfPresent(Int.self, forKey: .quantity) ?? 1
        price = try c.decode(Money.self, forKey: .price)
        productID = try c.decodeIfPresent(String.self, forKey: .productID)
        returnable = try c.decodeIfPresent(Bool.self, forKey: .returnable) ?? true
    }
}

/// A shipping address.
public struct Address: Sendable, Hashable, Codable {
    public var name: String?
    public var address1: String
    public var address2: String?
    public var city: String
    public var zip: String?
    public var province: String?
    public var country: String

    public init(
        name: String? = nil, address1: String, address2: String? = nil, city: String, zip: String? = nil,
        province: String? = nil, country: String
    ) {
        self.name = name
        self.address1 = address1
        self.address2 = address2
        self.city = city
        self.zip = zip
        self.province = province
        self.country = country
    }

    /// The address on one line.
    public var oneLine: String {
        [address1, address2, city, province, zip, country].compactMap { $0 }.filter { !$0.isEmpty }
            .joined(separator: ", ")
    }
}

/// A shipment of (part of) an order.
public struct Fulfillment: Sendable, Hashable, Codable {
    /// What the carrier last reported.
    public enum ShipmentStatus: String, Sendable, Hashable, Codable {
        case labelPrinted = "label_printed", inTransit = "in_transit", outForDelivery = "out_for_delivery"
        case delivered, failure, unknown
    }

    public var id: String
    public var shipmentStatus: ShipmentStatus
    public var carrier: String?
    public var trackingNumber: String?
    public var trackingURL: String?
    public var shippedAt: Date?
    public var deliveredAt: Date?
    public var estimatedDelivery: Date?

    public init(
        id: String, shipmentStatus: ShipmentStatus, carrier: String? = nil, trackingNumber: String? = nil,
        trackingURL: String? = nil, shippedAt: Date? = nil, deliveredAt: Date? = nil,
        estimatedDelivery: Date? = nil
    ) {
        self.id = id
        self.shipmentStatus = shipmentStatus
        self.carrier = carrier
        self.trackingNumber = trackingNumber
        self.trackingURL = trackingURL
        self.shippedAt = shippedAt
        self.deliveredAt = deliveredAt
        self.estimatedDelivery = estimatedDelivery
    }

    enum CodingKeys: String, CodingKey {
        case id, carrier
        case shipmentStatus = "shipment_status", trackingNumber = "tracking_number"
        case trackingURL = "tracking_url", shippedAt = "shipped_at", deliveredAt = "delivered_at"
        case estimatedDelivery = "estimated_delivery"
    }
}

import Foundation
import StewardCore

/// Wire shapes of the Shopify REST Admin API (api-contracts.md §1), and their mapping to Core models.
///
/// Every field is optional unless Steward cannot work without it, so that hidden customer data
/// (null `email`, `customer`, `shipping_address`) and new or missing fields never fail a lookup.
enum ShopifyREST {
    struct OrderList: Decodable { var orders: [OrderDTO] }
    struct OrderEnvelope: Decodable { var order: OrderDTO }
    struct CustomerList: Decodable { var customers: [CustomerDTO] }
    struct ProductList: Decodable { var products: [ProductDTO] }
    struct PriceRuleList: Decodable { var priceRules: [PriceRuleDTO] }
    struct DiscountCodeList: Decodable { var discountCodes: [DiscountCodeDTO] }

    struct CustomerDTO: Decodable {
        var id: FlexibleID
        var email: String?
        var firstName: String?
        var lastName: String?
        var phone: String?
    }

    struct OrderDTO: Decodable {
        var id: FlexibleID
        var name: String?
        var orderNumber: FlexibleID?
        var email: String?
        var contactEmail: String?
        var createdAt: FlexibleDate?
        var processedAt: FlexibleDate?
        var cancelledAt: FlexibleDate?
        var cancelReason: String?
        var closedAt: FlexibleDate?
        var financialStatus: String?
        var fulfillmentStatus: String?
        var currency: String?
        var totalPrice: FlexibleDecimal?
        var currentTotalPrice: FlexibleDecimal?
        var orderStatusUrl: String?
        var tags: FlexibleTags?
        var customer: CustomerDTO?
        var lineItems: [LineItemDTO]?
        var fulfillments: [FulfillmentDTO]?
        var shippingAddress: AddressDTO?
    }

    struct LineItemDTO: Decodable {
        var id: FlexibleID
        var title: String?
        var name: String?
        var variantTitle: String?
        var sku: String?
        var quantity: Int?
        var price: FlexibleDecimal?
        var productId: FlexibleID?
    }

    struct FulfillmentDTO: Decodable {
        var id: FlexibleID
        var status: String?
        var shipmentStatus: String?
        var trackingCompany: String?
        var trackingNumber: String?
        var trackingNumbers: [String]?
        var trackingUrl: String?
        var trackingUrls: [String]?
        var createdAt: FlexibleDate?
        var updatedAt: FlexibleDate?
        var estimatedDeliveryAt: FlexibleDate?
    }

    struct AddressDTO: Decodable {
        var name: String?
        var firstName: String?
        var lastName: String?
        var address1: String?
        var address2: String?
        var city: String?
        var province: String?
        var zip: String?
        var country: String?
        var countryCode: String?
    }

    struct ProductDTO: Decodable {
        var id: FlexibleID
        var title: String?
        var handle: String?
        var bodyHtml: String?
        var vendor: String?
        var productType: String?
        var tags: FlexibleTags?
        var status: String?
        var variants: [VariantDTO]?
        var images: [ImageDTO]?
        var image: ImageDTO?
    }

    struct VariantDTO: Decodable {
        var price: FlexibleDecimal?
        var inventoryQuantity: Int?
        var inventoryManagement: String?
        var inventoryPolicy: String?
    }

    struct ImageDTO: Decodable {
        var src: String?
    }

    struct PriceRuleDTO: Decodable {
        struct Range: Decodable { var greaterThanOrEqualTo: FlexibleDecimal? }
        var id: FlexibleID
        var title: String?
        var valueType: String?
        var value: FlexibleDecimal?
        var targetType: String?
        var targetSelection: String?
        var customerSelection: String?
        var startsAt: FlexibleDate?
        var endsAt: FlexibleDate?
        var usageLimit: Int?
        var prerequisiteSubtotalRange: Range?
        /// The customers a `customer_selection: "prerequisite"` discount is limited to (Shopify's
        /// PriceRule resource; not in api-contracts.md §1.7, so read leniently).
        var prerequisiteCustomerIds: [FlexibleID]?
    }

    struct DiscountCodeDTO: Decodable {
        var id: FlexibleID?
        var code: String?
        var usageCount: Int?
    }

    // MARK: Mapping

    static func order(_ dto: OrderDTO) -> Order {
        let currency = dto.currency ?? "USD"
        let number: String = {
            if let name = dto.name, !name.isEmpty { return name.hasPrefix("#") ? String(name.dropFirst()) : name }
            return dto.orderNumber?.value ?? dto.id.value
        }()
        let email = [dto.email, dto.contactEmail, dto.customer?.email]
            .compactMap { $0?.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
        let status: Order.Status = dto.cancelledAt != nil ? .cancelled : (dto.closedAt != nil ? .closed : .open)
        let fulfillmentStatus: Order.FulfillmentStatus =
            switch dto.fulfillmentStatus?.lowercased() {
            case "fulfilled": .fulfilled
            case "partial": .partial
            default: .unfulfilled
            }
        let shipments = (dto.fulfillments ?? []).filter { !["cancelled", "error", "failure"].contains($0.status?.lowercased() ?? "") }
        return Order(
            id: dto.id.value,
            number: number,
            email: email,
            createdAt: (dto.createdAt ?? dto.processedAt)?.value ?? Date(timeIntervalSince1970: 0),
            status: status,
            financialStatus: dto.financialStatus ?? "pending",
            fulfillmentStatus: fulfillmentStatus,
            lineItems: (dto.lineItems ?? []).map { item in
                LineItem(
                    id: item.id.value, title: item.title ?? item.name ?? "Item", variant: item.variantTitle,
                    sku: item.sku, quantity: item.quantity ?? 1, price: Money(item.price?.value ?? 0, currency: currency),
                    productID: item.productId?.value)
            },
            total: Money((dto.totalPrice ?? dto.currentTotalPrice)?.value ?? 0, currency: currency),
            shippingAddress: dto.shippingAddress.flatMap(address),
            fulfillments: shipments.map(fulfillment),
            cancelledAt: dto.cancelledAt?.value,
            cancelReason: dto.cancelReason,
            statusURL: dto.orderStatusUrl,
            tags: dto.tags?.values ?? [])
    }

    static func address(_ dto: AddressDTO) -> Address? {
        guard dto.address1 != nil || dto.city != nil || dto.country != nil || dto.countryCode != nil else { return nil }
        let joined = [dto.firstName, dto.lastName].compactMap { $0 }.joined(separator: " ")
        return Address(
            name: dto.name ?? (joined.isEmpty ? nil : joined), address1: dto.address1 ?? "", address2: dto.address2,
            city: dto.city ?? "", zip: dto.zip, province: dto.province, country: dto.country ?? dto.countryCode ?? "")
    }

    static func fulfillment(_ dto: FulfillmentDTO) -> Fulfillment {
        let status = shipmentStatus(dto.shipmentStatus)
        return Fulfillment(
            id: dto.id.value,
            shipmentStatus: status,
            carrier: dto.trackingCompany,
            trackingNumber: dto.trackingNumber ?? dto.trackingNumbers?.first,
            trackingURL: dto.trackingUrl ?? dto.trackingUrls?.first,
            shippedAt: dto.createdAt?.value,
            deliveredAt: status == .delivered ? dto.updatedAt?.value : nil,
            estimatedDelivery: dto.estimatedDeliveryAt?.value)
    }

    /// Shopify's `shipment_status` (REST lower case, GraphQL upper case) as a Core status.
    static func shipmentStatus(_ text: String?) -> Fulfillment.ShipmentStatus {
        switch text?.lowercased() {
        case "label_printed", "label_purchased": .labelPrinted
        case "confirmed", "in_transit", "carrier_picked_up", "attempted_delivery", "delayed", "ready_for_pickup": .inTransit
        case "out_for_delivery": .outForDelivery
        case "delivered", "picked_up": .delivered
        case "failure": .failure
        default: .unknown
        }
    }

    static func customer(_ dto: CustomerDTO, queriedEmail: String) -> CustomerProfile {
        CustomerProfile(
            id: dto.id.value, email: dto.email ?? queriedEmail, firstName: dto.firstName, lastName: dto.lastName,
            phone: dto.phone)
    }

    static func product(_ dto: ProductDTO, currency: String, storefrontURL: String) -> Product {
        let variants = dto.variants ?? []
        let price = variants.compactMap { $0.price?.value }.min() ?? 0
        let available = variants.contains { variant in
            variant.inventoryManagement == nil || variant.inventoryPolicy == "continue" || (variant.inventoryQuantity ?? 0) > 0
        }
        return Product(
            id: dto.id.value,
            title: dto.title ?? "Product \(dto.id.value)",
            description: plainText(dto.bodyHtml ?? ""),
            productType: dto.productType ?? "",
            tags: dto.tags?.values ?? [],
            vendor: dto.vendor,
            price: Money(price, currency: currency),
            available: available,
            url: dto.handle.map { "\(storefrontURL)/products/\($0)" },
            imageURL: dto.image?.src ?? dto.images?.first?.src)
    }

    /// HTML reduced to text: tags dropped, common entities decoded, whitespace collapsed.
    static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
                text.append(" ")
            } else if character == ">" {
                inTag = false
            } else if !inTag {
                text.append(character)
            }
        }
        for (entity, value) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " ")] {
            text = text.replacingOccurrences(of: entity, with: value)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether a price rule applies to everyone at `date`.
    static func isPublic(_ rule: PriceRuleDTO, at date: Date) -> Bool {
        (rule.customerSelection ?? "all") == "all"
            && (rule.startsAt.map { $0.value <= date } ?? true)
            && (rule.endsAt.map { $0.value > date } ?? true)
    }

    /// True when the discount is limited to one of these customers and is running at `date`.
    static func isReserved(_ rule: PriceRuleDTO, for customerIDs: Set<String>, at date: Date) -> Bool {
        rule.customerSelection == "prerequisite"
            && (rule.prerequisiteCustomerIds ?? []).contains { customerIDs.contains($0.value) }
            && (rule.startsAt.map { $0.value <= date } ?? true)
            && (rule.endsAt.map { $0.value > date } ?? true)
    }

    static func coupon(code: DiscountCodeDTO, rule: PriceRuleDTO, currency: String, email: String? = nil) -> Coupon? {
        guard let text = code.code, !text.isEmpty else { return nil }
        if let limit = rule.usageLimit, let used = code.usageCount, used >= limit { return nil }
        return Coupon(
            code: text, description: describe(rule, currency: currency), email: email, expiresAt: rule.endsAt?.value,
            minimumSubtotal: rule.prerequisiteSubtotalRange?.greaterThanOrEqualTo.map { Money($0.value, currency: currency) })
    }

    /// "15% off", "$10.00 off selected items", "Free shipping"; the rule title when the value is unknown.
    static func describe(_ rule: PriceRuleDTO, currency: String) -> String {
        guard let value = rule.value?.value else { return rule.title ?? "Discount" }
        let amount = value < 0 ? -value : value
        if rule.targetType == "shipping_line" {
            return rule.valueType == "percentage" && amount >= 100 ? "Free shipping" : "\(Money(amount, currency: currency).formatted) off shipping"
        }
        let off = rule.valueType == "percentage" ? "\(NSDecimalNumber(decimal: amount).stringValue)% off" : "\(Money(amount, currency: currency).formatted) off"
        return rule.targetSelection == "entitled" ? off + " selected items" : off
    }
}

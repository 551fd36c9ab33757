/// A product in the shop's catalog.
public struct Product: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var description: String
    /// The product type, e.g. "Jacket".
    public var productType: String
    public var tags: [String]
    public var vendor: String?
    /// The lowest variant price.
    public var price: Money
    /// True when at least one variant is in stock.
    public var available: Bool
    /// The product page.
    public var url: String?
    public var imageURL: String?

    public init(
        id: String, title: String, description: String = "", productType: String = "", tags: [String] = [],
        vendor: String? = nil, price: Money, available: Bool = true, url: String? = nil, imageURL: String? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.productType = productType
        self.tags = tags
        self.vendor = vendor
        self.price = price
        self.available = available
        self.url = url
        self.imageURL = imageURL
    }

    enum CodingKeys: String, CodingKey {
        case id, title, description, tags, vendor, price, available, url
        case productType = "product_type", imageURL = "image_url"
    }
}

/// Structured content attached to a reply: rendered as a rich card on web chat and as text elsewhere.
public struct Card: Sendable, Hashable, Codable {
    /// What the card shows: a name written as `kind` in the pipe's output and in conversation scripts.
    ///
    /// Steward's own kinds are the static members (`.order`, `.coupon`, …). A skill may add its own
    /// in an extension, with no change anywhere else:
    ///
    /// ```swift
    /// extension Card.Kind {
    ///     static let storeHours: Card.Kind = "store_hours"
    /// }
    /// ```
    ///
    /// Every channel renders every kind the same way (web chat shows the card; SMS, WhatsApp and
    /// email show its title, subtitle, fields and links as text), so a new kind needs no renderer.
    /// Encoded as its name, a JSON string.
    public struct Kind: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
        /// The kind's name, e.g. `order`.
        public var rawValue: String

        public init(rawValue: String) { self.rawValue = rawValue }
        public init(stringLiteral value: String) { self.rawValue = value }

        public var description: String { rawValue }

        /// An order, with its items, status and tracking.
        public static let order: Kind = "order"
        /// A discount code.
        public static let coupon: Kind = "coupon"
        /// A product from the catalogue.
        public static let product: Kind = "product"
        /// A loyalty account's points and rewards.
        public static let loyalty: Kind = "loyalty"
        /// A subscription.
        public static let subscription: Kind = "subscription"
        /// A passage from the knowledge base.
        public static let article: Kind = "article"

        /// The kinds Steward's own skills use.
        public static let builtIn: [Kind] = [.order, .coupon, .product, .loyalty, .subscription, .article]
    }

    /// A button on a card: either a link or an action sent back as a pipe `action`.
    public struct Button: Sendable, Hashable, Codable {
        /// The label shown.
        public var title: String
        /// A URL to open, for link buttons.
        public var url: String?
        /// An action id sent back when the button is clicked.
        public var action: String?

        public init(title: String, url: String? = nil, action: String? = nil) {
            self.title = title
            self.url = url
            self.action = action
        }
    }

    /// The kind of card.
    public var kind: Kind
    /// The headline, e.g. "Order #1001".
    public var title: String
    /// A second line, e.g. "In transit with UPS".
    public var subtitle: String?
    /// Labelled values in display order, e.g. `("Tracking", "1Z999")`.
    public var fields: [Field]
    /// An image to show, when there is one.
    public var imageURL: String?
    /// The main link of the card (tracking page, product page, portal).
    public var url: String?
    /// Buttons.
    public var buttons: [Button]

    /// A labelled value on a card.
    public struct Field: Sendable, Hashable, Codable {
        public var label: String
        public var value: String
        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    public init(
        kind: Kind, title: String, subtitle: String? = nil, fields: [Field] = [],
        imageURL: String? = nil, url: String? = nil, buttons: [Button] = []
    ) {
        self.kind = kind
        self.title = title
        self.subtitle = subtitle
        self.fields = fields
        self.imageURL = imageURL
        self.url = url
        self.buttons = buttons
    }

    enum CodingKeys: String, CodingKey {
        case kind, title, subtitle, fields, url, buttons
        case imageURL = "image_url"
    }
}

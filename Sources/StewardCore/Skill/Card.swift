/// Structured content attached to a reply: rendered as a rich card on web chat and as text elsewhere.
public struct Card: Sendable, Hashable, Codable {
    /// What the card shows.
    public enum Kind: String, Sendable, Hashable, Codable {
        case order, coupon, product, loyalty, subscription, article
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

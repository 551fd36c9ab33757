/// Who the conversation is with, and how sure we are of it.
public struct Customer: Sendable, Hashable, Codable {
    /// The customer's email, as given by the host or typed by the customer.
    public var email: String?
    /// The customer's profile id in the marketing platform, when known.
    public var profileID: String?
    /// The customer's name, when known.
    public var name: String?
    /// True when the host process authenticated the customer (pipe mode).
    public var authenticated: Bool
    /// The email proven in this conversation by an order number plus the matching email.
    public var verifiedEmail: String?
    /// The customer's phone number as the host gives it (SMS and WhatsApp), normalised by
    /// ``PhoneNumber/normalised(_:)``: the person's channel identity, which keeps one ticket per person there.
    public var phone: String?

    public init(
        email: String? = nil, profileID: String? = nil, name: String? = nil,
        authenticated: Bool = false, verifiedEmail: String? = nil, phone: String? = nil
    ) {
        self.phone = phone.map { PhoneNumber.normalised($0) ?? $0 }
        self.email = email?.lowercased()
        self.profileID = profileID
        self.name = name
        self.authenticated = authenticated
        self.verifiedEmail = verifiedEmail?.lowercased()
    }

    /// An anonymous customer.
    public static let anonymous = Customer()

    /// The email whose account data this customer may see, or nil when not identified.
    public var identifiedEmail: String? {
        if let verifiedEmail { return verifiedEmail }
        if authenticated, let email { return email }
        return nil
    }

    /// True when account data (orders, points, subscriptions) may be shown.
    public var isIdentified: Bool { identifiedEmail != nil }

    /// The best email to contact the customer at, identified or not.
    public var contactEmail: String? { identifiedEmail ?? email }

    enum CodingKeys: String, CodingKey {
        case email, name, authenticated
        case profileID = "profile_id"
        case verifiedEmail = "verified_email"
        case phone
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            email: try c.decodeIfPresent(String.self, forKey: .email),
            profileID: try c.decodeIfPresent(String.self, forKey: .profileID),
            name: try c.decodeIfPresent(String.self, forKey: .name),
            authenticated: try c.decodeIfPresent(Bool.self, forKey: .authenticated) ?? false,
            verifiedEmail: try c.decodeIfPresent(String.self, forKey: .verifiedEmail),
            phone: try c.decodeIfPresent(String.self, forKey: .phone)
        )
    }
}

/// What the shop knows about a customer.
public struct CustomerProfile: Sendable, Hashable, Codable {
    public var id: String
    public var email: String
    public var firstName: String?
    public var lastName: String?
    public var phone: String?
    /// The marketing platform's profile id (Klaviyo), put on handoff tickets.
    public var profileID: String?

    public init(
        id: String, email: String, firstName: String? = nil, lastName: String? = nil, phone: String? = nil,
        profileID: String? = nil
    ) {
        self.id = id
        self.email = email
        self.firstName = firstName
        self.lastName = lastName
        self.phone = phone
        self.profileID = profileID
    }

    enum CodingKeys: String, CodingKey {
        case id, email, phone
        case firstName = "first_name", lastName = "last_name", profileID = "profile_id"
    }
}

import Foundation

/// A discount code.
public struct Coupon: Sendable, Hashable, Codable {
    public var code: String
    /// What it gives, e.g. "10% off your first order".
    public var description: String
    /// The email it is reserved for; nil for a public code anyone may use.
    public var email: String?
    public var expiresAt: Date?
    /// The smallest order subtotal it applies to.
    public var minimumSubtotal: Money?

    public init(
        code: String, description: String, email: String? = nil, expiresAt: Date? = nil,
        minimumSubtotal: Money? = nil
    ) {
        self.code = code
        self.description = description
        self.email = email
        self.expiresAt = expiresAt
        self.minimumSubtotal = minimumSubtotal
    }

    /// True when anyone may use the code.
    public var isPublic: Bool { email == nil }

    /// True when the code has not expired at `date`.
    public func isValid(at date: Date = Date()) -> Bool {
        guard let expiresAt else { return true }
        return expiresAt > date
    }

    enum CodingKeys: String, CodingKey {
        case code, description, email
        case expiresAt = "expires_at", minimumSubtotal = "minimum_subtotal"
    }
}

import Foundation

/// What a loyalty platform reports after spending a customer's points on a reward.
///
/// Skills state only what this says: the code and the balance come from the platform, never
/// from arithmetic on the request.
public struct LoyaltyRedemption: Sendable, Hashable, Codable {
    /// The platform's id for the redemption (Smile.io: the `points_purchase` id), when given.
    public var id: String?
    /// The reward's name, e.g. "$10 off".
    public var rewardName: String
    /// The points the platform says were spent.
    public var pointsSpent: Int
    /// The discount code the reward gave, or nil when the platform returned none.
    public var code: String?
    /// The customer's balance after the redemption as the platform reports it, or nil when unknown.
    public var pointsBalance: Int?
    /// When the code expires, when the platform says.
    public var expiresAt: Date?

    public init(
        id: String? = nil, rewardName: String, pointsSpent: Int, code: String?, pointsBalance: Int?, expiresAt: Date? = nil
    ) {
        self.id = id
        self.rewardName = rewardName
        self.pointsSpent = pointsSpent
        self.code = code
        self.pointsBalance = pointsBalance
        self.expiresAt = expiresAt
    }

    enum CodingKeys: String, CodingKey {
        case id, code
        case rewardName = "reward_name", pointsSpent = "points_spent", pointsBalance = "points_balance", expiresAt = "expires_at"
    }
}

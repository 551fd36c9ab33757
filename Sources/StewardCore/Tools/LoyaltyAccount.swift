/// A customer's loyalty points and what they can redeem.
public struct LoyaltyAccount: Sendable, Hashable, Codable {
    /// A reward the customer can redeem with points.
    public struct Reward: Sendable, Hashable, Codable {
        public var id: String
        public var name: String
        public var pointsCost: Int

        public init(id: String, name: String, pointsCost: Int) {
            self.id = id
            self.name = name
            self.pointsCost = pointsCost
        }

        enum CodingKeys: String, CodingKey {
            case id, name
            case pointsCost = "points_cost"
        }
    }

    public var email: String
    public var pointsBalance: Int
    /// The tier, e.g. "Gold".
    public var tier: String?
    public var rewards: [Reward]

    public init(email: String, pointsBalance: Int, tier: String? = nil, rewards: [Reward] = []) {
        self.email = email
        self.pointsBalance = pointsBalance
        self.tier = tier
        self.rewards = rewards
    }

    /// The rewards the balance covers.
    public var redeemable: [Reward] { rewards.filter { $0.pointsCost <= pointsBalance } }

    enum CodingKeys: String, CodingKey {
        case email, tier, rewards
        case pointsBalance = "points_balance"
    }
}

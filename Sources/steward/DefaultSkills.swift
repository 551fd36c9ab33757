import Coupons
import KnowledgeBase
import Loyalty
import OrderEditing
import OrderTracking
import Recommendations
import Returns
import StewardCore
import Subscriptions

/// The skills Steward runs, in priority order. Register a new skill with one line here.
enum DefaultSkills {
    static let all: [any Skill] = [
        OrderTrackingSkill(),
        ReturnsSkill(),
        CouponsSkill(),
        OrderEditingSkill(),
        SubscriptionsSkill(),
        LoyaltySkill(),
        RecommendationsSkill(),
        KnowledgeBaseSkill(),
    ]
}

import Coupons
import KnowledgeBase
import Loyalty
import OrderEditing
import OrderTracking
import Recommendations
import Returns
import StewardCore
import Subscriptions

/// The skills Steward ships, in running order: the one list the `steward` executable, its
/// `steward test` and every test target use.
///
/// Adding a skill: its folder `Skills/<Name>/` (with `skill.yaml`), its folder name in `Package.swift`'s
/// `skills` (SwiftPM needs it), and one line here (plus its `import`). A skill earlier in the list wins a tie
/// between two skills' intents. The conformance suite (`Tests/SkillConformanceTests`) fails when a
/// folder under `Skills/` has no skill in this list or is not named in `Package.swift`.
public enum ShippedSkills {
    /// Every shipped skill, in running order.
    public static let all: [any Skill] = [
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

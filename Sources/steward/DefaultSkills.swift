import Coupons
import KnowledgeBase
import OrderTracking
import Returns
import StewardCore

/// The skills Steward runs, in priority order. Register a new skill with one line here.
enum DefaultSkills {
    static let all: [any Skill] = [
        OrderTrackingSkill(),
        ReturnsSkill(),
        CouponsSkill(),
        KnowledgeBaseSkill(),
    ]
}

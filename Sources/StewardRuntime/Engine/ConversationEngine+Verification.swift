import Foundation
import StewardCore

extension ConversationEngine {
    /// Too many failed order number and email checks (``VerificationPolicy``): the customer is told,
    /// in their language, to try again later, and a person is offered (ticket reason
    /// `verification_limit`). Nothing about any order is said, not even whether it exists: the check
    /// was refused before anything was looked up. The skill's question ends; the counts stay in the store.
    func verificationLimited(
        _ limit: VerificationLimitReached, skill: String, intent: String, confidence: Double, session: inout Session
    ) -> Decision {
        session.active = nil
        let response = SkillResponse.cannotResolve(localized(.verificationLimit, session), reason: limit.description)
        return Decision(response: response, skill: skill, intent: intent, confidence: confidence)
    }
}

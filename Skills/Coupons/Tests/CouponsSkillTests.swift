import Coupons
import StewardCore
import StewardSkillTesting
import Testing

/// Coupons on the demo store's codes (`demo/coupons.json`), called directly.
@Suite struct CouponsSkillTests {
    let bench: SkillHarness
    init() throws { bench = try SkillHarness() }

    @Test func publicCodesAreOfferedAsCards() async throws {
        let reply = try await bench.ask(CouponsSkill(), "do you have any discount codes?", intent: "coupon_request")
        #expect(reply.text.contains("WELCOME10"))
        #expect(!reply.cards.isEmpty && reply.cards.allSatisfy { $0.kind == .coupon })
    }

    @Test func aCodeTypedInAnyCaseIsExplained() async throws {
        let expired = try await bench.ask(CouponsSkill(), "my discount code fall25 doesn't work", intent: "coupon_problem")
        #expect(expired.text.contains("FALL25 expired"))
        let valid = try await bench.ask(CouponsSkill(), "my code Trail20, is not working", intent: "coupon_problem")
        #expect(valid.text.contains("TRAIL20 is valid"))
    }
}

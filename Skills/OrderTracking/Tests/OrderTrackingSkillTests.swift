import OrderTracking
import StewardCore
import StewardSkillTesting
import Testing

/// Order tracking on the demo store (`demo/README.md` lists the orders), called directly.
@Suite struct OrderTrackingSkillTests {
    let bench: SkillHarness
    init() throws { bench = try SkillHarness() }

    @Test func aSignedInCustomerGetsTheOrdersStatusAndCard() async throws {
        let reply = try await bench.ask(
            OrderTrackingSkill(), "where is my order #1001?", intent: "order_status", customer: SkillHarness.demoCustomer)
        #expect(reply.outcome == .resolved)
        #expect(reply.text.hasPrefix("Order #1001 is "))
        #expect(reply.cards.map(\.kind) == [.order])
        #expect(reply.cards.first?.title == "Order #1001")
        #expect(reply.facts["order"] == "#1001")
        // On SMS the card is text, within the channel's limits.
        let sms = bench.render(reply, on: .sms)
        #expect(sms.cards.isEmpty && sms.text.contains("Order #1001"))
        #expect(ChannelLimits().problem(with: sms, on: .sms) == nil)
    }

    @Test func anAnonymousCustomerIsAskedToVerifyAndToldNothing() async throws {
        let reply = try await bench.ask(OrderTrackingSkill(), "where is my order #1001?", intent: "order_status")
        #expect(reply.outcome == .needsInput)
        #expect(reply.cards.isEmpty)
        #expect(!reply.text.contains("transit") && !reply.text.contains("delivered"))
    }
}

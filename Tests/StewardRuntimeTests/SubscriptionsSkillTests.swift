import Foundation
import StewardCore
import StewardRuntime
import Testing

/// Subscriptions against the demo store. Tests that pause, skip or cancel use an engine of their own.
@Suite struct SubscriptionsSkillTests {
    let jane = Customer(email: "jane.doe@example.com", authenticated: true)
    let emma = Customer(email: "emma.johansson@example.com", authenticated: true)

    @Test func anIdentifiedCustomerSeesTheirSubscriptions() async throws {
        let chat = Conversation(try makeEngine(), customer: jane)
        let reply = try await chat.say("show me my subscriptions")
        #expect(reply.skill == "subscriptions")
        #expect(reply.intent == "subscription_status")
        #expect(reply.outcome == "resolved")
        #expect(reply.text.contains("Trail Coffee Beans 1kg"))
        #expect(reply.text.contains("every 30 days"))
        #expect(reply.text.contains("Wool Hiking Socks 3-pack"))
        #expect(reply.text.contains("paused"))
        #expect(reply.cards.count == 2)
        let coffee = try #require(reply.cards.first { $0.title == "Trail Coffee Beans 1kg" })
        #expect(coffee.kind == .subscription)
        #expect(coffee.subtitle == "Active")
        #expect(coffee.fields.contains { $0.label == "Interval" && $0.value == "Every 30 days" })
        #expect(coffee.fields.contains { $0.label == "Next charge" })
        #expect(coffee.fields.contains { $0.label == "Price" && $0.value == "$21.60" })
    }

    @Test func anAnonymousCustomerGetsNoAccountDataUntilVerified() async throws {
        let chat = Conversation(try makeEngine())
        let ask = try await chat.say("what subscriptions do i have")
        #expect(ask.skill == "subscriptions")
        #expect(ask.outcome == "needs_input")
        #expect(ask.cards.isEmpty)
        #expect(!ask.text.contains("Coffee"))
        #expect(ask.text.contains("order"))
        try await chat.say("#1002")
        let wrong = try await chat.say("someone.else@example.com")
        #expect(wrong.cards.isEmpty)
        #expect(!wrong.text.contains("Coffee"))
        // An email the host has not authenticated is not trusted either.
        let claimed = Conversation(try makeEngine(), customer: Customer(email: "jane.doe@example.com"))
        let reply = try await claimed.say("show me my subscriptions")
        #expect(reply.outcome == "needs_input")
        #expect(!reply.text.contains("Coffee"))
    }

    @Test func orderNumberAndEmailUnlockTheSubscriptions() async throws {
        let chat = Conversation(try makeEngine())
        try await chat.say("list my subscriptions")
        let email = try await chat.say("1009")
        #expect(email.text.contains("email"))
        let reply = try await chat.say("emma.johansson@example.com")
        #expect(reply.skill == "subscriptions")
        #expect(reply.text.contains("Running Crew Socks 2-pack"))
        #expect(reply.text.contains("Wool Hiking Socks 3-pack"))
        #expect(!reply.text.contains("Coffee"))
    }

    @Test func pausingAsksWhichAndConfirmsFirst() async throws {
        let engine = try makeEngine(skills: shippedSkills)
        let chat = Conversation(engine, customer: emma)
        let which = try await chat.say("pause my subscription")
        #expect(which.skill == "subscriptions")
        #expect(which.intent == "subscription_pause")
        #expect(which.outcome == "needs_input")
        #expect(which.suggestions.map(\.title) == ["Wool Hiking Socks 3-pack", "Running Crew Socks 2-pack"])
        let confirm = try await chat.click("skill:subscriptions:choose:sub_005", title: "Running Crew Socks 2-pack")
        #expect(confirm.outcome == "needs_input")
        #expect(confirm.text.contains("Pause your Running Crew Socks 2-pack subscription"))
        #expect(confirm.suggestions.map(\.action) == ["skill:subscriptions:confirm:pause:sub_005", "skill:subscriptions:decline:pause:sub_005"])
        #expect(try await status("sub_005", of: "emma.johansson@example.com", in: engine) == .active)
        let done = try await chat.click("skill:subscriptions:confirm", title: "Yes")
        #expect(done.outcome == "resolved")
        #expect(done.text.contains("paused"))
        #expect(done.cards.first?.subtitle == "Paused")
        #expect(try await status("sub_005", of: "emma.johansson@example.com", in: engine) == .paused)
        #expect(try await status("sub_004", of: "emma.johansson@example.com", in: engine) == .active)
    }

    @Test func noLeavesTheSubscriptionUnchanged() async throws {
        let engine = try makeEngine(skills: shippedSkills)
        let chat = Conversation(engine, customer: jane)
        let confirm = try await chat.say("cancel my coffee subscription")
        #expect(confirm.intent == "subscription_cancel")
        #expect(confirm.text.contains("Cancel your Trail Coffee Beans 1kg subscription"))
        let reply = try await chat.say("no")
        #expect(reply.text.contains("haven't changed"))
        #expect(try await status("sub_001", of: "jane.doe@example.com", in: engine) == .active)
    }

    @Test func cancellingNamesTheSubscriptionAndStopsCharges() async throws {
        let engine = try makeEngine(skills: shippedSkills)
        let marcus = Customer(email: "marcus.chen@example.com", authenticated: true)
        let chat = Conversation(engine, customer: marcus)
        let confirm = try await chat.say("I want to cancel my subscription")
        #expect(confirm.outcome == "needs_input")
        let done = try await chat.say("yes")
        #expect(done.text.contains("cancelled"))
        #expect(try await status("sub_003", of: "marcus.chen@example.com", in: engine) == .cancelled)
    }

    @Test func skippingMovesTheNextCharge() async throws {
        let engine = try makeEngine(skills: shippedSkills)
        let chat = Conversation(engine, customer: jane)
        let before = try #require(try await engine.tools.subscriptions?.subscriptions(email: "jane.doe@example.com").first { $0.id == "sub_001" }?.nextChargeAt)
        let confirm = try await chat.say("skip my next delivery")
        #expect(confirm.intent == "subscription_skip")
        // Only the active coffee subscription has a delivery to skip.
        #expect(confirm.text.contains("Trail Coffee Beans 1kg"))
        let done = try await chat.say("yes")
        let after = try #require(try await engine.tools.subscriptions?.subscriptions(email: "jane.doe@example.com").first { $0.id == "sub_001" }?.nextChargeAt)
        #expect(after > before)
        #expect(done.text.contains(DateText.day(after)))
    }

    @Test func thePortalIsGivenWithoutAccountData() async throws {
        let chat = Conversation(try makeEngine())
        let reply = try await chat.say("how do I change the frequency of my subscription?")
        #expect(reply.skill == "subscriptions")
        #expect(reply.outcome == "resolved")
        #expect(reply.text.contains("subscriptions.md"))
        #expect(!reply.text.contains("Coffee Beans 1kg every"))
    }

    @Test func smsShowsSubscriptionsAsTextWithLinks() async throws {
        let chat = Conversation(try makeEngine(), channel: .sms, customer: jane)
        let reply = try await chat.say("when is my next subscription delivery")
        #expect(reply.skill == "subscriptions")
        #expect(reply.cards.isEmpty)
        #expect(reply.suggestions.isEmpty)
        #expect(reply.text.contains("Trail Coffee Beans 1kg"))
        #expect(reply.text.contains("https://"))
    }

    func status(_ id: String, of email: String, in engine: ConversationEngine) async throws -> Subscription.Status? {
        try await engine.tools.subscriptions?.subscriptions(email: email).first { $0.id == id }?.status
    }
}

import Foundation
import StewardCore
import StewardRuntime
import Testing

/// Redeeming points against the demo store: only a clear yes spends points. Every test that may
/// redeem uses an engine of its own (redeeming changes the demo store's balance).
@Suite struct LoyaltyRedeemTests {
    let jane = Customer(email: "jane.doe@example.com", authenticated: true)

    func balance(_ email: String, in engine: ConversationEngine) async throws -> Int? {
        try await engine.tools.loyalty?.account(email: email)?.pointsBalance
    }

    @Test func listsAffordableRewardsThenRedeemsOnYesWithTheReturnedCodeAndBalance() async throws {
        let engine = try makeEngine(skills: shippedSkills)
        let chat = Conversation(engine, customer: jane)
        let list = try await chat.say("I want to redeem my points")
        #expect(list.skill == "loyalty")
        #expect(list.intent == "loyalty_redeem")
        #expect(list.outcome == "needs_input")
        #expect(list.text.contains("You have 1,250 points"))
        #expect(list.suggestions.map(\.title) == ["Free shipping", "$5 off", "$10 off"])  // $25 off needs 2,500
        let confirm = try await chat.click("skill:loyalty:redeem:rw_10_off", title: "$10 off")
        #expect(confirm.outcome == "needs_input")
        #expect(confirm.text == "Redeem 1,000 points for $10 off? Reply yes or no.")
        #expect(confirm.suggestions.map(\.action) == ["skill:loyalty:confirm:redeem:rw_10_off", "skill:loyalty:decline:redeem:rw_10_off"])
        #expect(try await balance("jane.doe@example.com", in: engine) == 1250)
        let done = try await chat.say("yes")
        #expect(done.outcome == "resolved")
        #expect(done.text.contains("Done: you redeemed 1,000 points for $10 off."))
        #expect(done.text.contains("Your code is TRAIL-10-OFF-1001"))
        #expect(done.text.contains("Your balance is now 250 points."))
        #expect(done.cards.first?.fields.contains { $0.label == "Code" && $0.value == "TRAIL-10-OFF-1001" } == true)
        #expect(try await balance("jane.doe@example.com", in: engine) == 250)
    }

    @Test(arguments: ["no", "skill:loyalty:decline"])
    func noRedeemsNothing(answer: String) async throws {
        let engine = try makeEngine(skills: shippedSkills)
        let chat = Conversation(engine, customer: jane)
        try await chat.say("I want to redeem my points")
        try await chat.click("skill:loyalty:redeem:rw_5_off", title: "$5 off")
        let reply = answer.hasPrefix("skill:") ? try await chat.click(answer, title: "No") : try await chat.say(answer)
        #expect(reply.outcome == "resolved")
        #expect(reply.text.contains("haven't redeemed anything"))
        #expect(reply.text.contains("1,250 points"))
        #expect(try await balance("jane.doe@example.com", in: engine) == 1250)
    }

    @Test func maybeLaterAsksAgainWithExplicitChoicesAndRedeemsNothing() async throws {
        let engine = try makeEngine(skills: shippedSkills)
        let chat = Conversation(engine, customer: jane)
        try await chat.say("I want to redeem my points")
        try await chat.click("skill:loyalty:redeem:rw_free_shipping", title: "Free shipping")
        let again = try await chat.say("maybe later")
        #expect(again.outcome == "needs_input")
        #expect(again.text.contains("clear yes or no"))
        #expect(again.text.contains("Redeem 300 points for Free shipping?"))
        #expect(again.suggestions.map(\.action) == ["skill:loyalty:confirm:redeem:rw_free_shipping", "skill:loyalty:decline:redeem:rw_free_shipping"])
        #expect(try await balance("jane.doe@example.com", in: engine) == 1250)
        // "hmm" is filler: the question stays open ("take your time"), nothing is spent.
        let hmm = try await chat.say("hmm")
        #expect(hmm.outcome == "hold")
        #expect(try await balance("jane.doe@example.com", in: engine) == 1250)
        let no = try await chat.say("no")
        #expect(no.text.contains("haven't redeemed anything"))
        #expect(try await balance("jane.doe@example.com", in: engine) == 1250)
    }

    @Test func aRewardCanBeChosenByTypedNumberOrName() async throws {
        let engine = try makeEngine(skills: shippedSkills)
        let byNumber = Conversation(engine, customer: jane)
        try await byNumber.say("I want to redeem my points")
        let first = try await byNumber.say("1")
        #expect(first.text == "Redeem 300 points for Free shipping? Reply yes or no.")
        let byName = Conversation(engine, customer: jane)
        try await byName.say("I want to redeem my points")
        let named = try await byName.say("the $5 off")
        #expect(named.text == "Redeem 500 points for $5 off? Reply yes or no.")
        #expect(try await balance("jane.doe@example.com", in: engine) == 1250)
    }

    @Test func aRewardNamedInTheRequestGoesStraightToTheQuestion() async throws {
        let engine = try makeEngine(skills: shippedSkills)
        let chat = Conversation(engine, customer: jane)
        let confirm = try await chat.say("redeem 1000 points for $10 off please")
        #expect(confirm.intent == "loyalty_redeem")
        #expect(confirm.text == "Redeem 1,000 points for $10 off? Reply yes or no.")
        #expect(try await balance("jane.doe@example.com", in: engine) == 1250)
    }

    @Test func aRewardOutOfReachIsSaidAndTheAffordableOnesListed() async throws {
        let engine = try makeEngine(skills: shippedSkills)
        let reply = try await Conversation(engine, customer: jane).say("I want to redeem my points for free shipping")
        #expect(reply.text == "Redeem 300 points for Free shipping? Reply yes or no.")
        let other = try await Conversation(engine, customer: jane).say("can I redeem points for the $25 off reward")
        #expect(other.outcome == "needs_input")
        #expect(other.text.hasPrefix("$25 off needs 2,500 points, 1,250 more than you have."))
        #expect(other.suggestions.map(\.title) == ["Free shipping", "$5 off", "$10 off"])
        #expect(try await balance("jane.doe@example.com", in: engine) == 1250)
    }

    @Test func theBalanceOffersRedemptionWhenARewardIsAffordable() async throws {
        let reply = try await Conversation(try makeEngine(), customer: jane).say("how many points do I have?")
        #expect(reply.suggestions.first?.action == "intent:loyalty_redeem")
    }

    @Test func aBalanceTooSmallForAnyRewardRedeemsNothing() async throws {
        let engine = try makeEngine(skills: shippedSkills)
        let noah = Customer(email: "noah.williams@example.com", authenticated: true)
        let reply = try await Conversation(engine, customer: noah).say("I want to redeem my points")
        #expect(reply.outcome == "resolved")
        #expect(reply.text.contains("95 points, which isn't enough for a reward yet"))
        #expect(reply.suggestions.isEmpty)
    }

    @Test func anAnonymousCustomerAskingHowToRedeemGetsTheKnowledgeAnswer() async throws {
        let reply = try await Conversation(try makeEngine()).say("how do I redeem my points?")
        #expect(reply.skill == "loyalty")
        #expect(reply.intent == "loyalty_redeem")
        #expect(reply.outcome == "resolved")
        #expect(reply.text.contains("loyalty.md"))
        #expect(!reply.text.contains("1,250"))
        #expect(!reply.text.contains("Reply yes or no"))
    }
}

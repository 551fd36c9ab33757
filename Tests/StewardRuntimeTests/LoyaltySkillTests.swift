import Foundation
import StewardCore
import StewardRuntime
import Testing

@Suite struct LoyaltySkillTests {
    @Test func anIdentifiedCustomerSeesPointsTierAndRewards() async throws {
        let jane = Customer(email: "jane.doe@example.com", authenticated: true)
        let reply = try await Conversation(try makeEngine(), customer: jane).say("how many points do I have?")
        #expect(reply.skill == "loyalty")
        #expect(reply.intent == "loyalty_balance")
        #expect(reply.outcome == "resolved")
        #expect(reply.text.contains("1,250 points"))
        #expect(reply.text.contains("Gold"))
        #expect(reply.text.contains("$10 off"))
        #expect(reply.text.contains("1,250 more points gets you $25 off"))
        let card = try #require(reply.cards.first)
        #expect(card.kind == .loyalty)
        #expect(card.fields.contains { $0.label == "Points" && $0.value == "1,250" })
        #expect(card.fields.contains { $0.label == "Redeem now" && $0.value == "Free shipping, $5 off, $10 off" })
        #expect(card.url == "https://northwind.example/account/rewards")
    }

    @Test func aSmallBalanceHasNothingToRedeemYet() async throws {
        let noah = Customer(email: "noah.williams@example.com", authenticated: true)
        let reply = try await Conversation(try makeEngine(), customer: noah).say("what's my points balance")
        #expect(reply.text.contains("95 points"))
        #expect(reply.text.contains("not enough for a reward yet"))
        #expect(reply.text.contains("205 more points gets you Free shipping"))
    }

    @Test func aCustomerWhoIsNotAMemberIsToldHowToJoin() async throws {
        let carlos = Customer(email: "carlos.mendoza@example.org", authenticated: true)
        let reply = try await Conversation(try makeEngine(), customer: carlos).say("how many loyalty points do i have")
        #expect(reply.text.contains("isn't a member"))
        #expect(reply.text.contains("loyalty.md › How to join"))
    }

    @Test func anAnonymousCustomerGetsNoBalanceUntilVerified() async throws {
        let chat = Conversation(try makeEngine())
        let ask = try await chat.say("how many points do I have?")
        #expect(ask.skill == "loyalty")
        #expect(ask.outcome == "needs_input")
        #expect(ask.cards.isEmpty)
        #expect(!ask.text.contains("1,250"))
        try await chat.say("1001")
        let wrong = try await chat.say("someone.else@example.com")
        #expect(!wrong.text.contains("1,250"))
        #expect(wrong.cards.isEmpty)
        try await chat.say("1001")
        let reply = try await chat.say("jane.doe@example.com")
        #expect(reply.text.contains("1,250 points"))
    }

    @Test func howToEarnNeedsNoIdentity() async throws {
        let reply = try await Conversation(try makeEngine()).say("how do I earn points?")
        #expect(reply.skill == "loyalty")
        #expect(reply.intent == "loyalty_program")
        #expect(reply.outcome == "resolved")
        #expect(reply.text.contains("1 point for every $1"))
        #expect(reply.text.contains("loyalty.md"))
        let expiry = try await Conversation(try makeEngine()).say("do my points expire?")
        #expect(expiry.text.contains("12 months"))
    }

    @Test func smsGetsTheBalanceAsTextWithTheLink() async throws {
        let jane = Customer(email: "jane.doe@example.com", authenticated: true)
        let reply = try await Conversation(try makeEngine(), channel: .sms, customer: jane).say("my points balance please")
        #expect(reply.cards.isEmpty)
        #expect(reply.suggestions.isEmpty)
        #expect(reply.text.contains("1,250 points"))
        #expect(reply.text.contains("https://northwind.example/account/rewards"))
    }
}

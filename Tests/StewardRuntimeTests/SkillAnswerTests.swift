import Foundation
import StewardCore
import StewardRuntime
import Testing

@Suite struct SkillAnswerTests {
    @Test func returnPolicyIsQuotedFromKnowledge() async throws {
        let chat = Conversation(try makeEngine())
        let reply = try await chat.say("what is your return policy?")
        #expect(reply.skill == "returns")
        #expect(reply.text.contains("returns.md"))
    }

    @Test func deliveredOrderWithinTheWindowCanBeReturned() async throws {
        let customer = Customer(email: "jane.doe@example.com", authenticated: true)
        let chat = Conversation(try makeEngine(), customer: customer)
        let reply = try await chat.say("I want to return order #1002")
        #expect(reply.skill == "returns")
        #expect(reply.text.contains("can be returned"))
        #expect(reply.text.contains("https://northwind.example/returns"))
    }

    @Test func orderThatHasNotShippedCannotBeReturned() async throws {
        let customer = Customer(email: "jane.doe@example.com", authenticated: true)
        let chat = Conversation(try makeEngine(), customer: customer)
        let reply = try await chat.say("can I return order 1003")
        #expect(reply.text.contains("hasn't shipped"))
    }

    @Test func anonymousCustomersSeeOnlyPublicCodes() async throws {
        let chat = Conversation(try makeEngine())
        let reply = try await chat.say("do you have any discount codes?")
        #expect(reply.skill == "coupons")
        #expect(reply.text.contains("WELCOME10"))
        #expect(!reply.text.contains("JANE-VIP-15"))
        #expect(reply.cards.allSatisfy { $0.kind == .coupon })
    }

    @Test func identifiedCustomersAlsoSeeTheirPersonalCodes() async throws {
        let customer = Customer(email: "jane.doe@example.com", authenticated: true)
        let chat = Conversation(try makeEngine(), customer: customer)
        let reply = try await chat.say("any coupon for me?")
        #expect(reply.text.contains("JANE-VIP-15"))
    }

    @Test func generalQuestionsQuoteTheBestPassageWithItsSource() async throws {
        let chat = Conversation(try makeEngine())
        let reply = try await chat.say("do you ship internationally?")
        #expect(reply.skill == "knowledge_base")
        #expect(reply.text.contains("shipping.md"))
    }

    @Test func questionsTheKnowledgeBaseCannotAnswerAreNotGuessed() async throws {
        let engine = try makeEngine()
        let knowledge = engine.knowledge
        #expect(knowledge.answer("what is the airspeed velocity of an unladen swallow") == nil)
    }
}

import Foundation
import StewardCore
import StewardRuntime
import Testing

@Suite struct DigressionTests {
    @Test func aClearChangeOfTopicIsAnsweredAndTheTaskOfferedAgain() async throws {
        let chat = Conversation(try makeEngine())
        let ask = try await chat.say("where is my order")
        #expect(ask.outcome == "needs_input")
        let detour = try await chat.say("do you have any discount codes right now?")
        #expect(detour.skill == "coupons")
        #expect(detour.text.contains("get back to order tracking"))
        #expect(detour.suggestions.contains { $0.action == "resume" })
        let back = try await chat.click("resume")
        #expect(back.skill == "order_tracking")
        #expect(back.outcome == "needs_input")
        #expect(back.text.contains("order number"))
        let answer = try await chat.say("#1002")
        #expect(answer.text.lowercased().contains("email"))
    }

    @Test func aBareAnswerIsNotTakenForANewTopic() async throws {
        let chat = Conversation(try makeEngine())
        try await chat.say("I want to return something")
        let reply = try await chat.say("1002")
        #expect(reply.skill == "returns")
    }

    @Test func unknownMessagesGetSuggestionsFromLiveSkills() async throws {
        let chat = Conversation(try makeEngine())
        let reply = try await chat.say("purple elephants juggling quantum bananas")
        #expect(reply.outcome == "no_match")
        #expect(reply.text.contains("I can help with"))
        #expect(!reply.suggestions.isEmpty)
    }
}

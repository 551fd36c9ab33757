import Foundation
import StewardCore
import StewardRuntime
import Testing

@Suite struct OrderTrackingConversationTests {
    @Test func anonymousCustomerGivesOrderNumberAndEmailAndGetsTheStatus() async throws {
        let chat = Conversation(try makeEngine())
        let first = try await chat.say("where is my order #1001?")
        #expect(first.skill == "order_tracking")
        #expect(first.intent == "order_status")
        #expect(first.outcome == "needs_input")
        #expect(first.text.lowercased().contains("email"))
        let second = try await chat.say("jane.doe@example.com")
        #expect(second.outcome == "resolved")
        #expect(second.text.contains("#1001"))
        #expect(second.text.contains("in transit"))
        #expect(second.text.contains("UPS"))
        #expect(second.text.contains("1Z999AA10123456784"))
        let card = try #require(second.cards.first)
        #expect(card.kind == .order)
        #expect(card.fields.contains { $0.label == "Tracking" && $0.value == "1Z999AA10123456784" })
    }

    @Test func wrongEmailRevealsNothingAboutTheOrder() async throws {
        let chat = Conversation(try makeEngine())
        try await chat.say("track order 1001")
        let reply = try await chat.say("someone.else@example.com")
        #expect(reply.outcome == "needs_input")
        #expect(reply.cards.isEmpty)
        #expect(!reply.text.contains("UPS"))
        #expect(!reply.text.contains("transit"))
        #expect(!reply.text.contains("1Z999"))
        // The same message for an order that does not exist: nothing to tell them apart.
        let other = Conversation(try makeEngine())
        try await other.say("track order 9999")
        let missing = try await other.say("someone.else@example.com")
        #expect(missing.text == reply.text)
    }

    @Test func invalidOrderNumberAndEmailAreAskedAgain() async throws {
        let chat = Conversation(try makeEngine())
        let ask = try await chat.say("where is my package")
        #expect(ask.text.contains("order number"))
        let bad = try await chat.say("i don't know, it was blue")
        #expect(bad.outcome == "needs_input")
        #expect(bad.text.contains("doesn't look like an order number"))
        try await chat.say("1002")
        let badEmail = try await chat.say("jane at example")
        #expect(badEmail.text.contains("doesn't look like an email"))
        let done = try await chat.say("jane.doe@example.com")
        #expect(done.text.contains("delivered"))
    }

    @Test func authenticatedCustomerFromTheHostNeedsNoEmail() async throws {
        let customer = Customer(email: "jane.doe@example.com", authenticated: true)
        let chat = Conversation(try makeEngine(), customer: customer)
        let reply = try await chat.say("where is order #1003")
        #expect(reply.outcome == "resolved")
        #expect(reply.text.contains("#1003"))
        #expect(reply.text.contains("not shipped"))
        // Someone else's order is not shown to an authenticated customer either.
        let other = try await chat.say("where is order #1004")
        #expect(!other.text.contains("cancelled"))
        #expect(other.cards.isEmpty)
    }

    @Test(arguments: ["current status of purchase 1001 please", "ETA for purchase 1001"])
    func aSignedInCustomerAskingAboutAPurchaseByNumberIsNotAskedForIt(text: String) async throws {
        let customer = Customer(email: "jane.doe@example.com", authenticated: true)
        let reply = try await Conversation(try makeEngine(), customer: customer).say(text)
        #expect(reply.skill == "order_tracking")
        #expect(reply.outcome == "resolved")
        #expect(reply.text.contains("#1001"))
        #expect(reply.text.contains("in transit"))
        #expect(!reply.text.contains("order number"))
        #expect(!reply.text.contains("Which order"))
    }

    @Test(arguments: ["current status of purchase 552093871146 please", "ETA for purchase 552093871146"])
    func anUnknownLongIdIsNotFoundRatherThanAskedFor(text: String) async throws {
        let customer = Customer(email: "jane.doe@example.com", authenticated: true)
        let reply = try await Conversation(try makeEngine(), customer: customer).say(text)
        #expect(reply.skill == "order_tracking")
        #expect(reply.text.contains("couldn't find order #552093871146"))
        #expect(!reply.text.contains("What's your order number"))
        #expect(reply.cards.isEmpty)
    }

    @Test func anAnonymousCustomerWithALongIdStillVerifiesWithAnEmail() async throws {
        let chat = Conversation(try makeEngine())
        let first = try await chat.say("current status of purchase 552093871146 please")
        #expect(first.skill == "order_tracking")
        #expect(first.outcome == "needs_input")
        #expect(first.text.contains("email address on order #552093871146"))
        #expect(!first.text.contains("What's your order number"))
        let second = try await chat.say("jane.doe@example.com")
        #expect(second.text.contains("couldn't find an order with that number and email"))
        #expect(second.cards.isEmpty)
        // A real order is not shown to an anonymous customer without its email either.
        let other = Conversation(try makeEngine())
        let known = try await other.say("ETA for purchase 1001")
        #expect(known.outcome == "needs_input")
        #expect(known.text.contains("email address on order #1001"))
        #expect(!known.text.contains("transit"))
    }

    @Test func anOrderHistoryRequestNamingOneOrderShowsThatOrder() async throws {
        let customer = Customer(email: "jane.doe@example.com", authenticated: true)
        let chat = Conversation(try makeEngine(), customer: customer)
        let reply = try await chat.click("intent:order_history", title: "my previous purchase 1002")
        #expect(reply.outcome == "resolved")
        #expect(reply.text.hasPrefix("Order #1002 is"))
        #expect(reply.cards.count == 1)
    }

    @Test func unauthenticatedEmailFromTheHostIsNotTrusted() async throws {
        let customer = Customer(email: "jane.doe@example.com", authenticated: false)
        let chat = Conversation(try makeEngine(), customer: customer)
        let reply = try await chat.say("show me my orders")
        #expect(reply.outcome == "needs_input")
        #expect(reply.cards.isEmpty)
    }

    @Test func neverMindCancelsTheQuestion() async throws {
        let chat = Conversation(try makeEngine())
        try await chat.say("track my order")
        let reply = try await chat.say("never mind")
        #expect(reply.intent == "system.cancel")
        let next = try await chat.say("1001")
        #expect(next.skill != "order_tracking" || next.outcome != "needs_input" || !next.text.contains("email"))
    }

    @Test func smsRepliesCarryTheTrackingLinkInTheText() async throws {
        let chat = Conversation(try makeEngine(), channel: .sms)
        try await chat.say("where is my order 1001")
        let reply = try await chat.say("jane.doe@example.com")
        #expect(reply.cards.isEmpty)
        #expect(reply.suggestions.isEmpty)
        #expect(reply.text.contains("https://"))
        #expect(reply.text.contains("1Z999AA10123456784"))
    }
}

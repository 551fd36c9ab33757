import Foundation
import StewardCore
import StewardRuntime
import Testing

/// Order editing against the demo store. Tests that cancel use an engine of their own (cancelling
/// changes the demo store), and orders no other test relies on.
@Suite struct OrderEditingSkillTests {
    let jane = Customer(email: "jane.doe@example.com", authenticated: true)

    @Test func cancellingAnUnshippedOrderAsksFirstThenCancelsOnYes() async throws {
        let engine = try makeEngine(skills: shippedSkills)
        let oliver = Customer(email: "oliver.brown@example.com", authenticated: true)
        let chat = Conversation(engine, customer: oliver)
        let ask = try await chat.say("please cancel order #1014")
        #expect(ask.skill == "order_editing")
        #expect(ask.intent == "order_cancel")
        #expect(ask.outcome == "needs_input")
        #expect(ask.text.contains("Cancel order #1014 (1 item, $89.90)?"))
        #expect(ask.suggestions.map(\.action) == ["skill:order_editing:confirm:cancel:1014", "skill:order_editing:decline:cancel:1014"])
        // Nothing has changed until the customer says yes.
        #expect(try await engine.tools.orders?.order(number: "1014")?.status == .open)
        let done = try await chat.click("skill:order_editing:confirm", title: "Yes")
        #expect(done.skill == "order_editing")
        #expect(done.outcome == "resolved")
        #expect(done.text.contains("order #1014 is cancelled"))
        #expect(done.text.contains("won't be charged"))  // the payment was only authorized
        #expect(try await engine.tools.orders?.order(number: "1014")?.status == .cancelled)
    }

    @Test func typedYesAlsoConfirms() async throws {
        let engine = try makeEngine(skills: shippedSkills)
        let hannah = Customer(email: "hannah.schmidt@example.org", authenticated: true)
        let chat = Conversation(engine, customer: hannah)
        try await chat.say("I want to cancel order 1035")
        let done = try await chat.say("yes please")
        #expect(done.text.contains("order #1035 is cancelled"))
        #expect(done.text.contains("$179.00 has been refunded"))
        #expect(try await engine.tools.orders?.order(number: "1035")?.status == .cancelled)
    }

    @Test(arguments: ["no", "skill:order_editing:decline"])
    func noLeavesTheOrderAsItIs(answer: String) async throws {
        let engine = try makeEngine(skills: shippedSkills)
        let chat = Conversation(engine, customer: jane)
        let ask = try await chat.say("cancel my order #1003")
        #expect(ask.text.contains("Cancel order #1003 (3 items, $163.00)?"))
        let reply = answer.hasPrefix("skill:") ? try await chat.click(answer, title: "No") : try await chat.say(answer)
        #expect(reply.outcome == "resolved")
        #expect(reply.text.contains("left order #1003 as it is"))
        #expect(try await engine.tools.orders?.order(number: "1003")?.status == .open)
    }

    @Test func anonymousCustomerProvesTheOrderBeforeAnythingIsShown() async throws {
        let engine = try makeEngine(skills: shippedSkills)
        let chat = Conversation(engine)
        let first = try await chat.say("can I cancel order 1029")
        #expect(first.skill == "order_editing")
        #expect(first.outcome == "needs_input")
        #expect(first.text.contains("email"))
        #expect(first.cards.isEmpty)
        let wrong = try await chat.say("someone.else@example.com")
        #expect(wrong.cards.isEmpty)
        #expect(!wrong.text.contains("$123.00"))
        #expect(!wrong.text.contains("Snowdrift"))
        try await chat.say("1029")
        let ask = try await chat.say("sofia.rossi@example.org")
        #expect(ask.text.contains("Cancel order #1029"))
        #expect(try await engine.tools.orders?.order(number: "1029")?.status == .open)
    }

    @Test func shippedOrdersAreRefusedWithTheReturnsPath() async throws {
        let chat = Conversation(try makeEngine(), customer: jane)
        let reply = try await chat.say("cancel my order #1001")
        #expect(reply.skill == "order_editing")
        #expect(reply.outcome == "resolved")
        #expect(reply.text.contains("already shipped"))
        #expect(reply.text.contains("https://northwind.example/returns"))
        #expect(reply.text.contains("order-editing.md"))
        #expect(reply.suggestions.contains { $0.title == "Start a return" && $0.action == "intent:return_start" })
        #expect(try await makeEngine().tools.orders?.order(number: "1001")?.status == .open)
        // The suggestion leads to the returns skill.
        let returns = try await chat.click("intent:return_start", title: "Start a return")
        #expect(returns.skill == "returns")
    }

    @Test func addressChangesAreExplainedFromKnowledgeAndHandedToAPerson() async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine, customer: jane)
        let reply = try await chat.say("I need to change the shipping address on order 1003")
        #expect(reply.skill == "order_editing")
        #expect(reply.intent == "order_address_change")
        #expect(reply.outcome == "handoff_offered")
        #expect(reply.text.contains("48 Maple Street"))
        #expect(reply.text.contains("order-editing.md › Changing the shipping address"))
        #expect(reply.suggestions.contains { $0.action == "handoff:yes" })
        let done = try await chat.click("handoff:yes", title: "Yes")
        #expect(done.outcome == "handoff")
        let ticket = try #require(try await tickets.tickets(status: nil).first)
        #expect(ticket.reason == .cannotResolve)
        #expect(ticket.summary.values.contains { $0.contains("#1003") })
    }

    @Test func quantityChangesOnAShippedOrderAreRefusedNotHandedOver() async throws {
        let chat = Conversation(try makeEngine(), customer: jane)
        let reply = try await chat.say("can I change the quantity on order #1002")
        #expect(reply.skill == "order_editing")
        #expect(reply.outcome == "resolved")
        #expect(reply.text.contains("already shipped"))
    }

    @Test func quantityChangesOnAnUnshippedOrderNeedAPerson() async throws {
        let chat = Conversation(try makeEngine(), customer: jane)
        let reply = try await chat.say("reduce the quantity on order 1003 to one")
        #expect(reply.skill == "order_editing")
        #expect(reply.outcome == "handoff" || reply.outcome == "handoff_offered")
        #expect(reply.text.contains("2× Insulated Steel Bottle 750 ml"))
        #expect(reply.text.contains("Changing quantities, sizes or colours"))
    }

    @Test func smsConfirmationIsPlainTextWithReplyOptions() async throws {
        let engine = try makeEngine(skills: shippedSkills)
        let priya = Customer(email: "priya.patel@example.org", authenticated: true)
        let chat = Conversation(engine, channel: .sms, customer: priya)
        let ask = try await chat.say("cancel order 1005")
        #expect(ask.cards.isEmpty)
        #expect(ask.suggestions.isEmpty)
        #expect(ask.text.contains("Reply with: Yes / No"))
        #expect(ask.text.contains("https://northwind.example/orders/1005"))
        let done = try await chat.say("Yes")
        #expect(done.text.contains("order #1005 is cancelled"))
    }
}

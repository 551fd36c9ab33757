import Foundation
import StewardCore
import StewardRuntime
import Testing

/// Every skill that works on one order takes the order number from the customer's first message,
/// in any common form and language; routing is left out by sending the message with its intent.
@Suite struct OrderLookupTests {
    static let forms = [
        "order no. 1001", "order number: 1001", "# 1001", "order#1001", "purchase 1001", "my package 1001",
        "order id 1001", "order nr 1001", "order １００１", "order ١٠٠١", "order #001001",
        "zamówienie nr 1001", "numer zamówienia 1001", "min beställning 1001", "ordernummer 1001",
        "주문번호 1001번", "1001번 주문", "Bestellnummer 1001", "Auftrag 1001", "número de pedido 1001",
        "compra 1001", "numéro de commande 1001", "commande n° 1001",
    ]

    static let orderIntents = ["order_status", "return_start", "return_status", "order_cancel", "order_address_change"]

    @Test(arguments: orderIntents, forms)
    func aSignedInCustomerIsNotAskedForTheNumberTheyGave(intent: String, text: String) async throws {
        let jane = Customer(email: "jane.doe@example.com", authenticated: true)
        let reply = try await Conversation(try makeEngine(), customer: jane).click("intent:\(intent)", title: text)
        #expect(reply.text.contains("#1001"), "\(intent) · \(text): \(reply.text)")
        #expect(!reply.text.contains("order number"), "\(intent) · \(text): \(reply.text)")
        #expect(!reply.text.contains("Which order"), "\(intent) · \(text): \(reply.text)")
    }

    @Test(arguments: ["order_status", "return_start", "order_cancel", "loyalty_balance", "subscription_status"], forms)
    func anAnonymousCustomerIsAskedOnlyForTheEmail(intent: String, text: String) async throws {
        let reply = try await Conversation(try makeEngine()).click("intent:\(intent)", title: text)
        #expect(reply.outcome == "needs_input", "\(intent) · \(text)")
        #expect(reply.text.contains("email address on order #"), "\(intent) · \(text): \(reply.text)")
        #expect(!reply.text.contains("What's"), "\(intent) · \(text): \(reply.text)")
        #expect(reply.cards.isEmpty)
    }

    @Test(arguments: ["1001", "１００１", "١٠٠١", "it's 1001", "#1001", "1001번이요", "001001"])
    func aBareNumberAnswersTheQuestion(answer: String) async throws {
        let chat = Conversation(try makeEngine())
        let ask = try await chat.say("where is my package")
        #expect(ask.text.contains("What's your order number"))
        let next = try await chat.say(answer)
        #expect(next.text.contains("email address on order #"), "\(answer): \(next.text)")
        let done = try await chat.say("jane.doe@example.com")
        #expect(done.outcome == "resolved", "\(answer): \(done.text)")
        #expect(done.text.contains("#1001"))
    }

    @Test(arguments: ["$80", "80 dollars", "4111 1111 1111 1111", "19.99"])
    func anAmountOrACardNumberIsNotTakenForTheOrderNumber(answer: String) async throws {
        let chat = Conversation(try makeEngine())
        try await chat.say("where is my package")
        let next = try await chat.say(answer)
        #expect(next.outcome == "needs_input")
        #expect(next.text.contains("doesn't look like an order number"), "\(answer): \(next.text)")
    }

    @Test func anAmountBesideTheOrderNumberDoesNotReplaceIt() async throws {
        let jane = Customer(email: "jane.doe@example.com", authenticated: true)
        let reply = try await Conversation(try makeEngine(), customer: jane)
            .click("intent:order_status", title: "I paid $80 for purchase 1002, where is it")
        #expect(reply.outcome == "resolved")
        #expect(reply.text.contains("#1002"))
    }
}

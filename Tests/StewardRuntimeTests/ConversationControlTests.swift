import Foundation
import StewardCore
import StewardRuntime
import Synchronization
import Testing

/// Conversation control: every question can be left, filler keeps it, a digression can be resumed by
/// typing, acknowledgements never escalate, the offer of a person understands a yes, and a tool's
/// failure is not the customer's fault. Each case runs in several languages and on several channels.
@Suite struct ConversationControlTests {
    static let jane = Customer(email: "jane.doe@example.com", authenticated: true)

    // MARK: Leaving a question

    @Test(arguments: [
        "cancel", "nvm", "quit", "exit", "never mind", "stop", "forget it", "I said cancel", "cancel that",
        "anuluj", "nieważne", "avbryt", "glöm det", "취소", "abbrechen", "vergiss es", "olvídalo", "cancelar",
        "laisse tomber", "annuler",
    ])
    func aWaitingQuestionIsLeftWithAStopWord(_ stop: String) async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine)
        let ask = try await chat.say("I want to return something")
        #expect(ask.outcome == "needs_input")
        let reply = try await chat.say(stop)
        #expect(reply.skill == "system", "\(stop) → \(reply.skill ?? "nil"): \(reply.text)")
        #expect(reply.outcome != "needs_input")
        #expect(reply.skill != "order_editing")
        // The wait is over: a number now is not taken as the answer to the returns question.
        let after = try await chat.say("what can you do?")
        #expect(after.skill != "returns")
        #expect(try await tickets.tickets(status: nil).isEmpty)
    }

    @Test func leavingTheCancellationQuestionCancelsNothing() async throws {
        let chat = Conversation(try makeEngine(), customer: Self.jane)
        let ask = try await chat.say("please cancel my order #1003")
        #expect(ask.outcome == "needs_input")
        // "never mind" answers "cancel it?" with a no: the skill says it kept the order.
        let reply = try await chat.say("never mind")
        #expect(reply.skill == "order_editing")
        #expect(reply.text.contains("left order #1003 as it is"))
        let status = try await chat.say("where is my order #1003?")
        #expect(!status.text.lowercased().contains("cancelled"), "\(status.text)")
    }

    @Test(arguments: [Channel.webchat, .sms])
    func aQuestionAskedThreeTimesWithoutAnAnswerOffersAPersonAndSaysWhereToFindIt(_ channel: Channel) async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine, channel: channel)
        try await chat.say("I want to return something")
        let first = try await chat.say("the blue jumper")
        #expect(first.outcome == "needs_input")
        #expect(first.skill == "returns")
        let second = try await chat.say("I really don't have it")
        #expect(second.skill == "returns")
        let third = try await chat.say("the one from last week")
        #expect(third.skill == "handoff", "\(third.text)")
        #expect(third.text.contains("confirmation email"))
        // Offered on every channel (the customer did not ask for a person), opened on a yes.
        #expect(third.outcome == "handoff_offered")
        #expect(try await tickets.tickets(status: nil).isEmpty)
        let yes = try await chat.say("yes")
        if channel == .sms {
            #expect(yes.outcome == "handoff")
            let ticket = try #require(try await tickets.tickets(status: nil).first)
            #expect(ticket.reason == .reaskLimit)
        } else {
            #expect(yes.outcome == "needs_input", "the email prompt")
        }
    }

    @Test func theReaskLimitIsASetting() async throws {
        let (engine, _) = try makeHandoffEngine { $0.handoff.maxReasks = 1 }
        let chat = Conversation(engine)
        try await chat.say("I want to return something")
        let reply = try await chat.say("the blue jumper")
        #expect(reply.skill == "handoff")
    }

    @Test func progressIsNotARepeat() async throws {
        // Number, then email: each answer moves the lookup on, so no limit is reached.
        let (engine, _) = try makeHandoffEngine { $0.handoff.maxReasks = 1 }
        let chat = Conversation(engine)
        try await chat.say("where is my order?")
        let email = try await chat.say("#1001")
        #expect(email.outcome == "needs_input")
        #expect(email.skill == "order_tracking")
        let found = try await chat.say("jane.doe@example.com")
        #expect(found.outcome == "resolved")
    }

    // MARK: Filler

    @Test(arguments: [
        "hmm hold on a sec", "one moment please, looking for it", "let me check", "brb", "one sec", "give me a minute",
        "chwila", "vänta lite", "잠깐만요", "einen Moment", "un momento", "un instant",
    ])
    func fillerKeepsTheQuestion(_ filler: String) async throws {
        let chat = Conversation(try makeEngine())
        let ask = try await chat.say("where is my order #1001?")
        #expect(ask.text.lowercased().contains("email"))
        let hold = try await chat.say(filler)
        #expect(hold.skill == "system", "\(filler) → \(hold.skill ?? "nil") \(hold.intent ?? "")")
        #expect(hold.outcome == "hold")
        let answer = try await chat.say("jane.doe@example.com")
        #expect(answer.skill == "order_tracking")
        #expect(answer.outcome == "resolved")
        #expect(answer.text.contains("1001"))
    }

    // MARK: Resuming after a digression

    @Test(arguments: [Channel.webchat, .sms, .whatsapp], ["yes", "go back", "ok"])
    func aTypedYesResumesTheInterruptedTask(_ channel: Channel, _ yes: String) async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine, channel: channel)
        try await chat.say("where is my order #1001?")
        let policy = try await chat.say("what is your return policy?")
        #expect(policy.skill == "knowledge_base" || policy.skill == "returns")
        if channel == .webchat {
            #expect(policy.text.contains("get back to order tracking"))
        } else {
            #expect(policy.text.contains("Reply yes to get back to order tracking"))
        }
        let back = try await chat.say(yes)
        #expect(back.skill == "order_tracking", "\(yes) → \(back.skill ?? "nil"): \(back.text)")
        #expect(back.outcome == "needs_input")
        let done = try await chat.say("jane.doe@example.com")
        #expect(done.skill == "order_tracking")
        #expect(done.outcome == "resolved")
        #expect(try await tickets.tickets(status: nil).isEmpty)
    }

    @Test(arguments: [Channel.webchat, .sms])
    func theAwaitedAnswerAloneResumesTheInterruptedTask(_ channel: Channel) async throws {
        let chat = Conversation(try makeEngine(), channel: channel)
        try await chat.say("where is my order #1001?")
        try await chat.say("what is your return policy?")
        let done = try await chat.say("it's jane.doe@example.com")
        #expect(done.skill == "order_tracking")
        #expect(done.outcome == "resolved")
    }

    @Test func noToTheResumeOfferPutsTheTaskAside() async throws {
        let chat = Conversation(try makeEngine())
        try await chat.say("where is my order #1001?")
        try await chat.say("what is your return policy?")
        let no = try await chat.say("no thanks")
        #expect(no.skill == "system")
        #expect(no.text.contains("order tracking"))
        #expect(!no.text.contains("get back to"))
    }

    // MARK: Acknowledgements

    @Test(arguments: [Channel.sms, .whatsapp, .webchat])
    func acknowledgementsNeverEscalate(_ channel: Channel) async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine, channel: channel)
        try await chat.say("do you ship to Canada?")
        for ack in ["ok", "k", "👍", "🙏", "thanks", "great", "cool", "ok dzięki", "tack", "감사합니다", "danke", "gracias", "merci"] {
            let reply = try await chat.say(ack)
            #expect(reply.outcome == "acknowledged", "\(ack) → \(reply.outcome): \(reply.text)")
            #expect(reply.skill == "system")
        }
        #expect(try await tickets.tickets(status: nil).isEmpty)
    }

    @Test(arguments: ["no", "no thanks", "nope, that's all", "that's all", "nie, dziękuję", "nej tack", "nein danke", "no gracias", "non merci"])
    func noToAnythingElseIsAClose(_ no: String) async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine, channel: .sms)
        try await chat.say("do you ship to Canada?")
        let reply = try await chat.say(no)
        #expect(reply.outcome == "closing", "\(no) → \(reply.outcome) \(reply.intent ?? "")")
        #expect(reply.intent != "system.complaint")
        let again = try await chat.say(no)
        #expect(again.outcome == "closing")
        #expect(try await tickets.tickets(status: nil).isEmpty)
    }

    @Test func okAsAFirstMessageIsAGreetingNotAGoodbye() async throws {
        let chat = Conversation(try makeEngine())
        let reply = try await chat.say("ok")
        #expect(reply.intent == "system.greeting")
    }

    // MARK: Yes to a person

    @Test(arguments: [
        "👍", "absolutely", "of course", "I'd like that", "yes please, I've been waiting a week for my parcel", "yes",
        "tak", "ja tack", "네", "ja bitte", "sí por favor", "oui", "✅",
    ])
    func aYesToTheOfferOfAPersonIsUnderstood(_ yes: String) async throws {
        let (engine, _) = try makeHandoffEngine()
        let chat = Conversation(engine)
        let offer = try await chat.say("talk to a human")
        #expect(offer.outcome == "handoff_offered")
        let reply = try await chat.say(yes)
        #expect(reply.skill == "handoff", "\(yes) → \(reply.outcome): \(reply.text)")
        #expect(reply.outcome == "needs_input", "\(yes) → \(reply.outcome): \(reply.text)")
    }

    @Test(arguments: ["hmm", "not sure", "let me think", "one sec", "nie wiem", "weiß nicht", "no sé"])
    func anUnclearAnswerToTheOfferAsksAgainWithChoices(_ unclear: String) async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine)
        try await chat.say("talk to a human")
        let again = try await chat.say(unclear)
        #expect(again.outcome == "handoff_offered", "\(unclear) → \(again.outcome): \(again.text)")
        #expect(again.suggestions.contains { $0.action == "handoff:yes" })
        let yes = try await chat.say("yes")
        #expect(yes.skill == "handoff")
        #expect(yes.outcome == "needs_input", "the email prompt")
        #expect(try await tickets.tickets(status: nil).isEmpty)
    }

    @Test(arguments: ["nie wiem", "no sé", "weiß nicht", "hmm", "I don't know"])
    func anUnclearAnswerAtTheEmailPromptAsksAgain(_ unclear: String) async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine)
        try await chat.say("talk to a human")
        try await chat.say("yes")
        let again = try await chat.say(unclear)
        #expect(again.outcome == "needs_input" || again.outcome == "hold", "\(unclear) → \(again.outcome): \(again.text)")
        #expect(again.skill == "handoff")
        let done = try await chat.say("jane.doe@example.com")
        #expect(done.outcome == "handoff")
        #expect(try await tickets.tickets(status: nil).count == 1)
    }

    @Test func aNewQuestionAtTheEmailPromptIsAnswered() async throws {
        let (engine, _) = try makeHandoffEngine()
        let chat = Conversation(engine)
        try await chat.say("talk to a human")
        try await chat.say("yes")
        let reply = try await chat.say("do you have any discount codes right now?")
        #expect(reply.skill == "coupons")
    }

    // MARK: Tool failures

    @Test func aRetryAfterAToolFailureIsLookedUpAgainNotTakenAsDissatisfaction() async throws {
        let failures = FailureBudget(1)
        let engine = try ConversationEngine.make(
            configuration: StewardConfiguration(), skills: shippedSkills, baseDirectory: repositoryRoot,
            tools: { tools in tools.orders = tools.orders.map { FlakyOrders(base: $0, failures: failures) } },
            tickets: InMemoryTicketStore())
        let chat = Conversation(engine, channel: .sms, customer: Self.jane)
        let failed = try await chat.say("where is my order #1001 right now?")
        #expect(failed.outcome == "tool_failed")
        #expect(failed.text.contains("try again"))
        let retry = try await chat.say("where is my order #1001 right now?")
        #expect(retry.skill == "order_tracking", "\(retry.text)")
        #expect(retry.outcome == "resolved")
        #expect(retry.text.contains("1001"))
        #expect(!retry.text.contains("didn't help"))
        #expect(failures.left == 0)
    }

    @Test func aToolThatFailsTwiceOffersAPerson() async throws {
        let failures = FailureBudget(5)
        let engine = try ConversationEngine.make(
            configuration: StewardConfiguration(), skills: shippedSkills, baseDirectory: repositoryRoot,
            tools: { tools in tools.orders = tools.orders.map { FlakyOrders(base: $0, failures: failures) } },
            tickets: InMemoryTicketStore())
        let chat = Conversation(engine, customer: Self.jane)
        let first = try await chat.say("where is my order #1001?")
        #expect(first.outcome == "tool_failed")
        let second = try await chat.say("where is my order #1001?")
        #expect(second.outcome == "handoff_offered")
    }
}

/// How many calls are still to fail.
final class FailureBudget: Sendable {
    private let count: Mutex<Int>

    init(_ count: Int) { self.count = Mutex(count) }

    var left: Int { count.withLock { $0 } }

    /// True (and one fewer left) while calls are still to fail.
    func take() -> Bool {
        count.withLock { count in
            guard count > 0 else { return false }
            count -= 1
            return true
        }
    }
}

/// An order provider whose first calls fail as an unreachable Shopify would.
struct FlakyOrders: OrderProvider {
    let base: any OrderProvider
    let failures: FailureBudget

    func fail() throws {
        if failures.take() { throw ToolError.unavailable(tool: "shopify", reason: "HTTP 503") }
    }

    func order(number: String) async throws -> Order? {
        try fail()
        return try await base.order(number: number)
    }

    func orders(email: String) async throws -> [Order] {
        try fail()
        return try await base.orders(email: email)
    }

    func cancel(orderNumber: String, reason: String) async throws -> Order {
        try fail()
        return try await base.cancel(orderNumber: orderNumber, reason: reason)
    }
}

extension ConversationControlTests {
    @Test(arguments: ["I said cancel", "cancel", "stop", "nvm"])
    func stoppingAgainAfterTheWaitEndedStartsNothing(_ again: String) async throws {
        let chat = Conversation(try makeEngine(), customer: Self.jane)
        try await chat.say("I want to return something")
        try await chat.say("cancel")
        let reply = try await chat.say(again)
        #expect(reply.skill == "system", "\(again) → \(reply.skill ?? "nil"): \(reply.text)")
        #expect(reply.outcome == "resolved")
    }
}

/// Cases a newcomer's review found, each as a kind: certainty yeses, sarcasm and conditions, negative
/// answers, a yes with a reason at the offer, bare yeses with nothing asked, filler with numbers or a tail.
extension ConversationControlTests {
    @Test(arguments: [
        "Yes I'm sure", "yes, I'm certain", "Tak, jestem pewna", "Ja, jag är säker", "Ja, ich bin sicher", "Sí, estoy seguro",
        "Oui, je suis sûr", "네 확실해요",
    ])
    func aYesWithCertaintyAnswersTheQuestionAndIsNotADigression(_ yes: String) async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine, customer: Self.jane)
        try await chat.say("please cancel my order #1003")
        let reply = try await chat.say(yes)
        #expect(reply.skill == "order_editing", "\(yes) → \(reply.skill ?? "nil"): \(reply.text)")
        #expect(reply.outcome != "handoff_offered")
        #expect(try await tickets.tickets(status: nil).isEmpty)
    }

    @Test(arguments: ["yeah right", "right right", "si tu veux", "si vous voulez", "if you want", "no problem", "kein Problem", "jak chcesz"])
    func sarcasmAndConditionsNeverAct(_ reply: String) async throws {
        let chat = Conversation(try makeEngine(), customer: Self.jane)
        try await chat.say("please cancel my order #1003")
        let answer = try await chat.say(reply)
        #expect(!answer.text.contains("is cancelled"), "\(reply) → \(answer.text)")
        #expect(answer.outcome == "needs_input" || answer.outcome == "hold", "\(reply) → \(answer.outcome)")
    }

    @Test(arguments: ["mejor no", "avbryt inte", "don't", "nah", "I said no", "keep it", "bloß nicht", "nie anuluj", "non, ne l'annulez pas"])
    func aNegativeAnswerGetsTheSkillsDeclineNotAStop(_ no: String) async throws {
        let chat = Conversation(try makeEngine(), customer: Self.jane)
        try await chat.say("please cancel my order #1003")
        let answer = try await chat.say(no)
        #expect(answer.skill == "order_editing", "\(no) → \(answer.skill ?? "nil"): \(answer.text)")
        #expect(answer.text.contains("left order #1003 as it is"), "\(no) → \(answer.text)")
    }

    @Test(arguments: ["yes I want to speak to someone about my refund", "yes how long will it take", "sure, my parcel is lost"])
    func aYesWithAReasonAcceptsTheOffer(_ yes: String) async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine, customer: Self.jane)
        try await chat.say("I want to talk to a human")
        let reply = try await chat.say(yes)
        #expect(reply.outcome == "handoff", "\(yes) → \(reply.outcome): \(reply.text)")
        #expect(try await tickets.tickets(status: nil).count == 1)
    }

    @Test(arguments: [Channel.webchat, .sms])
    func bareYesesWithNothingAskedNeverEscalate(_ channel: Channel) async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine, channel: channel, customer: Self.jane)
        try await chat.say("where is my order #1001?")
        for text in ["yes", "yes", "yes", "tak", "ja"] {
            let reply = try await chat.say(text)
            #expect(reply.outcome == "acknowledged", "\(text) → \(reply.outcome): \(reply.text)")
        }
        #expect(try await tickets.tickets(status: nil).isEmpty)
    }

    @Test(arguments: ["give me 2 minutes", "brb getting my laptop", "wait a sec, it's in my email", "gimme a sec", "let me look it up", "daj mi 5 minut", "gib mir 2 Minuten"])
    func fillerWithANumberOrATailKeepsTheQuestion(_ filler: String) async throws {
        let chat = Conversation(try makeEngine())
        try await chat.say("where is my order?")
        let reply = try await chat.say(filler)
        #expect(reply.outcome == "hold", "\(filler) → \(reply.outcome): \(reply.text)")
        let number = try await chat.say("#1001")
        #expect(number.skill == "order_tracking")
        #expect(number.text.contains("1001"))
    }

    @Test func aFullCancelRequestWhileAnotherQuestionWaitsIsANewTopic() async throws {
        let chat = Conversation(try makeEngine())
        try await chat.say("where is my order?")
        let reply = try await chat.say("cancel my order")
        #expect(reply.skill == "order_editing", "\(reply.text)")
    }

    @Test func acknowledgementsAndClosesAreNotListedAsMisses() async throws {
        let engine = try makeEngine()
        let chat = Conversation(engine, customer: Self.jane)
        try await chat.say("do you ship to Canada?")
        try await chat.say("nope")
        try await chat.say("ok")
        let session = try #require(try await engine.store.load(id: chat.session))
        let missed = MissedMessage.collect(from: [(id: session.id, turns: session.turns)])
        #expect(missed.isEmpty, "\(missed.map(\.text))")
    }
}

/// The second review's cases, each as a kind.
extension ConversationControlTests {
    @Test(arguments: [
        ("please cancel my order #1003", "yes please connect me to an agent"),
        ("please cancel my order #1003", "yes I need to talk to a person"),
        ("please cancel my order #1003", "sure 🙄"), ("please cancel my order #1003", "fine 😒"),
        ("please cancel my order #1003", "oh great"), ("please cancel my order #1003", "great… just great"),
        ("please cancel my order #1003", "yes and cancel my subscription"),
        ("please cancel my order #1003", "sure 🤗"),
    ])
    func aYesThatNamesAnotherActionOrSoundsSarcasticNeverCancels(_ ask: String, _ reply: String) async throws {
        let chat = Conversation(try makeEngine(skills: shippedSkills), customer: Self.jane)
        try await chat.say(ask)
        let answer = try await chat.say(reply)
        #expect(!answer.text.contains("is cancelled"), "\(reply) → \(answer.text)")
    }

    @Test(arguments: [
        ("I want to cancel my coffee subscription", "yes just pause it", "cancelled"),
        ("I want to cancel my coffee subscription", "yes skip the next one", "cancelled"),
        ("pause my coffee subscription", "yes cancel it", "paused"),
    ])
    func aYesToAnotherSubscriptionChangeChangesNothing(_ ask: String, _ reply: String, _ done: String) async throws {
        let engine = try makeEngine(skills: shippedSkills)
        let chat = Conversation(engine, customer: Self.jane)
        let question = try await chat.say(ask)
        try #require(question.outcome == "needs_input", "\(question.text)")
        let answer = try await chat.say(reply)
        #expect(!answer.text.contains("Done"), "\(reply) → \(answer.text)")
        let subs = try await #require(engine.tools.subscriptions).subscriptions(email: "jane.doe@example.com")
        #expect(!subs.contains { $0.productTitle.contains("Coffee") && $0.status.rawValue == done })
    }

    @Test func aYesAfterTheSubscriptionChangedElsewhereTouchesNoOtherOne() async throws {
        let engine = try makeEngine(skills: shippedSkills)
        let tab = Conversation(engine, customer: Self.jane), phone = Conversation(engine, channel: .sms, customer: Self.jane)
        let before = try await #require(engine.tools.subscriptions).subscriptions(email: "jane.doe@example.com")
        try await tab.say("cancel my coffee subscription")
        try await phone.say("cancel my coffee subscription")
        let first = try await phone.say("yes")
        #expect(first.text.contains("cancelled"), "\(first.text)")
        let second = try await tab.say("yes")
        #expect(second.text.contains("Nothing changed"), "\(second.text)")
        let after = try await #require(engine.tools.subscriptions).subscriptions(email: "jane.doe@example.com")
        let changed = after.filter { sub in before.first { $0.id == sub.id }?.status != sub.status }
        #expect(changed.count == 1, "\(changed.map(\.productTitle))")
    }

    @Test(arguments: [Channel.sms, .whatsapp, .webchat])
    func unlistedShortAcknowledgementsNeverEscalate(_ channel: Channel) async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine, channel: channel, customer: Self.jane)
        try await chat.say("do you ship to Canada?")
        for ack in ["much obliged", "much obliged", "okkk", "okk", "💯", "💯", "appreciated"] {
            let reply = try await chat.say(ack)
            #expect(reply.outcome == "acknowledged", "\(ack) → \(reply.outcome): \(reply.text)")
        }
        #expect(try await tickets.tickets(status: nil).isEmpty)
    }

    @Test(arguments: [
        "yes, my order has not arrived", "yes please, it did not arrive", "yes, no rush", "sure, I don't mind waiting",
        "absolutely, this is not acceptable", "sí, mi pedido no llegó", "oui, je n'ai pas reçu ma commande",
        "ja, das Paket ist nicht angekommen", "tak, nie dostałem paczki", "ja, jag har inte fått paketet",
    ])
    func aYesWhoseReasonHasANegationAcceptsTheOffer(_ yes: String) async throws {
        let (engine, _) = try makeHandoffEngine()
        let chat = Conversation(engine, customer: Self.jane)
        try await chat.say("I want to talk to a real person")
        let reply = try await chat.say(yes)
        #expect(reply.outcome == "handoff", "\(yes) → \(reply.outcome): \(reply.text)")
    }

    @Test(arguments: ["just cancel it already", "cancel it plz", "cancel plz", "cancel this chat", "i want to exit", "can we stop", "sluta fråga"])
    func moreWaysOutOfAQuestionNeverStartACancellation(_ stop: String) async throws {
        let chat = Conversation(try makeEngine())
        try await chat.say("where is my order?")
        let reply = try await chat.say(stop)
        #expect(reply.skill == "system", "\(stop) → \(reply.skill ?? "nil"): \(reply.text)")
    }

    @Test(arguments: ["give me two minutes", "give me a couple of minutes", "hold on plz", "momentito", "dame dos minutos", "gib mir zwei Minuten", "ge mig två minuter", "gimme 5"])
    func fillerWithNumberWordsKeepsTheQuestion(_ filler: String) async throws {
        let chat = Conversation(try makeEngine())
        try await chat.say("where is my order?")
        let reply = try await chat.say(filler)
        #expect(reply.outcome == "hold", "\(filler) → \(reply.outcome): \(reply.text)")
    }

    @Test(arguments: [Channel.sms, .webchat])
    func theAwaitedAnswerInASentenceResumes(_ channel: Channel) async throws {
        let chat = Conversation(try makeEngine(), channel: channel)
        try await chat.say("where is my order?")
        try await chat.say("do you ship to Canada?")
        let reply = try await chat.say("my order number is 1001 thanks")
        #expect(reply.skill == "order_tracking", "\(reply.outcome): \(reply.text)")
        let back = try await Conversation(try makeEngine(), channel: channel).say("where is my order?")
        #expect(back.outcome == "needs_input")
    }

    @Test(arguments: ["ok", "thanks"])
    func anAcknowledgementWhileAQuestionWaitsIsTakeYourTime(_ ack: String) async throws {
        let chat = Conversation(try makeEngine())
        try await chat.say("where is my order?")
        let reply = try await chat.say(ack)
        #expect(reply.outcome == "hold", "\(ack) → \(reply.text)")
        let number = try await chat.say("#1001")
        #expect(number.text.contains("1001"))
    }
}

extension ConversationControlTests {
    @Test func anAnswerThatAlsoAsksSomethingElseKeepsTheAnswer() async throws {
        let chat = Conversation(try makeEngine())
        try await chat.say("where is my order?")
        let both = try await chat.say("#1001, and do you ship to Canada?")
        #expect(both.text.contains("Canada"), "\(both.text)")
        // The number was taken: going back asks for the email, not the number again.
        let back = try await chat.say("yes")
        #expect(back.skill == "order_tracking")
        #expect(back.text.lowercased().contains("email"), "\(back.text)")
        #expect(!back.text.contains("What's your order number"))
    }

    @Test func anAnswerThatFinishesTheTaskIsGivenWithTheOtherAnswer() async throws {
        let chat = Conversation(try makeEngine(), customer: Self.jane)
        try await chat.say("where is my order?")
        let both = try await chat.say("#1001 - also, do you have any discount codes?")
        #expect(both.text.contains("1001"), "\(both.text)")
        #expect(both.skill == "coupons")
    }
}

/// The third review's cases, each as a kind.
extension ConversationControlTests {
    @Test(arguments: [
        ("please cancel my order #1003", "건너뛰어 주세요"), ("please cancel my order #1003", "중지해 주세요"),
        ("cancel my coffee subscription", "일시정지해 주세요"), ("cancel my coffee subscription", "스킵해 주세요"),
        ("pause my coffee subscription", "취소해 주세요"),
    ])
    func aKoreanRequestForAnotherActionIsNoYes(_ ask: String, _ reply: String) async throws {
        let chat = Conversation(try makeEngine(skills: shippedSkills), customer: Self.jane)
        try await chat.say(ask)
        let answer = try await chat.say(reply)
        #expect(!answer.text.contains("Done"), "\(reply) → \(answer.text)")
    }

    @Test func anOldYesButtonNeverActs() async throws {
        let engine = try makeEngine(skills: shippedSkills)
        let chat = Conversation(engine, channel: .whatsapp, customer: Self.jane)
        try await chat.say("pause my coffee subscription")
        try await chat.say("no")
        let stale = try await chat.click("skill:subscriptions:confirm")
        #expect(stale.outcome == "option_expired", "\(stale.text)")
        #expect(!stale.text.contains("Done"))
        let again = try await chat.click("skill:subscriptions:confirm")
        #expect(!again.text.contains("Done"))
        let subs = try await #require(engine.tools.subscriptions).subscriptions(email: "jane.doe@example.com")
        #expect(!subs.contains { $0.status.rawValue == "cancelled" && $0.productTitle.contains("Coffee") })
    }

    @Test func anOldYesButtonAfterADigressionAsksAgain() async throws {
        let chat = Conversation(try makeEngine(skills: shippedSkills), customer: Self.jane)
        try await chat.say("pause my coffee subscription")
        try await chat.say("where is my order #1001?")
        let back = try await chat.click("skill:subscriptions:confirm")
        #expect(back.skill == "subscriptions")
        #expect(back.outcome == "needs_input", "\(back.text)")
    }

    @Test(arguments: ["ok thanks, bye", "ok, that's all", "ok, bye", "sure, I'll sort it out myself", "perfect, thanks for the info"])
    func aGoodbyeToTheOfferOfAPersonDeclinesIt(_ bye: String) async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine, customer: Self.jane)
        try await chat.say("I want to talk to a person")
        let reply = try await chat.say(bye)
        #expect(reply.outcome == "handoff_declined", "\(bye) → \(reply.outcome): \(reply.text)")
        #expect(try await tickets.tickets(status: nil).isEmpty)
    }

    @Test(arguments: [Channel.sms, .whatsapp])
    func anOfferStewardMakesItselfIsAskedFirstOnEveryChannel(_ channel: Channel) async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine, channel: channel, customer: Self.jane)
        try await chat.say("where is my order #1001?")
        let again = try await chat.say("where is my order #1001??")
        #expect(again.outcome == "handoff_offered", "\(again.outcome): \(again.text)")
        #expect(try await tickets.tickets(status: nil).isEmpty)
        // A customer's own request still goes straight to a person.
        let own = try await chat.say("agent please")
        #expect(own.outcome == "handoff")
    }

    @Test(arguments: [Channel.sms, .webchat])
    func theRestOfAMessageWhoseNumberWentToTheTaskIsAnswered(_ channel: Channel) async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine, channel: channel)
        try await chat.say("where is my order?")
        let reply = try await chat.say("1001 - btw do you ship to Canada?")
        #expect(reply.text.contains("Canada"), "\(reply.outcome): \(reply.text)")
        #expect(try await tickets.tickets(status: nil).isEmpty)
    }

    @Test func anEmailGivenWithAnotherQuestionGoesToTheTopicPutAside() async throws {
        let chat = Conversation(try makeEngine())
        try await chat.say("where is my order?")
        try await chat.say("#1001, and do you ship to Canada?")
        let both = try await chat.say("jane.doe@example.com, also do you have any discount codes?")
        #expect(both.text.contains("1001"), "\(both.text)")
    }

    @Test func aNewOrderRequestKeepsItsNumber() async throws {
        let chat = Conversation(try makeEngine(), customer: Self.jane)
        try await chat.say("where is my order?")
        let cancel = try await chat.say("actually please cancel my order #1003 instead")
        #expect(cancel.skill == "order_editing", "\(cancel.text)")
        #expect(cancel.text.contains("1003"), "\(cancel.text)")
    }

    @Test func stoppingTheCancelQuestionSaysNothingChanged() async throws {
        let chat = Conversation(try makeEngine(), customer: Self.jane)
        try await chat.say("please cancel my order #1003")
        let reply = try await chat.say("cancel")
        #expect(reply.text.contains("nothing was changed") || reply.text.contains("left order #1003 as it is"), "\(reply.text)")
    }
}

/// The fourth review's cases, each as a kind.
extension ConversationControlTests {
    @Test(arguments: [
        "I don't want to talk to a human, just tell me where order 1001 is", "no need for a human, where's order 1001?",
        "nie chcę rozmawiać z konsultantem, gdzie jest moje zamówienie 1001",
        "no quiero hablar con un agente, ¿dónde está mi pedido 1001?",
    ])
    func refusingAPersonIsNoRequestForOne(_ text: String) async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine, channel: .sms, customer: Self.jane)
        let reply = try await chat.say(text)
        #expect(reply.skill != "handoff", "\(text) → \(reply.outcome): \(reply.text)")
        #expect(try await tickets.tickets(status: nil).isEmpty)
    }

    @Test(arguments: ["handoff:no", "skill:order_editing:confirm", "skill:subscriptions:confirm", "skill:loyalty:confirm", "skill:subscriptions:choose:sub_001"])
    func anOldButtonWithNothingOpenNeverActsAndIsNoMiss(_ action: String) async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine, channel: .sms, customer: Self.jane)
        for _ in 0..<3 {
            let reply = try await chat.click(action)
            #expect(reply.outcome == "option_expired", "\(action) → \(reply.outcome): \(reply.text)")
        }
        #expect(try await tickets.tickets(status: nil).isEmpty)
    }
}

extension ConversationControlTests {
    /// A Yes clicked under an earlier question never answers a later one.
    @Test func aYesButtonFromAnotherQuestionIsNoYesToThisOne() async throws {
        let engine = try makeEngine(skills: shippedSkills)
        let chat = Conversation(engine, customer: Self.jane)
        let pause = try await chat.say("pause my coffee subscription")
        let oldYes = try #require(pause.suggestions.first { $0.title == "Yes" }?.action)
        try await chat.say("no")
        try await chat.say("cancel my coffee subscription")
        let reply = try await chat.click(oldYes)
        #expect(!reply.text.contains("Done"), "\(reply.text)")
        #expect(reply.outcome == "needs_input")
        let subs = try await #require(engine.tools.subscriptions).subscriptions(email: "jane.doe@example.com")
        #expect(!subs.contains { $0.productTitle.contains("Coffee") && $0.status.rawValue != "active" })
    }
}

extension ConversationControlTests {
    /// Another request of the same skill while it waits is answered, and the question offered again.
    @Test(arguments: [
        ("I want to cancel my subscription", "show me all my subscriptions please", "subscriptions"),
        ("I want to return something", "what is your return policy for sale items?", "returns"),
    ])
    func anotherRequestOfTheSameSkillIsADigression(_ ask: String, _ other: String, _ skill: String) async throws {
        let chat = Conversation(try makeEngine(skills: shippedSkills), customer: Self.jane)
        let question = try await chat.say(ask)
        try #require(question.outcome == "needs_input", "\(question.text)")
        let reply = try await chat.say(other)
        #expect(reply.outcome != "needs_input" || reply.intent != question.intent, "\(reply.text)")
        #expect(reply.suggestions.contains { $0.action == "resume" } || reply.text.contains("get back to"), "\(reply.text)")
    }
}

import Foundation
import StewardCore
import StewardRuntime
import Testing

/// An engine with a local helpdesk in memory.
func makeHandoffEngine(_ change: (inout StewardConfiguration) -> Void = { _ in }) throws -> (ConversationEngine, InMemoryTicketStore) {
    var configuration = StewardConfiguration()
    change(&configuration)
    let tickets = InMemoryTicketStore()
    let engine = try ConversationEngine.make(
        configuration: configuration, skills: shippedSkills, baseDirectory: repositoryRoot, tickets: tickets)
    return (engine, tickets)
}

@Suite struct FallbackTests {
    @Test func theFirstMissAsksToRephraseWithSuggestions() async throws {
        let (engine, _) = try makeHandoffEngine()
        let reply = try await Conversation(engine).say("purple elephants juggling quantum bananas")
        #expect(reply.outcome == "no_match")
        #expect(reply.text.contains("Could you say it another way?"))
        #expect(reply.text.contains("order tracking"))
        #expect(reply.suggestions.count >= 2)
    }

    @Test func theSecondMissInARowOffersAPerson() async throws {
        let (engine, _) = try makeHandoffEngine()
        let chat = Conversation(engine)
        try await chat.say("purple elephants juggling quantum bananas")
        let reply = try await chat.say("zorblax frobnicate the quux")
        #expect(reply.outcome == "handoff_offered")
        #expect(reply.text.contains("I'm sorry"))
        #expect(reply.suggestions.contains { $0.action == "handoff:yes" })
        #expect(reply.suggestions.contains { $0.action == "handoff:no" })
    }

    @Test func aSuccessfulAnswerResetsTheMissCount() async throws {
        let (engine, _) = try makeHandoffEngine()
        let chat = Conversation(engine)
        try await chat.say("purple elephants juggling quantum bananas")
        try await chat.say("do you have any discount codes?")
        let reply = try await chat.say("zorblax frobnicate the quux")
        #expect(reply.outcome == "no_match")
    }

    @Test(arguments: ["talk to a human", "I want to speak to a real person", "agent please", "chcę rozmawiać z człowiekiem"])
    func askingForAPersonOffersOneAtOnce(text: String) async throws {
        let (engine, _) = try makeHandoffEngine()
        let reply = try await Conversation(engine).say(text)
        #expect(reply.outcome == "handoff_offered")
        #expect(reply.intent == "system.human")
    }

    @Test func yesAsksAnAnonymousCustomerForAnEmailThenOpensATicketWithTheWholeTranscript() async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine)
        try await chat.say("where is my order #1001?")
        try await chat.say("never mind")
        try await chat.say("talk to someone")
        let ask = try await chat.say("yes")
        #expect(ask.outcome == "needs_input")
        #expect(ask.text.contains("email"))
        let bad = try await chat.say("not an email")
        #expect(bad.text.contains("doesn't look like an email"))
        let done = try await chat.say("pat@example.com")
        #expect(done.outcome == "handoff")
        #expect(done.text.contains("5 minutes"))
        let all = try await tickets.tickets(status: nil)
        let ticket = try #require(all.first)
        #expect(all.count == 1)
        #expect(ticket.customerEmail == "pat@example.com")
        #expect(ticket.reason == .requested)
        #expect(ticket.sessionID == chat.session)
        let texts = ticket.transcript.map(\.text)
        #expect(texts.contains("where is my order #1001?"))
        #expect(texts.contains("pat@example.com"))
        #expect(ticket.transcript.filter { $0.role == .customer }.count == 6)
        #expect(ticket.transcript.contains { $0.role == .agent && $0.text.contains("5 minutes") })
        #expect(ticket.transcript.map(\.timestamp) == ticket.transcript.map(\.timestamp).sorted())
        #expect(ticket.summary["asked"] == "where is my order #1001?")
        #expect(ticket.tags.contains("steward"))
    }

    @Test func noReturnsToTheConversation() async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine)
        try await chat.say("talk to a human")
        let reply = try await chat.say("no")
        #expect(reply.outcome == "handoff_declined")
        #expect(try await tickets.tickets(status: nil).isEmpty)
        #expect(try await chat.say("do you have discount codes").skill == "coupons")
    }

    @Test func anIdentifiedCustomerIsNotAskedForAnEmail() async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine, customer: Customer(email: "jane.doe@example.com", profileID: "01HVJANE", authenticated: true))
        try await chat.say("where is my order #1001")
        try await chat.say("I need a human")
        let done = try await chat.click("handoff:yes", title: "Yes, talk to a person")
        #expect(done.outcome == "handoff")
        let ticket = try #require(try await tickets.tickets(status: nil).first)
        #expect(ticket.customerEmail == "jane.doe@example.com")
        #expect(ticket.customerProfileID == "01HVJANE")
        #expect(ticket.summary["order"] == "#1001")
        #expect(ticket.subject.contains("#1001"))
    }

    @Test func whileATicketIsOpenMessagesGoToTheTicket() async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine, customer: Customer(email: "jane.doe@example.com", authenticated: true))
        try await chat.say("talk to a person")
        try await chat.say("yes")
        let forwarded = try await chat.say("also, can you gift wrap it?")
        #expect(forwarded.outcome == "forwarded_to_team")
        var ticket = try #require(try await tickets.tickets(status: nil).first)
        #expect(ticket.transcript.contains { $0.text == "also, can you gift wrap it?" })
        ticket.status = .closed
        try await tickets.update(ticket)
        #expect(try await chat.say("do you have discount codes").skill == "coupons")
    }

    @Test func aPersonsReplyReachesTheRightSession() async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine, customer: Customer(email: "jane.doe@example.com", authenticated: true))
        try await chat.say("talk to a person")
        try await chat.say("yes")
        let ticket = try #require(try await tickets.tickets(status: nil).first)
        let reply = try await tickets.addReply(ticketID: ticket.id, author: "Maya", text: "Hi Jane, I'm on it.")
        #expect(reply.sessionID == chat.session)
        let shown = try await engine.deliver(reply)
        #expect(shown.from == .human)
        #expect(shown.author == "Maya")
        #expect(shown.session == chat.session)
    }

    @Test func sayingTheAgentGotItWrongTwiceOffersAPerson() async throws {
        let (engine, _) = try makeHandoffEngine()
        let chat = Conversation(engine)
        let first = try await chat.say("no, that's not what I asked")
        #expect(first.intent == "system.complaint")
        #expect(first.outcome == "resolved")
        let second = try await chat.say("that's not what i meant")
        #expect(second.outcome == "handoff_offered")
    }

    @Test func repeatingTheSameQuestionAfterAnAnswerOffersAPerson() async throws {
        let (engine, _) = try makeHandoffEngine()
        let chat = Conversation(engine)
        try await chat.say("how long does shipping take to canada")
        let reply = try await chat.say("how long does shipping take to canada?")
        #expect(reply.outcome == "handoff_offered")
    }

    @Test func aSkillThatCannotResolveOffersAPerson() async throws {
        let (engine, _) = try makeHandoffEngine()
        let reply = try await Conversation(engine).say("is there a warranty on the moon rocks you sell to astronauts on mars")
        if reply.skill == "knowledge_base" {
            #expect(reply.outcome == "handoff_offered")
            #expect(reply.text.contains("rather not guess"))
        }
    }

    @Test func theMessageMethodSendsTheFixedTextAndOffersNoPerson() async throws {
        let (engine, tickets) = try makeHandoffEngine { $0.handoff.method = .message; $0.handoff.message = "See https://help.example" }
        let reply = try await Conversation(engine).say("talk to a human")
        #expect(reply.outcome == "handoff")
        #expect(reply.text.contains("https://help.example"))
        #expect(!reply.suggestions.contains { $0.action == "handoff:yes" })
        #expect(try await tickets.tickets(status: nil).isEmpty)
    }

    @Test func outsideBusinessHoursTheAwayMessageIsSent() async throws {
        let (engine, _) = try makeHandoffEngine {
            $0.handoff.businessHours = BusinessHours(periods: [:], timeZone: .gmt)
            $0.handoff.awayMessage = "We're closed."
        }
        let chat = Conversation(engine, customer: Customer(email: "a@example.com", authenticated: true))
        try await chat.say("talk to a human")
        #expect(try await chat.say("yes").text.contains("We're closed."))
    }

    @Test func secretsAreMaskedInTheStoredTranscript() async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine, customer: Customer(email: "a@example.com", authenticated: true))
        try await chat.say("my card 4111 1111 1111 1111 was charged twice and my password is hunter2")
        try await chat.say("talk to a human")
        try await chat.say("yes")
        let ticket = try #require(try await tickets.tickets(status: nil).first)
        let all = ticket.transcript.map(\.text).joined(separator: " ") + ticket.body
        #expect(!all.contains("4111"))
        #expect(!all.contains("hunter2"))
        #expect(all.contains("[card number removed]"))
    }
}

@Suite struct SecretMaskerTests {
    @Test(arguments: [
        ("card 4111111111111111 please", "card [card number removed] please"),
        ("4111-1111-1111-1111", "[card number removed]"),
        ("order 1001 and 1002", "order 1001 and 1002"),
        ("my password is hunter2.", "my password is [removed]."),
        ("cvv: 123", "cvv: [removed]"),
        ("tracking 1234567812345678", "tracking 1234567812345678"),
    ])
    func masksSecrets(input: String, expected: String) {
        #expect(SecretMasker.mask(input) == expected)
    }
}

@Suite struct BusinessHoursTests {
    @Test func openAndClosedHoursFollowTheTimeZone() throws {
        let config = try StewardConfiguration.parse(yaml: """
            handoff:
              business_hours:
                time_zone: America/New_York
                mon: "09:00-17:00"
            """)
        let hours = config.handoff.businessHours
        // Monday 2026-11-23 15:00 UTC = 10:00 in New York.
        #expect(hours.isOpen(at: Date(timeIntervalSince1970: 1_795_446_000)))
        // Monday 2026-11-23 23:00 UTC = 18:00 in New York.
        #expect(!hours.isOpen(at: Date(timeIntervalSince1970: 1_795_474_800)))
    }
}

@Suite struct TicketReopeningTests {
    func handOff(_ chat: Conversation) async throws {
        try await chat.say("talk to a human")
        let done = try await chat.say("yes")
        #expect(done.outcome == "handoff")
    }

    @Test func webChatOpensANewTicketPerConversationAndNeverReopens() async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let customer = Customer(email: "w@example.com", authenticated: true)
        let chat = Conversation(engine, customer: customer)
        try await handOff(chat)
        var first = try #require(try await tickets.tickets(status: nil).first)
        first.status = .closed
        try await tickets.update(first)
        #expect(try await chat.say("hello again").outcome != "forwarded_to_team")
        try await handOff(Conversation(engine, customer: customer))
        #expect(try await tickets.tickets(status: nil).count == 2)
        #expect(try await tickets.ticket(id: first.id)?.status == .closed)
    }

    @Test func smsKeepsOneTicketPerPersonReopenedByANewMessage() async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let customer = Customer(email: "s@example.com", authenticated: true)
        let chat = Conversation(engine, channel: .sms, customer: customer)
        try await chat.say("talk to a human")  // SMS: no confirmation round
        var ticket = try #require(try await tickets.tickets(status: nil).first)
        ticket.status = .closed
        try await tickets.update(ticket)
        let reply = try await chat.say("one more thing about my parcel")
        #expect(reply.outcome == "forwarded_to_team")
        #expect(try await tickets.ticket(id: ticket.id)?.status == .open)
        // A new SMS conversation of the same person reopens the same ticket.
        ticket = try #require(try await tickets.ticket(id: ticket.id))
        ticket.status = .closed
        try await tickets.update(ticket)
        let later = Conversation(engine, channel: .sms, customer: customer)
        try await later.say("I need a person please")
        #expect(try await tickets.tickets(status: nil).count == 1)
        #expect(try await tickets.ticket(id: ticket.id)?.status == .open)
    }
}

/// A session store that, like the SQLite store, loads only a conversation's last few turns.
actor RecentTurnsSessionStore: SessionStore {
    private var all: [String: Session] = [:]
    let recent: Int

    init(recent: Int) { self.recent = recent }

    func load(id: String) async throws -> Session? {
        guard var session = all[id] else { return nil }
        let dropped = max(0, session.turns.count - recent)
        session.turns.removeFirst(dropped)
        session.earlierTurnCount = dropped
        return session
    }

    func save(_ session: Session) async throws {
        var whole = session
        whole.turns = Array((all[session.id]?.turns ?? []).prefix(session.earlierTurnCount)) + session.turns
        whole.earlierTurnCount = 0
        all[session.id] = whole
    }

    func save(_ session: Session, answering answered: [AnsweredMessage]) async throws {
        try await save(session)
        for record in answered { self.answered[session.id + "\u{0}" + record.messageID] = record }
    }

    func answeredMessage(session: String, messageID: String) async throws -> AnsweredMessage? {
        answered[session + "\u{0}" + messageID]
    }

    private var answered: [String: AnsweredMessage] = [:]

    func turns(session id: String, before end: Int) async throws -> [Turn] { Array((all[id]?.turns ?? []).prefix(end)) }
    func delete(id: String) async throws { all[id] = nil }
    func sessions(updatedFrom from: Date, to: Date) async throws -> [Session] { [] }
}

@Suite struct LongConversationTests {
    @Test func aTicketCarriesTheWholeTranscriptWhenTheStoreLoadsOnlyRecentTurns() async throws {
        let tickets = InMemoryTicketStore()
        let engine = try ConversationEngine.make(
            configuration: StewardConfiguration(), skills: shippedSkills, baseDirectory: repositoryRoot,
            store: RecentTurnsSessionStore(recent: 4), tickets: tickets)
        let chat = Conversation(engine, customer: Customer(email: "jane.doe@example.com", authenticated: true))
        let questions = ["where is my order #1001?", "do you have any discount codes?", "what is your return policy", "any coupons for me?"]
        for question in questions { try await chat.say(question) }
        try await chat.say("talk to a human")
        let done = try await chat.say("yes")
        #expect(done.outcome == "handoff")
        let ticket = try #require(try await tickets.tickets(status: nil).first)
        let customerTexts = ticket.transcript.filter { $0.role == .customer }.map(\.text)
        #expect(customerTexts == questions + ["talk to a human", "yes"])
        #expect(ticket.transcript.count == 12)
        #expect(ticket.summary["asked"] == "where is my order #1001?")
        // Each skill is named once, however often the customer came back to it.
        #expect(ticket.skills.count >= 3)
        #expect(ticket.skills.count == Set(ticket.skills).count)
    }
}

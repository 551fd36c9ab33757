import Foundation
import StewardCore
import StewardRuntime
import StewardStore
import Testing

/// Stores an engine test runs against: the in-memory pair and the SQLite file.
struct EngineStores: Sendable, CustomTestStringConvertible {
    let name: String
    let make: @Sendable (_ path: String) throws -> (sessions: any SessionStore, tickets: any TicketStore)
    var testDescription: String { name }

    static let all: [EngineStores] = [
        EngineStores(name: "in memory") { _ in (InMemorySessionStore(), InMemoryTicketStore()) },
        EngineStores(name: "SQLite") { path in
            let store = try SQLiteStore(path: path)
            return (store, store)
        },
    ]

    /// An engine over fresh stores of this kind (the SQLite file removed afterwards).
    func withEngine(
        configuration: StewardConfiguration = StewardConfiguration(),
        _ body: (ConversationEngine, any SessionStore, any TicketStore, String) async throws -> Void
    ) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("steward-engine-\(UUID().uuidString).db").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let stores = try make(path)
        let engine = try ConversationEngine.make(
            configuration: configuration, skills: shippedSkills, baseDirectory: repositoryRoot,
            store: stores.sessions, tickets: stores.tickets)
        try await body(engine, stores.sessions, stores.tickets, path)
    }
}

@Suite struct IdempotentMessageTests {
    static let kim = Customer(email: "kim.park@example.com")

    @Test("A re-sent SMS message gets the same reply, marked, and changes nothing", arguments: EngineStores.all)
    func resentMessageIsADuplicate(stores: EngineStores) async throws {
        try await stores.withEngine { engine, sessions, tickets, _ in
            let message = IncomingMessage(
                session: "sms-1", id: "m1", text: "where is my order #1001 please tell me", channel: .sms,
                customer: Customer(email: "jane.doe@example.com", authenticated: true))
            let first = try await engine.respond(to: message)
            #expect(!first.duplicate)
            let turns = try #require(try await sessions.load(id: "sms-1")).turnCount
            let fallback = try #require(try await sessions.load(id: "sms-1")).fallback
            let second = try await engine.respond(to: message)
            #expect(second.duplicate)
            #expect(second.replyTo == "m1")
            #expect(second.text == first.text)
            #expect(second.outcome == first.outcome && second.intent == first.intent)
            let after = try #require(try await sessions.load(id: "sms-1"))
            #expect(after.turnCount == turns)
            #expect(after.fallback == fallback)
            #expect(try await tickets.tickets(status: nil).isEmpty)
            #expect(try await tickets.pendingDeliveries().isEmpty)
            // Without the id, the same text is a new message (and here, a repeated question).
            let again = try await engine.respond(to: IncomingMessage(session: "sms-1", text: message.text, channel: .sms))
            #expect(!again.duplicate)
            #expect(try #require(try await sessions.load(id: "sms-1")).turnCount == turns + 2)
        }
    }

    @Test("Two copies handed over together: one answered, one marked duplicate, one turn", arguments: EngineStores.all)
    func copiesTogether(stores: EngineStores) async throws {
        try await stores.withEngine { engine, sessions, tickets, _ in
            let copy = IncomingMessage(session: "sms-2", id: "x", text: "agent please", channel: .sms, customer: Self.kim)
            let replies = try await engine.respond(to: [copy, copy])
            #expect(replies.map(\.duplicate) == [false, true])
            #expect(replies.map(\.replyTo) == ["x", "x"])
            #expect(replies[0].text == replies[1].text)
            let session = try #require(try await sessions.load(id: "sms-2"))
            #expect(session.turns.filter { $0.role == .customer }.count == 1)
            #expect(try await tickets.tickets(status: nil).count == 1)
            // And once more later: still one ticket.
            #expect(try await engine.respond(to: copy).duplicate)
            #expect(try await tickets.tickets(status: nil).count == 1)
        }
    }

    @Test("Answered ids hold across a restart with the SQLite store")
    func acrossRestart() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("steward-restart-\(UUID().uuidString).db").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let message = IncomingMessage(session: "sms-3", id: "m9", text: "agent please", channel: .sms, customer: Self.kim)
        func engine() throws -> (ConversationEngine, SQLiteStore) {
            let store = try SQLiteStore(path: path)
            return (try ConversationEngine.make(
                configuration: StewardConfiguration(), skills: shippedSkills, baseDirectory: repositoryRoot,
                store: store, tickets: store), store)
        }
        let first: AgentReply
        do {
            let (running, _) = try engine()
            first = try await running.respond(to: message)
        }
        let (restarted, store) = try engine()
        let second = try await restarted.respond(to: message)
        #expect(second.duplicate)
        #expect(second.text == first.text)
        #expect(try await store.tickets(status: nil).count == 1)
        #expect(try #require(try await store.load(id: "sms-3")).turnCount == 2)
    }

    @Test("A burst is one turn per message, each with its id, answered once", arguments: EngineStores.all)
    func burstKeepsIDs(stores: EngineStores) async throws {
        try await stores.withEngine { engine, sessions, _, _ in
            let customer = Customer(email: "jane.doe@example.com", authenticated: true)
            let texts = ["hi", "where's my order", "#1001"]
            let messages = texts.enumerated().map {
                IncomingMessage(session: "b1", id: "b\($0.offset)", text: $0.element, channel: .sms, customer: customer)
            }
            let replies = try await engine.respond(to: messages)
            #expect(replies.map(\.replyTo) == ["b0", "b1", "b2"])
            #expect(replies.allSatisfy { $0.mergedIDs == ["b0", "b1", "b2"] && !$0.duplicate })
            #expect(Set(replies.map(\.text)).count == 1)
            #expect(replies[0].intent == "order_status")
            let session = try #require(try await sessions.load(id: "b1"))
            let customerTurns = session.turns.filter { $0.role == .customer }
            #expect(customerTurns.map(\.text) == texts)
            #expect(customerTurns.map(\.messageID) == ["b0", "b1", "b2"])
            #expect(session.turns.filter { $0.role == .agent }.count == 1)
            // Any id of the burst sent again gets the merged reply, marked.
            let again = try await engine.respond(to: messages[1])
            #expect(again.duplicate && again.mergedIDs == ["b0", "b1", "b2"] && again.text == replies[0].text)
        }
    }

    @Test("Three SMS sessions of one person at once open one ticket holding all their messages", arguments: EngineStores.all)
    func onePersonOneTicket(stores: EngineStores) async throws {
        // With an external helpdesk, so the outbox shows how many creations it would get.
        var configuration = StewardConfiguration()
        configuration.handoff.helpdesk = .zendesk
        try await stores.withEngine(configuration: configuration) { engine, _, tickets, _ in
            let texts = ["agent please", "my parcel never came, agent please", "hello?? real person please"]
            // Kim, and a few more people doing the same at the same time, to give the race its chances.
            let people = ["kim.park@example.com"] + (1..<6).map { "person\($0)@example.com" }
            let replies = try await withThrowingTaskGroup(of: AgentReply.self) { group in
                for (number, person) in people.enumerated() {
                    for (index, text) in texts.enumerated() {
                        // One person is one phone (the host's channel identity); the email is not verified.
                        let customer = Customer(email: person, phone: "+1555010000\(number)")
                        let message = IncomingMessage(
                            session: "\(person)-\(index)", id: "k\(index)", text: text, channel: .sms, customer: customer)
                        group.addTask {
                            let reply = try await engine.respond(to: message)
                            guard reply.outcome != "handoff" else { return reply }
                            // Routed elsewhere ("did you mean…?"): the customer taps the person option.
                            return try await engine.respond(to: IncomingMessage(
                                session: message.session, id: "k\(index)-tap", action: "handoff", channel: .sms, customer: customer))
                        }
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(replies.allSatisfy { $0.outcome == "handoff" })
            let all = try await tickets.tickets(status: nil)
            #expect(all.count == people.count)
            // The helpdesk gets one ticket creation per person; later messages join the ticket.
            #expect(try await tickets.pendingDeliveries().count == people.count)
            for person in people {
                let theirs = all.filter { $0.customerEmail == person }
                try #require(theirs.count == 1, "\(person) has \(theirs.count) tickets")
                let customerTexts = Set(theirs[0].transcript.filter { $0.role == .customer }.map(\.text))
                #expect(customerTexts.subtracting(["[handoff]"]) == Set(texts))
            }
        }
    }
}

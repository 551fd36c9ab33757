import Foundation
import StewardCore
import StewardRuntime
import StewardStore
import Testing

/// Two engines on one SQLite file, as two `steward pipe` processes (README: "One writer per session").
@Suite struct SharedStoreEngineTests {
    static func engines(path: String) throws -> [ConversationEngine] {
        try (0..<2).map { _ in
            let store = try SQLiteStore(path: path)
            return try ConversationEngine.make(
                configuration: StewardConfiguration(), skills: shippedSkills, baseDirectory: repositoryRoot,
                store: store, tickets: store)
        }
    }

    static func withPath(_ body: (String) async throws -> Void) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("steward-shared-\(UUID().uuidString).db").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try await body(path)
    }

    @Test func twoEnginesAnsweringOneSessionAtOnceKeepEveryMessageOnce() async throws {
        try await Self.withPath { path in
            let engines = try Self.engines(path: path)
            let texts = ["hi", "do you ship to Canada?", "what is your return policy?", "thanks", "where is my order #1001", "ok"]
            // Each engine answers its half of the messages in order, both at the same time.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, engine) in engines.enumerated() {
                    group.addTask {
                        for round in 0..<10 {
                            let text = texts[(round + index) % texts.count]
                            _ = try await engine.respond(
                                to: IncomingMessage(session: "one", id: "e\(index)-\(round)", text: text))
                        }
                    }
                }
                try await group.waitForAll()
            }
            let store = try SQLiteStore(path: path, configuration: .init(recentTurns: 100))
            let session = try #require(try await store.load(id: "one"))
            let ids = session.turns.compactMap(\.messageID)
            #expect(session.turnCount == 40)
            #expect(Set(ids).count == 20)
            for index in 0..<2 {
                #expect(ids.filter { $0.hasPrefix("e\(index)-") } == (0..<10).map { "e\(index)-\($0)" })
            }
        }
    }

    @Test func aTeamReplyPendingForASessionIsDeliveredByOneEngineOnly() async throws {
        try await Self.withPath { path in
            let engines = try Self.engines(path: path)
            let customer = Customer(email: "jane.doe@example.com", authenticated: true)
            _ = try await engines[0].respond(to: IncomingMessage(session: "t", text: "talk to a person", customer: customer))
            #expect(try await engines[1].respond(to: IncomingMessage(session: "t", text: "yes")).outcome == "handoff")
            let tickets = try #require(engines[0].tickets)
            let ticket = try #require(try await tickets.tickets(status: nil).first)
            let reply = try await tickets.addReply(ticketID: ticket.id, author: "Maya", text: "Hi Jane, I'm on it.")
            async let first = engines[0].deliverPendingReplies(session: "t")
            async let second = engines[1].deliverPendingReplies(session: "t")
            let delivered = try await first + second
            #expect(delivered.map(\.text) == [reply.text])
            #expect(delivered.first?.outcome == "human_reply")
            await #expect(throws: TeamReplyError.notPending(sequence: reply.sequence)) { try await engines[1].deliver(reply) }
            let session = try #require(try await SQLiteStore(path: path).load(id: "t"))
            #expect(session.turns.filter { $0.role == .human }.map(\.text) == [reply.text])
        }
    }

    @Test func withSeparateStoresAReplyIsMarkedDeliveredOnce() async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine, customer: Customer(email: "jane.doe@example.com", authenticated: true))
        try await chat.say("talk to a person")
        try await chat.say("yes")
        let ticket = try #require(try await tickets.tickets(status: nil).first)
        let reply = try await tickets.addReply(ticketID: ticket.id, author: "Maya", text: "On it.")
        #expect(try await engine.deliverPendingReplies(session: chat.session).map(\.text) == ["On it."])
        #expect(try await tickets.pendingReplies(session: nil).isEmpty)
        #expect(try await engine.deliverPendingReplies(session: chat.session).isEmpty)
        await #expect(throws: TeamReplyError.notPending(sequence: reply.sequence)) { try await engine.deliver(reply) }
    }
}

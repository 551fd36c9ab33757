import Foundation
import StewardAdapters
import StewardCore
import StewardHTTP
import StewardModel
import StewardRuntime
import StewardTesting
import Testing

/// The outbox delivering handed-over conversations to Zendesk and Gorgias (the real adapters,
/// against the helpdesk stub) while the helpdesk misbehaves: one ticket per handoff, whatever happens.
@Suite struct OutboxFaultTests {
    static let secret = "outbox-SECRET-token-123456789"

    enum Helpdesk: String, CaseIterable, Sendable {
        case zendesk, gorgias
    }

    /// Faults after which the helpdesk has created the ticket but the reply is lost or unreadable.
    enum LostReply: String, CaseIterable, Sendable {
        case processThenDrop, replyAfterTheTimeout, notJSON, truncatedJSON, wrongShape

        var fault: StubFault {
            switch self {
            case .processThenDrop: .processThenDrop
            case .replyAfterTheTimeout: .processThenDelay(seconds: 2)
            case .notJSON: .garbage(.notJSON)
            case .truncatedJSON: .garbage(.truncatedJSON)
            case .wrongShape: .garbage(.wrongShape)
            }
        }
    }

    /// Quick retries and a short timeout, so the fault cases stay fast.
    static func client() -> HTTPClient {
        HTTPClient(configuration: .init(
            connectTimeout: .seconds(1), timeout: .milliseconds(300),
            retryPolicy: .init(maxAttempts: 3, baseDelay: .milliseconds(10), maxDelay: .seconds(2))))
    }

    /// An engine handing over to `helpdesk`, and a worker delivering to the stub behind `server`.
    static func setUp(_ helpdesk: Helpdesk, server: StubHTTPServer) throws -> (ConversationEngine, InMemoryTicketStore, OutboxWorker) {
        let (engine, tickets) = try makeHandoffEngine { $0.handoff.helpdesk = helpdesk == .zendesk ? .zendesk : .gorgias }
        let provider: any HelpdeskProvider =
            switch helpdesk {
            case .zendesk:
                try ZendeskHelpdesk(
                    configuration: .init(subdomain: "acme", agentEmail: "bot@acme.com", baseURL: server.baseURLString), apiToken: secret,
                    client: client())
            case .gorgias:
                try GorgiasHelpdesk(
                    configuration: .init(domain: "acme", username: "bot@acme.com", baseURL: server.baseURLString), apiKey: secret,
                    client: client())
            }
        return (engine, tickets, OutboxWorker(engine: engine, helpdesks: [helpdesk.rawValue: provider]))
    }

    /// A customer asks for a person and accepts: a ticket waits in the outbox.
    static func handOff(_ engine: ConversationEngine, email: String) async throws {
        let chat = Conversation(engine, customer: Customer(email: email, authenticated: true))
        try await chat.say("talk to a person")
        try await chat.say("yes")
    }

    static func stub(_ helpdesk: Helpdesk, _ stub: HelpdeskStub) -> StubHTTPServer.Handler {
        helpdesk == .zendesk ? stub.zendesk : stub.gorgias
    }

    /// Every creation is processed and its reply lost (dropped, late, or garbage): the outbox finds the
    /// ticket by its external id and records it; the helpdesk holds exactly one ticket.
    @Test(arguments: Helpdesk.allCases, LostReply.allCases)
    func aTicketWhoseCreationReplyIsLostIsDeliveredOnce(_ helpdesk: Helpdesk, _ lost: LostReply) async throws {
        let stub = HelpdeskStub()
        let faults = StubFaults()
        faults.inject(lost.fault, times: .max, when: StubFaults.writes)
        let server = try StubHTTPServer(handler: faults.wrap(Self.stub(helpdesk, stub)))
        defer { server.stop() }
        let (engine, tickets, worker) = try Self.setUp(helpdesk, server: server)
        try await Self.handOff(engine, email: "z@example.com")
        let ticket = try #require(try await tickets.tickets(status: nil).first)

        var now = Date()
        for _ in 0..<4 {
            if try await tickets.pendingDeliveries().isEmpty { break }
            await worker.deliverDue(now: now)
            now = now.addingTimeInterval(3600)
        }
        #expect(try await tickets.pendingDeliveries().isEmpty)
        #expect(stub.count == 1)
        #expect(stub.created.first?.externalID == ticket.id)
        #expect(try await tickets.ticket(id: ticket.id)?.external?.id == "35436")
        #expect(!faults.served.isEmpty)
        // Nothing more is sent once it is delivered.
        let requests = server.requests.count
        await worker.deliverDue(now: now.addingTimeInterval(99_999))
        #expect(server.requests.count == requests)
    }

    /// A 429 whose `Retry-After` (seconds or an HTTP date) is longer than the client waits: the outbox
    /// stops calling that helpdesk for every waiting ticket until then, then delivers each once.
    @Test(arguments: Helpdesk.allCases, ["120", "date"])
    func a429PausesTheHelpdeskUntilRetryAfterThenEachHandoffGetsOneTicket(_ helpdesk: Helpdesk, _ form: String) async throws {
        let stub = HelpdeskStub()
        let faults = StubFaults()
        let server = try StubHTTPServer(handler: faults.wrap(Self.stub(helpdesk, stub)))
        defer { server.stop() }
        let (engine, tickets, worker) = try Self.setUp(helpdesk, server: server)
        try await Self.handOff(engine, email: "first@example.com")
        try await Self.handOff(engine, email: "second@example.com")
        #expect(try await tickets.pendingDeliveries().count == 2)
        let started = Date()
        let retryAfter = form == "date" ? StubFault.httpDate(started.addingTimeInterval(120)) : form
        faults.inject(.rateLimited(retryAfter: retryAfter), times: .max, when: StubFaults.writes)

        #expect(await worker.deliverDue(now: Date()) == 0)
        // One refused creation, and the second ticket was not even tried.
        #expect(faults.served.count == 1)
        let pending = try await tickets.pendingDeliveries()
        let refused = try #require(pending.first { $0.attempts == 1 })
        #expect(refused.nextAttemptAt >= started.addingTimeInterval(115))
        #expect(refused.lastError?.contains("429") == true)
        #expect(refused.lastError?.contains(Self.secret) == false)
        #expect(pending.contains { $0.attempts == 0 })

        // Still inside the wait: the helpdesk is not called at all.
        let requests = server.requests.count
        #expect(await worker.deliverDue(now: started.addingTimeInterval(60)) == 0)
        #expect(server.requests.count == requests)

        faults.clear()
        #expect(await worker.deliverDue(now: refused.nextAttemptAt.addingTimeInterval(1)) == 2)
        #expect(stub.count == 2)
        #expect(Set(stub.created.compactMap(\.externalID)).count == 2)
        #expect(try await tickets.pendingDeliveries().isEmpty)
    }

    /// A 503 without `Retry-After` through all of the client's attempts: the outbox backs off and
    /// delivers the ticket once when the helpdesk is back.
    @Test(arguments: Helpdesk.allCases)
    func a503BacksOffAndTheTicketIsDeliveredOnceLater(_ helpdesk: Helpdesk) async throws {
        let stub = HelpdeskStub()
        let faults = StubFaults()
        faults.inject(.unavailable(retryAfter: nil), times: 3, when: StubFaults.writes)
        let server = try StubHTTPServer(handler: faults.wrap(Self.stub(helpdesk, stub)))
        defer { server.stop() }
        let (engine, tickets, worker) = try Self.setUp(helpdesk, server: server)
        try await Self.handOff(engine, email: "z@example.com")

        let now = Date()
        #expect(await worker.deliverDue(now: now) == 0)
        let entry = try #require(try await tickets.pendingDeliveries().first)
        #expect(entry.attempts == 1)
        #expect(entry.nextAttemptAt > now)
        #expect(entry.lastError?.contains("503") == true)
        #expect(stub.count == 0)
        #expect(try await tickets.dueDeliveries(at: now).isEmpty)  // backing off

        #expect(await worker.deliverDue(now: entry.nextAttemptAt) == 1)
        #expect(stub.count == 1)
    }

    /// Every answer, lookups included, is garbage: the delivery fails with a clear error naming the
    /// problem (no crash, no secret), creates nothing blind, and succeeds once the helpdesk recovers.
    @Test(arguments: Helpdesk.allCases)
    func garbageAnswersAreAClearErrorAndNothingIsCreatedBlind(_ helpdesk: Helpdesk) async throws {
        let stub = HelpdeskStub()
        let faults = StubFaults()
        faults.inject(.garbage(.notJSON), times: .max)
        let server = try StubHTTPServer(handler: faults.wrap(Self.stub(helpdesk, stub)))
        defer { server.stop() }
        let (engine, tickets, worker) = try Self.setUp(helpdesk, server: server)
        try await Self.handOff(engine, email: "z@example.com")

        let now = Date()
        #expect(await worker.deliverDue(now: now) == 0)
        let entry = try #require(try await tickets.pendingDeliveries().first)
        let message = try #require(entry.lastError)
        #expect(message.contains("Could not decode the response"))
        #expect(!message.contains(Self.secret))
        #expect(!message.contains(Data("bot@acme.com/token:\(Self.secret)".utf8).base64EncodedString()))
        #expect(stub.count == 0)

        faults.clear()
        #expect(await worker.deliverDue(now: entry.nextAttemptAt) == 1)
        #expect(stub.count == 1)
    }
}

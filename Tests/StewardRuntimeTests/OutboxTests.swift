import Foundation
import StewardCore
import StewardModel
import StewardRuntime
import Testing

/// A helpdesk that is down for its first `failures` calls, and remembers what it created.
actor FlakyHelpdesk: HelpdeskProvider {
    nonisolated let name = "zendesk"
    private var failures: Int
    private(set) var created: [String: Ticket] = [:]
    private(set) var calls = 0

    init(failures: Int) { self.failures = failures }

    func createTicket(_ ticket: Ticket) async throws -> Ticket.ExternalReference {
        calls += 1
        if failures > 0 {
            failures -= 1
            throw ToolError.unavailable(tool: "zendesk", reason: "HTTP 503")
        }
        created[ticket.id] = ticket  // idempotent by the ticket's id
        return Ticket.ExternalReference(provider: name, id: "zd-\(created.count)")
    }
}

@Suite struct OutboxTests {
    @Test func aTicketWaitsWhileTheHelpdeskIsDownAndIsDeliveredOnceWhenItComesBack() async throws {
        let (engine, tickets) = try makeHandoffEngine { $0.handoff.helpdesk = .zendesk }
        let helpdesk = FlakyHelpdesk(failures: 2)
        let worker = OutboxWorker(engine: engine, helpdesks: ["zendesk": helpdesk])
        let chat = Conversation(engine, customer: Customer(email: "z@example.com", authenticated: true))
        try await chat.say("talk to a person")
        let done = try await chat.say("yes")
        #expect(done.text.contains("continue by email at z@example.com"))
        let ticket = try #require(try await tickets.tickets(status: nil).first)

        #expect(await worker.deliverDue() == 0)
        var pending = try await tickets.pendingDeliveries()
        #expect(pending.count == 1)
        #expect(pending.first?.attempts == 1)
        #expect(pending.first?.lastError?.contains("503") == true)
        #expect(try await tickets.dueDeliveries(at: Date()).isEmpty)  // backing off

        // Later: still down once more, then back.
        #expect(await worker.deliverDue(now: Date().addingTimeInterval(3600)) == 0)
        #expect(await worker.deliverDue(now: Date().addingTimeInterval(7200)) == 1)
        pending = try await tickets.pendingDeliveries()
        #expect(pending.isEmpty)
        #expect(await helpdesk.calls == 3)
        #expect(await helpdesk.created.count == 1)
        #expect(await helpdesk.created[ticket.id]?.transcript.isEmpty == false)
        #expect(try await tickets.ticket(id: ticket.id)?.external?.id == "zd-1")
        // Nothing is delivered twice.
        #expect(await worker.deliverDue(now: Date().addingTimeInterval(99_999)) == 0)
        #expect(await helpdesk.calls == 3)
    }

    @Test func aTicketForAHelpdeskThatIsNotConfiguredWaitsWithAClearError() async throws {
        let (engine, tickets) = try makeHandoffEngine { $0.handoff.helpdesk = .gorgias }
        let worker = OutboxWorker(engine: engine, helpdesks: [:])
        let chat = Conversation(engine, customer: Customer(email: "g@example.com", authenticated: true))
        try await chat.say("talk to a person")
        try await chat.say("yes")
        await worker.deliverDue()
        let entry = try #require(try await tickets.pendingDeliveries().first)
        #expect(entry.lastError?.contains("no gorgias integration is configured") == true)
    }
}

import Foundation
import GRDB
import StewardCore
import StewardRuntime
import StewardStore
import Testing

/// Adding a person's later conversations to their SMS/WhatsApp ticket writes only the new turns:
/// the stored ticket (its JSON and transcript) is never rewritten per handoff (issue 12, part 9).
@Suite struct PersonTicketAppendTests {
    @Test("Hundreds of handoffs on one identity leave the ticket's stored JSON untouched and add one row per new turn")
    func appendsDoNotRewriteTheTicket() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let store = try SQLiteStore(path: path)
            let first = PersonTicketConformanceTests.ticket(session: "s0", text: "agent please", at: 0)
            _ = try await store.createOrAppend(first, forCustomer: "phone:+15550100", deliverTo: "zendesk")
            let queue = try DatabaseQueue(path: path)
            let before = try await queue.read { db in try String.fetchOne(db, sql: "SELECT json FROM tickets") }
            for index in 1...300 {
                let next = PersonTicketConformanceTests.ticket(session: "s\(index)", text: "agent please \(index)", at: Double(index))
                let placed = try await store.createOrAppend(next, forCustomer: "phone:+15550100", deliverTo: "zendesk")
                #expect(placed == TicketPlacement(ticketID: first.id, created: false))
            }
            let (after, rows) = try await queue.read { db in
                (try String.fetchOne(db, sql: "SELECT json FROM tickets"), try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ticket_turns") ?? 0)
            }
            #expect(after == before)
            #expect(rows == 300)
            let stored = try #require(try await store.ticket(id: first.id))
            #expect(stored.transcript.count == 301)
            #expect(stored.transcript.last?.text == "agent please 300")
            #expect(try await store.pendingDeliveries().count == 1)
        }
    }

    @Test("A closed ticket is reopened once, and later handoffs append again without rewriting it")
    func reopenThenAppend() async throws {
        try await withTemporaryDirectory { directory in
            let store = try SQLiteStore(path: directory.appendingPathComponent("steward.db").path)
            let first = PersonTicketConformanceTests.ticket(session: "s0", text: "agent please", at: 0)
            _ = try await store.createOrAppend(first, forCustomer: "phone:+15550100", deliverTo: nil)
            try await store.modifyTicket(id: first.id) { $0.status = .closed }
            _ = try await store.createOrAppend(
                PersonTicketConformanceTests.ticket(session: "s1", text: "hello again", at: 10), forCustomer: "phone:+15550100", deliverTo: nil)
            _ = try await store.createOrAppend(
                PersonTicketConformanceTests.ticket(session: "s2", text: "still there?", at: 20), forCustomer: "phone:+15550100", deliverTo: nil)
            let stored = try #require(try await store.ticket(id: first.id))
            #expect(stored.status == .open)
            #expect(stored.transcript.map(\.text) == ["agent please", "hello again", "still there?"])
        }
    }
}

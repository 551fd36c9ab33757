import Foundation
import GRDB
import StewardCore
import StewardModel
import StewardRuntime
import Testing

@testable import StewardStore

@Suite("Outbox lease migration")
struct OutboxLeaseMigrationTests {
    @Test("An outbox entry written before v8-outbox-lease starts unclaimed: due, claimed once, recorded by its holder")
    func entriesFromBeforeTheLeaseAreClaimable() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let ticket = Ticket.sample(id: "old")
            do {
                let queue = try DatabaseQueue(path: path)
                try Schema.migrator.migrate(queue, upTo: "v7-person-channel-identity")
                let json = try SQLiteStore.encode(ticket)
                try await queue.write { db in
                    try db.execute(
                        sql: """
                            INSERT INTO tickets (id, session_id, channel, status, subject, reason, created_at, updated_at, json)
                            VALUES ('old', 's1', 'webchat', 'open', 'subject', 'requested', ?, ?, ?)
                            """,
                        arguments: [Instant.base.timeIntervalSince1970, Instant.base.timeIntervalSince1970, json])
                    try db.execute(
                        sql: "INSERT INTO outbox (ticket_id, provider, attempts, next_attempt_at, last_error) VALUES ('old', 'zendesk', 2, ?, 'HTTP 503')",
                        arguments: [Instant.base.timeIntervalSince1970])
                }
            }
            let first = try SQLiteStore(path: path), second = try SQLiteStore(path: path)
            #expect(try await first.dueDeliveries(at: Instant.at(1)).map(\.ticketID) == ["old"])
            let claimed = try await first.claimDelivery(ticketID: "old", worker: "A", at: Instant.at(1), leaseUntil: Instant.at(301))
            #expect(claimed?.attempts == 2)
            #expect(claimed?.lastError == "HTTP 503")
            #expect(try await second.claimDelivery(ticketID: "old", worker: "B", at: Instant.at(2), leaseUntil: Instant.at(302)) == nil)
            #expect(try await second.markDelivered(ticketID: "old", reference: .init(provider: "zendesk", id: "9"), worker: "A"))
            #expect(try await first.pendingDeliveries().isEmpty)
        }
    }
}

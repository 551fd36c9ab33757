import Foundation
import StewardCore
import StewardRuntime
import StewardStore
import Testing

/// Outbox claims (``OutboxLease``): each delivery is taken by exactly one worker, a lapsed lease lets
/// another worker take it, and only the holder records the outcome. Runs against both stores.
@Suite("Outbox claim conformance")
struct OutboxClaimConformanceTests {
    static let lease: TimeInterval = 300

    @Test("Of two workers claiming one entry, exactly one gets it; the other is refused", arguments: Factories.ticketStores)
    func oneOfTwoClaimersWins(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            try await store.create(.sample(id: "t1"), deliverTo: "gorgias")
            let first = try await store.claimDelivery(ticketID: "t1", worker: "A", at: Instant.at(1), leaseUntil: Instant.at(301))
            #expect(first?.ticketID == "t1")
            #expect(first?.claimedBy == "A")
            #expect(first?.leaseUntil == Instant.at(301))
            #expect(try await store.claimDelivery(ticketID: "t1", worker: "B", at: Instant.at(2), leaseUntil: Instant.at(302)) == nil)
            // Not offered as due while claimed, but still pending (and shown as claimed).
            #expect(try await store.dueDeliveries(at: Instant.at(2)).isEmpty)
            let pending = try #require(try await store.pendingDeliveries().first)
            #expect(pending.claimedBy == "A")
            #expect(pending.leaseUntil == Instant.at(301))
        }
    }

    @Test("Workers racing over many entries: every entry is claimed exactly once", arguments: Factories.ticketStores)
    func racingWorkersClaimEachEntryOnce(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            let ids = (0..<40).map { "t\($0)" }
            for id in ids { try await store.create(.sample(id: id), deliverTo: "zendesk") }
            let wins = try await Self.race(workers: (0..<4).map { (name: "w\($0)", store: store) }, ids: ids)
            #expect(wins.count == ids.count)
            #expect(Set(wins.map(\.ticketID)) == Set(ids))
        }
    }

    @Test("Two store instances on one file (as two processes): every entry is claimed exactly once")
    func twoInstancesOnOneFileClaimEachEntryOnce() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let first = try SQLiteStore(path: path), second = try SQLiteStore(path: path)
            let ids = (0..<60).map { "t\($0)" }
            for id in ids { try await first.create(.sample(id: id), deliverTo: "gorgias") }
            let wins = try await Self.race(
                workers: [(name: "A", store: first), (name: "B", store: second), (name: "C", store: first), (name: "D", store: second)],
                ids: ids)
            #expect(wins.count == ids.count)
            #expect(Set(wins.map(\.ticketID)) == Set(ids))
            // Each holder, and nobody else, records its delivery.
            for win in wins {
                let other = win.worker == "A" ? "B" : "A"
                #expect(try await second.markDelivered(ticketID: win.ticketID, reference: .init(provider: "gorgias", id: "x"), worker: other) == false)
                #expect(try await first.markDelivered(ticketID: win.ticketID, reference: .init(provider: "gorgias", id: win.worker), worker: win.worker))
            }
            #expect(try await second.pendingDeliveries().isEmpty)
            for win in wins { #expect(try await second.ticket(id: win.ticketID)?.external?.id == win.worker) }
        }
    }

    @Test("A claim whose lease ran out (its worker died) is taken by another worker", arguments: Factories.ticketStores)
    func lapsedLeaseIsRetaken(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            try await store.create(.sample(id: "t1"), deliverTo: "zendesk")
            _ = try #require(try await store.claimDelivery(ticketID: "t1", worker: "A", at: Instant.base, leaseUntil: Instant.at(Self.lease)))
            #expect(try await store.claimDelivery(ticketID: "t1", worker: "B", at: Instant.at(Self.lease - 1), leaseUntil: Instant.at(2 * Self.lease)) == nil)
            #expect(try await store.dueDeliveries(at: Instant.at(Self.lease - 1)).isEmpty)
            // Lapsed: due again, and B takes it.
            #expect(try await store.dueDeliveries(at: Instant.at(Self.lease + 1)).map(\.ticketID) == ["t1"])
            let retaken = try await store.claimDelivery(
                ticketID: "t1", worker: "B", at: Instant.at(Self.lease + 1), leaseUntil: Instant.at(2 * Self.lease + 1))
            #expect(retaken?.claimedBy == "B")
            #expect(retaken?.attempts == 0)
            // A, back too late, may record nothing; B's outcome stands.
            #expect(try await store.markDelivered(ticketID: "t1", reference: .init(provider: "zendesk", id: "from-A"), worker: "A") == false)
            #expect(try await store.markFailed(ticketID: "t1", error: "late", nextAttemptAt: Instant.at(9_999), worker: "A") == false)
            #expect(try await store.ticket(id: "t1")?.external == nil)
            #expect(try await store.markDelivered(ticketID: "t1", reference: .init(provider: "zendesk", id: "from-B"), worker: "B"))
            #expect(try await store.ticket(id: "t1")?.external?.id == "from-B")
            #expect(try await store.pendingDeliveries().isEmpty)
        }
    }

    @Test("Only the holder marks an entry delivered or failed", arguments: Factories.ticketStores)
    func onlyTheHolderMarks(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            try await store.create(.sample(id: "t1"), deliverTo: "gorgias")
            // Unclaimed: nobody may mark it.
            #expect(try await store.markFailed(ticketID: "t1", error: "x", nextAttemptAt: Instant.at(50), worker: "A") == false)
            #expect(try await store.markDelivered(ticketID: "t1", reference: .init(provider: "gorgias", id: "1"), worker: "A") == false)
            _ = try #require(try await store.claimDelivery(ticketID: "t1", worker: "A", at: Instant.base, leaseUntil: Instant.at(Self.lease)))
            #expect(try await store.markFailed(ticketID: "t1", error: "HTTP 503", nextAttemptAt: Instant.at(50), worker: "B") == false)
            #expect(try await store.markDelivered(ticketID: "t1", reference: .init(provider: "gorgias", id: "2"), worker: "B") == false)
            var entry = try #require(try await store.pendingDeliveries().first)
            #expect(entry.attempts == 0 && entry.lastError == nil && entry.claimedBy == "A")
            #expect(try await store.ticket(id: "t1")?.external == nil)
            // The holder's failure counts, reschedules and frees the entry.
            #expect(try await store.markFailed(ticketID: "t1", error: "HTTP 503", nextAttemptAt: Instant.at(50), worker: "A"))
            entry = try #require(try await store.pendingDeliveries().first)
            #expect(entry == OutboxEntry(ticketID: "t1", provider: "gorgias", attempts: 1, nextAttemptAt: Instant.at(50), lastError: "HTTP 503"))
            #expect(try await store.claimDelivery(ticketID: "t1", worker: "B", at: Instant.at(49), leaseUntil: Instant.at(349)) == nil)  // not due yet
            #expect(try await store.claimDelivery(ticketID: "t1", worker: "B", at: Instant.at(50), leaseUntil: Instant.at(350))?.attempts == 1)
            #expect(try await store.markDelivered(ticketID: "t1", reference: .init(provider: "gorgias", id: "3"), worker: "A") == false)
            #expect(try await store.markDelivered(ticketID: "t1", reference: .init(provider: "gorgias", id: "3"), worker: "B"))
            #expect(try await store.ticket(id: "t1")?.external?.id == "3")
        }
    }

    @Test("A released claim is free at once for another worker; only the holder can release it", arguments: Factories.ticketStores)
    func releasedClaimIsFree(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            try await store.create(.sample(id: "t1"), deliverTo: "zendesk")
            _ = try #require(try await store.claimDelivery(ticketID: "t1", worker: "A", at: Instant.base, leaseUntil: Instant.at(Self.lease)))
            try await store.releaseDelivery(ticketID: "t1", worker: "B")
            #expect(try await store.claimDelivery(ticketID: "t1", worker: "B", at: Instant.at(1), leaseUntil: Instant.at(301)) == nil)
            try await store.releaseDelivery(ticketID: "t1", worker: "A")
            let entry = try await store.claimDelivery(ticketID: "t1", worker: "B", at: Instant.at(1), leaseUntil: Instant.at(301))
            #expect(entry?.claimedBy == "B")
            #expect(entry?.attempts == 0)
        }
    }

    @Test("An entry that is gone or not due cannot be claimed", arguments: Factories.ticketStores)
    func goneOrNotDueIsNotClaimed(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            try await store.create(.sample(id: "later", createdAt: Instant.at(100)), deliverTo: "zendesk")
            try await store.create(.sample(id: "local"), deliverTo: nil)
            #expect(try await store.claimDelivery(ticketID: "later", worker: "A", at: Instant.at(99), leaseUntil: Instant.at(399)) == nil)
            #expect(try await store.claimDelivery(ticketID: "local", worker: "A", at: Instant.at(99), leaseUntil: Instant.at(399)) == nil)
            #expect(try await store.claimDelivery(ticketID: "missing", worker: "A", at: Instant.at(99), leaseUntil: Instant.at(399)) == nil)
            #expect(try await store.claimDelivery(ticketID: "later", worker: "A", at: Instant.at(100), leaseUntil: Instant.at(400)) != nil)
        }
    }

    /// Every worker tries to claim every id at once (each in its own order); returns the claims that succeeded.
    static func race(workers: [(name: String, store: any TicketStore)], ids: [String]) async throws -> [(ticketID: String, worker: String)] {
        try await withThrowingTaskGroup(of: [(ticketID: String, worker: String)].self) { group in
            for (index, worker) in workers.enumerated() {
                let order = index % 2 == 0 ? ids : ids.reversed()
                group.addTask {
                    var won: [(ticketID: String, worker: String)] = []
                    for id in order {
                        if let entry = try await worker.store.claimDelivery(
                            ticketID: id, worker: worker.name, at: Instant.at(1), leaseUntil: Instant.at(301))
                        {
                            #expect(entry.claimedBy == worker.name)
                            won.append((id, worker.name))
                        }
                    }
                    return won
                }
            }
            var all: [(ticketID: String, worker: String)] = []
            for try await won in group { all += won }
            return all
        }
    }
}

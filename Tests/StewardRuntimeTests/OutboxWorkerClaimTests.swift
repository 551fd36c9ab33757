import Foundation
import Logging
import StewardCore
import StewardModel
import StewardStore
import Synchronization
import Testing

@testable import StewardRuntime

/// A helpdesk that counts the creations of each ticket; with `gate`, the first call waits until it is opened.
final class CountingHelpdesk: HelpdeskProvider, Sendable {
    let name = "gorgias"
    let label: String
    private let calls = Mutex([String: Int]())
    private let gate: Gate?

    init(label: String, gate: Gate? = nil) {
        self.label = label
        self.gate = gate
    }

    /// How often each ticket id was sent.
    var perTicket: [String: Int] { calls.withLock { $0 } }
    var total: Int { calls.withLock { $0.values.reduce(0, +) } }

    func createTicket(_ ticket: Ticket) async throws -> Ticket.ExternalReference {
        calls.withLock { $0[ticket.id, default: 0] += 1 }
        if let gate { await gate.pass() }
        // A helpdesk takes a moment to answer: long enough for another worker to look at the same entry.
        try await Task.sleep(for: .milliseconds(5))
        return Ticket.ExternalReference(provider: name, id: "\(label)-\(ticket.id)")
    }
}

/// Holds callers until opened.
actor Gate {
    private var open = false
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private(set) var arrived = 0

    func pass() async {
        arrived += 1
        if open { return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func openUp() {
        open = true
        waiting.forEach { $0.resume() }
        waiting = []
    }
}

@Suite("Outbox workers sharing a store")
struct OutboxWorkerClaimTests {
    static func worker(_ store: any TicketStore, _ helpdesk: CountingHelpdesk, lease: Double = OutboxLease.seconds) -> OutboxWorker {
        OutboxWorker(
            tickets: store, helpdesks: ["gorgias": helpdesk], configuration: HandoffConfiguration(), leaseSeconds: lease,
            logger: Logger(label: "test.outbox"))
    }

    static func tickets(_ count: Int) -> [Ticket] {
        (0..<count).map { index in
            Ticket(
                id: "t\(index)", sessionID: "s\(index)", channel: .sms, subject: "Talk to a person",
                transcript: [Turn(timestamp: Date(timeIntervalSince1970: 1_700_000_000), role: .customer, text: "a person please")],
                reason: .requested, createdAt: Date(timeIntervalSince1970: 1_700_000_000))
        }
    }

    @Test("Two workers on two store instances of one file (as two processes) deliver every ticket exactly once")
    func twoWorkersDeliverEachTicketOnce() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-claims-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("steward.db").path
        let first = try SQLiteStore(path: path), second = try SQLiteStore(path: path)
        let tickets = Self.tickets(30)
        for ticket in tickets { try await first.create(ticket, deliverTo: "gorgias") }
        let helpdeskA = CountingHelpdesk(label: "A"), helpdeskB = CountingHelpdesk(label: "B")
        let workerA = Self.worker(first, helpdeskA), workerB = Self.worker(second, helpdeskB)

        async let a = workerA.deliverDue()
        async let b = workerB.deliverDue()
        let delivered = await a + b

        #expect(delivered == tickets.count)
        var sent = helpdeskA.perTicket
        sent.merge(helpdeskB.perTicket, uniquingKeysWith: +)
        #expect(sent == Dictionary(uniqueKeysWithValues: tickets.map { ($0.id, 1) }))
        #expect(try await second.pendingDeliveries().isEmpty)
        for ticket in tickets {
            let reference = try #require(try await first.ticket(id: ticket.id)?.external)
            let sender = helpdeskA.perTicket[ticket.id] == 1 ? "A" : "B"
            #expect(reference.id == "\(sender)-\(ticket.id)")  // recorded by the worker that delivered it
        }
    }

    @Test("A delivery claimed by a worker that died is left alone until its lease runs out, then delivered once")
    func aDeadWorkersClaimIsRetakenAfterTheLease() async throws {
        let store = InMemoryTicketStore()
        let ticket = try #require(Self.tickets(1).first)
        try await store.create(ticket, deliverTo: "gorgias")
        let now = Date()
        _ = try #require(try await store.claimDelivery(ticketID: ticket.id, worker: "pid 1 dead", at: now, leaseUntil: now.addingTimeInterval(300)))
        let helpdesk = CountingHelpdesk(label: "live")
        let worker = Self.worker(store, helpdesk, lease: 300)

        #expect(await worker.deliverDue(now: now.addingTimeInterval(299)) == 0)
        #expect(helpdesk.total == 0)
        #expect(await worker.deliverDue(now: now.addingTimeInterval(301)) == 1)
        #expect(helpdesk.total == 1)
        #expect(try await store.ticket(id: ticket.id)?.external?.id == "live-\(ticket.id)")
        #expect(try await store.pendingDeliveries().isEmpty)
    }

    @Test("A worker whose lease lapsed mid-delivery records nothing; the worker that took over records its delivery")
    func aLapsedHolderRecordsNothing() async throws {
        let store = InMemoryTicketStore()
        let ticket = try #require(Self.tickets(1).first)
        try await store.create(ticket, deliverTo: "gorgias")
        let gate = Gate()
        let slow = CountingHelpdesk(label: "slow", gate: gate), fast = CountingHelpdesk(label: "fast")
        let slowWorker = Self.worker(store, slow, lease: 60), fastWorker = Self.worker(store, fast, lease: 60)
        let now = Date()

        let stuck = Task { await slowWorker.deliverDue(now: now) }
        while await gate.arrived == 0 { try await Task.sleep(for: .milliseconds(1)) }
        // The slow worker's claim runs 60 s from when it was taken (a moment after `now`, later on a busy machine).
        #expect(await fastWorker.deliverDue(now: now.addingTimeInterval(30)) == 0)  // the slow worker's claim holds
        #expect(await fastWorker.deliverDue(now: now.addingTimeInterval(600)) == 1)  // lapsed: taken over
        await gate.openUp()
        #expect(await stuck.value == 0)
        #expect(try await store.ticket(id: ticket.id)?.external?.id == "fast-\(ticket.id)")
        #expect(try await store.pendingDeliveries().isEmpty)
    }

    @Test("A worker stopped mid-delivery gives its claim back: the entry is free at once, no attempt counted")
    func aCancelledDeliveryReleasesTheClaim() async throws {
        struct StoppingHelpdesk: HelpdeskProvider {
            let name = "gorgias"
            func createTicket(_ ticket: Ticket) async throws -> Ticket.ExternalReference { throw CancellationError() }
        }
        let store = InMemoryTicketStore()
        let ticket = try #require(Self.tickets(1).first)
        try await store.create(ticket, deliverTo: "gorgias")
        let worker = OutboxWorker(
            tickets: store, helpdesks: ["gorgias": StoppingHelpdesk()], configuration: HandoffConfiguration(),
            logger: Logger(label: "test.outbox"))
        #expect(await worker.deliverDue() == 0)
        let entry = try #require(try await store.pendingDeliveries().first)
        #expect(entry.claimedBy == nil && entry.leaseUntil == nil && entry.attempts == 0)
        #expect(try await store.claimDelivery(ticketID: ticket.id, worker: "next", at: Date(), leaseUntil: Date().addingTimeInterval(300)) != nil)
    }
}

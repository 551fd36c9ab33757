import Foundation
import StewardAdapters
import StewardCore
import StewardHTTP
import StewardRuntime
import StewardTesting
import Testing

/// A helpdesk still creating the first copy when our side gives up (issue 12): the outbox does not look
/// again (and so cannot re-send) before the slow helpdesk has finished, then finds the ticket by its
/// external id. One ticket, for Zendesk (even one ignoring `Idempotency-Key`) and Gorgias alike.
@Suite struct OutboxSlowHelpdeskTests {
    @Test(arguments: OutboxFaultTests.Helpdesk.allCases)
    func aSlowCreationIsLookedUpAgainOnlyAfterAMinuteAndDeliveredOnce(_ helpdesk: OutboxFaultTests.Helpdesk) async throws {
        let stub = HelpdeskStub()
        let faults = StubFaults()
        // Slower than the client's 300 ms timeout: the ticket is created after our side gave up.
        faults.inject(.delayThenProcess(seconds: 2), when: StubFaults.writes)
        // A Zendesk that ignores Idempotency-Key: only the lookup may prevent a duplicate.
        let handler: StubHTTPServer.Handler = { request in
            let stripped = StubRequest(
                method: request.method, target: request.target,
                headers: StubHeaders(request.headers.fields.filter { $0.name.lowercased() != "idempotency-key" }), body: request.body,
                connectionNumber: request.connectionNumber, sequenceNumber: request.sequenceNumber)
            return faults.wrap(OutboxFaultTests.stub(helpdesk, stub))(stripped)
        }
        let server = try StubHTTPServer(handler: handler)
        defer { server.stop() }
        let (engine, tickets, worker) = try OutboxFaultTests.setUp(helpdesk, server: server)
        try await OutboxFaultTests.handOff(engine, email: "slow@example.com")

        let started = Date()
        if await worker.deliverDue(now: started) == 1 {
            // Under heavy load the slow create finished before the lookup after the timeout: found, not re-sent.
            #expect(stub.count == 1)
            #expect(server.requests.filter { $0.method == "POST" }.count == 1)
            return
        }
        let pending = try #require(try await tickets.pendingDeliveries().first)
        #expect(pending.nextAttemptAt >= started.addingTimeInterval(ActionFailure.lookAgainAfterSeconds))
        #expect(ActionFailure.lookAgainAfterSeconds >= 60)
        #expect(pending.lastError?.hasPrefix("Unconfirmed: the request to create the ticket was sent") == true)

        try await Task.sleep(for: .seconds(2.5))  // the slow helpdesk finishes the first copy
        #expect(stub.count == 1)
        // Not due before the minute is over.
        #expect(await worker.deliverDue(now: started.addingTimeInterval(30)) == 0)
        #expect(server.requests.filter { $0.method == "POST" }.count == 1)
        // Then the lookup finds it: delivered, no second POST.
        #expect(await worker.deliverDue(now: started.addingTimeInterval(3600)) == 1)
        #expect(stub.count == 1)
        #expect(server.requests.filter { $0.method == "POST" }.count == 1)
        #expect(try await tickets.pendingDeliveries().isEmpty)
    }
}

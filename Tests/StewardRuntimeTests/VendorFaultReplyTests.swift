import Foundation
import StewardAdapters
import StewardCore
import StewardHTTP
import StewardRuntime
import StewardTesting
import Testing

/// What the customer hears when the vendor misbehaves during an action (a Recharge postponement
/// through the subscriptions skill): the truth when the vendor acted, a polite "try again" when it
/// did not, and the action done exactly once either way.
@Suite struct VendorFaultReplyTests {
    let bob = Customer(email: "bob.norman@mail.example.com", authenticated: true)

    static func client() -> HTTPClient {
        HTTPClient(configuration: .init(
            connectTimeout: .seconds(1), timeout: .milliseconds(300),
            retryPolicy: .init(maxAttempts: 3, baseDelay: .milliseconds(10), maxDelay: .seconds(2))))
    }

    /// A chat whose subscriptions come from Recharge behind `faults`, asked to pause and confirming.
    func pause(with faults: StubFaults, stub: RechargeSubscriptionStub) async throws -> AgentReply {
        let server = try StubHTTPServer(handler: faults.wrap(stub.handle))
        defer { server.stop() }
        let recharge = try RechargeAdapter(
            configuration: .init(portalURL: "https://acme.example/tools/recurring/login", baseURL: server.baseURLString),
            apiToken: ActionReplyTests.secret, client: Self.client())
        let engine = try makeEngine(skills: shippedSkills, tools: { $0.subscriptions = recharge })
        let chat = Conversation(engine, customer: bob)
        let ask = try await chat.say("pause my subscription")
        #expect(ask.outcome == "needs_input")
        return try await chat.say("yes")
    }

    /// The vendor acted but its answer was lost, late, unreadable, or first refused with a 429: the
    /// customer is told it is done, with the date Recharge now reports, and it was done once.
    @Test(arguments: [
        StubFault.processThenDrop, .processThenDelay(seconds: 2), .garbage(.notJSON), .garbage(.wrongShape),
        .rateLimited(retryAfter: "0.1"),
    ])
    func theCustomerHearsTheTruthAndThePostponementHappensOnce(_ fault: StubFault) async throws {
        let stub = RechargeSubscriptionStub()
        let faults = StubFaults()
        faults.inject(fault, when: StubFaults.writes)
        let done = try await pause(with: faults, stub: stub)
        #expect(done.outcome == "resolved")
        #expect(done.text.contains("stays active"))
        #expect(done.text.contains("moved to"))
        #expect(stub.state.value.postponements == 1)
        #expect(faults.served.count == 1)
    }

    /// Recharge keeps refusing (503, or a 429 asking for ten minutes): nothing changed, and the customer
    /// hears exactly that (not "couldn't confirm"), that it can be tried again later, and is offered a
    /// person, without any technical detail or credential.
    @Test(arguments: [StubFault.unavailable(retryAfter: nil), .rateLimited(retryAfter: "600")])
    func aVendorThatKeepsRefusingIsAPoliteTryAgainWithNothingDone(_ fault: StubFault) async throws {
        let stub = RechargeSubscriptionStub()
        let faults = StubFaults()
        faults.inject(fault, times: .max, when: StubFaults.writes)
        let reply = try await pause(with: faults, stub: stub)
        #expect(reply.outcome == "handoff")
        #expect(reply.text.contains("nothing was changed"))
        #expect(reply.text.contains("again in a few minutes"))
        #expect(!reply.text.contains("couldn't confirm"))
        #expect(stub.state.value.postponements == 0)
        #expect(!reply.text.contains("HTTP"))
        #expect(!reply.text.contains("127.0.0.1"))
        #expect(!reply.text.contains(ActionReplyTests.secret))
        #expect(!reply.text.contains("stays active"))
    }

    /// The connection drops after the request was sent and Recharge did nothing (or is slow): the state read
    /// shows no change, so the change is not sent again; the customer hears it could not be confirmed yet.
    @Test(arguments: [StubFault.dropBeforeProcessing, .delayThenProcess(seconds: 2)])
    func anUnconfirmedChangeIsNotSentAgainAndTheCustomerIsToldSo(_ fault: StubFault) async throws {
        let stub = RechargeSubscriptionStub()
        let faults = StubFaults()
        faults.inject(fault, when: StubFaults.writes)
        let reply = try await pause(with: faults, stub: stub)
        if reply.outcome == "resolved" {
            // Under heavy load the slow change finished before the re-read, which reports it truthfully.
            #expect(fault != .dropBeforeProcessing)
            #expect(reply.text.contains("stays active"))
        } else {
            #expect(reply.outcome == "handoff")
            #expect(reply.text.contains("couldn't confirm"))
            #expect(!reply.text.contains("stays active"))
        }
        try await Task.sleep(for: .seconds(2.5))  // a slow first copy finishes at the vendor
        #expect(stub.state.value.postponements == (fault == .dropBeforeProcessing ? 0 : 1))
        #expect(faults.served.count == 1)
    }
}

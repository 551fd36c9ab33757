import Foundation
import StewardCore
import StewardHTTP
import StewardTesting
import Testing

@testable import StewardAdapters

/// One vendor call against its stub, with a count of the side effects the stub carried out.
///
/// For the five vendors with side-effecting calls that is the call (Zendesk and Gorgias ticket
/// creation, Shopify order cancel, Recharge pause/skip/cancel, Smile.io redemption); Loop and Klaviyo
/// only read (no call of theirs changes anything), so their case is a read and its effect count is 0.
struct SideEffectCase: Sendable, CustomTestStringConvertible {
    /// A fresh stub: its handler, and how many times it has acted so far.
    struct Stub: Sendable {
        let handler: StubHTTPServer.Handler
        let effects: @Sendable () -> Int
    }

    let name: String
    /// Whether the call changes something at the vendor (else it only reads).
    let writes: Bool
    let makeStub: @Sendable () -> Stub
    /// Runs the call through the adapter and checks that its result is the correct one.
    let run: @Sendable (StubHTTPServer, HTTPClient) async throws -> Void

    var testDescription: String { name }

    /// The requests a fault is injected into: the call's write, or the read for read-only vendors.
    var target: StubFaults.Match { writes ? StubFaults.writes : StubFaults.reads }

    static let all: [SideEffectCase] = [
        SideEffectCase(name: "Zendesk ticket creation", writes: true, makeStub: {
            let stub = HelpdeskStub()
            return Stub(handler: stub.zendesk, effects: { stub.count })
        }) { server, client in
            let reference = try await ZendeskHelpdeskTests.helpdesk(server, client: client).createTicket(HelpdeskStub.ticket())
            #expect(reference.id == "35436")
            #expect(reference.url?.hasSuffix("/agent/tickets/35436") == true)
        },
        SideEffectCase(name: "Gorgias ticket creation", writes: true, makeStub: {
            let stub = HelpdeskStub()
            return Stub(handler: stub.gorgias, effects: { stub.count })
        }) { server, client in
            let reference = try await GorgiasHelpdeskTests.helpdesk(server, client: client).createTicket(HelpdeskStub.ticket())
            #expect(reference.id == "35436")
        },
        SideEffectCase(name: "Shopify order cancel", writes: true, makeStub: {
            let stub = ShopifyStub()
            return Stub(handler: stub.handle, effects: { stub.state.value.cancelled.count })
        }) { server, client in
            let order = try await ShopifyAdapterTests.adapter(server, client: client).cancel(orderNumber: "#1004", reason: "customer")
            #expect(order.status == .cancelled)
            #expect(order.number == "1004")
        },
        SideEffectCase(name: "Recharge subscription pause", writes: true, makeStub: {
            let stub = RechargeStub()
            return Stub(handler: stub.handle, effects: { stub.state.value.dateCalls })
        }) { server, client in
            let subscription = try await RechargeAdapterTests.adapter(server, client: client).pause(subscriptionID: "27906434")
            // Postponed by the configured 30 days from the later of today and the scheduled 2025-08-01.
            let expected = max(Date(), FlexibleDate.parse("2025-08-01")!).addingTimeInterval(30 * 86_400)
            #expect(subscription.nextChargeAt.map(FlexibleDate.dayString) == FlexibleDate.dayString(expected))
        },
        SideEffectCase(name: "Recharge skip next delivery", writes: true, makeStub: {
            let stub = RechargeStub()
            return Stub(handler: stub.handle, effects: { stub.state.value.skipCalls })
        }) { server, client in
            let subscription = try await RechargeAdapterTests.adapter(server, client: client).skipNext(subscriptionID: "27906434")
            #expect(subscription.nextChargeAt.map(FlexibleDate.dayString) == "2025-08-15")
        },
        SideEffectCase(name: "Recharge subscription cancel", writes: true, makeStub: {
            let stub = RechargeStub()
            return Stub(handler: stub.handle, effects: { stub.state.value.cancelCalls })
        }) { server, client in
            let subscription = try await RechargeAdapterTests.adapter(server, client: client).cancel(subscriptionID: "27906434", reason: "Too much coffee")
            #expect(subscription.status == .cancelled)
        },
        SideEffectCase(name: "Smile.io reward redemption", writes: true, makeStub: {
            let stub = SmileRedeemStub()
            return Stub(handler: stub.handle, effects: { stub.state.value.purchases.count })
        }) { server, client in
            let redemption = try await SmileLoyaltyAdapterTests.adapter(server, client: client).redeem(rewardID: "1", email: "bob.norman@mail.example.com")
            #expect(redemption.code == "5OFF-K2J4H7")
            #expect(redemption.pointsSpent == 250)
            #expect(redemption.pointsBalance == 50)
        },
        SideEffectCase(name: "Loop returns (read only)", writes: false, makeStub: { Stub(handler: LoopStub.handle, effects: { 0 }) }) { server, client in
            let returns = try await LoopReturnsAdapterTests.adapter(server, client: client).returns(orderNumber: "1001")
            #expect(returns.count == 1)
        },
        SideEffectCase(name: "Klaviyo profile (read only)", writes: false, makeStub: { Stub(handler: KlaviyoStub.handle, effects: { 0 }) }) { server, client in
            let profile = try await KlaviyoAdapterTests.adapter(server, client: client).customer(email: "sarah.mason@klaviyo-demo.com")
            #expect(profile?.profileID == KlaviyoStub.profileID)
        },
    ]

    /// A server for a fresh stub with `faults` in front of it; also returns the stub's effect count.
    func server(_ faults: StubFaults) throws -> (StubHTTPServer, effects: @Sendable () -> Int) {
        let stub = makeStub()
        return (try StubHTTPServer(handler: faults.wrap(stub.handler)), stub.effects)
    }

    /// The effect count a successful call leaves.
    var expectedEffects: Int { writes ? 1 : 0 }
}

/// Faults after which the vendor has acted (or, for reads, answered) but the reply is lost or broken.
enum AmbiguousFault: String, CaseIterable, Sendable {
    case processThenDrop, replyAfterTheTimeout, notJSON, truncatedJSON, wrongShape, emptyBody

    var fault: StubFault {
        switch self {
        case .processThenDrop: .processThenDrop
        case .replyAfterTheTimeout: .processThenDelay(seconds: 2)
        case .notJSON: .garbage(.notJSON)
        case .truncatedJSON: .garbage(.truncatedJSON)
        case .wrongShape: .garbage(.wrongShape)
        case .emptyBody: .garbage(.empty)
        }
    }

    var isGarbage: Bool {
        if case .garbage = fault { return true }
        return false
    }
}

@Suite struct VendorFaultTests {
    /// Short timeouts so the timeout cases stay quick.
    static func client() -> HTTPClient { TestSupport.client(timeout: .milliseconds(300)) }

    /// The vendor acts, the answer is lost or unreadable: the call still reports the correct result
    /// (found by reading the vendor's state), and the vendor acted exactly once. A read whose answer
    /// is garbage is a clear decode error, never a crash, and names no secret.
    @Test(arguments: SideEffectCase.all, AmbiguousFault.allCases)
    func anActionWhoseReplyIsLostHappensExactlyOnceAndReportsItsResult(_ call: SideEffectCase, _ fault: AmbiguousFault) async throws {
        let faults = StubFaults()
        faults.inject(fault.fault, when: call.target)
        let (server, effects) = try call.server(faults)
        defer { server.stop() }
        if !call.writes && fault.isGarbage {
            let error = await TestSupport.error { try await call.run(server, Self.client()) }
            guard case .decode(let reason)? = error as? HTTPClientError else {
                Issue.record("expected a decode error, got \(String(describing: error))")
                return
            }
            #expect(!reason.contains(TestSupport.secret))
            #expect(String(describing: error!).hasPrefix("Could not decode the response"))
        } else {
            try await call.run(server, Self.client())
        }
        #expect(faults.served.count == 1)
        #expect(effects() == call.expectedEffects)
    }

    /// A 429 is a refusal before any action: the call waits for `Retry-After` (seconds, or an HTTP
    /// date) and acts once.
    @Test(arguments: SideEffectCase.all, ["0.2", "date"])
    func aRateLimitedActionWaitsForRetryAfterAndHappensOnce(_ call: SideEffectCase, _ retryAfter: String) async throws {
        let faults = StubFaults()
        let value = retryAfter == "date" ? StubFault.httpDate(Date().addingTimeInterval(1)) : retryAfter
        faults.inject(.rateLimited(retryAfter: value), when: call.target)
        let (server, effects) = try call.server(faults)
        defer { server.stop() }
        try await call.run(server, Self.client())
        #expect(faults.served.count == 1)
        #expect(effects() == call.expectedEffects)
    }

    /// A 503 without `Retry-After` backs off and is tried again; the action happens once.
    @Test(arguments: SideEffectCase.all)
    func anUnavailableVendorIsTriedAgainAfterABackoffAndActsOnce(_ call: SideEffectCase) async throws {
        let faults = StubFaults()
        faults.inject(.unavailable(retryAfter: nil), times: 2, when: call.target)
        let (server, effects) = try call.server(faults)
        defer { server.stop() }
        try await call.run(server, Self.client())
        #expect(faults.served.count == 2)
        #expect(effects() == call.expectedEffects)
    }

    /// A `Retry-After` beyond the client's longest wait is not waited for: the call fails at once with
    /// ``HTTPClientError/retryLater(code:message:url:retryAfter:)`` carrying the wait, and nothing happened.
    @Test(arguments: SideEffectCase.all, [429, 503])
    func aLongRetryAfterIsARefusalCarryingTheWaitWithNothingDone(_ call: SideEffectCase, _ status: Int) async throws {
        let faults = StubFaults()
        // 429 in seconds, 503 as an HTTP date ten minutes ahead.
        let fault: StubFault =
            status == 429 ? .rateLimited(retryAfter: "120") : .unavailable(retryAfter: StubFault.httpDate(Date().addingTimeInterval(600)))
        faults.inject(fault, times: .max, when: call.target)
        let (server, effects) = try call.server(faults)
        defer { server.stop() }
        let error = await TestSupport.error { try await call.run(server, Self.client()) }
        #expect(faults.served.count == 1)
        #expect(effects() == 0)
        let text = error.map { String(describing: $0) } ?? "none"
        #expect(text.contains("\(status)"))
        #expect(!text.contains(TestSupport.secret))
        if let failure = error as? ActionFailure {
            // A customer-facing action reports "not done", so the skill can say it may be tried again later.
            guard case .notDone = failure else {
                Issue.record("expected notDone, got \(failure)")
                return
            }
            return
        }
        // A helpdesk creation keeps the HTTP error, whose Retry-After the outbox honours.
        let http = try #require(error as? HTTPClientError, "\(String(describing: error))")
        #expect(http.statusCode == status)
        let wait = try #require(http.retryAfter)
        #expect(wait > .seconds(100))
    }

    /// The connection drops after the request was sent but before the vendor acts: the client cannot tell
    /// this from a reply lost after acting, so the state is read, shows nothing, and the call is **not** sent
    /// again in this turn (issue 12): ``ActionFailure/unconfirmed(action:reason:)``, nothing done.
    @Test(arguments: SideEffectCase.all)
    func aDropBeforeTheVendorActsIsUnconfirmedAndNeverSentAgain(_ call: SideEffectCase) async throws {
        let faults = StubFaults()
        faults.inject(.dropBeforeProcessing, when: call.target)
        let (server, effects) = try call.server(faults)
        defer { server.stop() }
        let writesBefore = server.requests.filter { $0.method != "GET" }.count
        #expect(writesBefore == 0)
        do {
            try await call.run(server, Self.client())
            #expect(!call.writes, "a write must not succeed: the vendor never acted")
        } catch {
            guard case .unconfirmed(_, let reason)? = error as? ActionFailure else {
                Issue.record("expected ActionFailure.unconfirmed, got \(error)")
                return
            }
            #expect(!reason.contains(TestSupport.secret))
        }
        #expect(effects() == 0)
        if call.writes {
            #expect(server.requests.filter { $0.method != "GET" }.count == 1, "the write was sent once")
        }
    }

    /// The vendor is still working on the first copy when the client gives up (slow, then acts): the check sees
    /// nothing yet, and no second copy is sent while the first runs; the vendor acts exactly once.
    @Test(arguments: SideEffectCase.all.filter(\.writes))
    func aSlowVendorStillWorkingGetsNoSecondCopy(_ call: SideEffectCase) async throws {
        let faults = StubFaults()
        faults.inject(.delayThenProcess(seconds: 2), when: call.target)
        let (server, effects) = try call.server(faults)
        defer { server.stop() }
        // Unconfirmed; or, when load delayed the check past the vendor's work, the result the check read.
        do {
            try await call.run(server, Self.client())
        } catch {
            guard case .unconfirmed? = error as? ActionFailure else {
                Issue.record("expected ActionFailure.unconfirmed, got \(error)")
                return
            }
        }
        try await Task.sleep(for: .seconds(2.5))  // the first copy finishes at the vendor
        #expect(effects() == 1)
        #expect(server.requests.filter { $0.method != "GET" }.count == 1, "no second copy while the first ran")
    }

    /// The action went through, its reply was lost, and the state check fails too (500 on every read): the
    /// failed check is not "no trace", so nothing is sent again.
    @Test(arguments: SideEffectCase.all.filter(\.writes))
    func aFailedStateCheckIsNotNoTraceAndNothingIsSentAgain(_ call: SideEffectCase) async throws {
        let faults = StubFaults()
        faults.inject(.processThenDrop, when: call.target)
        let (server, effects) = try call.server(faults)
        defer { server.stop() }
        // Every read after the write answers 500.
        faults.inject(.serverError, times: .max, when: { request in
            request.method == "GET" && server.requests.contains { $0.method != "GET" }
        })
        let error = await TestSupport.error { try await call.run(server, Self.client()) }
        guard case .unconfirmed? = error as? ActionFailure else {
            Issue.record("expected ActionFailure.unconfirmed, got \(String(describing: error))")
            return
        }
        #expect(effects() == 1)
        #expect(server.requests.filter { $0.method != "GET" }.count == 1)
    }
}

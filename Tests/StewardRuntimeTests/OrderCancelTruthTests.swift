import Foundation
import StewardAdapters
import StewardCore
import StewardHTTP
import StewardRuntime
import StewardTesting
import Testing

/// What the customer hears after each kind of fault on an order cancel (issue 12): the truth about the
/// order, never "already shipped" for an order that has not, and never a second cancel while the first
/// may still be running.
@Suite struct OrderCancelTruthTests {
    let runner = OrderCancelVendorFaultTests()

    /// The cancel went through, the reply was lost, and the state check by id answers 500 (as reviewer C saw):
    /// the failed check is not "no trace", so the cancel is not sent again. The final re-read by number
    /// shows it cancelled, and the customer hears it is, not "already shipped".
    @Test func aCancelWhoseCheckFailsIsNotSentAgainAndIsReportedFromTheOrder() async throws {
        let stub = ShopifyOrderStub()
        let faults = StubFaults()
        faults.inject(.processThenDrop, when: StubFaults.writes)
        faults.inject(.serverError, times: 3, when: StubFaults.request("GET", pathContains: "/orders/450789472.json"))
        let reply = try await runner.cancel(with: faults, stub: stub)
        #expect(stub.state.value.cancels == 1)
        #expect(reply.text.contains("Done: order #1004 is cancelled."))
        #expect(!reply.text.contains("shipped"))
    }

    /// Every read fails after the cancel went through: nothing is claimed, nothing re-sent, a person offered.
    @Test func aCancelThatCannotBeCheckedAtAllIsUnconfirmed() async throws {
        let stub = ShopifyOrderStub()
        let faults = StubFaults()
        faults.inject(.processThenDrop, when: StubFaults.writes)
        faults.inject(.serverError, times: .max, when: { request in request.method == "GET" && stub.state.value.cancels > 0 })
        let reply = try await runner.cancel(with: faults, stub: stub)
        #expect(stub.state.value.cancels == 1)
        #expect(reply.text.contains("couldn't confirm whether order #1004 was cancelled"))
        #expect(reply.outcome == "handoff")
        #expect(!reply.text.contains("shipped"))
        #expect(!reply.text.contains("Done"))
    }

    /// Shopify is slow: our side times out while the cancel still runs there, and the check sees it open.
    /// No second cancel is sent; the customer hears it could not be confirmed yet.
    @Test func aSlowCancelGetsNoSecondCopy() async throws {
        let stub = ShopifyOrderStub()
        let faults = StubFaults()
        faults.inject(.delayThenProcess(seconds: 2), when: StubFaults.writes)
        let posts = LockedBox(0)
        let reply = try await runner.cancel(handler: { request in
            if request.method == "POST" { posts.withLock { $0 += 1 } }
            return faults.wrap(stub.handle)(request)
        })
        #expect(posts.value == 1)
        // Under heavy load the slow cancel may have finished before the re-read, which then reports it truthfully.
        #expect(reply.text.contains("couldn't confirm whether order #1004 was cancelled") || reply.text.contains("Done: order #1004 is cancelled."))
        #expect(!reply.text.contains("shipped"))
        try await Task.sleep(for: .seconds(2.5))
        #expect(stub.state.value.cancels == 1)
    }

    /// A 403 or 422 refusal of an unshipped order (a missing `write_orders` scope, a state Shopify refuses):
    /// "couldn't cancel, a person can", never the contradictory "has already shipped".
    @Test(arguments: [
        (422, #"{"errors":{"base":["Cannot cancel this order"]}}"#),
        (403, #"{"errors":"[API] This action requires merchant approval for write_orders scope."}"#),
        (401, #"{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}"#),
    ])
    func aRefusedCancelIsNotCalledShipped(_ status: Int, _ body: String) async throws {
        let stub = ShopifyOrderStub()
        let reply = try await runner.cancel(handler: { request in
            request.method == "POST" ? .json(body, status: status) : stub.handle(request)
        })
        #expect(stub.state.value.cancels == 0)
        #expect(reply.text.contains("couldn't cancel order #1004"))
        #expect(reply.text.contains("unchanged"))
        #expect(!reply.text.contains("shipped"))
        #expect(!reply.text.contains("write_orders"))
        #expect(reply.outcome == "handoff")
    }
}

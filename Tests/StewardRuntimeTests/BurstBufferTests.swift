import Foundation
import StewardCore
import Testing

@testable import StewardRuntime

/// What `BurstBuffer` hands on, and when.
@Suite struct BurstBufferTests {
    /// Records the batches handed on, as lists of message ids.
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var batches: [[String]] = []
        var handedOn: [[String]] { lock.withLock { batches } }
        func record(_ entries: [BurstBuffer.Entry]) { lock.withLock { batches.append(entries.map { $0.message.id ?? "-" }) } }
    }

    static func message(_ session: String, _ id: String, _ channel: Channel? = .sms, action: String? = nil) -> IncomingMessage {
        IncomingMessage(session: session, id: id, text: "text \(id)", action: action, channel: channel)
    }

    @Test func messagesWithinTheWindowAreHandedOnTogetherAfterAQuietWindow() async throws {
        let recorder = Recorder()
        let buffer = BurstBuffer(policy: BurstPolicy(windows: [.sms: 0.2])) { recorder.record($0) }
        buffer.take(Self.message("s", "1"), line: 1)
        buffer.take(Self.message("s", "2", nil), line: 2)  // no channel: the session's last one
        buffer.take(Self.message("s", "3"), line: 3)
        #expect(recorder.handedOn.isEmpty)
        try await Self.waitUntil { !recorder.handedOn.isEmpty }
        #expect(recorder.handedOn == [["1", "2", "3"]])
    }

    @Test func channelsWithoutAWindowAndOtherSessionsAreNotHeldUp() async throws {
        let recorder = Recorder()
        let buffer = BurstBuffer(policy: BurstPolicy(windows: [.sms: 5])) { recorder.record($0) }
        buffer.take(Self.message("sms", "1"), line: 1)
        buffer.take(Self.message("web", "w1", .webchat), line: 2)
        buffer.take(Self.message("web", "w2", .webchat), line: 3)
        #expect(recorder.handedOn == [["w1"], ["w2"]])
        buffer.flushAll()
        #expect(recorder.handedOn == [["w1"], ["w2"], ["1"]])
    }

    @Test func anActionOrAChannelChangeHandsOnTheBurstFirstKeepingTheOrder() {
        let recorder = Recorder()
        let buffer = BurstBuffer(policy: BurstPolicy(windows: [.sms: 5, .whatsapp: 5])) { recorder.record($0) }
        buffer.take(Self.message("s", "1"), line: 1)
        buffer.take(Self.message("s", "2"), line: 2)
        buffer.take(Self.message("s", "tap", action: "handoff"), line: 3)
        #expect(recorder.handedOn == [["1", "2"], ["tap"]])
        buffer.take(Self.message("s", "3"), line: 4)
        buffer.take(Self.message("s", "4", .whatsapp), line: 5)
        #expect(recorder.handedOn == [["1", "2"], ["tap"], ["3"]])
        buffer.flushAll()
        #expect(recorder.handedOn == [["1", "2"], ["tap"], ["3"], ["4"]])
    }

    @Test func aFullBufferHandsOnItsOldestBurstEarly() {
        let recorder = Recorder()
        let buffer = BurstBuffer(policy: BurstPolicy(windows: [.sms: 5]), maxBuffered: 2) { recorder.record($0) }
        buffer.take(Self.message("a", "a1"), line: 1)
        buffer.take(Self.message("b", "b1"), line: 2)
        #expect(recorder.handedOn.isEmpty)
        buffer.take(Self.message("c", "c1"), line: 3)
        #expect(recorder.handedOn == [["a1"]])
        buffer.flushAll()
        #expect(recorder.handedOn == [["a1"], ["b1"], ["c1"]])
    }

    @Test func aBurstIsHandedOnWithinFourWindowsEvenIfMessagesKeepComing() async throws {
        let recorder = Recorder()
        let buffer = BurstBuffer(policy: BurstPolicy(windows: [.sms: 0.2])) { recorder.record($0) }
        // A message every 50 ms, never a quiet window, for up to 4 s (from a thread of its own, so the
        // pace does not depend on the test runner's busy task pool).
        let sender = Thread {
            for index in 1...80 where recorder.handedOn.isEmpty {
                buffer.take(Self.message("s", "\(index)"), line: index)
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        sender.start()
        try await Self.waitUntil(seconds: 10) { !recorder.handedOn.isEmpty }
        let first = try #require(recorder.handedOn.first)
        #expect(first.count < 80)
        buffer.flushAll()
    }

    /// Polls `condition` every 20 ms for up to `seconds`.
    static func waitUntil(seconds: Double = 10, _ condition: () -> Bool) async throws {
        let end = ContinuousClock.now + .seconds(seconds)
        while !condition(), ContinuousClock.now < end { try await Task.sleep(for: .milliseconds(20)) }
    }
}

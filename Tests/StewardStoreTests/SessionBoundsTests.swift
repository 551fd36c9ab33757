import Foundation
import StewardCore
import StewardRuntime
import Testing

@testable import StewardStore

/// What one session may hold, and the session cache, are bounded (issue 12, part 9).
@Suite struct SessionBoundsTests {
    static func session(_ id: String, textBytes: Int) -> Session {
        var session = Session(id: id, channel: .sms, now: Instant.base)
        session.turns = [
            Turn(timestamp: Instant.base, role: .customer, text: String(repeating: "x", count: textBytes)),
            Turn(timestamp: Instant.base, role: .agent, text: "Sorry, I didn't understand that."),
        ]
        return session
    }

    @Test("The session cache stays within its bytes however many long sessions pass through, and keeps the newest")
    func cacheBoundedByBytes() {
        let budget = 4 << 20
        let cache = SessionCache(capacity: 100_000, maxBytes: budget)
        for index in 0..<600 {
            cache.put(Self.session("s-\(index)-" + String(repeating: "i", count: 240), textBytes: 60_000), version: 1)
            #expect(cache.bytes <= budget)
        }
        #expect(cache.count < 600)
        #expect(cache.count >= budget / (2 * 61_000))
        #expect(cache.get("s-599-" + String(repeating: "i", count: 240)) != nil)
        #expect(cache.get("s-0-" + String(repeating: "i", count: 240)) == nil)
        // A session larger than the whole budget is not kept, and pushes nothing out.
        let before = cache.count
        cache.put(Self.session("huge", textBytes: budget + 1), version: 1)
        #expect(cache.get("huge") == nil)
        #expect(cache.count == before)
    }

    @Test("Saving the same session again replaces its size rather than adding to it")
    func replacingKeepsTheTotal() {
        let cache = SessionCache(capacity: 10, maxBytes: 8 << 20)
        cache.put(Self.session("a", textBytes: 100_000), version: 1)
        let once = cache.bytes
        for _ in 0..<50 { cache.put(Self.session("a", textBytes: 100_000), version: 1) }
        #expect(cache.bytes == once)
        cache.remove("a")
        #expect(cache.bytes == 0)
    }

    @Test("An SQLite store under many long sessions keeps its cache within the configured bytes")
    func storeCacheBounded() async throws {
        try await withTemporaryDirectory { directory in
            let store = try SQLiteStore(
                path: directory.appendingPathComponent("steward.db").path,
                configuration: .init(cachedSessions: 100_000, cachedBytes: 2 << 20))
            for index in 0..<400 {
                try await store.save(Self.session(String(repeating: "s", count: 240) + "\(index)", textBytes: 30_000))
            }
            #expect(store.sessionCache.bytes <= 2 << 20)
            #expect(store.sessionCache.count < 400)
            // Sessions pushed out of memory read back whole from the file.
            let first = try #require(try await store.load(id: String(repeating: "s", count: 240) + "0"))
            #expect(first.turns.first?.text.utf8.count == 30_000)
        }
    }

    static func task(confidence: Double, slots: [String: String]) -> Session.Task {
        let json = try! JSONEncoder().encode(["skill": "returns", "intent": "return_start"])
        var object = try! JSONSerialization.jsonObject(with: json) as! [String: Any]
        object["confidence"] = confidence
        object["state"] = ["slots": slots]
        return try! JSONDecoder().decode(Session.Task.self, from: JSONSerialization.data(withJSONObject: object))
    }

    @Test("Facts, skill slots and topics put aside are cut to their documented limits")
    func sessionLimits() {
        var session = Session(id: "limits")
        for index in 0..<100 { session.facts["fact\(index)"] = String(repeating: "é", count: 5_000) }
        session.facts[String(repeating: "k", count: 65)] = "too long a key"
        session.active = Self.task(
            confidence: 1, slots: Dictionary(uniqueKeysWithValues: (0..<50).map { ("slot\($0)", String(repeating: "🙂", count: 2_000)) }))
        session.interrupted = (0..<10).map { Self.task(confidence: Double($0) / 10, slots: [:]) }
        SessionLimits.apply(to: &session)
        #expect(session.facts.count == SessionLimits.maxFacts)
        #expect(session.facts.allSatisfy { $0.key.utf8.count <= SessionLimits.maxFactKeyBytes && $0.value.utf8.count <= SessionLimits.maxFactValueBytes })
        #expect(session.facts.values.allSatisfy { $0.hasSuffix("…") && $0.dropLast().allSatisfy { $0 == "é" } })
        let slots = try! #require(session.active?.state.slots)
        #expect(slots.count == SessionLimits.maxSlots)
        #expect(slots.values.allSatisfy { $0.utf8.count <= SessionLimits.maxSlotValueBytes && $0.dropLast().allSatisfy { $0 == "🙂" } })
        #expect(session.interrupted.map(\.confidence) == [0.7, 0.8, 0.9])
        // Within the limits nothing changes.
        var small = Session(id: "small")
        small.facts = ["order": "#1001"]
        let copy = small
        SessionLimits.apply(to: &small)
        #expect(small == copy)
    }
}

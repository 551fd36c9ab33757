import Foundation
import StewardCore
import StewardRuntime
import Testing

/// What every `SessionStore` must do; runs against the in-memory and the SQLite store.
@Suite("Session store conformance")
struct SessionStoreConformanceTests {
    static func session(_ id: String, updatedAt: Date) -> Session {
        var session = Session(
            id: id, channel: .sms, customer: Customer(email: "Jane@Example.com", name: "Jane", authenticated: true),
            now: Instant.base)
        session.turns = [
            Turn(timestamp: Date(timeIntervalSince1970: 1_700_000_000.123456), role: .customer, text: "where is #1001"),
            Turn(
                timestamp: updatedAt, role: .agent, text: "It ships tomorrow.", intent: "order_status",
                skill: "OrderTracking"),
        ]
        session.skillsUsed = ["OrderTracking"]
        session.fallback.misses = 1
        session.fallback.pending = .email
        session.updatedAt = updatedAt
        return session
    }

    @Test("A saved session loads back unchanged", arguments: Factories.sessionStores)
    func saveThenLoad(factory: StoreFactory<any SessionStore>) async throws {
        try await factory.withStore { store in
            let session = Self.session("s1", updatedAt: Instant.at(10.5))
            try await store.save(session)
            #expect(try await store.load(id: "s1") == session)
            #expect(try await store.load(id: "s2") == nil)
        }
    }

    @Test("Saving again replaces the session, and deleting forgets it", arguments: Factories.sessionStores)
    func saveReplacesAndDeleteForgets(factory: StoreFactory<any SessionStore>) async throws {
        try await factory.withStore { store in
            var session = Self.session("s1", updatedAt: Instant.at(10))
            try await store.save(session)
            session.routedToTeam = true
            session.turns.append(Turn(timestamp: Instant.at(20), role: .system, text: "handed over"))
            session.updatedAt = Instant.at(20)
            try await store.save(session)
            #expect(try await store.load(id: "s1") == session)
            try await store.delete(id: "s1")
            #expect(try await store.load(id: "s1") == nil)
            try await store.delete(id: "s1")  // deleting twice is fine
        }
    }

    @Test(
        "Sessions are selected by their last update in a half-open range, oldest first",
        arguments: Factories.sessionStores)
    func sessionsInRange(factory: StoreFactory<any SessionStore>) async throws {
        try await factory.withStore { store in
            for (id, seconds) in [("a", 0.0), ("b", 100.25), ("c", 50), ("d", 200)] {
                try await store.save(Self.session(id, updatedAt: Instant.at(seconds)))
            }
            let ids = try await store.sessions(updatedFrom: Instant.at(0), to: Instant.at(200)).map(\.id)
            #expect(ids == ["a", "c", "b"])
            #expect(
                try await store.sessions(updatedFrom: Instant.at(100.25), to: Instant.at(100.26)).map(\.id) == ["b"])
            #expect(try await store.sessions(updatedFrom: Instant.at(300), to: Instant.at(400)).isEmpty)
        }
    }

    @Test(
        "A long conversation loads with its recent turns, and every turn stays readable in order",
        arguments: Factories.sessionStores)
    func longConversation(factory: StoreFactory<any SessionStore>) async throws {
        try await factory.withStore { store in
            let all = (0..<62).map { Turn(timestamp: Instant.at(Double($0)), role: $0 % 2 == 0 ? .customer : .agent, text: "turn \($0)") }
            var session = Session(id: "long", now: Instant.base)
            session.turns = Array(all[..<60])
            try await store.save(session)

            var loaded = try #require(try await store.load(id: "long"))
            #expect(loaded.turnCount == 60)
            #expect(loaded.turns == Array(all[(60 - loaded.turns.count)..<60]))
            #expect(try await store.turns(session: "long", before: loaded.earlierTurnCount) + loaded.turns == Array(all[..<60]))

            // The loaded session goes on: the next save adds only the new turns after the stored ones.
            loaded.turns += all[60...]
            try await store.save(loaded)
            let again = try #require(try await store.load(id: "long"))
            #expect(again.turnCount == 62)
            #expect(try await store.turns(session: "long", before: again.earlierTurnCount) + again.turns == all)
            #expect(try await store.turns(session: "long", before: 3) == Array(all[..<3]))
            #expect(try await store.turns(session: "unknown", before: 3).isEmpty)
        }
    }
}

import Foundation
import StewardCore
import StewardRuntime
import StewardStore
import Testing

/// The answered-message records every `SessionStore` keeps for idempotent messages; runs against both stores.
@Suite("Answered message conformance")
struct AnsweredMessageConformanceTests {
    static func reply(_ session: String, _ text: String, merged: [String] = []) -> AgentReply {
        var reply = AgentReply(
            session: session, replyTo: nil, text: text, cards: [], suggestions: [Suggestion("Track", action: "track")],
            skill: "order_tracking", intent: "order_status", confidence: 0.9375, outcome: "resolved", channel: .sms,
            language: "en")
        reply.mergedIDs = merged
        return reply
    }

    @Test("A recorded answer is found by session and id, saved with the session", arguments: Factories.sessionStores)
    func recordsAndFinds(factory: StoreFactory<any SessionStore>) async throws {
        try await factory.withStore { store in
            let session = SessionStoreConformanceTests.session("s1", updatedAt: Instant.at(5))
            let record = AnsweredMessage(messageID: "m1", reply: Self.reply("s1", "It ships tomorrow."), answeredAt: Instant.at(5))
            #expect(try await store.answeredMessage(session: "s1", messageID: "m1") == nil)
            try await store.save(session, answering: [record])
            #expect(try await store.answeredMessage(session: "s1", messageID: "m1") == record)
            #expect(try await store.load(id: "s1") == session)
            // Ids belong to their session.
            #expect(try await store.answeredMessage(session: "s2", messageID: "m1") == nil)
            #expect(try await store.answeredMessage(session: "s1", messageID: "m2") == nil)
            let replayed = try #require(try await store.answeredMessage(session: "s1", messageID: "m1")).replayed(replyingTo: "m1")
            #expect(replayed.duplicate && replayed.replyTo == "m1" && replayed.text == "It ships tomorrow.")
            #expect(replayed.suggestions == [Suggestion("Track", action: "track")] && replayed.confidence == 0.9375)
        }
    }

    @Test("Merged ids are kept with each record", arguments: Factories.sessionStores)
    func mergedIDs(factory: StoreFactory<any SessionStore>) async throws {
        try await factory.withStore { store in
            let reply = Self.reply("s1", "Order #1001 ships tomorrow.", merged: ["a", "b"])
            try await store.save(
                Session(id: "s1", channel: .sms, now: Instant.base),
                answering: [AnsweredMessage(messageID: "a", reply: reply), AnsweredMessage(messageID: "b", reply: reply)])
            #expect(try await store.answeredMessage(session: "s1", messageID: "a")?.mergedIDs == ["a", "b"])
            #expect(try await store.answeredMessage(session: "s1", messageID: "b")?.replayed(replyingTo: "b").mergedIDs == ["a", "b"])
        }
    }

    @Test("Only the newest answered ids of a session are kept", arguments: Factories.sessionStores)
    func prunesOldIDs(factory: StoreFactory<any SessionStore>) async throws {
        try await factory.withStore { store in
            let session = Session(id: "s1", channel: .sms, now: Instant.base)
            let other = Session(id: "s2", channel: .sms, now: Instant.base)
            try await store.save(other, answering: [AnsweredMessage(messageID: "keep", reply: Self.reply("s2", "x"))])
            let total = AnsweredMessage.retainedPerSession + 5
            for index in 0..<total {
                try await store.save(
                    session, answering: [AnsweredMessage(messageID: "m\(index)", reply: Self.reply("s1", "reply \(index)"))])
            }
            for index in 0..<5 { #expect(try await store.answeredMessage(session: "s1", messageID: "m\(index)") == nil) }
            for index in 5..<total {
                #expect(try await store.answeredMessage(session: "s1", messageID: "m\(index)")?.text == "reply \(index)")
            }
            // Pruning one session leaves the others' ids alone.
            #expect(try await store.answeredMessage(session: "s2", messageID: "keep") != nil)
        }
    }

    @Test("Deleting a session forgets its answered ids", arguments: Factories.sessionStores)
    func deleteForgets(factory: StoreFactory<any SessionStore>) async throws {
        try await factory.withStore { store in
            try await store.save(
                Session(id: "s1", now: Instant.base), answering: [AnsweredMessage(messageID: "m1", reply: Self.reply("s1", "x"))])
            try await store.delete(id: "s1")
            #expect(try await store.answeredMessage(session: "s1", messageID: "m1") == nil)
        }
    }

    @Test("Answered ids survive reopening the SQLite file")
    func survivesReopen() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            do {
                let store = try SQLiteStore(path: path)
                try await store.save(
                    Session(id: "s1", now: Instant.base),
                    answering: [AnsweredMessage(messageID: "m1", reply: Self.reply("s1", "It ships tomorrow."))])
            }
            let reopened = try SQLiteStore(path: path)
            #expect(try await reopened.answeredMessage(session: "s1", messageID: "m1")?.text == "It ships tomorrow.")
        }
    }
}

import Foundation
import StewardCore
import StewardModel
import StewardRuntime
@testable import StewardStore
import Synchronization
import Testing

/// Several store instances on one file, as several processes sharing `steward.db` (README: "One writer per session").
@Suite("One writer per session on a shared file")
struct SharedFileTests {
    /// Answers one message of `session` through `store` the way the engine does: claim, load, add turns, save, release.
    static func answer(_ text: String, session: String, in store: SQLiteStore) async throws {
        try await store.claim(session: session)
        var current = try await store.load(id: session) ?? Session(id: session, now: Instant.base)
        current.turns.append(Turn(timestamp: Instant.at(1), role: .customer, text: text, messageID: text))
        current.turns.append(Turn(timestamp: Instant.at(1), role: .agent, text: "re: \(text)"))
        try await store.save(current, answering: [])
        try await store.release(session: session)
    }

    @Test("Stores opening one new file at the same moment all open (the switch to WAL is waited for, not an error)")
    func storesOpeningANewFileAtOnceAllOpen() throws {
        for round in 0..<15 {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("steward-open-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let path = directory.appendingPathComponent("steward.db").path
            let failures = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 6) { _ in
                do { _ = try SQLiteStore(path: path) } catch { failures.withLock { $0.append("\(error)") } }
            }
            #expect(failures.withLock { $0 } == [], "round \(round)")
        }
    }

    @Test("Two stores alternating the messages of one session keep every turn, in order, with valid links")
    func alternatingWritesKeepEveryTurn() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let stores = [try SQLiteStore(path: path), try SQLiteStore(path: path)]
            let texts = (0..<30).map { "message \($0)" }
            // Each store keeps its own cached copy between its turns: the other's turns must not be overwritten.
            for (index, text) in texts.enumerated() {
                try await Self.answer(text, session: "s1", in: stores[index % 2])
            }
            let fresh = try SQLiteStore(path: path, configuration: .init(recentTurns: 100))
            let session = try #require(try await fresh.load(id: "s1"))
            #expect(session.turnCount == 60)
            #expect(session.turns.filter { $0.role == .customer }.map(\.text) == texts)
            #expect(try await fresh.turns(session: "s1", before: 60).count == 60)
        }
    }

    @Test("A stale copy is refused with a conflict and writes nothing; loading again gives the other store's turns")
    func staleCopyIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let first = try SQLiteStore(path: path), second = try SQLiteStore(path: path)
            try await Self.answer("hello", session: "s1", in: first)
            var stale = try #require(try await first.load(id: "s1"))
            try await Self.answer("from the second", session: "s1", in: second)
            stale.turns.append(Turn(timestamp: Instant.at(2), role: .customer, text: "from a stale copy"))
            await #expect(throws: SessionConflict.self) { try await first.save(stale) }
            // The conflict dropped the cached copy: the next load reads the file.
            let reloaded = try #require(try await first.load(id: "s1"))
            #expect(reloaded.turns.map(\.text) == ["hello", "re: hello", "from the second", "re: from the second"])
        }
    }

    @Test("Two stores creating the same new session: the second save is a conflict, not an overwrite")
    func newSessionCreatedTwice() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let first = try SQLiteStore(path: path), second = try SQLiteStore(path: path)
            #expect(try await first.load(id: "new") == nil)
            #expect(try await second.load(id: "new") == nil)
            var a = Session(id: "new", now: Instant.base), b = a
            a.turns = [Turn(timestamp: Instant.at(1), role: .customer, text: "a")]
            b.turns = [Turn(timestamp: Instant.at(1), role: .customer, text: "b")]
            try await first.save(a)
            await #expect(throws: SessionConflict.self) { try await second.save(b) }
            #expect(try await second.load(id: "new")?.turns.map(\.text) == ["a"])
        }
    }

    @Test("Pending replies and claims keep session ids whole: a NUL in an id is never read as a shorter id")
    func idsWithNULStayWhole() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let store = try SQLiteStore(path: path)
            try await store.create(Ticket.sample(id: "t1", session: "s-42"), deliverTo: nil)
            try await store.create(Ticket.sample(id: "t2", session: "s-42\u{0}x"), deliverTo: nil)
            let plain = try await store.addReply(ticketID: "t1", author: "Ana", text: "for s-42")
            let odd = try await store.addReply(ticketID: "t2", author: "Ana", text: "for the other")
            #expect(odd.sessionID == "s-42\u{0}x")
            #expect(try await store.pendingReplies(session: "s-42") == [plain])
            #expect(try await store.pendingReplies(session: "s-42\u{0}x") == [odd])
            // Two claims, one per id: the second does not wait for the first.
            try await store.claim(session: "s-42\u{0}x")
            let other = try SQLiteStore(path: path)
            try await other.claim(session: "s-42")
            try await store.release(session: "s-42\u{0}x")
            try await other.release(session: "s-42")
            try await Self.answer("hello", session: "s-42\u{0}x", in: store)
            #expect(try await other.load(id: "s-42") == nil)
            #expect(try await other.load(id: "s-42\u{0}x")?.turns.count == 2)
        }
    }

    @Test("A conflicting save in a group-commit batch fails alone: the other sessions' saves in the batch are stored")
    func conflictInABatchKeepsTheOthers() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let first = try SQLiteStore(path: path), second = try SQLiteStore(path: path)
            try await Self.answer("hello", session: "stale", in: first)
            var stale = try #require(try await first.load(id: "stale"))
            try await Self.answer("newer", session: "stale", in: second)
            stale.turns.append(Turn(timestamp: Instant.at(2), role: .customer, text: "stale"))
            // The stale save and 40 others are submitted together, so they share batches.
            let results = await withTaskGroup(of: (String, Bool).self) { group in
                group.addTask { [stale] in ("stale", (try? await first.save(stale)) != nil) }
                for n in 0..<40 {
                    group.addTask {
                        var session = Session(id: "other-\(n)", now: Instant.base)
                        session.turns = [Turn(timestamp: Instant.at(1), role: .customer, text: "hi \(n)")]
                        return (session.id, (try? await first.save(session)) != nil)
                    }
                }
                var results: [String: Bool] = [:]
                for await (id, ok) in group { results[id] = ok }
                return results
            }
            #expect(results["stale"] == false)
            #expect(results.filter { $0.key != "stale" }.values.allSatisfy { $0 })
            let fresh = try SQLiteStore(path: path)
            for n in 0..<40 { #expect(try await fresh.load(id: "other-\(n)")?.turns.map(\.text) == ["hi \(n)"]) }
            #expect(try await fresh.load(id: "stale")?.turns.map(\.text) == ["hello", "re: hello", "newer", "re: newer"])
        }
    }

    @Test("A copy of a session another store reset and started again is stale too")
    func resetSessionMakesCopiesStale() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let first = try SQLiteStore(path: path), second = try SQLiteStore(path: path)
            try await Self.answer("before the reset", session: "s1", in: first)
            var stale = try #require(try await first.load(id: "s1"))
            try await second.delete(id: "s1")
            try await Self.answer("after the reset", session: "s1", in: second)
            stale.turns.append(Turn(timestamp: Instant.at(2), role: .customer, text: "stale"))
            await #expect(throws: SessionConflict.self) { try await first.save(stale) }
            #expect(try await first.load(id: "s1")?.turns.map(\.text) == ["after the reset", "re: after the reset"])
        }
    }

    @Test("A session claimed by one store is taken by another only after it is released")
    func claimWaitsForRelease() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let first = try SQLiteStore(path: path), second = try SQLiteStore(path: path)
            let events = EventLog()
            try await first.claim(session: "s1")
            let waiter = Task {
                try await second.claim(session: "s1")
                await events.add("second claimed")
                try await second.release(session: "s1")
            }
            // Give the waiter every chance to take the claim early (the order is asserted, not the time).
            try await Task.sleep(for: .milliseconds(200))
            await events.add("first released")
            try await first.release(session: "s1")
            try await waiter.value
            #expect(await events.all == ["first released", "second claimed"])
        }
    }

    @Test("A team reply is delivered by exactly one of two stores, atomically with the session")
    func teamReplyDeliveredOnce() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let first = try SQLiteStore(path: path), second = try SQLiteStore(path: path)
            try await first.create(Ticket.sample(id: "t1", session: "s1"), deliverTo: nil)
            try await Self.answer("hello", session: "s1", in: first)
            let reply = try await second.addReply(ticketID: "t1", author: "Ana", text: "On it.")
            #expect(try await first.pendingReplies(session: "s1") == [reply])
            #expect(try await first.replyDelivered(sequence: reply.sequence) == false)
            // Both stores saw it pending; the first delivers it with its session.
            var a = try #require(try await first.load(id: "s1"))
            var b = try #require(try await second.load(id: "s1"))
            a.turns.append(Turn(timestamp: reply.createdAt, role: .human, text: reply.text, author: reply.author))
            b.turns.append(Turn(timestamp: reply.createdAt, role: .human, text: reply.text, author: reply.author))
            #expect(try await first.save(a, answering: [], delivering: [reply]))
            await #expect(throws: SessionConflict.self) { _ = try await second.save(b, answering: [], delivering: [reply]) }
            #expect(try await second.pendingReplies(session: "s1").isEmpty)
            #expect(try await second.replyDelivered(sequence: reply.sequence) == true)
            #expect(try await second.markRepliesDelivered([reply.sequence]).isEmpty)
            let stored = try #require(try await SQLiteStore(path: path).load(id: "s1"))
            #expect(stored.turns.filter { $0.role == .human }.map(\.text) == ["On it."])
        }
    }
}

/// Events in the order they happened.
actor EventLog {
    private(set) var all: [String] = []
    func add(_ event: String) { all.append(event) }
}

/// When another owner's claim still holds its session (``SessionClaims``).
@Suite("Session claim rules")
struct SessionClaimRuleTests {
    @Test("A claim holds while its process lives on this host and for the lease; a gone process's claim is taken at once")
    func claimRules() throws {
        let claims = SessionClaims()
        let now = Date().timeIntervalSince1970
        // A process that has exited (and was waited for) no longer exists.
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let deadPID = Int64(gone.processIdentifier)
        let livePID = Int64(getppid())
        #expect(claims.holds(host: claims.host, pid: livePID, claimedAt: now, now: now))
        #expect(!claims.holds(host: claims.host, pid: deadPID, claimedAt: now, now: now))
        #expect(!claims.holds(host: claims.host, pid: livePID, claimedAt: now - SessionClaims.lease - 1, now: now))
        // Another host's process cannot be checked: its claim holds for the shorter foreign lease.
        #expect(claims.holds(host: "elsewhere", pid: deadPID, claimedAt: now, now: now))
        #expect(!claims.holds(host: "elsewhere", pid: livePID, claimedAt: now - SessionClaims.foreignLease - 1, now: now))
    }
}

import Foundation
import GRDB
import StewardCore
import StewardRuntime
import StewardStore
import Testing

/// Another connection holding the database's write lock (a `sqlite3` shell or a script in `BEGIN IMMEDIATE`)
/// or reading an old snapshot: every wait is bounded, and what failed says so, naming the file and session.
@Suite("The store behind another connection's lock")
struct StoreLockTests {
    /// A second connection to `path` holding the write lock (`BEGIN IMMEDIATE`) until `release()`.
    final class LockHolder: @unchecked Sendable {
        let queue: DatabaseQueue

        init(_ path: String) throws {
            queue = try DatabaseQueue(path: path, configuration: StoreLockTests.lingering)
            try queue.inDatabase { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        }

        func release() throws {
            try queue.inDatabase { db in try db.execute(sql: "ROLLBACK") }
            try queue.close()
        }
    }

    /// A connection whose transaction may stay open between accesses, as a shell's does.
    static var lingering: GRDB.Configuration {
        var config = GRDB.Configuration()
        config.allowsUnsafeTransactions = true
        return config
    }

    func session(_ id: String, text: String = "where is my order") -> Session {
        var session = Session(id: id, now: Instant.base)
        session.turns = [Turn(timestamp: Instant.base, role: .customer, text: text)]
        return session
    }

    func quick(_ claimTimeout: TimeInterval = 30) -> SQLiteStore.Configuration {
        SQLiteStore.Configuration(busyTimeout: 0.2, claimTimeout: claimTimeout)
    }

    @Test("A claim and a save behind a held write lock fail as storage failures naming the file; the store works once it is released",
          .timeLimit(.minutes(1)))
    func writesFailBehindAWriteLock() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let store = try SQLiteStore(path: path, configuration: quick())
            try await store.save(session("s-before"))
            let holder = try LockHolder(path)
            for attempt in [
                { try await store.claim(session: "s-locked") },
                { try await store.save(self.session("s-locked")) },
                { _ = try await store.addReply(ticketID: "t-none", author: "Ann", text: "hello") },
            ] as [@Sendable () async throws -> Void] {
                do {
                    try await attempt()
                    Issue.record("a write succeeded while another connection held the write lock")
                } catch let error as StoreError {
                    #expect(error.isStorageFailure)
                    #expect(error.description.contains(path))
                    #expect(error.description.contains("locked by another process"))
                } catch {
                    Issue.record("unexpected error \(error)")
                }
            }
            try holder.release()
            try await store.claim(session: "s-locked")
            try await store.save(session("s-locked"))
            try await store.release(session: "s-locked")
            #expect(try await store.load(id: "s-locked")?.turns.count == 1)
            try store.close()
        }
    }

    @Test("Opening a file whose log is empty behind a held write lock fails with a message, not a hang",
          .timeLimit(.minutes(1)))
    func openingBehindAWriteLockFails() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let first = try SQLiteStore(path: path)
            try await first.save(session("s1"))
            try first.close()  // the log is emptied: the next open writes to make it non-empty
            let holder = try LockHolder(path)
            #expect {
                _ = try SQLiteStore(path: path, configuration: quick())
            } throws: { error in
                guard case .cannotOpen(let named, let reason) = error as? StoreError else { return false }
                return named == path && reason.contains("write lock") && reason.contains("store.busy_timeout")
            }
            try holder.release()
            let reopened = try SQLiteStore(path: path, configuration: quick())
            #expect(try await reopened.load(id: "s1") != nil)
            try reopened.close()
        }
    }

    @Test("A session another holder keeps is given up after the claim timeout, naming the session", .timeLimit(.minutes(1)))
    func claimWaitIsBounded() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let holder = try SQLiteStore(path: path, configuration: quick(0.3))
            let waiter = try SQLiteStore(path: path, configuration: quick(0.3))
            try await holder.claim(session: "s-held")
            // Another store instance (as another process would) and another task of the same instance.
            for (store, name) in [(waiter, "another instance"), (holder, "the same instance")] {
                do {
                    try await store.claim(session: "s-held")
                    Issue.record("\(name) claimed a session that is held")
                } catch let error as SessionClaimTimeout {
                    #expect(error.session == "s-held")
                    #expect(error.isStorageFailure)
                    #expect(error.description.contains("'s-held'") && error.description.contains(path))
                }
            }
            // Other sessions are not held up, and the session is free once released.
            try await waiter.claim(session: "s-other")
            try await holder.release(session: "s-held")
            try await waiter.claim(session: "s-held")
            try await waiter.release(session: "s-held")
            try await waiter.release(session: "s-other")
        }
    }

    @Test("A checkpoint kept from finishing by a long reader reports the frames left, and finishes once it ends",
          .timeLimit(.minutes(1)))
    func checkpointBehindALongReader() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let store = try SQLiteStore(path: path, configuration: quick())
            for index in 0..<20 { try await store.save(session("s\(index)")) }
            #expect(try store.checkpoint() == 0)
            // A reader holding a snapshot taken before the next writes.
            let reader = try DatabaseQueue(path: path, configuration: Self.lingering)
            try reader.inDatabase { db in
                try db.execute(sql: "BEGIN")
                _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sessions")
            }
            for index in 20..<60 { try await store.save(session("s\(index)", text: String(repeating: "y", count: 2_000))) }
            let report = try store.checkpointReport()
            #expect(!report.isComplete)
            #expect(report.framesLeft > 0 && report.framesLeft <= report.logFrames)
            let offline = try StoreIntegrity.checkpoint(path: path, busyTimeout: 0.2)
            #expect(offline.framesLeft > 0)
            try reader.inDatabase { db in try db.execute(sql: "COMMIT") }
            try reader.close()
            #expect(try store.checkpoint() == 0)
            #expect(try store.close() == 0)
        }
    }
}

import Foundation
import GRDB

/// Commits many small writes in one transaction (group commit).
///
/// Each caller's write runs inside a shared transaction and its `await` returns only after that
/// transaction committed, so nothing is acknowledged before it is stored; a busy process pays
/// one commit for many conversations instead of one each. Jobs must only touch the database:
/// when one fails, the batch is rolled back and run again with each job in a savepoint.
final class WriteBatcher: @unchecked Sendable {
    typealias Job = @Sendable (Database) throws -> Void

    private struct Pending {
        var job: Job
        var continuation: CheckedContinuation<Void, any Error>
    }

    private let lock = NSLock()  // guards `pending` and `running`
    private var pending: [Pending] = []
    private var running = false
    private let pool: DatabasePool

    init(pool: DatabasePool) {
        self.pool = pool
    }

    /// Runs `job` in the next batch and returns its result once the batch committed.
    ///
    /// Reads go this way too when they must be cheap under a steady stream of writes: the writer's
    /// connection has the pages the last commits touched in memory, where a reader's connection
    /// would read them again from the file.
    func perform<T: Sendable>(_ job: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let result = ResultBox<T>()
        try await perform { db in result.value = try job(db) }
        guard let value = result.value else { preconditionFailure("a committed batch ran every job") }
        return value
    }

    /// Runs `job` in the next batch and returns once the batch committed.
    func perform(_ job: @escaping Job) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let start: Bool = lock.withLock {
                pending.append(Pending(job: job, continuation: continuation))
                if running { return false }
                running = true
                return true
            }
            if start { Task { await self.drain() } }
        }
    }

    private func drain() async {
        while true {
            let batch: [Pending] = lock.withLock {
                let batch = pending
                pending = []
                if batch.isEmpty { running = false }
                return batch
            }
            if batch.isEmpty { return }
            let jobs = batch.map(\.job)
            let failures: [Int: any Error]
            let started = ContinuousClock.now
            do {
                // Usually every job succeeds: run them all in one transaction.
                try await pool.write { db in
                    for job in jobs { try job(db) }
                }
                failures = [:]
            } catch let error as DatabaseError
                where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED)
                && ContinuousClock.now - started >= .seconds(1)
            {
                // Another connection held the write lock for the whole busy timeout: every job fails
                // now (running them again would wait as long again for each batch). A busy answer that
                // came at once (no wait) is a passing conflict: the jobs run again below, one by one.
                for item in batch { item.continuation.resume(throwing: error) }
                continue
            } catch {
                // Something failed and the transaction rolled back: run each job again in a
                // savepoint, so a failing job fails alone and the others still commit.
                do {
                    failures = try await pool.write { db in
                        var failures: [Int: any Error] = [:]
                        for (index, job) in jobs.enumerated() {
                            do {
                                try db.inSavepoint {
                                    try job(db)
                                    return .commit
                                }
                            } catch {
                                failures[index] = error
                            }
                        }
                        return failures
                    }
                } catch {
                    for item in batch { item.continuation.resume(throwing: error) }
                    continue
                }
            }
            for (index, item) in batch.enumerated() {
                if let error = failures[index] {
                    item.continuation.resume(throwing: error)
                } else {
                    item.continuation.resume()
                }
            }
        }
    }
}

/// Carries a job's result from the writer's thread to the caller; the batch's commit orders the
/// write before the read.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

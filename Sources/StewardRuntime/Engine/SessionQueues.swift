import Foundation

/// Runs jobs one at a time per session, and sessions concurrently.
///
/// A session's jobs run in the order they were submitted. A session with no pending job holds
/// no task and no memory, so millions of short conversations do not accumulate workers.
public final class SessionQueues: @unchecked Sendable {
    public typealias Job = @Sendable () async -> Void

    // Guarded by `lock`: a session is present while its worker runs; the array holds what waits.
    private let lock = NSLock()
    private var queues: [String: [Job]] = [:]
    private var running = 0
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []

    public init() {}

    /// Queues a job behind the session's earlier jobs.
    public func submit(session: String, _ job: @escaping Job) {
        let startWorker: Bool = lock.withLock {
            if queues[session] != nil {
                queues[session]!.append(job)
                return false
            }
            queues[session] = []
            running += 1
            return true
        }
        guard startWorker else { return }
        Task {
            var next: Job? = job
            while let current = next {
                await current()
                next = self.lock.withLock {
                    if var waiting = self.queues[session], !waiting.isEmpty {
                        let first = waiting.removeFirst()
                        self.queues[session] = waiting
                        return first
                    }
                    self.queues[session] = nil
                    return nil
                }
            }
            self.workerFinished()
        }
    }

    private func workerFinished() {
        let waiters: [CheckedContinuation<Void, Never>] = lock.withLock {
            running -= 1
            guard running == 0 else { return [] }
            defer { idleWaiters.removeAll() }
            return idleWaiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns when every submitted job has finished.
    public func waitUntilIdle() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let idle: Bool = lock.withLock {
                if running == 0 { return true }
                idleWaiters.append(continuation)
                return false
            }
            if idle { continuation.resume() }
        }
    }
}

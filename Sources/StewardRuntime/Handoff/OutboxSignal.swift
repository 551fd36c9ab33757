import Foundation

/// Wakes the outbox worker early when a ticket is queued.
final class OutboxSignal: @unchecked Sendable {
    private let lock = NSLock()  // guards `waiter` and `pending`
    private var waiter: CheckedContinuation<Void, Never>?
    private var pending = false

    func signal() {
        let waiter: CheckedContinuation<Void, Never>? = lock.withLock {
            if let w = self.waiter {
                self.waiter = nil
                return w
            }
            pending = true
            return nil
        }
        waiter?.resume()
    }

    /// Returns when signalled or after `seconds`.
    func wait(seconds: Double) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
                    let ready: Bool = self.lock.withLock {
                        if self.pending {
                            self.pending = false
                            return true
                        }
                        self.waiter = c
                        return false
                    }
                    if ready { c.resume() }
                }
            }
            group.addTask { try? await Task.sleep(for: .seconds(seconds)) }
            await group.next()
            self.signal()  // release the other child if it is the waiter
            group.cancelAll()
            await group.waitForAll()
            self.lock.withLock { self.pending = false }
        }
    }
}

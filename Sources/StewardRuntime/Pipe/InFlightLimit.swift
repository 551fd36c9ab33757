import Foundation

/// Bounds the messages in flight in the pipe, waking a waiting reader in bursts.
///
/// The reader waits once `high` messages are in flight and goes on only when they are down to
/// `low`: with a plain semaphore every finished message would wake the reader for one more
/// line, and on a small machine that ping-pong between threads costs more than the messages.
final class InFlightLimit: @unchecked Sendable {
    private let lock = NSLock()  // guards `count` and `waiting`
    private var count = 0
    private var waiting = false
    private let wakeUp = DispatchSemaphore(value: 0)
    private let high: Int
    private let low: Int

    /// - Parameters:
    ///   - high: The most messages in flight.
    ///   - low: How far they must drop before a waiting reader goes on.
    init(high: Int, low: Int) {
        precondition(0 <= low && low < high)
        self.high = high
        self.low = low
    }

    /// Takes a place, waiting while `high` are taken.
    func acquire() {
        waitForRoom()
        add(1)
    }

    /// Waits while `high` places are taken, without taking one (the reader, before reading on).
    func waitForRoom() {
        while true {
            let wait: Bool = lock.withLock {
                if count < high { return false }
                waiting = true
                return true
            }
            guard wait else { return }
            wakeUp.wait()
        }
    }

    /// Takes `n` places without waiting (messages handed on from a burst buffer, which bounds itself).
    func add(_ n: Int) {
        lock.withLock { count += n }
    }

    /// Gives a place back; wakes the reader once no more than `low` are taken.
    func release() {
        let wake: Bool = lock.withLock {
            count -= 1
            guard waiting, count <= low else { return false }
            waiting = false
            return true
        }
        if wake { wakeUp.signal() }
    }
}

import Foundation
import StewardRuntime

/// The most recently used sessions, kept in memory so a busy conversation is not re-read and
/// re-decoded for every message.
final class SessionCache: @unchecked Sendable {
    private let lock = NSLock()  // guards `entries` and `order`
    private var entries: [String: Session] = [:]
    private var order: [String] = []
    private var head = 0
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    func get(_ id: String) -> Session? {
        lock.withLock { entries[id] }
    }

    func put(_ session: Session) {
        lock.withLock {
            if entries.updateValue(session, forKey: session.id) == nil {
                order.append(session.id)
                // Evict the oldest insertions beyond capacity (FIFO keeps this O(1) amortised).
                while entries.count > capacity, head < order.count {
                    entries[order[head]] = nil
                    head += 1
                }
                if head > 4096, head * 2 > order.count {
                    order.removeFirst(head)
                    head = 0
                }
            }
        }
    }

    func remove(_ id: String) {
        _ = lock.withLock { entries.removeValue(forKey: id) }
    }
}

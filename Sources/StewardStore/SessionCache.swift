import Foundation
import StewardRuntime

/// The most recently used sessions, kept in memory so a busy conversation is not re-read and
/// re-decoded for every message, with the ids of the messages each answered recently (when known),
/// so that checking a new message id for a re-delivery needs no read.
///
/// Bounded twice: at most `capacity` sessions and at most `maxBytes` bytes
/// (``SessionLimits/estimatedBytes(of:)`` per session plus its answered ids); the oldest insertions go
/// first. A session larger than the whole budget is not kept.
///
/// Each copy carries the session's `version` in the file when it was loaded or saved: a copy is used
/// only once the file is known to hold that same version (another process may have saved the session since).
final class SessionCache: @unchecked Sendable {
    private let lock = NSLock()  // guards everything below
    private var entries: [String: Session] = [:]
    /// The stored version of each cached copy (0: the file has no such session).
    private var versions: [String: Int64] = [:]
    /// The estimated size of each cached session, and their sum.
    private var sizes: [String: Int] = [:]
    private var totalBytes = 0
    /// The session's answered message ids, oldest first, as the store keeps them; absent when not known.
    private var answered: [String: [String]] = [:]
    private var order: [String] = []
    private var head = 0
    private let capacity: Int
    private let maxBytes: Int

    init(capacity: Int, maxBytes: Int = 64 << 20) {
        self.capacity = capacity
        self.maxBytes = maxBytes
    }

    /// The estimated bytes held now (tests and benchmarks).
    var bytes: Int { lock.withLock { totalBytes } }
    /// The number of sessions held now.
    var count: Int { lock.withLock { entries.count } }

    func get(_ id: String) -> Session? {
        lock.withLock { entries[id] }
    }

    /// The version of the file the cached copy of `id` was read from or written to; nil when not cached.
    func version(of id: String) -> Int64? {
        lock.withLock { versions[id] }
    }

    /// Records that the file has no session `id` (version 0), so that saving a new session checks that
    /// no other process created it meanwhile.
    func noteAbsent(_ id: String) {
        lock.withLock {
            guard entries[id] == nil, versions.updateValue(0, forKey: id) == nil else { return }
            order.append(id)
            evict(keeping: id)
        }
    }

    func put(_ session: Session, version: Int64) {
        lock.withLock {
            let size = SessionLimits.estimatedBytes(of: session) + (answered[session.id]?.reduce(0) { $0 + 32 + $1.utf8.count } ?? 0)
            guard size <= maxBytes else {
                drop(session.id)
                return
            }
            entries[session.id] = session
            if versions.updateValue(version, forKey: session.id) == nil {
                order.append(session.id)
            }
            totalBytes += size - (sizes.updateValue(size, forKey: session.id) ?? 0)
            evict(keeping: session.id)
        }
    }

    /// Evicts the oldest insertions beyond either bound (FIFO keeps this O(1) amortised); `kept`, just
    /// put, goes to the back of the line instead. The caller holds the lock.
    private func evict(keeping kept: String) {
        while versions.count > capacity || totalBytes > maxBytes, head < order.count {
            let oldest = order[head]
            head += 1
            if oldest == kept, versions[oldest] != nil {
                if versions.count == 1 { break }
                order.append(oldest)
                continue
            }
            drop(oldest)
        }
        if head > 4096, head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
    }

    func remove(_ id: String) {
        lock.withLock { drop(id) }
    }

    /// Forgets a session; the caller holds the lock. Its id may stay in `order` (skipped when evicted).
    private func drop(_ id: String) {
        entries[id] = nil
        answered[id] = nil
        versions[id] = nil
        totalBytes -= sizes.removeValue(forKey: id) ?? 0
    }

    /// The answered message ids of a cached session, when known.
    func answeredIDs(_ id: String) -> [String]? {
        lock.withLock { entries[id] == nil ? nil : answered[id] }
    }

    /// Sets the answered ids of a session (all of those the store keeps), or adds to them when
    /// `replacing` is false and they are known; `limit` keeps the newest.
    func noteAnswered(_ id: String, ids: [String], replacing: Bool, limit: Int) {
        lock.withLock {
            guard entries[id] != nil else { return }
            var list: [String]
            if replacing {
                list = ids
            } else {
                guard let known = answered[id] else { return }
                list = known.filter { !ids.contains($0) } + ids
            }
            if list.count > limit { list.removeFirst(list.count - limit) }
            let before = answered[id]?.reduce(0) { $0 + 32 + $1.utf8.count } ?? 0
            let after = list.reduce(0) { $0 + 32 + $1.utf8.count }
            answered[id] = list
            sizes[id, default: 0] += after - before
            totalBytes += after - before
        }
    }
}

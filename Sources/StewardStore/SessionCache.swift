import Foundation
import StewardRuntime

/// The most recently used sessions, kept in memory so a busy conversation is not re-read and
/// re-decoded for every message, with the ids of the messages each answered recently (when known),
/// so that checking a new message id for a re-delivery needs no read.
///
/// Each copy carries the session's `version` in the file when it was loaded or saved: a copy is used
/// only once the file is known to hold that same version (another process may have saved the session since).
final class SessionCache: @unchecked Sendable {
    private let lock = NSLock()  // guards `entries`, `answered` and `order`
    private var entries: [String: Session] = [:]
    /// The stored version of each cached copy.
    private var versions: [String: Int64] = [:]
    /// The session's answered message ids, oldest first, as the store keeps them; absent when not known.
    private var answered: [String: [String]] = [:]
    private var order: [String] = []
    private var head = 0
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

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
            if entries[id] == nil, versions.updateValue(0, forKey: id) == nil {
                order.append(id)
                while versions.count > capacity, head < order.count {
                    entries[order[head]] = nil
                    answered[order[head]] = nil
                    versions[order[head]] = nil
                    head += 1
                }
            }
        }
    }

    func put(_ session: Session, version: Int64) {
        lock.withLock {
            versions[session.id] = version
            if entries.updateValue(session, forKey: session.id) == nil {
                order.append(session.id)
                // Evict the oldest insertions beyond capacity (FIFO keeps this O(1) amortised).
                while versions.count > capacity, head < order.count {
                    entries[order[head]] = nil
                    answered[order[head]] = nil
                    versions[order[head]] = nil
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
        lock.withLock {
            entries[id] = nil
            answered[id] = nil
            versions[id] = nil
        }
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
            answered[id] = list
        }
    }
}

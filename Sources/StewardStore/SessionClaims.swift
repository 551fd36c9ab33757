import Foundation

/// The sessions this store instance holds, and who it is to other processes sharing the file.
///
/// A claim is a row of `session_claims` (session id, owner, host, pid, time). Another owner's claim
/// is respected while its holder lives: on the same host (same hostname and PID namespace) while its
/// process exists, elsewhere for ``foreignLease`` seconds; a live holder's claim lapses after
/// ``lease`` seconds, so a wedged process cannot hold a session for ever (its save then finds a
/// newer version and answers again, see ``SessionConflict``). Within the process the same rules hold
/// between tasks: one task holds a session at a time.
final class SessionClaims: @unchecked Sendable {
    /// Seconds after which a claim of a live process on this host lapses.
    static let lease: Double = 300
    /// Seconds after which a claim of a process on another host (or PID namespace) lapses.
    static let foreignLease: Double = 60

    /// This store instance, unique among every process sharing the file.
    let owner = UUID().uuidString
    /// The host and PID namespace, within which process ids can be checked.
    let host: String = SessionClaims.hostKey()
    let pid = Int64(getpid())

    private let lock = NSLock()  // guards `held`
    /// Held sessions and the version of the file when claimed (0: no stored session), updated by saves.
    private var held: [String: Int64] = [:]

    /// Marks `id` taken by the calling task; false when another task of this instance holds it.
    func takeLocally(_ id: String) -> Bool {
        lock.withLock {
            if held[id] != nil { return false }
            held[id] = -1
            return true
        }
    }

    /// Records the version the file had when `id` was claimed, or after this instance saved it.
    func setVersion(_ id: String, _ version: Int64) {
        lock.withLock { if held[id] != nil { held[id] = version } }
    }

    /// The version of a held session; nil when not held (or not claimed in the file yet).
    func version(_ id: String) -> Int64? {
        lock.withLock { held[id].flatMap { $0 < 0 ? nil : $0 } }
    }

    /// Forgets `id`; true when it was held.
    @discardableResult
    func drop(_ id: String) -> Bool {
        lock.withLock { held.removeValue(forKey: id) != nil }
    }

    /// Whether a claim row written by another owner still holds its session at `now` (seconds since 1970).
    func holds(host other: String, pid: Int64, claimedAt: Double, now: Double) -> Bool {
        let age = now - claimedAt
        guard other == host else { return age < Self.foreignLease }
        guard age < Self.lease else { return false }
        if pid == self.pid { return true }  // another store instance in this process
        return kill(pid_t(pid), 0) == 0 || errno == EPERM
    }

    /// Hostname and PID namespace: process ids are comparable only within both.
    private static func hostKey() -> String {
        var name = [CChar](repeating: 0, count: 256)
        gethostname(&name, name.count - 1)
        let namespace = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/ns/pid")) ?? ""
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "|" + namespace
    }
}

import Foundation
import StewardCore

/// Counts failed identity checks in memory for the life of the process (tests, and engines without a
/// database); behaves like the SQLite store's `verification_attempts` table.
///
/// Memory stays bounded: attempts older than the window are dropped on every reservation, and at most
/// `maxAttempts` are kept per session, email and order number.
public actor InMemoryVerificationAttemptStore: VerificationAttemptStore {
    private var entries: [Int64: VerificationAttempt] = [:]
    /// Attempt ids by key (`s:`, `e:`, `o:` followed by the session, email or order number), oldest first.
    private var byKey: [String: [Int64]] = [:]
    private var nextID: Int64 = 1
    private var reservations = 0

    public init() {}

    /// Records the attempt unless its session, email or order number is at the limit (see ``VerificationAttemptStore``).
    public func reserve(_ attempt: VerificationAttempt, policy: VerificationPolicy) async throws -> Int64? {
        let since = attempt.at.addingTimeInterval(-policy.window)
        let keys = Self.keys(of: attempt)
        for key in keys {
            let live = (byKey[key] ?? []).filter { id in entries[id].map { $0.at >= since } ?? false }
            byKey[key] = live.isEmpty ? nil : live
            if live.count >= policy.maxAttempts { return nil }
        }
        let id = nextID
        nextID += 1
        entries[id] = attempt
        for key in keys { byKey[key, default: []].append(id) }
        // Every 1,024 reservations, forget what the window no longer counts (keys never seen again included).
        reservations += 1
        if reservations % 1_024 == 0 {
            entries = entries.filter { $0.value.at >= since }
            byKey = byKey.compactMapValues { ids in
                let live = ids.filter { entries[$0] != nil }
                return live.isEmpty ? nil : live
            }
        }
        return id
    }

    /// Forgets a reserved attempt.
    public func release(attemptID: Int64) async throws {
        guard let attempt = entries.removeValue(forKey: attemptID) else { return }
        for key in Self.keys(of: attempt) {
            byKey[key]?.removeAll { $0 == attemptID }
            if byKey[key]?.isEmpty == true { byKey[key] = nil }
        }
    }

    private static func keys(of attempt: VerificationAttempt) -> [String] {
        ["s:" + attempt.session, "e:" + attempt.email, "o:" + attempt.orderNumber]
    }
}

import Foundation
import GRDB
import StewardRuntime

extension SQLiteStore {
    private enum ClaimOutcome: Sendable {
        case claimed(version: Int64)
        case busy
    }

    /// Takes the session for this store instance until ``release(session:)``, waiting (1 ms, doubling to
    /// 50 ms) while another task, store instance or process holds it (see ``SessionClaims`` for when a
    /// holder's claim lapses), for at most ``Configuration-swift.struct/claimTimeout`` seconds in all.
    ///
    /// The claim is written in a group-commit batch together with reading the session's `version`; a
    /// cached copy of another version is dropped, so the next ``load(id:)`` reads the file.
    /// - Throws: ``StoreError/operationFailed(operation:path:reason:)`` when the claim cannot be written
    ///   (another connection held the write lock for the whole busy timeout), ``SessionClaimTimeout`` when
    ///   another holder kept the session for the whole claim timeout.
    public func claim(session id: String) async throws {
        let deadline = Date().addingTimeInterval(claimTimeout)
        let timeout = SessionClaimTimeout(session: id, path: path, seconds: claimTimeout)
        var delay = 0.001
        while !claims.takeLocally(id) {
            guard Date() < deadline else { throw timeout }
            try await Task.sleep(for: .seconds(delay))
            delay = min(delay * 2, 0.05)
        }
        let claims = self.claims
        delay = 0.001
        do {
            while true {
                let now = Date().unixTime
                let outcome = try await batched("claim a session") { db -> ClaimOutcome in
                    if let row = try Row.fetchOne(
                        db.cachedStatement(
                            sql: """
                                SELECT CAST(owner AS BLOB) AS owner, CAST(host AS BLOB) AS host, pid, claimed_at
                                FROM session_claims WHERE session_id = CAST(? AS TEXT)
                                """),
                        arguments: [id.fullLength]),
                        (row["owner"] as String) != claims.owner,
                        claims.holds(host: row["host"], pid: row["pid"], claimedAt: row["claimed_at"], now: now)
                    {
                        return .busy
                    }
                    try db.cachedStatement(
                        sql: """
                            INSERT OR REPLACE INTO session_claims (session_id, owner, host, pid, claimed_at)
                            VALUES (CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), ?, ?)
                            """
                    ).execute(arguments: [id.fullLength, claims.owner.fullLength, claims.host.fullLength, claims.pid, now])
                    let version = try Int64.fetchOne(
                        db.cachedStatement(sql: "SELECT version FROM sessions WHERE id = CAST(? AS TEXT)"), arguments: [id.fullLength])
                    return .claimed(version: version ?? 0)
                }
                switch outcome {
                case .claimed(let version):
                    claims.setVersion(id, version)
                    if sessionCache.version(of: id) != version { sessionCache.remove(id) }
                    return
                case .busy:
                    guard Date() < deadline else { throw timeout }
                    try await Task.sleep(for: .seconds(delay))
                    delay = min(delay * 2, 0.05)
                }
            }
        } catch {
            claims.drop(id)
            throw error
        }
    }

    /// Gives up a session taken with ``claim(session:)``; nothing when this instance does not hold it.
    public func release(session id: String) async throws {
        guard claims.drop(id) else { return }
        let owner = claims.owner
        try await batched("release a session") { db in
            try db.cachedStatement(sql: "DELETE FROM session_claims WHERE session_id = CAST(? AS TEXT) AND owner = CAST(? AS TEXT)")
                .execute(arguments: [id.fullLength, owner.fullLength])
        }
    }
}

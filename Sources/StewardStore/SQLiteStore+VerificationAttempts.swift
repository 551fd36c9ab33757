import Foundation
import GRDB
import StewardCore
import StewardRuntime

extension SQLiteStore: VerificationAttemptStore {
    /// Records a check in `verification_attempts` unless its session, email or order number already has
    /// `policy.maxAttempts` rows within the window, in one immediate transaction: concurrent checks (in
    /// this process or another sharing the file) are counted one after the other, so none slips past
    /// the limit. Rows older than the window are deleted on the way.
    /// - Returns: The row's id, or nil at the limit.
    public func reserve(_ attempt: VerificationAttempt, policy: VerificationPolicy) async throws -> Int64? {
        let since = attempt.at.addingTimeInterval(-policy.window).unixTime
        return try await writeImmediately("count an identity check") { db -> Int64? in
            try db.cachedStatement(sql: "DELETE FROM verification_attempts WHERE at < ?").execute(arguments: [since])
            for (column, value) in [("session_id", attempt.session), ("email", attempt.email), ("order_number", attempt.orderNumber)] {
                let count = try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT COUNT(*) FROM verification_attempts WHERE \(column) = CAST(? AS TEXT) AND at >= ?"),
                    arguments: [value.fullLength, since]) ?? 0
                if count >= policy.maxAttempts { return nil }
            }
            try db.cachedStatement(
                sql: "INSERT INTO verification_attempts (session_id, email, order_number, at) VALUES (CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), ?)"
            ).execute(arguments: [attempt.session.fullLength, attempt.email.fullLength, attempt.orderNumber.fullLength, attempt.at.unixTime])
            return db.lastInsertedRowID
        }
    }

    /// Deletes a reserved check (it matched, or never reached the shop's system).
    public func release(attemptID: Int64) async throws {
        try await write("forget an identity check") { db in
            try db.execute(sql: "DELETE FROM verification_attempts WHERE id = ?", arguments: [attemptID])
        }
    }
}

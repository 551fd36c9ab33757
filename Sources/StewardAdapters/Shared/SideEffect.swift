import StewardHTTP

/// Runs a vendor call with a side effect (cancel an order, change a subscription, spend points,
/// create a ticket) so that the effect happens exactly once, for APIs without idempotency keys.
///
/// The HTTP layer never re-sends such a call on its own (``HTTPClient/RetryPolicy``): after a
/// timeout, a dropped connection, a 5xx, or a 2xx whose body cannot be read, the vendor may well
/// have acted. So the vendor's state is read first (`confirm`: the record by our external id, or the
/// record's current state), and:
///
/// - the effect is there → its result is returned, nothing is sent again;
/// - it is not, and the call is one the vendor applies at most once anyway (cancelling an order or
///   a subscription, setting a charge date, skipping one charge: ``Repeat/whenAbsent``) → the call is
///   sent once more;
/// - otherwise (creating a record, spending points: ``Repeat/never``) → the original error is thrown,
///   and whoever retries later (the outbox, the customer) checks again first.
///
/// A `429` or `503` (``HTTPClientError/retryLater(code:message:url:retryAfter:)``) means the vendor did
/// not act; it is thrown as is. A 409 or 422 is checked too, since vendors answer "already done" that way.
enum SideEffect {
    /// Whether the call may be sent again when the check finds no trace of it.
    enum Repeat: Sendable {
        /// Never: a second copy would act twice (create, spend).
        case never
        /// Once: the vendor applies the call at most once (cancel, set a date, skip a given charge).
        case whenAbsent
    }

    /// Performs `act` once, checking `confirm` after a failure that leaves the outcome unknown.
    ///
    /// - Parameters:
    ///   - repeat: Whether `act` may be sent again when `confirm` finds nothing.
    ///   - confirm: Reads the vendor's state; the result when the effect is there, else `nil`.
    ///   - act: Sends the call and returns its result.
    /// - Throws: The error of the last `act` when the effect cannot be confirmed (a failing `confirm`
    ///   never replaces it).
    static func perform<Result: Sendable>(
        repeat: Repeat, confirm: () async throws -> Result?, act: () async throws -> Result
    ) async throws -> Result {
        var attempts = 0
        while true {
            attempts += 1
            do {
                return try await act()
            } catch {
                guard needsCheck(error) else { throw error }
                if let done = try? await confirm() { return done }
                guard `repeat` == .whenAbsent, attempts < 2, outcomeUnknown(error) else { throw error }
            }
        }
    }

    /// Whether the vendor may have acted although the call failed: sent but unanswered, or answered
    /// in a way that cannot be read.
    static func outcomeUnknown(_ error: any Error) -> Bool {
        guard let error = error as? HTTPClientError else { return false }
        switch error {
        case .timeout, .connection, .decode, .responseTooLarge: return true
        case .status(let code, _, _): return code >= 500 || code == 408
        case .retryLater, .tls, .invalidRequest, .cancelled: return false
        }
    }

    /// Whether the vendor's state must be read to know what happened: an unknown outcome, or a 409/422
    /// that may mean "already done".
    static func needsCheck(_ error: any Error) -> Bool {
        if outcomeUnknown(error) { return true }
        guard let code = (error as? HTTPClientError)?.statusCode else { return false }
        return code == 409 || code == 422
    }
}

import StewardCore
import StewardHTTP

/// Runs a vendor call with a side effect (cancel an order, change a subscription, spend points,
/// create a ticket) so that the effect happens at most once, for every vendor alike.
///
/// The rule (issue 12): a call is sent again only after a failure that proves nothing was processed:
/// a `429`/`503` refusal (the HTTP client already waits and re-sends those, ``HTTPClient/RetryPolicy``).
/// After an **ambiguous** failure (the request was sent, the outcome is unknown: a timeout, a connection
/// dropped after sending, a garbled or unreadable reply, a 5xx) the vendor's state is read (`confirm`):
///
/// - it shows the effect → its result is returned (success);
/// - the read fails, or shows no effect → ``ActionFailure/unconfirmed(action:reason:)`` is thrown and the
///   call is **not** sent again in this turn: a slow vendor may still be processing the first copy.
///   The customer is told it could not be confirmed yet and offered a person; the outbox looks a
///   helpdesk ticket up again no earlier than ``lookAgainAfterSeconds`` later, and before every re-send.
///
/// A 409 or 422 is checked too (vendors answer "already done" that way): effect shown → success, else the
/// error stands (a refusal). Any other error is thrown unchanged.
enum SideEffect {
    /// How long after an unconfirmed call the vendor is looked at again before any re-send: 60 s
    /// (``ActionFailure/lookAgainAfterSeconds``), longer than the HTTP client's default 30 s timeout.
    static let lookAgainAfterSeconds: Double = ActionFailure.lookAgainAfterSeconds

    /// Performs `act` once, checking `confirm` after a failure that leaves the outcome unknown.
    ///
    /// - Parameters:
    ///   - action: What is done, for the error, e.g. `cancel order #1003`.
    ///   - confirm: Reads the vendor's state; the result when the effect is there, else `nil`.
    ///   - act: Sends the call and returns its result.
    /// - Throws: ``ActionFailure/unconfirmed(action:reason:)`` after an ambiguous failure whose effect the
    ///   check did not show; otherwise the error of `act` (a failing `confirm` never replaces it).
    static func perform<Result: Sendable>(
        action: String, confirm: () async throws -> Result?, act: () async throws -> Result
    ) async throws -> Result {
        do {
            return try await act()
        } catch {
            guard needsCheck(error) else { throw error }
            if let done = try? await confirm() { return done }
            if outcomeUnknown(error) { throw ActionFailure.unconfirmed(action: action, reason: String(describing: error)) }
            throw error
        }
    }

    /// An error of a side-effecting call as a customer-facing adapter reports it: ``ActionFailure/notDone(action:reason:)``
    /// when the vendor cannot have acted (a 429/503 refusal, a TLS failure, a request that could not be sent),
    /// ``ActionFailure/refused(action:reason:)`` for another 4xx, ``ActionFailure/unconfirmed(action:reason:)`` for
    /// an ambiguous failure; anything else (a ``ToolError``, an ``ActionFailure``, cancellation) unchanged.
    static func reported(_ error: any Error, action: String) -> any Error {
        guard let http = error as? HTTPClientError else { return error }
        let reason = String(describing: http)
        switch http {
        case .retryLater, .tls, .invalidRequest: return ActionFailure.notDone(action: action, reason: reason)
        case .cancelled: return http
        case .status(let code, _, _) where (400..<500).contains(code) && code != 408: return ActionFailure.refused(action: action, reason: reason)
        default: return ActionFailure.unconfirmed(action: action, reason: reason)
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

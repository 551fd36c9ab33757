/// Why an action at a vendor (cancel an order, change a subscription, spend points) did not report
/// success, in the terms a skill needs to answer the customer truthfully.
///
/// Adapters throw it from their side-effecting calls (``OrderProvider/cancel(orderNumber:reason:)``,
/// ``SubscriptionProvider``'s changes, ``LoyaltyProvider/redeem(rewardID:email:)``); the rule they follow
/// is `SideEffect`'s in StewardAdapters: after a failure that leaves the outcome unknown the vendor's
/// state is read, and the call is never sent again in the same turn.
public enum ActionFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The vendor did not act: it refused for now (`429`/`503`) or could not be reached before the
    /// request was sent. Nothing changed; trying again later is safe.
    ///
    /// - Parameters:
    ///   - action: What was asked, e.g. `cancel order #1003`.
    ///   - reason: The technical cause, for logs and tickets (credentials already removed).
    case notDone(action: String, reason: String)
    /// The request was sent but its outcome is unknown (a timeout, a connection dropped after sending,
    /// a garbled answer, a 5xx), and reading the vendor's state did not show the effect (or failed).
    /// It may still be in progress; it is not sent again, so a person (or a later check) must look.
    case unconfirmed(action: String, reason: String)
    /// The vendor answered that it will not do it (a 4xx such as a missing permission or a state it refuses),
    /// and reading its state did not show the effect.
    case refused(action: String, reason: String)

    /// How long after an unconfirmed action its vendor is looked at again before any re-send (the outbox's
    /// next attempt for a helpdesk ticket): 60 s, longer than the HTTP client's 30 s default timeout, so a
    /// slow vendor has finished the first copy.
    public static let lookAgainAfterSeconds: Double = 60

    /// The least wait before trying again: ``lookAgainAfterSeconds`` for ``unconfirmed(action:reason:)``, else 0.
    public static func minimumWait(after error: any Error) -> Double {
        if case .unconfirmed? = error as? ActionFailure { return lookAgainAfterSeconds }
        return 0
    }

    /// A sentence for logs and tickets.
    public var description: String {
        switch self {
        case .notDone(let action, let reason): "Could not \(action) for now: the service did not act (\(reason)); nothing changed."
        case .unconfirmed(let action, let reason): "Unconfirmed: the request to \(action) was sent, but whether it was done is unknown (\(reason)); it was not sent again."
        case .refused(let action, let reason): "The service refused to \(action): \(reason)"
        }
    }
}

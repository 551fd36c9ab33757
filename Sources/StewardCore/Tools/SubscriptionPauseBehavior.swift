/// What a subscription platform does when asked to pause, so a skill can describe it honestly
/// before and after acting.
public enum SubscriptionPauseBehavior: Sendable, Hashable {
    /// A real pause: the status becomes `paused`, with no charges until the customer resumes (the demo store).
    case pause
    /// No pause exists; the next charge is moved this many days later and the subscription stays
    /// `active` (Recharge 2021-11: `POST /subscriptions/{id}/set_next_charge_date`, api-contracts.md §5.2).
    case postpone(days: Int)
}

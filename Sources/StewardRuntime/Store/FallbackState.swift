/// Per-session counters and pending questions of the fallback policy and the handoff flow.
public struct FallbackState: Sendable, Hashable, Codable {
    /// What the handoff flow is waiting for.
    public enum Pending: String, Sendable, Hashable, Codable {
        /// "Do you want to talk to a person?" was asked.
        case confirm
        /// The customer's email was asked for before opening a ticket.
        case email
    }

    /// Consecutive messages the router could not place.
    public var misses = 0
    /// Consecutive "that's not what I asked" complaints.
    public var complaints = 0
    /// The handoff question waiting for an answer, if any.
    public var pending: Pending?
    /// The reason the handoff was offered.
    public var reason: String?
    /// The id of the ticket opened for this conversation, if any.
    public var ticketID: String?
    /// How many times in a row the pending handoff question was asked again (nil is 0).
    public var reasks: Int?
    /// Tool failures in a row (nil is 0): the first is "try again", the second offers a person.
    public var toolFailures: Int?

    public init() {}
}

import StewardCore

/// How Steward falls back and hands conversations to people; every count and text is a setting.
public struct HandoffConfiguration: Sendable, Hashable {
    /// What handing off means.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// Open a ticket on a helpdesk.
        case helpdesk
        /// Send a fixed message (e.g. a link to the help centre); no person is offered.
        case message
    }

    /// Which helpdesk takes tickets.
    public enum Helpdesk: String, Sendable, Hashable, CaseIterable {
        case local, zendesk, gorgias
    }

    public var method: Method = .helpdesk
    public var helpdesk: Helpdesk = .local
    /// Sent instead of a handoff when `method` is `message`.
    public var message = "You can find answers and contact options in our help centre: https://northwind.example/help"
    /// Misses in a row before a person is offered.
    public var maxMisses = 2
    /// "That's not what I asked" complaints in a row before a person is offered.
    public var maxComplaints = 2
    /// How many times a question (a skill's, or the handoff's email prompt) is asked again after
    /// answers that do not answer it, before the wait ends: a skill's question then offers a person
    /// and says where to find what was asked (`fallback.max_reasks`, default 3).
    public var maxReasks = 3
    /// The first miss; `{skills}` lists two or three things the agent can do.
    public var rephraseMessage = "Sorry, I didn't catch that. Could you say it another way? I can help with {skills}."
    /// The second miss.
    public var apologyMessage = "I'm sorry, I'm still not able to help with that."
    /// Offering a person.
    public var offerMessage = "Would you like me to connect you with a person from our team?"
    /// Asking an anonymous customer for an email before opening a ticket.
    public var emailPrompt = "Sure. What email address can our team reply to?"
    /// After the ticket is opened during business hours; `{response_time}` is replaced.
    public var handedOffMessage = "Thanks! I've passed our conversation to the team, so you won't need to repeat yourself. A person will reply within about {response_time}."
    /// After the ticket is opened outside business hours.
    public var awayMessage = "Thanks! I've passed our conversation to the team. We're closed right now, so a person will reply when we're back (Mon–Fri, 9:00–17:00 Eastern)."
    /// When the customer declines a person.
    public var declinedMessage = "No problem, let's keep going. What can I help you with?"
    public var responseTime = "5 minutes"
    public var businessHours = BusinessHours.always
    /// Delivery retry backoff for external helpdesks: first delay and cap, in seconds.
    public var retryBaseSeconds = 2.0
    public var retryMaxSeconds = 300.0

    public init() {}
}

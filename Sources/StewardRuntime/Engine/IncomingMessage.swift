import StewardCore

/// A customer's message as it reaches the engine from the chat or the pipe.
public struct IncomingMessage: Sendable, Hashable {
    /// The conversation it belongs to.
    public var session: String
    /// The caller's id for the message, echoed as `reply_to`.
    public var id: String?
    /// What the customer typed; nil when the turn is a clicked action.
    public var text: String?
    /// A clicked quick reply or card button.
    public var action: String?
    /// The channel; nil keeps the session's channel (web chat for a new one).
    public var channel: Channel?
    /// The customer as the host knows them; nil keeps what the session knows.
    public var customer: Customer?
    /// Whether the reply should carry its ``RoutingTrace`` (`"explain": true` in the pipe).
    public var explain: Bool
    /// The customer's explicit choice of language (an ISO 639-1 code), which overrides detection
    /// for the rest of the conversation; nil keeps the conversation's language.
    public var language: String?

    public init(
        session: String, id: String? = nil, text: String? = nil, action: String? = nil, channel: Channel? = nil,
        customer: Customer? = nil, explain: Bool = false, language: String? = nil
    ) {
        self.explain = explain
        self.language = language
        self.session = session
        self.id = id
        self.text = text
        self.action = action
        self.channel = channel
        self.customer = customer
    }
}

/// Steward's answer to one message.
public struct AgentReply: Sendable, Hashable {
    /// Who wrote the reply.
    public enum Sender: String, Sendable, Hashable {
        case agent
        case human
    }

    public var session: String
    /// The id of the message this answers.
    public var replyTo: String?
    /// The reply text, rendered for the channel.
    public var text: String
    /// Cards, on channels that show them.
    public var cards: [Card]
    /// Quick replies, on channels that show them.
    public var suggestions: [Suggestion]
    /// The skill that answered, or `system`.
    public var skill: String?
    /// The intent acted on.
    public var intent: String?
    /// The router's confidence in the intent.
    public var confidence: Double?
    /// `resolved`, `needs_input`, `cannot_resolve`, `no_match`, `ambiguous`.
    public var outcome: String
    public var channel: Channel
    public var from: Sender
    /// The person's display name, for replies from the team.
    public var author: String?
    /// Why the message was routed as it was, when the request asked for it.
    public var routing: RoutingTrace?
    /// The conversation's language, used for the reply (an ISO 639-1 code): the customer's when
    /// the shop serves it, else the shop's default.
    public var language: String
    /// True when this answers a message already answered (same session and id): the reply is the
    /// one given then, and nothing in the conversation changed.
    public var duplicate = false
    /// The ids of the messages answered together by this reply (a burst merged into one turn),
    /// oldest first; empty when the message was answered on its own.
    public var mergedIDs: [String] = []

    public init(
        session: String, replyTo: String?, text: String, cards: [Card] = [], suggestions: [Suggestion] = [],
        skill: String?, intent: String?, confidence: Double?, outcome: String, channel: Channel,
        from: Sender = .agent, author: String? = nil, routing: RoutingTrace? = nil, language: String = "en"
    ) {
        self.routing = routing
        self.language = language
        self.session = session
        self.replyTo = replyTo
        self.text = text
        self.cards = cards
        self.suggestions = suggestions
        self.skill = skill
        self.intent = intent
        self.confidence = confidence
        self.outcome = outcome
        self.channel = channel
        self.from = from
        self.author = author
    }
}

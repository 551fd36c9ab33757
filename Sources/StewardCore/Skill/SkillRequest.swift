import StewardRouter

/// Everything a skill gets to answer one customer message.
public struct SkillRequest: Sendable {
    /// The customer's message (empty when the turn is a clicked action).
    public var text: String
    /// The action id of a clicked quick reply or card button, if any.
    public var action: String?
    /// The intent the router chose for this message, or the intent the skill is working on
    /// when the message continues a question the skill asked.
    public var intent: String
    /// The router's confidence in `intent`, in [0, 1].
    public var confidence: Double
    /// Order numbers, emails, amounts of money and numbers found in the message.
    public var entities: Entities
    /// The conversation's recent turns, oldest first, not including this message (a long
    /// conversation's oldest turns may be left out).
    public var history: [Turn]
    /// This skill's own memory for this conversation.
    public var state: SkillState
    /// Who the customer is.
    public var customer: Customer
    /// The channel the reply goes to.
    public var channel: Channel
    /// True when the message answers a question this skill asked (``SkillOutcome/needsInput``).
    public var isContinuation: Bool
    /// The conversation's language, an ISO 639-1 code (`en`, `pl`, `sv`, `ko`, `de`, `es`, `fr`, …):
    /// the language Steward answers this customer in; `en` by default. Knowledge answers come from
    /// `knowledge/<language>/` when it has files.
    public var language: String

    public init(
        text: String, action: String? = nil, intent: String, confidence: Double = 1,
        entities: Entities? = nil, history: [Turn] = [], state: SkillState = SkillState(),
        customer: Customer = .anonymous, channel: Channel = .webchat, isContinuation: Bool = false,
        language: String = "en"
    ) {
        self.text = text
        self.action = action
        self.intent = intent
        self.confidence = confidence
        self.entities = entities ?? Entities.extract(from: text)
        self.history = history
        self.state = state
        self.customer = customer
        self.channel = channel
        self.isContinuation = isContinuation
        self.language = language
    }
}

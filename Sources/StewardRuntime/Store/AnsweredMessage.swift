import Foundation
import StewardCore

/// A message Steward has answered, kept so that the same message delivered again (a gateway
/// re-sending on a timeout) gets the same reply instead of a second turn.
///
/// Stores keep the ``retainedPerSession`` most recent answered ids of each session and drop older
/// ones when they record new ones: gateways re-send within seconds or minutes, and a conversation
/// rarely has more than a few dozen messages, so a count (rather than a time window) keeps every id
/// a gateway could still re-send without a clock-dependent sweep. A session's ids go with it on
/// ``SessionStore/delete(id:)``.
public struct AnsweredMessage: Sendable, Hashable, Codable {
    /// How many answered message ids a store keeps per session (the most recent).
    public static let retainedPerSession = 100
    /// A store may prune a session's older ids only every this many answered messages (pruning on
    /// every message costs a delete per message), so a session may hold up to
    /// `retainedPerSession + pruneEvery` ids between prunes.
    public static let pruneEvery = 20

    /// The conversation.
    public var session: String
    /// The host's id of the message.
    public var messageID: String
    /// The ids answered together with this one by the same reply, oldest first, this one included;
    /// empty when the message was answered on its own.
    public var mergedIDs: [String]
    /// When the reply was given.
    public var answeredAt: Date
    /// The reply text, rendered for the channel.
    public var text: String
    public var cards: [Card]
    public var suggestions: [Suggestion]
    public var skill: String?
    public var intent: String?
    public var confidence: Double?
    public var outcome: String
    public var channel: Channel
    /// The reply's language (ISO 639-1).
    public var language: String

    /// The record of `reply` answering `messageID` (the routing trace, asked for per request, is not kept).
    public init(messageID: String, reply: AgentReply, answeredAt: Date = Date()) {
        self.session = reply.session
        self.messageID = messageID
        self.mergedIDs = reply.mergedIDs
        self.answeredAt = answeredAt
        self.text = reply.text
        self.cards = reply.cards
        self.suggestions = reply.suggestions
        self.skill = reply.skill
        self.intent = reply.intent
        self.confidence = reply.confidence
        self.outcome = reply.outcome
        self.channel = reply.channel
        self.language = reply.language
    }

    /// The reply again, marked as a duplicate, answering `id` (this message's id or one merged with it).
    public func replayed(replyingTo id: String) -> AgentReply {
        var reply = AgentReply(
            session: session, replyTo: id, text: text, cards: cards, suggestions: suggestions, skill: skill,
            intent: intent, confidence: confidence, outcome: outcome, channel: channel, language: language)
        reply.mergedIDs = mergedIDs
        reply.duplicate = true
        return reply
    }
}

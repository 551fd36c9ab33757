import StewardRouter

/// Why a message went where it went: the `routing` object of a reply when the request asked for it
/// (`"explain": true` in the pipe, `--verbose` in the chat).
///
/// Computing it re-scores the message and reads the linear model's weights for the top intent:
/// microseconds, no model call.
public struct RoutingTrace: Sendable, Hashable {
    /// Which rule decided the route.
    public enum Rule: String, Sendable, Hashable {
        /// The router's top intent, a skill's or one of Steward's own.
        case router
        /// The router could not choose between two skills and asked "did you mean A or B?".
        case ambiguity
        /// A skill's question was waiting for this answer.
        case waitingQuestion = "waiting_question"
        /// The message left a skill's waiting question for another topic.
        case digression
        /// One of Steward's own intents (greeting, cancel, a person, …).
        case systemIntent = "system_intent"
        /// No route: the fallback (rephrase, or a person after repeated misses).
        case fallback
        /// No intent matched but a knowledge passage answered the question.
        case knowledge
        /// A clicked button or quick reply.
        case action
        /// The handoff flow (a confirmation, an email, an open ticket) took the message.
        case handoff
        /// The message is, with confidence, in a language the shop does not serve: a person is offered.
        case language
        /// A conversation cue (``ConversationCue``): leave the question, hold on, go back, an acknowledgement or a close.
        case cue
        /// The customer went back to a topic put aside by a digression.
        case resume
    }

    /// One ranked candidate.
    public struct Candidate: Sendable, Hashable {
        /// The intent, e.g. `order_status` or `system.human`.
        public var intent: String
        /// The skill that owns the intent, or `system`.
        public var skill: String
        /// Confidence in 0...1.
        public var confidence: Double
    }

    /// The rule that decided.
    public var rule: Rule
    /// The router's decision on the message alone: `match`, `ambiguous` or `no_match`.
    public var decision: RouteDecision.Kind
    /// The top candidates, best first (at most 5).
    public var candidates: [Candidate]
    /// The out-of-scope class's confidence, when the router has one.
    public var outOfScope: Double?
    /// The features that weighed most for the top candidate (signed contributions to its linear score).
    public var terms: [TermWeight]
    /// The top candidate's keywords found in the message.
    public var keywords: [String]
    /// The confidence the top intent needs (the `router.threshold` in force).
    public var threshold: Double
    /// The lead the top intent needs over the runner-up (the `router.margin` in force).
    public var margin: Double
}

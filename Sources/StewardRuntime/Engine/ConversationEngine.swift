import Foundation
import Logging
import StewardCore
import StewardRouter

/// Routes each customer message to a skill and keeps the conversation's state.
///
/// One engine serves every conversation at once. Messages of one session must be given to
/// ``respond(to:)`` one at a time, in order (``SessionQueues`` does this for the pipe); messages of
/// different sessions may run concurrently, so a slow tool call in one conversation never
/// delays another.
public final class ConversationEngine: Sendable {
    public let configuration: StewardConfiguration
    public let registry: SkillRegistry
    public let router: IntentRouter
    public let tools: Toolbox
    public let knowledge: KnowledgeBase
    public let store: any SessionStore
    /// The local helpdesk and outbox; nil keeps no tickets (handoff then only sends messages).
    public let tickets: (any TicketStore)?
    /// The fallback and handoff settings.
    public var handoff: HandoffConfiguration { configuration.handoff }
    /// Wakes the outbox worker when a ticket is queued for an external helpdesk.
    let outboxSignal = OutboxSignal()
    /// Each skill's status, by skill id.
    public let statuses: [String: SkillStatus]
    /// ``liveSkills(on:)`` for each channel, worked out once: the registry and statuses never change.
    private let liveSkillsByChannel: [Channel: [SkillManifest]]
    let logger: Logger
    let renderer: ChannelRenderer
    /// Finds each message's language, from the language-tagged training examples.
    public let languageDetector: LanguageDetector
    /// Steward's own texts in each language.
    public let translations: Translations
    /// Where failed identity checks are counted (``VerificationPolicy``); shared by processes using one store.
    public let verificationAttempts: any VerificationAttemptStore
    /// The engine's clock (the system clock unless injected, e.g. by a conversation script's `now:`):
    /// ``SkillContext/now``, business hours and the identity-check window read it.
    let clock: @Sendable () -> Date

    /// Builds the engine and trains the router from the skills' manifests and the system intents.
    ///
    /// A skill whose `skill.yaml` or examples are broken is left out (Unavailable, no traffic; see
    /// ``SkillRegistry/broken``) with a warning naming the file and line; the other skills work.
    ///
    /// - Throws: ``ConfigurationError`` or the router's error when the training data is unusable.
    public init(
        configuration: StewardConfiguration, skills: [any Skill], tools: Toolbox, knowledge: KnowledgeBase,
        store: any SessionStore = InMemorySessionStore(), tickets: (any TicketStore)? = nil,
        routerSettings: RouterSettings = .shop, extraExamples: [TrainingExample] = [],
        verificationAttempts: any VerificationAttemptStore = InMemoryVerificationAttemptStore(),
        clock: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "steward.engine")
    ) throws {
        let registry = SkillRegistry(loading: skills)
        for broken in registry.broken {
            logger.warning("skill \(broken.name) is unavailable: \(broken.reason)")
        }
        var statuses: [String: SkillStatus] = [:]
        for entry in registry.entries {
            statuses[entry.manifest.id] = registry.status(
                of: entry.manifest, tools: tools, knowledge: knowledge, disabled: configuration.disabledSkills)
        }
        let comingSoon = Set(statuses.filter { $0.value == .comingSoon }.map(\.key))
        var (examples, keywords) = RouterTraining.data(for: registry, excluding: comingSoon)
        let known = Set(examples.map(\.intent))
        for example in extraExamples where !known.contains(example.intent) {
            throw ConfigurationError.invalidValue(
                key: "router.examples",
                expected: "files named after a known intent (<lang>/<intent>.txt); `\(example.intent)` is not one (`steward skills show ID` lists a skill's intents)")
        }
        examples += extraExamples
        var settings = routerSettings
        if let threshold = configuration.router.threshold { settings.threshold = threshold }
        if let margin = configuration.router.margin { settings.margin = margin }
        self.router = try RouterCache.router(examples: examples, keywords: keywords, settings: settings, logger: logger)
        self.configuration = configuration
        self.registry = registry
        self.tools = tools
        self.knowledge = knowledge
        self.store = store
        self.tickets = tickets
        self.verificationAttempts = verificationAttempts
        self.clock = clock
        self.statuses = statuses
        self.liveSkillsByChannel = Dictionary(uniqueKeysWithValues: Channel.allCases.map { channel in
            (channel, registry.entries.map(\.manifest).filter { statuses[$0.id] == .live && $0.serves(channel) })
        })
        self.logger = logger
        self.renderer = ChannelRenderer()
        // A language the shop serves needs training lines (to route it and to recognise it).
        let trained = Set(examples.compactMap(\.language))
        for language in configuration.language.supported where !trained.contains(language) {
            throw ConfigurationError.invalidValue(
                key: "language.supported",
                expected: "languages Steward has training examples for (\(trained.sorted().joined(separator: ", "))); `\(language)` has none: add examples/\(language)/ files to the skills and Sources/StewardRuntime/Intents/\(language)/, or router.examples")
        }
        self.languageDetector = Self.languageDetector(examples: examples, minLength: configuration.language.minLength)
        self.translations = Translations(configuration: configuration)
    }

    /// The live skills that answer on a channel, in registration order.
    public func liveSkills(on channel: Channel) -> [SkillManifest] {
        liveSkillsByChannel[channel] ?? []
    }

    /// The message a new conversation opens with on web chat.
    public var introMessage: String { configuration.agent.intro }

    /// Answers one message (see ``respond(to:)-([IncomingMessage])``: a message id answered before gets the same reply, marked duplicate).
    ///
    /// - Throws: ``EngineError`` for a message that cannot be taken (an empty one, a channel not
    ///   configured), or the session store's error.
    public func respond(to message: IncomingMessage) async throws -> AgentReply {
        // One message gets one reply: its first answer, or that answer again for a repeated id.
        guard let reply = try await respond(to: [message]).first else { throw EngineError.emptyMessage }
        return reply
    }

    /// The routing explanation of a message (see ``RoutingTrace``).
    public func trace(text: String, rule: RoutingTrace.Rule) -> RoutingTrace {
        // One scoring gives the ranking, the out-of-scope confidence and (by the router's own rule) the decision.
        let scored = router.scored(text, limit: 5)
        let kind = IntentRouter.decide(scored, threshold: router.settings.threshold, margin: router.settings.margin)
        let explanation = scored.ranked.first.map { router.explain(text, intent: $0.intent, limit: 6) }
        return RoutingTrace(
            rule: rule, decision: kind,
            candidates: scored.ranked.map {
                .init(
                    intent: $0.intent, skill: registry.entry(intent: $0.intent)?.manifest.id ?? "system",
                    confidence: $0.confidence)
            },
            outOfScope: scored.outOfScopeConfidence, terms: explanation?.terms ?? [], keywords: explanation?.keywords ?? [],
            threshold: router.settings.threshold, margin: router.settings.margin)
    }

    /// Forgets a conversation.
    public func reset(session id: String) async throws {
        try await store.delete(id: id)
    }

    func merge(_ known: Customer, with given: Customer) -> Customer {
        var merged = given
        if merged.email == nil { merged.email = known.email }
        if merged.profileID == nil { merged.profileID = known.profileID }
        if merged.name == nil { merged.name = known.name }
        if merged.phone == nil { merged.phone = known.phone }
        // A proof made in this conversation stays unless the host names another person.
        if merged.verifiedEmail == nil, given.email == nil || given.email == known.verifiedEmail {
            merged.verifiedEmail = known.verifiedEmail
        }
        return merged
    }
}

/// What the engine decided for one message, before rendering.
struct Decision: Sendable {
    var response: SkillResponse
    var skill: String?
    var intent: String?
    var confidence: Double?
    /// Overrides the response's outcome name (`no_match`, `ambiguous`, `handoff`).
    var label: String?
    /// True when a ticket is to be written once this turn is in the session.
    var opensTicket = false
    /// The rule that decided, for ``RoutingTrace``.
    var rule: RoutingTrace.Rule = .router
    /// A last line added after the reply is rendered for the channel (after any card text): the offer
    /// to go back to an interrupted topic.
    var trailer: String?

    var name: String { label ?? response.outcome.name }
}

import StewardCore

/// What a skill declares about itself in its `skill.yaml` (read by ``SkillManifest/parse(_:)``, strictly:
/// the keys below only, at every level).
///
/// ```yaml
/// id: order_tracking
/// name: Order tracking
/// summary: Where an order is, its carrier and tracking link.
/// suggestion: Track my order
/// requires_identity: true
/// channels: [webchat, sms, whatsapp, email]
/// tools: [orders]
/// knowledge: [shipping]
/// intents:
///   order_status:
///     keywords: [track, tracking, where is my order]
///     examples:
///       - where is my order
///       - has my package shipped yet
/// ```
public struct SkillManifest: Sendable, Hashable {
    /// One intent of a skill with the utterances that train the router.
    public struct Intent: Sendable, Hashable {
        /// Words or phrases that boost this intent when a message contains them.
        public var keywords: [String]
        /// Example customer messages written in `skill.yaml` (language not stated).
        public var examples: [String]
        /// Example customer messages by ISO 639-1 language code, read from the skill's
        /// `examples/<lang>/<intent>.txt` files.
        public var examplesByLanguage: [String: [String]]

        public init(keywords: [String] = [], examples: [String] = [], examplesByLanguage: [String: [String]] = [:]) {
            self.keywords = keywords
            self.examples = examples
            self.examplesByLanguage = examplesByLanguage
        }

        /// Every example: those of `skill.yaml`, then the example files' (English first, then by language code).
        public var allExamples: [String] {
            let languages = examplesByLanguage.keys.sorted { a, b in
                a == "en" ? b != "en" : (b == "en" ? false : a < b)
            }
            return examples + languages.flatMap { examplesByLanguage[$0] ?? [] }
        }

        /// Every example, those of `skill.yaml` and of the example files.
        public var exampleCount: Int { examples.count + examplesByLanguage.values.reduce(0) { $0 + $1.count } }
    }

    /// Whether the skill is in service.
    public enum Availability: String, Sendable, Hashable, CaseIterable {
        case enabled
        case disabled
        case comingSoon = "coming_soon"
    }

    /// A stable identifier, e.g. `order_tracking`.
    public var id: String
    /// The name shown to people, e.g. "Order tracking".
    public var name: String
    /// One sentence on what the skill does.
    public var summary: String
    /// A short phrase offered as a suggestion, e.g. "Track my order".
    public var suggestion: String?
    /// True when the skill only serves identified customers.
    public var requiresIdentity: Bool
    /// The channels the skill answers on; empty means all.
    public var channels: [Channel]
    /// The tools the skill needs.
    public var tools: [ToolKind]
    /// The knowledge topics (file names under `knowledge/` without `.md`) the skill needs.
    public var knowledge: [String]
    /// Whether the skill is enabled, disabled, or announced as coming soon.
    public var availability: Availability
    /// The skill's intents by name.
    public var intents: [String: Intent]

    public init(
        id: String, name: String, summary: String, suggestion: String? = nil,
        requiresIdentity: Bool = false, channels: [Channel] = [], tools: [ToolKind] = [],
        knowledge: [String] = [], availability: Availability = .enabled, intents: [String: Intent]
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.suggestion = suggestion
        self.requiresIdentity = requiresIdentity
        self.channels = channels
        self.tools = tools
        self.knowledge = knowledge
        self.availability = availability
        self.intents = intents
    }

    /// True when the skill answers on `channel`.
    public func serves(_ channel: Channel) -> Bool {
        channels.isEmpty || channels.contains(channel)
    }
}

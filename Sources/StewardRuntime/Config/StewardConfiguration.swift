import Foundation
import StewardCore

/// Steward's settings, read from `steward.yaml`; every field has a default.
public struct StewardConfiguration: Sendable, Hashable {
    /// The agent's name and greeting.
    public struct Agent: Sendable, Hashable {
        /// The name the agent uses for itself.
        public var name = "Steward"
        /// The message a new web chat conversation opens with.
        public var intro = "Hi! I'm Steward, the shop's assistant. I can track orders, help with returns and find discount codes. How can I help?"
        public init() {}
    }

    /// The router's decision settings.
    public struct Router: Sendable, Hashable {
        /// The confidence the top intent must reach; nil keeps the router's default.
        public var threshold: Double?
        /// The lead the top intent must have over the runner-up; nil keeps the router's default.
        public var margin: Double?
        /// The confidence a message needs to leave a question a skill asked for another topic.
        public var digressionThreshold = 0.6
        /// A folder of extra training examples (`router.examples`), laid out like a skill's:
        /// `<lang>/<intent>.txt`, for any skill's or Steward's own intents (`oos` for out of scope).
        /// Relative to the working directory. Lets a shop add the lines `steward misses` found
        /// without rebuilding Steward; nil: none.
        public var examplesDirectory: String?
        /// The share of an unrouted message's informative words a knowledge passage must cover for the
        /// general-questions skill to answer it anyway (`router.knowledge_fallback`, 0...1; 0: off).
        /// Chosen on `Benchmarks/routing/validation.jsonl` with `steward eval --skills` (BENCHMARKS.md).
        public var knowledgeFallbackCoverage = 0.6
        public init() {}
    }

    /// Where data lives.
    public struct Data: Sendable, Hashable {
        /// The demo store's data folder.
        public var demoDirectory = "demo"
        /// The knowledge base folder.
        public var knowledgeDirectory = "knowledge"
        public init() {}
    }

    public var agent = Agent()
    /// The channels Steward answers on.
    public var channels: [Channel] = Channel.allCases
    /// Per channel, whether `steward pipe` merges a session's quick succession of messages into one
    /// turn (`bursts`): off by default; ``BurstPolicy/recommended`` merges within 1.5 s on SMS and WhatsApp.
    public var bursts = BurstPolicy.standard
    public var router = Router()
    public var shop = ShopInfo(
        name: "Northwind Outfitters",
        returnsPortalURL: "https://northwind.example/returns",
        orderStatusURL: "https://northwind.example/orders/{order}",
        storefrontURL: "https://northwind.example"
    )
    public var data = Data()
    /// Fallback and handoff.
    public var handoff = HandoffConfiguration()
    /// The shop's languages, the language policy and translations of Steward's texts.
    public var language = LanguageConfiguration()
    /// The shop's real systems, replacing the demo store's tools.
    public var integrations = IntegrationsConfiguration()
    /// The SQLite database file for conversations and tickets.
    public var storePath = "steward.db"
    /// Turns a session in memory holds at least (`store.recent_turns`); nil: the store's default.
    public var storeRecentTurns: Int?
    /// Sessions kept in memory (`store.cached_sessions`); nil: the store's default.
    public var storeCachedSessions: Int?
    /// Megabytes the cached sessions may take (`store.cache_megabytes`); nil: the store's default (64).
    public var storeCacheMegabytes: Int?
    /// Seconds a database write waits for another connection's write lock before the message fails
    /// (`store.busy_timeout`, 0.1 to 600); nil: the store's default (5).
    public var storeBusyTimeout: Double?
    /// The limit on failed order number and email checks (`verification`).
    public var verification = VerificationPolicy.standard
    /// Skill ids switched off.
    public var disabledSkills: [String] = []
    /// The file the settings came from, if any.
    public var sourcePath: String?

    /// The default settings: the demo store, `knowledge/`, every channel.
    public init() {}
}

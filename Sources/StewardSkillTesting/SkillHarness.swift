import Foundation
import Logging
import StewardCore
import StewardRuntime
import StewardSkills

/// A skill's test bench: the repository's demo store (`demo/`) and knowledge base (`knowledge/`),
/// the shipped skills' manifests, and a way to call one skill directly and see its reply on any channel.
///
/// ```swift
/// let bench = try SkillHarness()
/// let reply = try await bench.ask(OrderTrackingSkill(), "where is order 1001?", intent: "order_status",
///                                 customer: SkillHarness.demoCustomer)
/// #expect(reply.text.contains("#1001"))
/// #expect(bench.render(reply, on: .sms).cards.isEmpty)
/// ```
///
/// Each harness has its own demo store in memory: what a test changes (a cancelled order) stays in it.
public struct SkillHarness: Sendable {
    /// The demo store's tools, as the engine gives them to skills.
    public let tools: Toolbox
    /// The knowledge base of `knowledge/`.
    public let knowledge: KnowledgeBase
    /// The shop's details from the default configuration.
    public let shop: ShopInfo

    let engine: ConversationEngine

    /// The demo store's signed-in customer with orders in every state (`demo/README.md`).
    public static let demoCustomer = Customer(email: "jane.doe@example.com", authenticated: true)

    /// The repository root this library was built from (`demo/`, `knowledge/` and `Skills/` are under it).
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A bench over the demo store and knowledge base under `baseDirectory`, with `skills` registered.
    ///
    /// - Throws: ``DemoStoreError``, ``KnowledgeError`` or ``SkillRegistryError`` when the repository's
    ///   data or a manifest cannot be read.
    public init(skills: [any Skill] = ShippedSkills.all, baseDirectory: URL = SkillHarness.repositoryRoot) throws {
        let engine = try ConversationEngine.make(configuration: StewardConfiguration(), skills: skills, baseDirectory: baseDirectory)
        self.engine = engine
        self.tools = engine.tools
        self.knowledge = engine.knowledge
        self.shop = engine.configuration.shop
    }

    /// The context a skill gets from the engine, over this bench's tools and knowledge.
    public func context(label: String = "skill-test") -> SkillContext {
        SkillContext(tools: tools, knowledge: knowledge, shop: shop, logger: Logger(label: label))
    }

    /// Calls `skill` with one message, as the engine would after routing it to `intent`.
    ///
    /// - Parameters:
    ///   - text: The customer's message; its entities (order numbers, emails, amounts) are read from it.
    ///   - intent: The intent the message is routed to (one of the skill's manifest's).
    ///   - customer: Who writes; anonymous by default, ``demoCustomer`` for a signed-in customer.
    ///   - channel: The channel of the message (the reply is not rendered; see ``render(_:on:)``).
    ///   - state: The skill's state from its previous reply, for a continued conversation.
    /// - Returns: The skill's reply as it returned it.
    /// - Throws: Whatever the skill throws.
    public func ask(
        _ skill: any Skill, _ text: String, intent: String, customer: Customer = .anonymous, channel: Channel = .webchat,
        state: SkillState = SkillState(), isContinuation: Bool = false, language: String = "en"
    ) async throws -> SkillResponse {
        let request = SkillRequest(
            text: text, intent: intent, state: state, customer: customer, channel: channel,
            isContinuation: isContinuation, language: language)
        return try await skill.handle(request, context: context())
    }

    /// `reply` as it goes out on `channel` (cards become text on SMS, WhatsApp and email).
    public func render(_ reply: SkillResponse, on channel: Channel) -> SkillResponse {
        ChannelRenderer().render(reply, for: channel)
    }
}

import Foundation
import StewardCore
import StewardRuntime
import StewardSkills

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The shipped skills, from the one list the executable uses too.
let shippedSkills: [any Skill] = ShippedSkills.all

/// The default engine, built once: sessions keep tests apart. Its failed identity checks are counted
/// across every test that uses it (per order number and email, as in a shop), so its limit is raised
/// well above what the tests together spend on #1001; `VerificationLimitTests` test the limit on engines of their own.
private let sharedEngine = Result {
    var configuration = StewardConfiguration()
    configuration.verification.maxAttempts = 10_000
    return try ConversationEngine.make(configuration: configuration, skills: shippedSkills, baseDirectory: repositoryRoot)
}

/// An engine over the repository's demo store and knowledge base.
func makeEngine(
    configuration: StewardConfiguration? = nil, skills: [any Skill]? = nil, tools: (@Sendable (inout Toolbox) -> Void)? = nil
) throws -> ConversationEngine {
    guard configuration != nil || skills != nil || tools != nil else { return try sharedEngine.get() }
    return try ConversationEngine.make(
        configuration: configuration ?? StewardConfiguration(), skills: skills ?? shippedSkills, baseDirectory: repositoryRoot,
        tools: tools ?? { _ in })
}

/// Sends messages in one session and returns the replies.
struct Conversation {
    let engine: ConversationEngine
    var session = "test-\(UUID().uuidString.prefix(6))"
    var channel: Channel = .webchat
    var customer: Customer?

    init(_ engine: ConversationEngine, channel: Channel = .webchat, customer: Customer? = nil) {
        self.engine = engine
        self.channel = channel
        self.customer = customer
    }

    @discardableResult
    func say(_ text: String) async throws -> AgentReply {
        try await engine.respond(to: IncomingMessage(session: session, text: text, channel: channel, customer: customer))
    }

    @discardableResult
    func click(_ action: String, title: String = "") async throws -> AgentReply {
        try await engine.respond(to: IncomingMessage(session: session, text: title, action: action, channel: channel, customer: customer))
    }
}

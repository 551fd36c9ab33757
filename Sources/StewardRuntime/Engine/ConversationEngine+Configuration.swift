import Foundation
import Logging
import StewardCore
import StewardRouter

extension ConversationEngine {
    /// Builds the engine the configuration describes: the demo store, with any tool replaced by
    /// `customize` (the configured integrations), the knowledge base and the given skills.
    ///
    /// - Parameters:
    ///   - baseDirectory: Where relative paths in the configuration start; the working directory by default.
    ///   - clock: The engine's clock: what skills read as ``SkillContext/now``, business hours, the
    ///     identity-check window and the demo store's relative dates (`now-5d`). The system clock by default.
    /// - Throws: ``DemoStoreError``, ``KnowledgeError``, ``ConfigurationError`` with what to fix (a skill whose
    ///   files are broken does not stop it: see ``SkillRegistry/broken``).
    public static func make(
        configuration: StewardConfiguration, skills: [any Skill], baseDirectory: URL? = nil,
        tools customize: @Sendable (inout Toolbox) -> Void = { _ in },
        store: any SessionStore = InMemorySessionStore(), tickets: (any TicketStore)? = nil,
        routerSettings: RouterSettings = .shop,
        verificationAttempts: any VerificationAttemptStore = InMemoryVerificationAttemptStore(),
        clock: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "steward.engine")
    ) throws -> ConversationEngine {
        let base = baseDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func resolve(_ path: String) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
        }
        let demo = try DemoStore(directory: resolve(configuration.data.demoDirectory), shop: configuration.shop, now: clock())
        let knowledge = try KnowledgeBase(directory: resolve(configuration.data.knowledgeDirectory))
        var extraExamples: [TrainingExample] = []
        if let folder = configuration.router.examplesDirectory {
            extraExamples = try RouterTraining.extraExamples(folder: resolve(folder))
        }
        var tools = demo.toolbox
        customize(&tools)
        return try ConversationEngine(
            configuration: configuration, skills: skills, tools: tools, knowledge: knowledge, store: store,
            tickets: tickets, routerSettings: routerSettings, extraExamples: extraExamples,
            verificationAttempts: verificationAttempts, clock: clock, logger: logger)
    }
}

import Foundation
import Logging
import StewardCore

extension ConversationEngine {
    /// Builds the engine the configuration describes: the demo store (or the configured
    /// integrations), the knowledge base and the given skills.
    ///
    /// - Parameter baseDirectory: Where relative paths in the configuration start; the working directory by default.
    /// - Throws: ``DemoStoreError``, ``KnowledgeError``, ``SkillRegistryError`` with what to fix.
    public static func make(
        configuration: StewardConfiguration, skills: [any Skill], baseDirectory: URL? = nil,
        store: any SessionStore = InMemorySessionStore(), logger: Logger = Logger(label: "steward.engine")
    ) throws -> ConversationEngine {
        let base = baseDirectory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func resolve(_ path: String) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)
        }
        let demo = try DemoStore(directory: resolve(configuration.data.demoDirectory), shop: configuration.shop)
        let knowledge = try KnowledgeBase(directory: resolve(configuration.data.knowledgeDirectory))
        return try ConversationEngine(
            configuration: configuration, skills: skills, tools: demo.toolbox, knowledge: knowledge, store: store,
            logger: logger)
    }
}

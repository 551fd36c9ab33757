import Foundation
import StewardRuntime

/// Builds the engine from the configuration; start-up errors say what to fix and stop the command.
enum EngineLoader {
    static func load(configPath: String?) throws -> ConversationEngine {
        let configuration = try StewardConfiguration.load(path: configPath)
        return try ConversationEngine.make(configuration: configuration, skills: DefaultSkills.all)
    }
}

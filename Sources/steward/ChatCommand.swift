import ArgumentParser
import Foundation
import StewardRuntime

/// `steward chat`: talk to the agent on standard input.
struct ChatCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Chat with the agent on standard input (against the demo store by default).",
        discussion: "Commands inside the chat: /login EMAIL, /channel NAME, /verbose, /reset, /help, /quit."
    )

    @OptionGroup var options: RuntimeOptions

    @Flag(name: .long, help: "Show the intent, confidence and skill of every reply.")
    var verbose = false

    func run() async throws {
        LogSetup.bootstrap(level: options.logLevel)
        let loaded = try EngineLoader.load(configPath: options.config, databasePath: options.db)
        await EngineLoader.withOutbox(loaded) {
            await ChatSession(engine: loaded.engine, verbose: verbose).run()
        }
        EngineLoader.close(loaded)
    }
}

import ArgumentParser
import Foundation
import Logging
import StewardRuntime

/// The `steward` command: a conversational agent for e-commerce customer support.
@main
struct Steward: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "steward",
        abstract: "A conversational agent for e-commerce customer support.",
        discussion: """
            Run `steward chat` to talk to the agent against the embedded demo store, or
            `steward pipe` to serve JSON lines to another process.
            """,
        subcommands: [
            ChatCommand.self, PipeCommand.self, TestCommand.self, SkillsCommand.self, TicketsCommand.self,
            StatsCommand.self, MissesCommand.self, ReplayCommand.self, ClassifyCommand.self, LanguageCommand.self,
            EvalCommand.self, StoreCommand.self,
        ]
    )
}

/// Options every conversation command shares.
struct RuntimeOptions: ParsableArguments {
    @Option(name: .long, help: "The configuration file (default: steward.yaml in the working directory, if present).")
    var config: String?

    @Option(name: .long, help: "The SQLite database for conversations and tickets (default: store.path in the configuration, steward.db).")
    var db: String?

    @Option(name: .long, help: "Log level on standard error: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .warning
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// Sends logs to standard error, never standard output, with customers' secrets masked (``MaskingLogHandler``).
enum LogSetup {
    static func bootstrap(level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return MaskingLogHandler(handler)
        }
    }
}

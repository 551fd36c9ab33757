import ArgumentParser
import Foundation
import StewardRuntime

/// `steward pipe`: JSON lines in, JSON lines out.
struct PipeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pipe",
        abstract: "Answer JSON-lines requests on standard input with JSON-lines replies on standard output.",
        discussion: """
            In:  {"session": "s1", "id": "m1", "text": "where is my order #1001", "channel": "webchat",
                  "customer": {"email": "jane@example.com", "profile_id": "p1", "authenticated": true}}
            Out: {"session", "reply_to", "text", "cards", "suggestions", "skill", "intent", "confidence", "outcome", ...}
            A message whose session and id were answered before gets the same reply with "duplicate": true.
            On channels with a burst window (`bursts` in steward.yaml; off by default, 1.5 s on sms and whatsapp recommended)
            a session's quick succession of messages is answered once, each id's line with "merged": true
            and "merged_ids".
            A malformed line gets {"error": {"code", "message", "line"}} and the pipe goes on.
            Logs go to standard error only.
            """
    )

    @OptionGroup var options: RuntimeOptions

    func run() async throws {
        LogSetup.bootstrap(level: options.logLevel)
        let loaded = try EngineLoader.load(configPath: options.config, databasePath: options.db)
        await EngineLoader.withOutbox(loaded) {
            await PipeServer(engine: loaded.engine).run(stopsOnSignals: true)
        }
    }
}

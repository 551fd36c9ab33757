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
            SIGTERM, SIGINT or SIGHUP: every line already sent is answered and stored, then exit 0; a second
            signal exits at once with 128 + its number. Standard output closed: stop reading, store what was
            read, exit 0. A message that cannot be stored (the disk is full, or another connection held the
            database's write lock for the whole busy timeout, `store.busy_timeout`, 5 s by default) gets
            {"error": {"code": "storage_failure", ...}} with its session and id. Exit 3 after
            --max-storage-failures messages in a row failed in the database (or when
            input ended and not one message could be stored);
            exit 1 when it cannot start (configuration, a damaged database).
            """
    )

    @OptionGroup var options: RuntimeOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Stop with exit status 3 after this many messages in a row could not be stored (0: never stop).",
            valueName: "n"))
    var maxStorageFailures: Int = PipeServer.defaultMaxStorageFailures

    func validate() throws {
        guard maxStorageFailures >= 0 else {
            throw ValidationError("--max-storage-failures must be 0 (never stop) or a positive number of messages.")
        }
    }

    func run() async throws {
        // A closed standard output must fail the write (EPIPE), not kill the process before it stores what it read.
        signal(SIGPIPE, SIG_IGN)
        LogSetup.bootstrap(level: options.logLevel)
        let loaded = try EngineLoader.load(configPath: options.config, databasePath: options.db)
        let server = PipeServer(engine: loaded.engine, maxStorageFailures: maxStorageFailures)
        let stop = await EngineLoader.withOutbox(loaded) {
            await server.run(stopsOnSignals: true)
        }
        // Everything is answered and stored: copy the write-ahead log into the file, so that after a
        // clean exit steward.db alone holds every turn. The signals stay caught until here (a second
        // one still exits at once).
        EngineLoader.close(loaded)
        withExtendedLifetime(server) {}
        if stop.exitStatus != 0 { throw ExitCode(stop.exitStatus) }
    }
}

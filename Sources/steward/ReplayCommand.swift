import ArgumentParser
import Foundation
import StewardCore
import StewardRuntime
import StewardSkills

/// `steward replay`: recorded conversations through two configurations, and the turns that changed.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay recorded conversations through the current configuration and another; list the turns that changed.",
        discussion: """
            FILE is a conversation script (.yaml, as in Skills/*/conversations/; its own settings and tool setup \
            are not applied, both runs use the demo store) or JSON lines in `steward pipe` input form \
            ({"session", "text" or "action", "channel", "customer"}; lines of one session are one conversation, \
            in order). Each conversation runs in a fresh in-memory store under --config (default: steward.yaml \
            if present, else the defaults) and under --against. A turn is listed when its skill, intent or \
            outcome differs. Exit status 1 when any turn changed, 0 when none did: a release gate before new \
            examples (router.examples) or thresholds go live.
            """
    )

    @Option(name: .long, help: "The configuration to compare with.")
    var against: String

    @Option(name: .long, help: "The current configuration (default: steward.yaml if present, else the defaults).")
    var config: String?

    @Argument(help: "Conversation scripts (.yaml) or pipe-input JSON lines (.jsonl).")
    var files: [String]

    /// One recorded conversation.
    struct Recording {
        var name: String
        var messages: [IncomingMessage]
    }

    func run() async throws {
        let current = try StewardConfiguration.load(path: config)
        let other = try StewardConfiguration.load(path: against)
        var recordings: [Recording] = []
        for file in files { recordings += try Self.read(file) }
        let engines = (
            try Self.engine(configuration: current), try Self.engine(configuration: other)
        )
        var changed = 0, turns = 0
        for (number, recording) in recordings.enumerated() {
            let before = try await Self.play(recording, number: number, engine: engines.0)
            let after = try await Self.play(recording, number: number, engine: engines.1)
            for (index, pair) in zip(before, after).enumerated() {
                turns += 1
                let (a, b) = pair
                guard a.skill != b.skill || a.intent != b.intent || a.outcome != b.outcome else { continue }
                changed += 1
                let message = recording.messages[index]
                let said = message.text.map { "\"\($0)\"" } ?? "[\(message.action ?? "")]"
                print("\(recording.name) turn \(index + 1) \(said)")
                print("  before: \(Self.describe(a))")
                print("  after:  \(Self.describe(b))")
            }
        }
        print("\(changed) of \(turns) turns changed in \(recordings.count) conversation(s)")
        if changed > 0 { throw ExitCode(1) }
    }

    static func describe(_ reply: AgentReply) -> String {
        "\(reply.skill ?? "-") / \(reply.intent ?? "-") / \(reply.outcome)"
    }

    /// An engine with in-memory sessions and tickets.
    static func engine(configuration: StewardConfiguration) throws -> ConversationEngine {
        try ConversationEngine.make(configuration: configuration, skills: ShippedSkills.all, tickets: InMemoryTicketStore())
    }

    /// Plays one conversation in a session of its own (`replay-<number>-<session>`).
    static func play(_ recording: Recording, number: Int, engine: ConversationEngine) async throws -> [AgentReply] {
        var replies: [AgentReply] = []
        for var message in recording.messages {
            message.session = "replay-\(number)-\(message.session)"
            do {
                replies.append(try await engine.respond(to: message))
            } catch {
                replies.append(
                    AgentReply(
                        session: message.session, replyTo: message.id, text: "\(error)", skill: nil, intent: nil,
                        confidence: nil, outcome: "error", channel: message.channel ?? .webchat))
            }
        }
        return replies
    }

    /// The conversations of a file.
    static func read(_ path: String) throws -> [Recording] {
        let url = URL(fileURLWithPath: path)
        if url.pathExtension == "yaml" || url.pathExtension == "yml" {
            let script = try ConversationScript.load(from: url)
            let messages = script.turns.map { turn -> IncomingMessage in
                switch turn.input {
                case .say(let text):
                    IncomingMessage(session: "replay", text: text, channel: turn.channel ?? script.channel, customer: script.customer)
                case .click(let action, let title):
                    IncomingMessage(
                        session: "replay", text: title, action: action, channel: turn.channel ?? script.channel,
                        customer: script.customer)
                }
            }
            return [Recording(name: "\(url.lastPathComponent) (\(script.name))", messages: messages)]
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("cannot read \(path)")
        }
        var order: [String] = []
        var bySession: [String: [IncomingMessage]] = [:]
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated() where !line.allSatisfy(\.isWhitespace) {
            switch PipeRequestDecoder.decode(Array(line.utf8)[...], line: number + 1) {
            case .success(let message):
                if bySession[message.session] == nil { order.append(message.session) }
                bySession[message.session, default: []].append(message)
            case .failure(let error):
                throw ValidationError("\(path):\(number + 1): \(error.message)")
            }
        }
        return order.map { Recording(name: "\(url.lastPathComponent) session \($0)", messages: bySession[$0] ?? []) }
    }
}

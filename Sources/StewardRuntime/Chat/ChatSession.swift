import Foundation
import StewardCore

/// `steward chat`: a conversation typed on standard input.
///
/// Shows a prompt when standard input is a terminal and plain output when it is piped.
/// Commands: `/login EMAIL`, `/channel NAME`, `/language CODE`, `/verbose`, `/reset`, `/help`, `/quit`.
/// Typing the number of a suggestion clicks it.
public final class ChatSession {
    private let engine: ConversationEngine
    private var verbose: Bool
    /// The language chosen with `/language`, sent with every message until the next `/reset`.
    private var language: String?
    private let interactive: Bool
    private var channel: Channel = .webchat
    private var customer = Customer.anonymous
    private var sessionID = "chat-\(UUID().uuidString.prefix(8).lowercased())"
    private var lastSuggestions: [Suggestion] = []
    private let renderer = ChannelRenderer()
    private let write: @Sendable (String) -> Void
    private var current: CurrentSession?

    /// A chat on standard input and output.
    public init(engine: ConversationEngine, verbose: Bool = false, interactive: Bool = isatty(0) == 1, write: @escaping @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }) {
        self.engine = engine
        self.verbose = verbose
        self.interactive = interactive
        self.write = write
    }

    static let help = """
        Commands:
          /login EMAIL    use EMAIL when verifying your orders (you'll still need an order number)
          /channel NAME   render replies for webchat, sms, whatsapp or email
          /language CODE  answer me in this language (en, pl, sv, ko, de, es, fr, ...), whatever I write in
          /verbose        show intent, confidence, skill and language for each reply (toggle)
          /reset          start a new conversation
          /help           this list
          /quit           leave (Ctrl-D works too)
        Type the number of a suggestion to pick it.
        """

    /// Reads lines until `/quit` or end of input.
    public func run(readLine: () -> String? = { Swift.readLine(strippingNewline: true) }) async {
        if interactive {
            write("\(engine.configuration.agent.name) · \(engine.configuration.shop.name) (type /help for commands, /quit to leave)")
        }
        write("\(engine.configuration.agent.name): \(engine.introMessage)")
        let engine = self.engine
        let write = self.write
        let current = CurrentSession(sessionID)
        self.current = current
        let relay = Task {
            await engine.followHumanReplies(wants: { current.is($0) }) { reply in
                if let shown = try? await engine.deliver(reply) {
                    write("\(shown.author ?? "Support") (team): \(shown.text)")
                }
            }
        }
        defer { relay.cancel() }
        while true {
            if interactive {
                FileHandle.standardOutput.write(Data("you> ".utf8))
            }
            guard let raw = readLine() else { break }
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("/") {
                if await command(line) == false { break }
                continue
            }
            var text: String? = line
            var action: String?
            if let n = Int(line), n >= 1, n <= lastSuggestions.count {
                let picked = lastSuggestions[n - 1]
                text = picked.title
                action = picked.action
                if !interactive { write("you: \(picked.title)") }
            } else if !interactive {
                // The echo is output like any other: a typed card number or password never reaches it.
                write("you: \(SecretMasker.mask(line))")
            }
            let message = IncomingMessage(
                session: sessionID, text: text, action: action, channel: channel, customer: customer, explain: verbose,
                language: language)
            do {
                let reply = try await engine.respond(to: message)
                show(reply)
            } catch {
                write("error: \(SecretMasker.mask("\(error)"))")
            }
        }
    }

    private func show(_ reply: AgentReply) {
        var out = "\(engine.configuration.agent.name): \(reply.text)"
        for card in reply.cards {
            let block = renderer.block(card).split(separator: "\n").map { "  │ \($0)" }.joined(separator: "\n")
            out += "\n  ┌─ \(card.kind.rawValue)\n\(block)\n  └─"
        }
        lastSuggestions = reply.suggestions
        if !reply.suggestions.isEmpty {
            out += "\n  " + reply.suggestions.enumerated().map { "[\($0.offset + 1)] \($0.element.title)" }.joined(separator: "  ")
        }
        if verbose {
            let confidence = reply.confidence.map { String(format: "%.2f", $0) } ?? "-"
            out += "\n  (intent: \(reply.intent ?? "-"), confidence: \(confidence), skill: \(reply.skill ?? "-"), outcome: \(reply.outcome), language: \(reply.language))"
            if let routing = reply.routing {
                let candidates = routing.candidates.prefix(3).map { "\($0.intent) \(String(format: "%.2f", $0.confidence))" }
                let terms = routing.terms.prefix(4).map { "\($0.term) \(String(format: "%+.2f", $0.weight))" }
                out += "\n  (routing: \(routing.rule.rawValue), \(routing.decision.rawValue); candidates: \(candidates.joined(separator: ", "))"
                out += "; terms: \(terms.joined(separator: ", "))"
                if !routing.keywords.isEmpty { out += "; keywords: \(routing.keywords.joined(separator: ", "))" }
                out += String(format: "; threshold %.2f, margin %.2f)", routing.threshold, routing.margin)
            }
        }
        write(out)
    }

    /// Runs a slash command; false means quit.
    private func command(_ line: String) async -> Bool {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch parts[0].lowercased() {
        case "/quit", "/exit":
            return false
        case "/help":
            write(ChatSession.help)
        case "/verbose":
            verbose.toggle()
            write("verbose \(verbose ? "on" : "off")")
        case "/reset":
            try? await engine.reset(session: sessionID)
            sessionID = "chat-\(UUID().uuidString.prefix(8).lowercased())"
            current?.set(sessionID)
            customer = .anonymous
            language = nil
            lastSuggestions = []
            write("(new conversation)")
            write("\(engine.configuration.agent.name): \(engine.introMessage)")
        case "/channel":
            guard let value = Channel(rawValue: argument.lowercased()) else {
                write("usage: /channel \(Channel.allCases.map(\.rawValue).joined(separator: "|"))")
                return true
            }
            guard engine.configuration.channels.contains(value) else {
                write("The \(value.rawValue) channel is not enabled in the configuration.")
                return true
            }
            channel = value
            write("(replies are now rendered for \(value.rawValue))")
        case "/language":
            let shop = engine.configuration.language
            guard let code = LanguageConfiguration.code(argument) else {
                write("usage: /language CODE, an ISO 639-1 code; this shop answers in \(shop.supported.joined(separator: ", "))")
                return true
            }
            language = code
            if shop.serves(code) {
                write("(answering in \(Translations.endonyms[code] ?? code) from your next message)")
            } else {
                write("(\(code) is not one of this shop's languages; you'll be offered a person, in \(shop.defaultLanguage))")
            }
        case "/login":
            // The pipe's rule for `customer.email`: no control or invisible character (Identifier.swift).
            if let problem = Identifier.problem(argument, field: "EMAIL", rule: .padded) {
                write("usage: /login EMAIL; \(problem)")
                return true
            }
            guard EmailAddress.isValid(argument) else {
                write("usage: /login EMAIL (a valid email address)")
                return true
            }
            customer = Customer(email: argument, authenticated: false)
            write("(you are \(SecretMasker.mask(argument.lowercased())); give an order number to verify it)")
        default:
            write("Unknown command \(parts[0]). Type /help for the list.")
        }
        return true
    }
}

/// The chat's session id, readable from the task that relays the team's replies.
final class CurrentSession: @unchecked Sendable {
    private let lock = NSLock()  // guards `id`
    private var id: String

    init(_ id: String) { self.id = id }
    func set(_ id: String) { lock.withLock { self.id = id } }
    func `is`(_ other: String) -> Bool { lock.withLock { id == other } }
}

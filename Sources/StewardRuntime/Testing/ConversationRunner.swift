import Foundation
import Logging
import StewardCore
import StewardModel
import StewardYAML

/// Plays conversation scripts against the agent and checks every reply.
///
/// Each script gets its own engine, with in-memory sessions and tickets and the demo store (with
/// the script's records laid over it in a temporary folder), so scripts never affect each other or
/// a real database. A script stops at its first difference.
public struct ConversationRunner: Sendable {
    /// The skills the engine runs.
    public var skills: [any Skill]
    /// Where `demo/`, `knowledge/` and other relative paths start (the repository root).
    public var baseDirectory: URL
    /// Settings under every script's own `config`, as `steward.yaml` text (e.g. the shop's file);
    /// its `integrations` and `store` are ignored: scripts run on the demo store, in memory.
    public var configurationYAML: String?

    /// The session id every script's conversation uses.
    static let session = "conversation-test"

    public init(skills: [any Skill], baseDirectory: URL, configurationYAML: String? = nil) {
        self.skills = skills
        self.baseDirectory = baseDirectory
        self.configurationYAML = configurationYAML
    }

    // MARK: Finding scripts

    /// The folders searched when no path is given: `Skills/*/conversations/`.
    public func defaultPaths() -> [String] {
        let skills = baseDirectory.appendingPathComponent("Skills")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: skills.path)) ?? []
        return names.sorted().map { "Skills/\($0)/conversations" }.filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: resolve(path).path, isDirectory: &isFolder) && isFolder.boolValue
        }
    }

    /// The script files at `paths`: a file as given, a folder searched for `*.yaml` and `*.yml`
    /// recursively, in name order, skipping skill manifests (`skill.yaml`). Relative paths start at
    /// ``baseDirectory``.
    ///
    /// - Throws: ``ConversationScriptError/pathNotFound(_:)`` for a path that does not exist,
    ///   ``ConversationScriptError/noScripts(searched:)`` when nothing was found.
    public func scriptFiles(in paths: [String]) throws -> [URL] {
        var found: [URL] = []
        for path in paths {
            let url = resolve(path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
                throw ConversationScriptError.pathNotFound(path)
            }
            guard isFolder.boolValue else {
                found.append(url)
                continue
            }
            let enumerator = FileManager.default.enumerator(atPath: url.path)
            var inFolder: [String] = []
            while let relative = enumerator?.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                guard name != "skill.yaml", name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { continue }
                inFolder.append(relative)
            }
            found += inFolder.sorted().map { url.appendingPathComponent($0) }
        }
        guard !found.isEmpty else { throw ConversationScriptError.noScripts(searched: paths) }
        return found
    }

    // MARK: Running

    /// A failed result for each skill whose `skill.yaml` or examples are broken (naming the file and
    /// line): such a skill takes no traffic, so a test run that has one fails.
    public func brokenSkills() -> [ScriptResult] {
        SkillRegistry(loading: skills).broken.map { broken in
            ScriptResult(name: "Skill \(broken.name)", file: broken.file, outcome: .error(broken.reason))
        }
    }

    /// Loads and runs the script in `file`; a malformed script is a failed result saying what to fix.
    public func run(file: URL) async -> ScriptResult {
        let script: ConversationScript
        do {
            script = try ConversationScript.load(from: file)
        } catch {
            return ScriptResult(name: file.relativePath, file: nil, outcome: .error("\(error)"))
        }
        return await run(script)
    }

    /// Runs a script: each turn is sent and its reply checked; stops at the first difference.
    public func run(_ script: ConversationScript) async -> ScriptResult {
        func result(_ outcome: ScriptResult.Outcome) -> ScriptResult {
            ScriptResult(name: script.name, file: script.file, outcome: outcome)
        }
        let fixture: Fixture
        do {
            fixture = try makeEngine(for: script)
        } catch {
            return result(.error("Cannot set up the conversation: \(error)"))
        }
        defer { fixture.cleanUp() }

        var channel = script.channel
        for (index, turn) in script.turns.enumerated() {
            if let switched = turn.channel { channel = switched }
            if let now = turn.now { fixture.clock.set(now) }
            let message: IncomingMessage
            switch turn.input {
            case .say(let text):
                message = IncomingMessage(
                    session: Self.session, id: "turn-\(index + 1)", text: text, channel: channel, customer: script.customer)
            case .click(let action, let title):
                message = IncomingMessage(
                    session: Self.session, id: "turn-\(index + 1)", text: title, action: action, channel: channel,
                    customer: script.customer)
            }
            func failure(_ difference: ReplyExpectation.Difference, reply: String?) -> ScriptResult {
                result(.failed(ScriptResult.Failure(
                    turn: index + 1, line: turn.line, message: turn.label, check: difference.check,
                    expected: difference.expected, actual: difference.actual, reply: reply)))
            }
            let reply: AgentReply
            do {
                reply = try await fixture.engine.respond(to: message)
            } catch {
                return failure(.init("reply", "a reply", "error: \(error)"), reply: nil)
            }
            if let difference = turn.expect.difference(from: reply) {
                return failure(difference, reply: reply.text)
            }
            if let expected = turn.expect.handoffTicket {
                let ticket: Ticket?
                do {
                    ticket = try await fixture.tickets.tickets(status: nil).first { $0.sessionID == Self.session }
                } catch {
                    return failure(.init("handoff_ticket", "the ticket store to answer", "error: \(error)"), reply: reply.text)
                }
                if let difference = expected.difference(from: ticket) {
                    return failure(difference, reply: reply.text)
                }
            }
        }
        return result(.passed)
    }

    // MARK: Set-up

    /// An engine for one script and what to remove afterwards.
    struct Fixture {
        var engine: ConversationEngine
        /// The engine's clock: the script's `now`, moved by a turn's `now`.
        var clock: ScriptClock
        var tickets: InMemoryTicketStore
        var temporaryDirectory: URL?

        func cleanUp() {
            if let temporaryDirectory { try? FileManager.default.removeItem(at: temporaryDirectory) }
        }
    }

    func makeEngine(for script: ConversationScript) throws -> Fixture {
        var configuration = try configuration(for: script)
        var temporary: URL?
        if !script.tools.usesDemoAsIs {
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("steward-conversation-\(UUID().uuidString.lowercased())")
            try script.tools.write(
                to: folder, from: resolve(configuration.data.demoDirectory), script: script.file ?? script.name)
            configuration.data.demoDirectory = folder.path
            temporary = folder
        }
        do {
            let without = script.tools.without
            let tickets = InMemoryTicketStore()
            var logger = Logger(label: "steward.test")
            logger.logLevel = .error
            let clock = ScriptClock(script.now)
            let engine = try ConversationEngine.make(
                configuration: configuration, skills: skills, baseDirectory: baseDirectory,
                tools: { toolbox in Self.remove(without, from: &toolbox) }, store: InMemorySessionStore(),
                tickets: tickets, clock: { clock.now }, logger: logger)
            return Fixture(engine: engine, clock: clock, tickets: tickets, temporaryDirectory: temporary)
        } catch {
            if let temporary { try? FileManager.default.removeItem(at: temporary) }
            throw error
        }
    }

    /// The defaults, then ``configurationYAML`` (without `integrations` and `store`), then the script's `config`.
    func configuration(for script: ConversationScript) throws -> StewardConfiguration {
        let file = script.file.map { "\($0) config" } ?? "config"
        do {
            guard
                let yaml = try YAMLMerge.merge(
                    base: configurationYAML.map { ($0, "configuration") }, override: script.configurationYAML.map { ($0, file) },
                    dropping: ["integrations", "store"])
            else { return StewardConfiguration() }
            return try StewardConfiguration.parse(yaml: yaml, path: file)
        } catch let error as YAMLError {
            throw ConfigurationError.invalidYAML(path: error.file, reason: error.description)
        }
    }

    static func remove(_ kinds: [ToolKind], from toolbox: inout Toolbox) {
        for kind in kinds {
            switch kind {
            case .orders: toolbox.orders = nil
            case .products: toolbox.products = nil
            case .coupons: toolbox.coupons = nil
            case .customers: toolbox.customers = nil
            case .returns: toolbox.returns = nil
            case .subscriptions: toolbox.subscriptions = nil
            case .loyalty: toolbox.loyalty = nil
            }
        }
    }

    /// The path as a URL; a relative one keeps its relative form for messages.
    func resolve(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: path, relativeTo: baseDirectory)
    }
}

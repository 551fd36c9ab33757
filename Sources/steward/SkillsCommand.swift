import ArgumentParser
import Foundation
import StewardCore
import StewardRuntime
import StewardSkills
import StewardStore

/// `steward skills`: which skills run, whether each is live and why not, and how much each is used.
struct SkillsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "skills",
        abstract: "List the skills with their status, channels and conversations handled; `show ID` for one skill.",
        discussion: """
            The status is decided as `chat` and `pipe` decide it, from the configuration (--config, or \
            steward.yaml): Live, Unavailable with what is missing, or Coming soon. Conversations are counted \
            over all time from the database (--db, or `store.path`); without a database they are 0 (none is created). \
            A skill whose skill.yaml or examples are broken is listed as Unavailable with the file, line and \
            problem, and the command exits with status 1.
            """,
        subcommands: [List.self, Show.self],
        defaultSubcommand: List.self
    )

    /// `steward skills list` (the default): one line per skill.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "One line per skill: id, name, status, channels, conversations handled."
        )

        @OptionGroup var options: RuntimeOptions

        func run() async throws {
            LogSetup.bootstrap(level: options.logLevel)
            let overview = try await SkillsCommand.Overview.load(options)
            var rows = [["ID", "NAME", "STATUS", "CHANNELS", "CONVERSATIONS"]]
            for manifest in overview.manifests {
                rows.append([
                    manifest.id, manifest.name, overview.status(of: manifest), overview.channels(of: manifest),
                    "\(overview.stats(of: manifest).conversations)",
                ])
            }
            for broken in overview.broken {
                rows.append([broken.name, "-", "Unavailable (\(broken.shortReason))", "none", "0"])
            }
            print(TicketsCommand.table(rows))
            print("")
            print(overview.volumeNote)
            try overview.failIfBroken()
        }
    }

    /// `steward skills show ID`: what a skill does, when it is used, how it answers, what it uses.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "What one skill does, when it is used, how it answers, what it uses, its status and volume."
        )

        @OptionGroup var options: RuntimeOptions

        @Argument(help: "The skill's id, as listed by `steward skills`.")
        var id: String

        func run() async throws {
            LogSetup.bootstrap(level: options.logLevel)
            let overview = try await SkillsCommand.Overview.load(options)
            let wanted = id.lowercased()
            if let broken = overview.broken.first(where: { $0.name.lowercased() == id.lowercased() }) {
                print("\(broken.name)\n\nStatus        Unavailable (\(broken.reason))")
                try overview.failIfBroken()
            }
            guard
                let manifest = overview.manifests.first(where: { $0.id == id })
                    ?? overview.manifests.first(where: { $0.id.lowercased() == wanted || $0.name.lowercased() == wanted })
            else {
                throw SkillsCommandError.unknownSkill(id, known: overview.manifests.map(\.id))
            }
            print(overview.details(of: manifest))
            try overview.failIfBroken()
        }
    }

    /// The skills with their statuses and the conversations each handled.
    struct Overview {
        var engine: ConversationEngine
        var manifests: [SkillManifest]
        /// Skills whose skill.yaml or examples are broken (Unavailable, with the file, line and problem).
        var broken: [SkillRegistry.Broken]
        var stats: ConversationStats
        var databasePath: String
        var databaseExists: Bool

        static func load(_ options: RuntimeOptions) async throws -> Overview {
            let configuration = try StewardConfiguration.load(path: options.config)
            let integrations = try Integrations.build(configuration)
            let engine = try ConversationEngine.make(
                configuration: configuration, skills: ShippedSkills.all, tools: integrations.apply)
            let path = options.db ?? configuration.storePath
            let exists = FileManager.default.fileExists(atPath: path)
            var stats = ConversationStats()
            if exists {
                let store = try SQLiteStore(path: path, configuration: .init(createIfMissing: false))
                stats = ConversationStats.compute(try await store.sessions(updatedFrom: .distantPast, to: .distantFuture))
            }
            return Overview(
                engine: engine, manifests: engine.registry.entries.map(\.manifest), broken: engine.registry.broken,
                stats: stats, databasePath: path,
                databaseExists: exists)
        }

        /// Writes each broken skill's problem to standard error.
        func warnIfBroken() throws {
            for broken in broken {
                FileHandle.standardError.write(Data("error: skill \(broken.name) is unavailable: \(broken.reason)\n".utf8))
            }
        }

        /// Writes the problems and exits with status 1 when a skill is broken.
        func failIfBroken() throws {
            guard !broken.isEmpty else { return }
            try warnIfBroken()
            throw ExitCode(1)
        }

        func status(of manifest: SkillManifest) -> String {
            engine.statuses[manifest.id]?.description ?? "Unknown"
        }

        /// The channels the skill answers on among those configured.
        func channels(of manifest: SkillManifest) -> String {
            let channels = engine.configuration.channels.filter(manifest.serves)
            return channels.isEmpty ? "none" : channels.map(\.rawValue).joined(separator: ", ")
        }

        func stats(of manifest: SkillManifest) -> ConversationStats.SkillStats {
            stats.skills.first { $0.skill == manifest.id }
                ?? ConversationStats.SkillStats(skill: manifest.id, conversations: 0, resolved: 0)
        }

        var volumeNote: String {
            databaseExists
                ? "Conversations: all time, from \(databasePath) (\(stats.conversations) in total)."
                : "Conversations: no database at \(databasePath) yet, so none counted (run `steward chat` or `steward pipe`, or pass --db)."
        }

        /// The `show` page for one skill.
        func details(of manifest: SkillManifest) -> String {
            var lines = ["\(manifest.name) (\(manifest.id))", ""]
            lines.append("Status        \(status(of: manifest))")
            lines.append("What it does  \(manifest.summary.isEmpty ? "(no summary in skill.yaml)" : manifest.summary)")
            lines += ["", "When it is used"]
            if manifest.intents.isEmpty {
                lines.append("  (no intents yet)")
            }
            for name in manifest.intents.keys.sorted() {
                let intent = manifest.intents[name]!
                let examples = intent.allExamples.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ")
                let languages = intent.examplesByLanguage.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.count)" }
                lines.append("  \(name) (\(intent.exampleCount) examples\(languages.isEmpty ? "" : ": " + languages.joined(separator: ", ")))")
                lines.append("    e.g. \(examples)")
                if !intent.keywords.isEmpty {
                    lines.append("    keywords: \(intent.keywords.joined(separator: ", "))")
                }
            }
            lines += ["", "How it answers"]
            lines.append(
                "  Identity    "
                    + (manifest.requiresIdentity
                        ? "required: account data only for a customer signed in by the host, or after the order number and its email"
                        : "not required"))
            lines.append("  Channels    \(channels(of: manifest))")
            if let suggestion = manifest.suggestion { lines.append("  Suggestion  \"\(suggestion)\"") }
            lines += ["", "What it uses"]
            let tools = manifest.tools.map { tool in
                "\(tool.rawValue) (\(engine.tools.has(tool) ? "configured" : "missing: needs \(tool.requirement)"))"
            }
            lines.append("  Tools       \(tools.isEmpty ? "none" : tools.joined(separator: ", "))")
            let knowledge = manifest.knowledge.map { topic in
                "\(topic) (knowledge/\(topic).md\(engine.knowledge.has(topic: topic) ? "" : ", missing"))"
            }
            lines.append("  Knowledge   \(knowledge.isEmpty ? "none" : knowledge.joined(separator: ", "))")
            lines += ["", "Volume"]
            let figures = stats(of: manifest)
            if databaseExists {
                lines.append(
                    "  \(figures.conversations) conversation(s), \(figures.resolved) resolved without the team"
                        + " (resolution rate \(String(format: "%.1f%%", figures.resolutionRate * 100))), all time, from \(databasePath)")
            } else {
                lines.append("  0 conversations (no database at \(databasePath) yet)")
            }
            return lines.joined(separator: "\n")
        }
    }
}

/// A `steward skills` request that cannot be answered, said so that the user knows what to fix.
enum SkillsCommandError: Error, CustomStringConvertible {
    /// No skill has this id.
    case unknownSkill(String, known: [String])

    var description: String {
        switch self {
        case .unknownSkill(let id, let known):
            "No skill has the id `\(id)`. Skills: \(known.joined(separator: ", ")) (see `steward skills`)."
        }
    }
}

import Foundation
import StewardCore
import StewardYAML

/// The skills Steward runs, with their manifests and whether each is live.
public struct SkillRegistry: Sendable {
    /// A skill with its manifest.
    public struct Entry: Sendable {
        public var skill: any Skill
        public var manifest: SkillManifest
    }

    /// A skill whose files could not be used: it is Unavailable and takes no traffic.
    public struct Broken: Sendable, Hashable {
        /// The skill's module (its folder under `Skills/`), e.g. `OrderTracking`.
        public var name: String
        /// The manifest read (the author's path), if one was found.
        public var file: String?
        /// What is wrong, starting with `FILE:LINE:` when the place is known.
        public var reason: String

        /// The reason's first sentence, for a table cell: `Skills/X/skill.yaml:7: unknown key `knowlege``.
        public var shortReason: String {
            reason.range(of: ". ").map { String(reason[..<$0.lowerBound]) } ?? reason
        }
    }

    /// The skills in registration order.
    public let entries: [Entry]
    /// The skills that could not be loaded, in registration order (empty with ``init(skills:files:)``, which throws instead).
    public let broken: [Broken]
    private let byID: [String: Int]
    private let byIntent: [String: Int]

    /// Loads every skill's `skill.yaml` and checks that ids and intents are unique; the first problem stops it.
    ///
    /// - Throws: ``SkillRegistryError`` naming the skill (and the file and line) and what to fix.
    public init(skills: [any Skill], files: SkillFiles = .current) throws {
        try self.init(skills: skills, files: files) { throw $0 }
    }

    /// Loads every skill's `skill.yaml`; a skill whose manifest or examples are broken, or that
    /// repeats another's id or intent, is left out and listed in ``broken`` with the reason, and
    /// the other skills work.
    public init(loading skills: [any Skill], files: SkillFiles = .current) {
        self.init(skills: skills, files: files) { _ in }
    }

    /// Loads the skills; each problem goes to `problem` first (which may throw to stop), then the
    /// skill is listed in ``broken``.
    private init(
        skills: [any Skill], files: SkillFiles, problem: (SkillRegistryError) throws -> Void
    ) rethrows {
        var entries: [Entry] = []
        var broken: [Broken] = []
        var byID: [String: Int] = [:]
        var byIntent: [String: Int] = [:]
        for skill in skills {
            var file: String?
            do throws(SkillRegistryError) {
                let (manifest, path) = try SkillRegistry.loadManifest(of: skill, files: files)
                file = path
                try SkillRegistry.check(manifest, against: entries, byID: byID, byIntent: byIntent)
                for name in manifest.intents.keys { byIntent[name] = entries.count }
                byID[manifest.id] = entries.count
                entries.append(Entry(skill: skill, manifest: manifest))
            } catch {
                try problem(error)
                let located = error.isLocated || file == nil ? error.description : "\(file!): \(error.description)"
                broken.append(Broken(name: SkillFiles.module(of: skill), file: file ?? error.file, reason: located))
            }
        }
        self.entries = entries
        self.broken = broken
        self.byID = byID
        self.byIntent = byIntent
    }

    /// The skill with this id.
    public func entry(id: String) -> Entry? { byID[id].map { entries[$0] } }

    /// The skill that owns an intent.
    public func entry(intent: String) -> Entry? { byIntent[intent].map { entries[$0] } }

    /// Whether a skill can take traffic with these tools, knowledge and settings.
    public func status(of manifest: SkillManifest, tools: Toolbox, knowledge: KnowledgeBase, disabled: [String]) -> SkillStatus {
        if manifest.availability == .comingSoon { return .comingSoon }
        if manifest.availability == .disabled || disabled.contains(manifest.id) {
            return .unavailable(reason: "switched off in the configuration")
        }
        for tool in manifest.tools where !tools.has(tool) {
            return .unavailable(reason: "needs \(tool.requirement)")
        }
        for topic in manifest.knowledge where !knowledge.has(topic: topic) {
            return .unavailable(reason: "no \(topic) page in knowledge/ (\(topic).md)")
        }
        return .live
    }

    /// Checks that a manifest's id and intents are new, its intents not reserved and each trained.
    private static func check(
        _ manifest: SkillManifest, against entries: [Entry], byID: [String: Int], byIntent: [String: Int]
    ) throws(SkillRegistryError) {
        if byID[manifest.id] != nil { throw .duplicateSkill(manifest.id) }
        for (name, intent) in manifest.intents.sorted(by: { $0.key < $1.key }) {
            if let other = byIntent[name] {
                throw .duplicateIntent(intent: name, skills: [entries[other].manifest.id, manifest.id])
            }
            if name.hasPrefix("system.") { throw .reservedIntent(intent: name, skill: manifest.id) }
            if intent.exampleCount == 0 { throw .noExamples(intent: name, skill: manifest.id) }
        }
    }

    /// Reads a skill's manifest and example files (from the working tree when run from a checkout,
    /// see ``SkillFiles``); returns the manifest and its path as shown in messages.
    static func loadManifest(of skill: any Skill, files: SkillFiles) throws(SkillRegistryError) -> (SkillManifest, String) {
        let typeName = String(describing: type(of: skill))
        guard let url = files.manifest(for: skill) else { throw SkillRegistryError.missingManifest(skill: typeName) }
        let path = files.displayPath(url)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw SkillRegistryError.missingManifest(skill: typeName)
        }
        var manifest = try parseManifest(text, source: path)
        let folder = url.deletingLastPathComponent().appendingPathComponent("examples")
        let examples: [String: [String: [String]]]
        do { examples = try ExampleFiles.read(folder: folder) } catch {
            throw SkillRegistryError.badExamples(skill: manifest.id, reason: error.description)
        }
        for (intent, byLanguage) in examples {
            guard manifest.intents[intent] != nil else {
                throw SkillRegistryError.undeclaredExampleIntent(intent: intent, skill: manifest.id)
            }
            manifest.intents[intent]?.examplesByLanguage = byLanguage
        }
        return (manifest, path)
    }

    /// Parses a `skill.yaml` strictly (see ``SkillManifest/parse(yaml:file:)``); `source` names it in errors.
    ///
    /// - Throws: ``SkillRegistryError/malformedManifest(_:)`` with the file, line and what to fix.
    public static func parseManifest(_ yaml: String, source: String) throws(SkillRegistryError) -> SkillManifest {
        do {
            return try SkillManifest.parse(yaml: yaml, file: source)
        } catch let error as YAMLError {
            throw .malformedManifest(error)
        } catch {
            throw .malformedManifest(.syntax(file: source, line: nil, column: nil, problem: "\(error)"))
        }
    }
}

/// A problem with the registered skills.
public enum SkillRegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingManifest(skill: String)
    /// The manifest is not valid: the strict reader's error, with the file and line.
    case malformedManifest(YAMLError)
    case duplicateSkill(String)
    case duplicateIntent(intent: String, skills: [String])
    case reservedIntent(intent: String, skill: String)
    case noExamples(intent: String, skill: String)
    case badExamples(skill: String, reason: String)
    case undeclaredExampleIntent(intent: String, skill: String)

    public var description: String {
        switch self {
        case .missingManifest(let skill):
            "\(skill) has no skill.yaml: put one in its folder and list it in the target's resources (`resources: [.copy(\"skill.yaml\")]`), then return `Bundle.module.skillManifestURL` from `manifestURL`."
        case .malformedManifest(let error): error.description
        case .duplicateSkill(let id): "Two skills have the id `\(id)`; skill ids must be unique."
        case .duplicateIntent(let intent, let skills):
            "The intent `\(intent)` is declared by both \(skills.joined(separator: " and ")); intent names must be unique."
        case .reservedIntent(let intent, let skill):
            "Skill \(skill) declares `\(intent)`: names starting with `system.` are reserved for Steward."
        case .noExamples(let intent, let skill):
            "Intent `\(intent)` of skill \(skill) has no examples; add lines to examples/<lang>/\(intent).txt in the skill's folder."
        case .badExamples(let skill, let reason): "Skill \(skill): \(reason)"
        case .undeclaredExampleIntent(let intent, let skill):
            "Skill \(skill) has example files for `\(intent)`, which its skill.yaml does not declare under `intents:`; add it there or rename the files."
        }
    }

    /// True when ``description`` already starts with the file and line.
    var isLocated: Bool {
        if case .malformedManifest = self { return true }
        return false
    }

    /// The file the error names, if any.
    var file: String? {
        if case .malformedManifest(let error) = self { return error.file }
        return nil
    }
}

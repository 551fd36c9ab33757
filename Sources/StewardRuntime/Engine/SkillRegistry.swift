import Foundation
import StewardCore
import Yams

/// The skills Steward runs, with their manifests and whether each is live.
public struct SkillRegistry: Sendable {
    /// A skill with its manifest.
    public struct Entry: Sendable {
        public var skill: any Skill
        public var manifest: SkillManifest
    }

    /// The skills in registration order.
    public let entries: [Entry]
    private let byID: [String: Int]
    private let byIntent: [String: Int]

    /// Loads every skill's `skill.yaml` and checks that ids and intents are unique.
    ///
    /// - Throws: ``SkillRegistryError`` naming the skill and what to fix.
    public init(skills: [any Skill]) throws {
        var entries: [Entry] = []
        var byID: [String: Int] = [:]
        var byIntent: [String: Int] = [:]
        for skill in skills {
            let manifest = try SkillRegistry.loadManifest(of: skill)
            if byID[manifest.id] != nil { throw SkillRegistryError.duplicateSkill(manifest.id) }
            for (name, intent) in manifest.intents {
                if let other = byIntent[name] {
                    throw SkillRegistryError.duplicateIntent(intent: name, skills: [entries[other].manifest.id, manifest.id])
                }
                if name.hasPrefix("system.") { throw SkillRegistryError.reservedIntent(intent: name, skill: manifest.id) }
                if intent.exampleCount == 0 { throw SkillRegistryError.noExamples(intent: name, skill: manifest.id) }
                byIntent[name] = entries.count
            }
            byID[manifest.id] = entries.count
            entries.append(Entry(skill: skill, manifest: manifest))
        }
        self.entries = entries
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

    static func loadManifest(of skill: any Skill) throws -> SkillManifest {
        let typeName = String(describing: type(of: skill))
        guard let url = skill.manifestURL else { throw SkillRegistryError.missingManifest(skill: typeName) }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw SkillRegistryError.missingManifest(skill: typeName)
        }
        var manifest = try parseManifest(text, source: url.path)
        let folder = url.deletingLastPathComponent().appendingPathComponent("examples")
        let files: [String: [String: [String]]]
        do { files = try ExampleFiles.read(folder: folder) } catch {
            throw SkillRegistryError.badExamples(skill: manifest.id, reason: error.description)
        }
        for (intent, byLanguage) in files {
            guard manifest.intents[intent] != nil else {
                throw SkillRegistryError.undeclaredExampleIntent(intent: intent, skill: manifest.id)
            }
            manifest.intents[intent]?.examplesByLanguage = byLanguage
        }
        return manifest
    }

    /// Parses a `skill.yaml`.
    public static func parseManifest(_ yaml: String, source: String) throws -> SkillManifest {
        do {
            return try YAMLDecoder().decode(SkillManifest.self, from: yaml)
        } catch let error as DecodingError {
            throw SkillRegistryError.malformedManifest(path: source, reason: DemoStoreError.describe(error))
        } catch {
            throw SkillRegistryError.malformedManifest(path: source, reason: "\(error)")
        }
    }
}

/// A problem with the registered skills.
public enum SkillRegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingManifest(skill: String)
    case malformedManifest(path: String, reason: String)
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
        case .malformedManifest(let path, let reason): "\(path) is not a valid skill manifest: \(reason)."
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
}

import Foundation
import StewardCore
import StewardRuntime
import StewardSkills

/// The checks every skill passes, for the shipped skills' conformance suite and for a new skill's own tests.
///
/// ```swift
/// @Test func storeHoursConforms() async throws {
///     let problems = await SkillConformance().problems(of: "store_hours")
///     #expect(problems.isEmpty, "\(problems.report)")
/// }
/// ```
///
/// The checks, each returning what is wrong as ``ConformanceProblem`` values (none: the skill passes):
/// - ``listProblems()``: every `Skills/<Name>/skill.yaml` belongs to a skill in the list (``ShippedSkills/all``)
///   and its folder is named in `Package.swift`'s `skills`.
/// - ``manifestProblems()``: every manifest loads; skill ids and intent names are unique across skills.
/// - ``exampleProblems(of:)``: every intent has English examples (`examples/en/<intent>.txt` or `examples:` in `skill.yaml`).
/// - ``requirementProblems(of:)``: the demo store has every tool and the knowledge base every topic the manifest declares.
/// - ``answerProblems(of:)``: the skill answers one English example of each intent without throwing, for a
///   signed-in demo customer, and the reply fits every channel the skill serves (``ChannelLimits``).
/// - ``conversationProblems(of:)``: the skill's folder has conversation scripts and they all pass.
public struct SkillConformance: Sendable {
    /// The skills checked together (ids and intents must be unique among them).
    public let skills: [any Skill]
    /// The repository root: `Skills/`, `demo/` and `knowledge/` are under it.
    public let baseDirectory: URL
    /// What a reply must fit in on each channel.
    public var limits = ChannelLimits()

    /// Each skill's manifest, read once.
    let manifests: [Loaded]
    /// The demo store and knowledge base the skills answer on, or why they could not be set up.
    let bench: Result<SkillHarness, SetupFailure>

    /// Checks for `skills` on the demo store and knowledge base under `baseDirectory`.
    public init(skills: [any Skill] = ShippedSkills.all, baseDirectory: URL = SkillHarness.repositoryRoot) {
        // A folder URL, so that paths relative to it resolve inside it.
        let base = URL(fileURLWithPath: baseDirectory.path, isDirectory: true)
        let manifests = Self.load(skills)
        self.skills = skills
        self.baseDirectory = base
        self.manifests = manifests
        // The bench registers only the skills whose manifests load, so one broken manifest hides no other check.
        let loadable = manifests.filter { $0.manifest != nil }.map(\.skill)
        self.bench = Result { try SkillHarness(skills: loadable, baseDirectory: base) }
            .mapError { SetupFailure(message: "\($0)") }
    }

    /// Why the demo store, knowledge base or engine could not be set up.
    struct SetupFailure: Error, Sendable {
        var message: String
    }

    /// Every check for the skill with id `skillID`, plus the list and manifest checks.
    public func problems(of skillID: String) async -> [ConformanceProblem] {
        var problems = listProblems() + manifestProblems()
        guard manifests.contains(where: { $0.manifest?.id == skillID }) else {
            return problems + [ConformanceProblem(
                skill: skillID, check: "list",
                message: "no skill in the list has the id `\(skillID)`; add it to ShippedSkills.all (Sources/StewardSkills/ShippedSkills.swift)")]
        }
        problems += exampleProblems(of: skillID) + requirementProblems(of: skillID)
        problems += await answerProblems(of: skillID)
        problems += await conversationProblems(of: skillID)
        return problems
    }

    // MARK: Manifests

    /// A skill with its manifest, or why the manifest could not be read.
    struct Loaded: Sendable {
        var skill: any Skill
        var name: String
        var manifest: SkillManifest?
        var error: String?
    }

    /// Each skill's manifest, loaded on its own so that one broken manifest does not hide the others.
    static func load(_ skills: [any Skill]) -> [Loaded] {
        skills.map { skill in
            let name = String(describing: type(of: skill))
            do {
                let manifest = try SkillRegistry(skills: [skill]).entries[0].manifest
                return Loaded(skill: skill, name: name, manifest: manifest)
            } catch {
                return Loaded(skill: skill, name: name, error: "\(error)")
            }
        }
    }

    /// The manifest of the skill with this id.
    func manifest(of skillID: String) -> SkillManifest? {
        manifests.lazy.compactMap(\.manifest).first { $0.id == skillID }
    }

    /// The skill with this id.
    func skill(_ skillID: String) -> (any Skill)? {
        manifests.first { $0.manifest?.id == skillID }?.skill
    }

    /// Every `Skills/<Name>/skill.yaml` in the repository, by the id it declares.
    var folders: [String: String] {
        let root = baseDirectory.appendingPathComponent("Skills")
        var found: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [] {
            let file = root.appendingPathComponent(name).appendingPathComponent("skill.yaml")
            guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
            found[Self.declaredID(in: text) ?? name] = name
        }
        return found
    }

    /// The top-level `id:` of a manifest's text, read without decoding the rest (which may be broken).
    static func declaredID(in yaml: String) -> String? {
        for line in yaml.split(whereSeparator: \.isNewline) where line.hasPrefix("id:") {
            let value = line.dropFirst(3).split(separator: "#", maxSplits: 1).first ?? ""
            let id = value.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\"'")))
            return id.isEmpty ? nil : id
        }
        return nil
    }

    /// Skill folders whose skill is missing from the list, or whose name is missing from `Package.swift`'s `skills`.
    public func listProblems() -> [ConformanceProblem] {
        let listed = Set(manifests.compactMap(\.manifest?.id))
        var problems = folders.filter { !listed.contains($0.key) }.sorted { $0.key < $1.key }.map { id, folder in
            ConformanceProblem(
                skill: id, check: "list",
                message: "Skills/\(folder)/skill.yaml has no skill in the list; add `\(folder)Skill()` (or your type) to ShippedSkills.all in Sources/StewardSkills/ShippedSkills.swift")
        }
        if let package = try? String(contentsOf: baseDirectory.appendingPathComponent("Package.swift"), encoding: .utf8) {
            for (id, folder) in folders.sorted(by: { $0.key < $1.key }) where !package.contains("\"\(folder)\"") {
                problems.append(ConformanceProblem(
                    skill: id, check: "list", message: "Skills/\(folder) is not in `skills` in Package.swift; add \"\(folder)\" there"))
            }
        }
        return problems
    }

    /// Manifests that do not load, and ids or intent names used twice.
    public func manifestProblems() -> [ConformanceProblem] {
        var problems: [ConformanceProblem] = []
        var ids: Set<String> = []
        var intentOwner: [String: String] = [:]
        for loaded in manifests {
            guard let manifest = loaded.manifest else {
                problems.append(ConformanceProblem(skill: loaded.name, check: "manifest", message: loaded.error ?? "cannot be read"))
                continue
            }
            if !ids.insert(manifest.id).inserted {
                problems.append(ConformanceProblem(skill: manifest.id, check: "manifest", message: "two skills have the id `\(manifest.id)`"))
            }
            for intent in manifest.intents.keys.sorted() {
                if let owner = intentOwner[intent] {
                    problems.append(ConformanceProblem(
                        skill: manifest.id, check: "manifest", message: "the intent `\(intent)` is declared by \(owner) too"))
                }
                intentOwner[intent] = manifest.id
            }
        }
        return problems
    }

    /// Intents without an English example.
    public func exampleProblems(of skillID: String) -> [ConformanceProblem] {
        guard let manifest = manifest(of: skillID) else { return [] }
        return manifest.intents.keys.sorted().compactMap { name in
            Self.englishExample(of: manifest.intents[name]!) == nil
                ? ConformanceProblem(skill: skillID, check: "examples", message: "the intent `\(name)` has no English examples; add lines to examples/en/\(name).txt")
                : nil
        }
    }

    /// The first English example of an intent: from `examples/en/`, else the manifest's own `examples:`.
    static func englishExample(of intent: SkillManifest.Intent) -> String? {
        intent.examplesByLanguage["en"]?.first ?? intent.examples.first
    }
}

import Foundation
import StewardCore
import StewardYAML

extension SkillManifest {
    /// The keys a `skill.yaml` may have at its top level.
    public static let keys = [
        "id", "name", "summary", "suggestion", "requires_identity", "channels", "tools", "knowledge", "availability",
        "intents",
    ]
    /// The keys an intent under `intents:` may have.
    public static let intentKeys = ["keywords", "examples"]

    /// Parses a `skill.yaml`; `file` (the author's path) names it in errors.
    ///
    /// - Throws: ``YAMLError`` naming the file and line: an unknown key at any level (with the
    ///   allowed ones and the closest), a key given twice, `id`, `name` or `intents` missing, a
    ///   channel, tool or availability not among the allowed values (listed), or bad YAML syntax.
    public static func parse(yaml: String, file: String) throws -> SkillManifest {
        guard let root = try YAMLNode.parse(yaml, file: file, refusingCutText: true) else {
            throw YAMLError.missingKey(file: file, line: 1, column: 1, key: "id")
        }
        return try parse(root)
    }

    /// Parses a `skill.yaml` read by the strict reader.
    ///
    /// - Throws: ``YAMLError`` as ``parse(yaml:file:)``.
    public static func parse(_ root: YAMLNode) throws -> SkillManifest {
        let top = try root.mapping(allowed: keys)
        var manifest = SkillManifest(
            id: try top.required("id").text(), name: try top.required("name").text(), summary: "", intents: [:])
        if let v = top["summary"], !v.isNull { manifest.summary = try v.text() }
        if let v = top["suggestion"], !v.isNull { manifest.suggestion = try v.text() }
        if let v = top["requires_identity"] { manifest.requiresIdentity = try v.bool() }
        if let v = top["channels"] {
            manifest.channels = try v.choices(Channel.allCases.map(\.rawValue)).compactMap(Channel.init(rawValue:))
        }
        if let v = top["tools"] {
            manifest.tools = try v.choices(ToolKind.allCases.map(\.rawValue)).compactMap(ToolKind.init(rawValue:))
        }
        if let v = top["knowledge"] { manifest.knowledge = try v.textList() }
        if let v = top["availability"] {
            manifest.availability = Availability(rawValue: try v.choice(Availability.allCases.map(\.rawValue)))!
        }
        let intents = try top.required("intents")
        for entry in try intents.mapping(allowed: nil).entries {
            manifest.intents[entry.name] = try parseIntent(entry.value)
        }
        return manifest
    }

    static func parseIntent(_ node: YAMLNode) throws -> Intent {
        guard !node.isNull else { return Intent() }
        let values = try node.mapping(allowed: intentKeys)
        return Intent(keywords: try values["keywords"]?.textList() ?? [], examples: try values["examples"]?.textList() ?? [])
    }
}

import Yams

/// Lays one YAML mapping over another, key by key, as text (settings over a base file).
public enum YAMLMerge {
    /// `override` over `base`: mappings merge key by key, anything else is replaced; `dropping` are
    /// top-level keys of `base` left out. Nil when both are absent or empty.
    ///
    /// - Throws: ``YAMLError`` when either text is not valid YAML or not a mapping.
    public static func merge(
        base: (text: String, file: String)?, override: (text: String, file: String)?, dropping: [String] = []
    ) throws -> String? {
        var merged: [String: Any] = [:]
        if let base, let node = try YAMLNode.parse(base.text, file: base.file) {
            _ = try node.mapping(allowed: nil)
            guard let map = node.any as? [String: Any] else { throw node.invalid("a mapping of keys to values") }
            merged = map
            for key in dropping { merged[key] = nil }
        }
        if let override, let node = try YAMLNode.parse(override.text, file: override.file) {
            _ = try node.mapping(allowed: nil)
            guard let map = node.any as? [String: Any] else { throw node.invalid("a mapping of keys to values") }
            merged = merge(merged, with: map)
        }
        guard !merged.isEmpty else { return nil }
        return try Yams.dump(object: merged, allowUnicode: true)
    }

    static func merge(_ base: [String: Any], with override: [String: Any]) -> [String: Any] {
        var result = base
        for (key, value) in override {
            if let inner = value as? [String: Any], let existing = result[key] as? [String: Any] {
                result[key] = merge(existing, with: inner)
            } else {
                result[key] = value
            }
        }
        return result
    }
}

extension YAMLNode {
    /// The node written back as YAML text.
    public func serialized() throws -> String {
        try Yams.serialize(node: node, allowUnicode: true)
    }
}

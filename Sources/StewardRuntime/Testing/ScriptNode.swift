import Foundation
import Yams

/// A YAML node of a conversation script with its key path and line, for error messages.
struct ScriptNode {
    let node: Node
    /// The key path, e.g. `turns[2].expect.cards[0]`.
    let path: String
    let file: String
    /// The file's lines, to catch a `#` that YAML took for a comment.
    let source: [Substring]

    var line: Int? { node.mark?.line }

    func path(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    func invalid(_ expected: String) -> ConversationScriptError {
        .invalidValue(file: file, line: line, key: path.isEmpty ? "(top level)" : path, expected: expected)
    }

    /// The mapping's values by key, refusing keys not in `allowed` and keys given twice.
    func mapping(allowed: [String]) throws -> [String: ScriptNode] {
        guard let mapping = node.mapping else { throw invalid("a mapping of keys to values") }
        var values: [String: ScriptNode] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { throw invalid("keys that are plain words") }
            guard allowed.contains(name) else {
                throw ConversationScriptError.unknownKey(file: file, line: key.mark?.line, key: path(name), allowed: allowed)
            }
            guard values[name] == nil else {
                throw ConversationScriptError.invalidValue(
                    file: file, line: key.mark?.line, key: path(name), expected: "the key only once")
            }
            values[name] = ScriptNode(node: value, path: path(name), file: file, source: source)
        }
        return values
    }

    /// The items of a sequence, with their index in the path.
    func sequence() throws -> [ScriptNode] {
        guard let sequence = node.sequence else { throw invalid("a list") }
        return sequence.enumerated().map { ScriptNode(node: $1, path: "\(path)[\($0)]", file: file, source: source) }
    }

    var isNull: Bool { node.scalar != nil && has(.null) }

    /// True when the node's resolved tag is `name` (e.g. `.bool` for `true`, not `"true"`).
    func has(_ name: Tag.Name) -> Bool { node.tag.description == name.rawValue }

    /// A non-empty text.
    func string() throws -> String {
        guard let scalar = node.scalar, !isNull, !scalar.string.isEmpty else { throw invalid("a non-empty text") }
        try checkNoHiddenText(scalar)
        return scalar.string
    }

    /// Unquoted, `where is my order #1001` is read as `where is my order` and a comment: refuse it.
    private func checkNoHiddenText(_ scalar: Node.Scalar) throws {
        guard scalar.style == .plain, let mark = scalar.mark, mark.line >= 1, mark.line <= source.count else { return }
        let line = source[mark.line - 1]
        let start = line.index(line.startIndex, offsetBy: min(line.count, mark.column - 1 + scalar.string.count))
        // The text ended where a comment starts: `#` right after spaces, then more text (`#1001`).
        let rest = line[start...]
        let comment = rest.drop { $0 == " " || $0 == "\t" }
        guard comment.count < rest.count, comment.first == "#", let next = comment.dropFirst().first, !next.isWhitespace
        else { return }
        throw invalid("quotes around the text: an unquoted ` #` starts a YAML comment, so only \"\(scalar.string)\" was read")
    }

    /// One text or a list of texts.
    func strings() throws -> [String] {
        if node.scalar != nil { return [try string()] }
        guard node.sequence != nil else { throw invalid("a text or a list of texts") }
        return try sequence().map { try $0.string() }
    }

    /// A whole number from 0.
    func count() throws -> Int {
        guard node.scalar != nil, let value = node.int, value >= 0 else { throw invalid("a whole number from 0") }
        return value
    }

    func bool() throws -> Bool {
        guard node.scalar != nil, has(.bool), let value = node.bool else { throw invalid("true or false") }
        return value
    }

    /// One of `values`.
    func choice(_ values: [String]) throws -> String {
        let value = try string()
        guard values.contains(value) else { throw invalid("one of \(values.joined(separator: ", "))") }
        return value
    }

    /// A mapping of texts to texts, e.g. card fields by label.
    func stringMap() throws -> [String: String] {
        guard let mapping = node.mapping else { throw invalid("a mapping of names to texts") }
        var values: [String: String] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { throw invalid("names that are plain text") }
            values[name] = try ScriptNode(node: value, path: path(name), file: file, source: source).string()
        }
        return values
    }

    /// The node as JSON-compatible values: dates become ISO 8601 text.
    func json() -> Any {
        Self.jsonValue(node.any)
    }

    private static func jsonValue(_ value: Any) -> Any {
        switch value {
        case let date as Date: return date.formatted(Date.ISO8601FormatStyle())
        case let list as [Any]: return list.map(jsonValue)
        case let map as [String: Any]: return map.mapValues(jsonValue)
        case let map as [AnyHashable: Any]:
            return Dictionary(map.map { ("\($0.key)", jsonValue($0.value)) }, uniquingKeysWith: { a, _ in a })
        default: return value
        }
    }
}

import Foundation
import Yams

/// A node of a YAML document with the file, key path and place it came from: Steward's one strict
/// YAML reader, used for `steward.yaml`, the skills' `skill.yaml`, conversation scripts and
/// Steward's texts.
///
/// Strict means: a mapping is read with the keys allowed at that place, and a key that is not
/// allowed, or given twice, is an error naming the file, the line and the allowed keys
/// (``YAMLError``); a value of the wrong type says what was expected. Scalars keep YAML's own
/// typing (YAML 1.1 core schema as Yams resolves it: `true`, `12`, `1.5`, `null`).
public struct YAMLNode {
    /// The Yams node.
    public let node: Node
    /// The key path, e.g. `turns[2].expect.cards[0]`; empty for the document.
    public let path: String
    /// The file as the author knows it, for messages.
    public let file: String
    /// The document's lines, to catch a `#` that YAML took for a comment.
    let source: Source
    /// Whether ``text()`` refuses a plain scalar that a ` #` cut short (see ``text()``).
    public let refusesCutText: Bool

    /// The document's text split into lines, shared by every node of it.
    final class Source: @unchecked Sendable {
        let lines: [Substring]
        init(_ text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false) }
    }

    /// The node's line, from 1.
    public var line: Int? { node.mark?.line }
    /// The node's column, from 1.
    public var column: Int? { node.mark?.column }

    // MARK: Reading a document

    /// Parses YAML text; nil for an empty document (only comments or nothing).
    ///
    /// - Parameters:
    ///   - file: The file as the author knows it, named in every error.
    ///   - refusingCutText: Refuse plain texts that an unquoted ` #` cut short (scripts and manifests,
    ///     where `#1001` is an order number, not a comment).
    /// - Throws: ``YAMLError/syntax(file:line:column:problem:)`` with libyaml's line and column.
    public static func parse(_ text: String, file: String, refusingCutText: Bool = false) throws -> YAMLNode? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw YAMLError.syntax(file: file, line: nil, column: nil, problem: "\(error)")
        }
        guard let root else { return nil }
        return YAMLNode(node: root, path: "", file: file, source: Source(text), refusesCutText: refusingCutText)
    }

    /// Reads and parses a file; `displayPath` (default: the URL's relative path) names it in errors.
    ///
    /// - Throws: ``YAMLError/unreadable(file:reason:)`` or the errors of ``parse(_:file:refusingCutText:)``.
    public static func load(
        contentsOf url: URL, displayPath: String? = nil, refusingCutText: Bool = false
    ) throws -> YAMLNode? {
        let file = displayPath ?? url.relativePath
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "it is not UTF-8 text" : "no such file"
            throw YAMLError.unreadable(file: file, reason: reason)
        }
        return try parse(text, file: file, refusingCutText: refusingCutText)
    }

    static func syntaxError(_ error: YamlError, file: String) -> YAMLError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let text = context.map { "\(problem) \($0.text)" } ?? problem
            return .syntax(file: file, line: mark.line, column: mark.column, problem: text)
        case .reader(let problem, let offset, _, _):
            return .syntax(file: file, line: nil, column: nil, problem: "\(problem)\(offset.map { " at byte \($0)" } ?? "")")
        default:
            return .syntax(file: file, line: nil, column: nil, problem: "\(error)")
        }
    }

    // MARK: Errors at this node

    /// The path of a key under this node.
    public func path(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    /// The key path for messages: `(top level)` for the document.
    public var displayPath: String { path.isEmpty ? "(top level)" : path }

    /// An error saying this node's value is not what was expected.
    public func invalid(_ expected: String) -> YAMLError {
        .invalidValue(file: file, line: line, column: column, key: displayPath, expected: expected)
    }

    /// An error saying a required key is missing from this mapping.
    public func missing(_ name: String) -> YAMLError {
        .missingKey(file: file, line: line, column: column, key: path(name))
    }

    func child(_ node: Node, path: String) -> YAMLNode {
        YAMLNode(node: node, path: path, file: file, source: source, refusesCutText: refusesCutText)
    }

    // MARK: Collections

    /// The mapping's values by key, refusing keys not in `allowed` (nil: any key) and keys given twice.
    ///
    /// - Throws: ``YAMLError/unknownKey(file:line:column:key:allowed:)``,
    ///   ``YAMLError/duplicateKey(file:line:column:key:)``, or ``YAMLError/invalidValue(file:line:column:key:expected:)``
    ///   when the node is not a mapping.
    public func mapping(allowed: [String]?) throws -> YAMLMapping {
        guard let mapping = node.mapping else { throw invalid("a mapping of keys to values") }
        var entries: [YAMLMapping.Entry] = []
        var seen: Set<String> = []
        for (key, value) in mapping {
            guard let name = key.scalar?.string else { throw invalid("keys that are plain words") }
            if let allowed, !allowed.contains(name) {
                throw YAMLError.unknownKey(
                    file: file, line: key.mark?.line, column: key.mark?.column, key: path(name), allowed: allowed)
            }
            guard seen.insert(name).inserted else {
                throw YAMLError.duplicateKey(file: file, line: key.mark?.line, column: key.mark?.column, key: path(name))
            }
            entries.append(.init(
                name: name, line: key.mark?.line, column: key.mark?.column, value: child(value, path: path(name))))
        }
        return YAMLMapping(node: self, entries: entries)
    }

    /// The items of a sequence, with their index in the path.
    public func sequence() throws -> [YAMLNode] {
        guard let sequence = node.sequence else { throw invalid("a list") }
        return sequence.enumerated().map { child($1, path: "\(path)[\($0)]") }
    }

    // MARK: Scalars

    /// True for a null scalar (`~`, `null`, or nothing after the key).
    public var isNull: Bool { node.scalar != nil && has(.null) }

    /// True when the node's resolved tag is `name` (e.g. `.bool` for `true`, not `"true"`).
    public func has(_ name: Tag.Name) -> Bool { node.tag.description == name.rawValue }

    /// A non-empty text as written, whatever YAML type it resolves to (`say: 1001` is the text "1001").
    ///
    /// With ``refusesCutText``, a plain scalar followed by ` #` and more text is refused: unquoted,
    /// `where is my order #1001` is read as `where is my order` and a comment.
    public func text() throws -> String {
        guard let scalar = node.scalar, !isNull, !scalar.string.isEmpty else { throw invalid("a non-empty text") }
        if refusesCutText { try checkNotCut(scalar) }
        return scalar.string
    }

    private func checkNotCut(_ scalar: Node.Scalar) throws {
        let lines = source.lines
        guard scalar.style == .plain, let mark = scalar.mark, mark.line >= 1, mark.line <= lines.count else { return }
        let line = lines[mark.line - 1]
        let start = line.index(line.startIndex, offsetBy: min(line.count, mark.column - 1 + scalar.string.count))
        let rest = line[start...]
        let comment = rest.drop { $0 == " " || $0 == "\t" }
        guard comment.count < rest.count, comment.first == "#", let next = comment.dropFirst().first, !next.isWhitespace
        else { return }
        throw invalid("quotes around the text: an unquoted ` #` starts a YAML comment, so only \"\(scalar.string)\" was read")
    }

    /// One text or a list of texts.
    public func texts() throws -> [String] {
        if node.scalar != nil { return [try text()] }
        guard node.sequence != nil else { throw invalid("a text or a list of texts") }
        return try sequence().map { try $0.text() }
    }

    /// A list of texts (`[a, b]`); an empty list or null is empty.
    public func textList() throws -> [String] {
        if isNull { return [] }
        guard node.sequence != nil else { throw invalid("a list of texts") }
        return try sequence().map { try $0.text() }
    }

    /// A whole number from 0.
    public func count() throws -> Int {
        guard node.scalar != nil, let value = node.int, value >= 0 else { throw invalid("a whole number from 0") }
        return value
    }

    /// `true` or `false` (YAML 1.1 also reads `yes`/`no`/`on`/`off` as these).
    public func bool() throws -> Bool {
        guard node.scalar != nil, has(.bool), let value = node.bool else { throw invalid("true or false") }
        return value
    }

    /// One of `values`; the error lists them.
    public func choice(_ values: [String]) throws -> String {
        let value: String
        do { value = try text() } catch { throw invalid("one of \(values.joined(separator: ", "))") }
        guard values.contains(value) else { throw invalid("one of \(values.joined(separator: ", "))") }
        return value
    }

    /// A list whose items are each one of `values`; the error lists them.
    public func choices(_ values: [String]) throws -> [String] {
        if isNull { return [] }
        guard node.sequence != nil else { throw invalid("a list of \(values.joined(separator: ", "))") }
        return try sequence().map { try $0.choice(values) }
    }

    /// A mapping of texts to texts (e.g. card fields by label); keys given twice are refused.
    public func textMap() throws -> [String: String] {
        guard node.mapping != nil else { throw invalid("a mapping of names to texts") }
        var values: [String: String] = [:]
        for entry in try mapping(allowed: nil).entries { values[entry.name] = try entry.value.text() }
        return values
    }

    /// A date and time: an ISO 8601 timestamp such as `2026-03-07T10:00:00Z` (UTC when no offset is given).
    public func date() throws -> Date {
        let expected = "a date and time such as 2026-03-07T10:00:00Z (ISO 8601)"
        guard node.scalar != nil, !isNull else { throw invalid(expected) }
        if let date = node.timestamp { return date }
        guard let date = try? Date(node.scalar!.string, strategy: .iso8601) else { throw invalid(expected) }
        return date
    }

    /// The node as plain values as Yams loads them (`String`, `Int`, `Double`, `Bool`, `Date`, lists, mappings).
    public var any: Any { node.any }
}

/// A mapping read by ``YAMLNode/mapping(allowed:)``: its entries in document order.
public struct YAMLMapping {
    /// One key and its value.
    public struct Entry {
        public var name: String
        /// The key's line and column.
        public var line: Int?
        public var column: Int?
        public var value: YAMLNode
    }

    /// The mapping itself.
    public let node: YAMLNode
    /// The keys and values, in the order written.
    public let entries: [Entry]

    /// The value of a key, if given.
    public subscript(name: String) -> YAMLNode? { entries.first { $0.name == name }?.value }

    /// The keys, in the order written.
    public var keys: [String] { entries.map(\.name) }

    /// The value of a key that must be given.
    ///
    /// - Throws: ``YAMLError/missingKey(file:line:column:key:)`` at the mapping's line.
    public func required(_ name: String) throws -> YAMLNode {
        guard let value = self[name] else { throw node.missing(name) }
        return value
    }
}

extension YAMLNode {
    /// The line and column of the key at `keyPath` (dot-separated, list items by index, e.g.
    /// `handoff.business_hours.mon` or `fulfillments[0].carrier`) under this node; when part of the
    /// path is not there, the place of the deepest part that is.
    public func place(of keyPath: String) -> (line: Int?, column: Int?) {
        var current = node
        var place: (line: Int?, column: Int?) = (line, column)
        walk: for part in keyPath.split(separator: ".") {
            let name = part.prefix { $0 != "[" }
            if !name.isEmpty {
                guard let mapping = current.mapping,
                    let pair = mapping.first(where: { $0.key.scalar?.string == String(name) })
                else { break walk }
                place = (pair.key.mark?.line, pair.key.mark?.column)
                current = pair.value
            }
            for index in part.dropFirst(name.count).split(separator: "[").compactMap({ Int($0.dropLast()) }) {
                guard let items = current.sequence, index < items.count else { break walk }
                current = items[index]
                place = (current.mark?.line, current.mark?.column)
            }
        }
        return place
    }
}

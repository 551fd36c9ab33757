/// A problem in a YAML document Steward reads (`steward.yaml`, a `skill.yaml`, a conversation
/// script, a texts file), said so that the author knows where and what to fix.
///
/// Every case names the file as the author knows it (the path they edited, not a build copy) and,
/// when the document has one, the line and column (both from 1). ``description`` starts with
/// `FILE:LINE:` so editors and terminals can jump to the place.
public enum YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read (missing, or not UTF-8 text).
    case unreadable(file: String, reason: String)
    /// The text is not valid YAML: libyaml's problem at the line and column where it stopped.
    case syntax(file: String, line: Int?, column: Int?, problem: String)
    /// A key the document kind does not know (often a typo); `allowed` are the keys allowed there.
    case unknownKey(file: String, line: Int?, column: Int?, key: String, allowed: [String])
    /// A key given twice in one mapping (YAML would silently keep one of them).
    case duplicateKey(file: String, line: Int?, column: Int?, key: String)
    /// A required key is missing from the mapping at this place.
    case missingKey(file: String, line: Int?, column: Int?, key: String)
    /// A value of the wrong type or out of range; `expected` says what is allowed (listing the allowed values).
    case invalidValue(file: String, line: Int?, column: Int?, key: String, expected: String)

    /// The file the error is in.
    public var file: String {
        switch self {
        case .unreadable(let file, _), .syntax(let file, _, _, _), .unknownKey(let file, _, _, _, _),
            .duplicateKey(let file, _, _, _), .missingKey(let file, _, _, _), .invalidValue(let file, _, _, _, _):
            file
        }
    }

    /// The line (from 1), when known.
    public var line: Int? {
        switch self {
        case .unreadable: nil
        case .syntax(_, let line, _, _), .unknownKey(_, let line, _, _, _), .duplicateKey(_, let line, _, _),
            .missingKey(_, let line, _, _), .invalidValue(_, let line, _, _, _):
            line
        }
    }

    /// The column (from 1, in Unicode scalars), when known.
    public var column: Int? {
        switch self {
        case .unreadable: nil
        case .syntax(_, _, let column, _), .unknownKey(_, _, let column, _, _), .duplicateKey(_, _, let column, _),
            .missingKey(_, _, let column, _), .invalidValue(_, _, let column, _, _):
            column
        }
    }

    /// What is wrong, without the place.
    public var problem: String {
        switch self {
        case .unreadable(_, let reason): "cannot be read: \(reason)."
        case .syntax(_, _, let column, let problem):
            "not valid YAML\(column.map { " (column \($0))" } ?? ""): \(problem)"
        case .unknownKey(_, _, _, let key, let allowed): Self.unknownKeyText(key: key, allowed: allowed)
        case .duplicateKey(_, _, _, let key): "the key `\(key)` is given twice; give it once."
        case .missingKey(_, _, _, let key): "`\(key)` is required; add it."
        case .invalidValue(_, _, _, let key, let expected): "invalid value for `\(key)`: expected \(expected)."
        }
    }

    public var description: String { "\(Self.place(file, line)): \(problem)" }

    /// `FILE:LINE`, or `FILE` when the line is not known.
    public static func place(_ file: String, _ line: Int?) -> String {
        line.map { "\(file):\($0)" } ?? file
    }

    /// "unknown key `KEY`. Allowed here: A, B. Did you mean `B`?" (the suggestion only when one is close).
    public static func unknownKeyText(key: String, allowed: [String]) -> String {
        let name = key.split(separator: ".").last.map(String.init) ?? key
        var text = "unknown key `\(key)`. Allowed here: \(allowed.joined(separator: ", "))."
        if let close = KeySuggestion.closest(to: name, among: allowed) { text += " Did you mean `\(close)`?" }
        return text
    }
}

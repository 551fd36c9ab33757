import StewardYAML

/// A conversation script that cannot be run, said so that the author knows what to fix.
public enum ConversationScriptError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// The file is not valid YAML.
    case invalidYAML(file: String, reason: String)
    /// A key the format does not know (often a typo).
    case unknownKey(file: String, line: Int?, key: String, allowed: [String])
    /// A required key is missing.
    case missingKey(file: String, line: Int?, key: String)
    /// A value of the wrong type or out of range.
    case invalidValue(file: String, line: Int?, key: String, expected: String)
    /// The `config` section is not valid Steward configuration.
    case invalidConfiguration(file: String, line: Int?, reason: String)
    /// The records under `tools` could not be used as demo data.
    case invalidRecords(file: String, key: String, reason: String)
    /// A path given to run does not exist.
    case pathNotFound(String)
    /// No script was found where they were looked for.
    case noScripts(searched: [String])

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): "Cannot read the conversation script \(file): \(reason)."
        case .invalidYAML(let file, let reason): "\(file) is not valid YAML: \(reason)"
        case .unknownKey(let file, let line, let key, let allowed):
            "\(Self.place(file, line)): \(YAMLError.unknownKeyText(key: key, allowed: allowed))"
        case .missingKey(let file, let line, let key):
            "\(Self.place(file, line)): `\(key)` is required; add it."
        case .invalidValue(let file, let line, let key, let expected):
            "\(Self.place(file, line)): invalid value for `\(key)`: expected \(expected)."
        case .invalidConfiguration(let file, let line, let reason):
            "\(Self.place(file, line)): the `config` section is not valid: \(reason)"
        case .invalidRecords(let file, let key, let reason):
            "\(file): the records under `\(key)` cannot be used as demo data: \(reason)."
        case .pathNotFound(let path): "No such file or folder: \(path)."
        case .noScripts(let searched):
            "No conversation scripts (*.yaml) found in \(searched.joined(separator: ", ")); write one (see docs/ConversationTests.md) or pass the path of one."
        }
    }

    private static func place(_ file: String, _ line: Int?) -> String {
        line.map { "\(file):\($0)" } ?? file
    }

    /// The strict reader's error in the script's terms.
    init(_ error: YAMLError) {
        switch error {
        case .unreadable(let file, let reason): self = .unreadable(file: file, reason: reason)
        case .syntax(let file, let line, let column, let problem):
            let place = [line.map { "line \($0)" }, column.map { "column \($0)" }].compactMap { $0 }.joined(separator: ", ")
            self = .invalidYAML(file: file, reason: place.isEmpty ? problem : "\(place): \(problem)")
        case .unknownKey(let file, let line, _, let key, let allowed):
            self = .unknownKey(file: file, line: line, key: key, allowed: allowed)
        case .duplicateKey(let file, let line, _, let key):
            self = .invalidValue(file: file, line: line, key: key, expected: "the key only once")
        case .missingKey(let file, let line, _, let key): self = .missingKey(file: file, line: line, key: key)
        case .invalidValue(let file, let line, _, let key, let expected):
            self = .invalidValue(file: file, line: line, key: key, expected: expected)
        }
    }
}

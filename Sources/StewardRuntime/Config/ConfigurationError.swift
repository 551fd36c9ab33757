import StewardYAML

/// A problem with `steward.yaml`, said so that the user knows what to fix.
///
/// Errors found while reading a file come wrapped in ``located(file:line:column:problem:)``:
/// `steward.yaml:7: unknown key `handoff.mesage`. Allowed here: method, helpdesk, message, … Did you mean `message`?`
public enum ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file is not valid YAML; the reason starts with the line and column.
    case invalidYAML(path: String, reason: String)
    /// A key that Steward does not know.
    case unknownKey(key: String, allowed: [String])
    /// A key given twice in one mapping.
    case duplicateKey(key: String)
    /// A value of the wrong type or out of range.
    case invalidValue(key: String, expected: String)
    /// `problem` at a line (from 1) and column of a file.
    indirect case located(file: String, line: Int?, column: Int?, problem: ConfigurationError)

    /// The error without its place.
    public var problem: ConfigurationError {
        if case .located(_, _, _, let problem) = self { return problem.problem }
        return self
    }

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "Cannot read the configuration file \(path): \(reason)."
        case .invalidYAML(let path, let reason):
            "The configuration file \(path) is not valid YAML: \(reason)"
        case .unknownKey(let key, let allowed):
            YAMLError.unknownKeyText(key: key, allowed: allowed)
        case .duplicateKey(let key):
            "the key `\(key)` is given twice; give it once."
        case .invalidValue(let key, let expected):
            "Invalid value for `\(key)`: expected \(expected)."
        case .located(let file, let line, _, let problem):
            "\(YAMLError.place(file, line)): \(problem.description)"
        }
    }

    /// The strict reader's error as a configuration error.
    init(_ error: YAMLError) {
        switch error {
        case .unreadable(let file, let reason): self = .unreadable(path: file, reason: reason)
        case .syntax(let file, let line, let column, let problem):
            let place = [line.map { "line \($0)" }, column.map { "column \($0)" }].compactMap { $0 }.joined(separator: ", ")
            self = .invalidYAML(path: file, reason: place.isEmpty ? problem : "\(place): \(problem)")
        case .unknownKey(let file, let line, let column, let key, let allowed):
            self = .located(file: file, line: line, column: column, problem: .unknownKey(key: key, allowed: allowed))
        case .duplicateKey(let file, let line, let column, let key):
            self = .located(file: file, line: line, column: column, problem: .duplicateKey(key: key))
        case .missingKey(let file, let line, let column, let key):
            self = .located(file: file, line: line, column: column, problem: .invalidValue(key: key, expected: "a value (it is required)"))
        case .invalidValue(let file, let line, let column, let key, let expected):
            self = .located(file: file, line: line, column: column, problem: .invalidValue(key: key, expected: expected))
        }
    }

    /// This error at the line of its key in `document` (the configuration's top node).
    func located(in document: YAMLNode) -> ConfigurationError {
        let key: String
        switch self {
        case .located, .unreadable, .invalidYAML: return self
        case .unknownKey(let k, _), .duplicateKey(let k), .invalidValue(let k, _): key = k
        }
        let place = key == "(top level)" ? (document.line, document.column) : document.place(of: Self.relative(key, document))
        return .located(file: document.file, line: place.0, column: place.1, problem: self)
    }

    /// A configuration key path relative to `document` (a script's `config` section reports `config.x`).
    private static func relative(_ key: String, _ document: YAMLNode) -> String {
        document.path.isEmpty || !key.hasPrefix(document.path + ".") ? key : String(key.dropFirst(document.path.count + 1))
    }
}

/// A problem with `steward.yaml`, said so that the user knows what to fix.
public enum ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file is not valid YAML.
    case invalidYAML(path: String, reason: String)
    /// A key that Steward does not know.
    case unknownKey(key: String, allowed: [String])
    /// A value of the wrong type or out of range.
    case invalidValue(key: String, expected: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "Cannot read the configuration file \(path): \(reason)."
        case .invalidYAML(let path, let reason):
            "The configuration file \(path) is not valid YAML: \(reason)"
        case .unknownKey(let key, let allowed):
            "Unknown configuration key `\(key)`. Allowed here: \(allowed.joined(separator: ", "))."
        case .invalidValue(let key, let expected):
            "Invalid value for `\(key)`: expected \(expected)."
        }
    }
}

import Foundation

/// A credential read from the environment: it prints as `<redacted>` and hides from `dump`.
struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The raw value, used only to build request headers.
    let value: String

    init(_ value: String) {
        self.value = value
    }

    var description: String { "<redacted>" }
    var debugDescription: String { "<redacted>" }
    var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// Reads the secret named by `variable`, trimming whitespace.
    ///
    /// - Throws: ``IntegrationError/missingSecret(integration:secret:variable:setting:)`` when it is unset or blank.
    static func fromEnvironment(
        _ variable: String, environment: [String: String], integration: String, secret: String, setting: String
    ) throws(IntegrationError) -> Secret {
        let value = environment[variable]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !value.isEmpty else {
            throw .missingSecret(integration: integration, secret: secret, variable: variable, setting: setting)
        }
        return Secret(value)
    }

    /// Checks a secret given directly to an initialiser.
    static func given(
        _ value: String, integration: String, secret: String, variable: String, setting: String
    ) throws(IntegrationError) -> Secret {
        try fromEnvironment(variable, environment: [variable: value], integration: integration, secret: secret, setting: setting)
    }
}

/// A misconfigured integration: a missing secret or a setting in the wrong form.
///
/// The description is a sentence saying what to fix. It names environment variables and
/// settings, never their secret values.
public enum IntegrationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The secret the integration needs is not in the environment (or is empty).
    ///
    /// - Parameters:
    ///   - integration: The service, e.g. `Shopify`.
    ///   - secret: What the secret is, e.g. `an Admin API access token`.
    ///   - variable: The environment variable that should hold it, e.g. `SHOPIFY_ACCESS_TOKEN`.
    ///   - setting: The setting that names the variable, e.g. `integrations.shopify.token_env`.
    case missingSecret(integration: String, secret: String, variable: String, setting: String)
    /// A setting has a value the integration cannot use.
    ///
    /// - Parameters:
    ///   - setting: The setting, e.g. `integrations.shopify.shop`.
    ///   - expected: What it must look like, e.g. `my-shop or my-shop.myshopify.com`.
    case invalidSetting(setting: String, expected: String)

    /// A sentence saying what to fix.
    public var description: String {
        switch self {
        case .missingSecret(let integration, let secret, let variable, let setting):
            "\(integration) needs \(secret): set \(variable) (the variable named by \(setting))."
        case .invalidSetting(let setting, let expected):
            "\(setting) must look like \(expected)"
        }
    }
}

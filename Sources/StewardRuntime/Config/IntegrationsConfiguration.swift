/// The shop's real systems Steward talks to instead of the demo store.
///
/// Each integration is a small map of settings; secrets are never here, only the names of the
/// environment variables that hold them (`token_env`, `api_key_env`).
public struct IntegrationsConfiguration: Sendable, Hashable {
    /// Settings by integration name (`shopify`, `klaviyo`, `zendesk`, `gorgias`, `loop`, `recharge`, `smile`).
    public var settings: [String: [String: String]] = [:]

    public init(settings: [String: [String: String]] = [:]) {
        self.settings = settings
    }

    /// The keys each integration accepts.
    public static let allowedKeys: [String: [String]] = [
        "shopify": ["shop", "api_version", "token_env", "base_url"],
        "klaviyo": ["revision", "api_key_env", "base_url"],
        "zendesk": ["subdomain", "email", "token_env", "base_url"],
        "gorgias": ["domain", "username", "api_key_env", "base_url"],
        "loop": ["api_key_env", "base_url", "portal_url"],
        "recharge": ["token_env", "base_url", "portal_url"],
        "smile": ["api_key_env", "base_url"],
    ]

    /// True when an integration is configured.
    public func has(_ name: String) -> Bool { settings[name] != nil }

    static func parse(_ node: ConfigNode) throws -> IntegrationsConfiguration {
        try node.allow(allowedKeys.keys.sorted())
        var result = IntegrationsConfiguration()
        for name in allowedKeys.keys.sorted() {
            guard let section = try node.section(name) else { continue }
            try section.allow(allowedKeys[name]!)
            var values: [String: String] = [:]
            for key in allowedKeys[name]! {
                if key == "base_url" || key == "portal_url" {
                    if let v = try section.url(key) { values[key] = v }
                } else if let v = try section.string(key) {
                    values[key] = v
                }
            }
            result.settings[name] = values
        }
        return result
    }
}

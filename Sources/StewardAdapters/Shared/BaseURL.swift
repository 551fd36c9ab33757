import Foundation

/// Checks and normalises configured base URLs and host names.
enum BaseURL {
    /// `url` without trailing slashes, when it is an absolute http(s) URL with a host.
    ///
    /// - Throws: ``IntegrationError/invalidSetting(setting:expected:)`` otherwise.
    static func validated(_ url: String, setting: String) throws(IntegrationError) -> String {
        var trimmed = url.trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let parsed = URL(string: trimmed), let scheme = parsed.scheme?.lowercased(),
            scheme == "https" || scheme == "http", let host = parsed.host, !host.isEmpty,
            parsed.query == nil, parsed.fragment == nil, parsed.user == nil
        else {
            throw .invalidSetting(setting: setting, expected: "an absolute URL such as https://api.example.com (no query)")
        }
        return trimmed
    }

    /// The account name from `name` or `name.<suffix>` (e.g. `my-shop` from `my-shop.myshopify.com`).
    ///
    /// - Throws: ``IntegrationError/invalidSetting(setting:expected:)`` when it is not a DNS label.
    static func accountName(_ value: String, suffix: String, example: String, setting: String) throws(IntegrationError) -> String {
        var name = value.trimmingCharacters(in: .whitespaces).lowercased()
        for prefix in ["https://", "http://"] where name.hasPrefix(prefix) { name.removeFirst(prefix.count) }
        while name.hasSuffix("/") { name.removeLast() }
        if name.hasSuffix("." + suffix) { name.removeLast(suffix.count + 1) }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        guard !name.isEmpty, name.count <= 63, name.allSatisfy({ allowed.contains($0) }),
            !name.hasPrefix("-"), !name.hasSuffix("-")
        else {
            throw .invalidSetting(setting: setting, expected: "\(example) or \(example).\(suffix)")
        }
        return name
    }
}

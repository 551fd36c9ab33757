/// Removes credentials from URLs before they reach errors or logs.
///
/// Works on the raw string, so it also cleans URLs that `URL` would refuse to parse.
/// User info (`user:password@`) is dropped, the fragment is dropped, and the value of any
/// query parameter whose name looks secret becomes `REDACTED`.
enum URLRedactor {
    static let placeholder = "REDACTED"

    /// Substrings that make a query parameter name secret (compared lower-cased).
    static let secretNameFragments = [
        "token", "key", "password", "passwd", "secret", "signature", "credential", "auth", "session",
    ]

    /// Whole names that are secret but too short to match as substrings.
    static let secretNames: Set<String> = ["sig", "pwd", "pass", "code", "hmac", "jwt"]

    static func isSecretName(_ name: String) -> Bool {
        let lowered = (name.removingPercentEncodingLeniently).lowercased()
        return secretNames.contains(lowered) || secretNameFragments.contains { lowered.contains($0) }
    }

    /// The URL without user info, fragment, or secret query values.
    static func redact(_ url: String) -> String {
        let parts = split(url)
        var result = parts.schemeAndAuthorityPrefix + parts.host + parts.path
        if let query = parts.query {
            let items = query.split(separator: "&", omittingEmptySubsequences: false).map { item -> String in
                guard let equals = item.firstIndex(of: "=") else { return String(item) }
                let name = String(item[..<equals])
                return isSecretName(name) ? "\(name)=\(placeholder)" : String(item)
            }
            result += "?" + items.joined(separator: "&")
        }
        return result
    }

    /// The secret strings a URL carries (user info parts, secret query values), raw and decoded,
    /// so that they can also be scrubbed from free text such as server messages.
    static func secrets(in url: String) -> [String] {
        let parts = split(url)
        var found: [String] = []
        if let userInfo = parts.userInfo {
            for piece in userInfo.split(separator: ":") { found.append(String(piece)) }
            found.append(userInfo)
        }
        if let query = parts.query {
            for item in query.split(separator: "&") {
                guard let equals = item.firstIndex(of: "=") else { continue }
                let name = String(item[..<equals])
                let value = String(item[item.index(after: equals)...])
                if isSecretName(name) { found.append(value) }
            }
        }
        let expanded = found.flatMap { [$0, $0.removingPercentEncodingLeniently] }
        return Array(Set(expanded.filter { $0.count >= 3 })).sorted { $0.count > $1.count }
    }

    /// Replaces every occurrence of the URL's secrets in `text` by `REDACTED`.
    static func scrub(_ text: String, secretsOf url: String) -> String {
        var result = text
        for secret in secrets(in: url) {
            result = result.replacingAll(secret, with: placeholder)
        }
        return result
    }

    private struct Parts {
        var schemeAndAuthorityPrefix: String  // "https://"
        var userInfo: String?
        var host: String  // host[:port]
        var path: String
        var query: String?
    }

    private static func split(_ url: String) -> Parts {
        var rest = Substring(url)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var query: String?
        if let question = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        var prefix = ""
        if let range = rest.firstRange(of: "://") {
            prefix = String(rest[..<range.upperBound])
            rest = rest[range.upperBound...]
        }
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        let path = String(rest[authorityEnd...])
        var userInfo: String?
        if let at = authority.lastIndex(of: "@") {
            userInfo = String(authority[..<at])
            authority = authority[authority.index(after: at)...]
        }
        return Parts(schemeAndAuthorityPrefix: prefix, userInfo: userInfo, host: String(authority), path: path, query: query)
    }
}

extension String {
    /// Percent-decoded text, or the text itself when it is not valid percent-encoding.
    var removingPercentEncodingLeniently: String {
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
                let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? self
    }

    /// The text with every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

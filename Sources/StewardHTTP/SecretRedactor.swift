import Foundation

/// Removes credentials from text (server error messages, transport errors, logs) in every form a
/// server may echo them.
///
/// For each secret of 4 characters or more it matches, and replaces by `REDACTED`:
/// - the raw value;
/// - its Base64 encodings (standard, URL-safe, with and without `=` padding), as sent in Basic auth;
/// - the percent-encodings of the value and of each Base64 form (RFC 3986 unreserved set, upper- and
///   lowercase hex; the URL-query set; form encoding with `+` for a space), as a server echoing a URL
///   or a form shows them;
/// - the JSON-escaped value and Base64 forms (`/` as `\/`, non-ASCII and control characters as `\uXXXX`).
///
/// ``HTTPClient`` also finds secrets in the request itself (``secrets(of:)``): the `Authorization` header's
/// credentials (and, for Basic auth, the decoded `user:password` and password), and the values of
/// headers whose names say token, key, secret, password or auth. Redaction runs before any message
/// is shortened, so a clip never leaves part of a secret behind.
public struct SecretRedactor: Sendable {
    /// What replaces a secret.
    public static let placeholder = "REDACTED"

    /// Every form to replace, longest first.
    public let forms: [String]

    /// A redactor for `secrets` (values shorter than 4 characters are ignored: they would match ordinary text).
    public init(secrets: [String]) {
        var forms: Set<String> = []
        for secret in Set(secrets) where secret.count >= 4 {
            let data = Data(secret.utf8)
            let base64 = data.base64EncodedString()
            let urlSafe = base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            var bases = [secret, base64, urlSafe]
            for padded in [base64, urlSafe] where padded.hasSuffix("=") {
                bases.append(padded.replacingOccurrences(of: "=", with: ""))
            }
            for base in bases {
                forms.insert(base)
                forms.formUnion(Self.percentEncodings(of: base))
                for slash in [true, false] {
                    for unicode in [JSONUnicode.raw, .lowercaseHex, .uppercaseHex] {
                        forms.insert(Self.jsonEscaped(base, escapingSlash: slash, unicode: unicode))
                    }
                }
            }
        }
        self.forms = forms.filter { $0.count >= 4 }.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }

    /// `text` with every form of every secret replaced by ``placeholder``.
    public func redact(_ text: String) -> String {
        guard !forms.isEmpty else { return text }
        var result = text
        for form in forms where result.contains(form) {
            result = result.replacingOccurrences(of: form, with: Self.placeholder)
        }
        return result
    }

    /// The credentials a request carries in its headers: the `Authorization` value and its credentials
    /// part (for Basic, also the decoded `user:password` and the password), and the value of any header
    /// whose name contains `token`, `key`, `secret`, `password` or `auth`.
    public static func secrets(of headers: HTTPHeaders) -> [String] {
        var found: [String] = []
        for (name, value) in headers {
            let lowered = name.lowercased()
            guard ["token", "key", "secret", "password", "auth"].contains(where: lowered.contains) else { continue }
            found.append(value)
            let parts = value.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            found.append(parts[1])
            if parts[0].lowercased() == "basic", let decoded = Data(base64Encoded: parts[1]).flatMap({ String(data: $0, encoding: .utf8) }) {
                found.append(decoded)
                if let colon = decoded.firstIndex(of: ":") { found.append(String(decoded[decoded.index(after: colon)...])) }
            }
        }
        return found
    }

    /// The percent-encoded forms of `text` a server may show.
    static func percentEncodings(of text: String) -> Set<String> {
        var forms: Set<String> = []
        var unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        if let strict = text.addingPercentEncoding(withAllowedCharacters: unreserved) {
            forms.insert(strict)
            forms.insert(lowercasingHex(strict))
        }
        if let query = text.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) { forms.insert(query) }
        unreserved.insert(" ")
        if let form = text.addingPercentEncoding(withAllowedCharacters: unreserved) {
            forms.insert(form.replacingOccurrences(of: " ", with: "+"))
        }
        return forms
    }

    /// `%2F` → `%2f`: servers differ in the case of their hex digits.
    private static func lowercasingHex(_ text: String) -> String {
        var out = ""
        var remaining = 0
        for character in text {
            if character == "%" {
                remaining = 2
                out.append(character)
            } else if remaining > 0 {
                remaining -= 1
                out += character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// How a JSON encoder writes non-ASCII characters.
    enum JSONUnicode { case raw, lowercaseHex, uppercaseHex }

    /// `text` as a JSON encoder may write it inside a string: `"` and `\` escaped, `/` as `\/` or not,
    /// control characters as `\uXXXX`, non-ASCII characters as they are or as `\uXXXX` (UTF-16).
    static func jsonEscaped(_ text: String, escapingSlash: Bool = true, unicode: JSONUnicode = .lowercaseHex) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x2F: out += escapingSlash ? "\\/" : "/"
            case 0x20..<0x7F: out.unicodeScalars.append(scalar)
            case 0x80... where unicode == .raw: out.unicodeScalars.append(scalar)
            default:
                for unit in String(scalar).utf16 {
                    out += String(format: unicode == .uppercaseHex ? "\\u%04X" : "\\u%04x", unit)
                }
            }
        }
        return out
    }
}

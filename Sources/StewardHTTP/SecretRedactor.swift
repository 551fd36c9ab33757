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
///
/// Matching each encoding cannot keep up with what vendors echo, so two rules cover the kind:
///
/// 1. **Decoded view** (``redact(_:)``): the text is also read decoded (percent-escapes undone
///    repeatedly, so `%67%67…` and `%252B` count; `\uXXXX` escapes; HTML entities like `&#103;`;
///    line breaks dropped) and case-insensitively. When a secret or its Base64 still shows there, every
///    credential-like run of the text (rule 2) is redacted.
/// 2. **Credential-like runs** (``redactVendorText(_:)``, always applied to text a vendor sent: error
///    bodies, transport failure reasons): a run of characters from `[A-Za-z0-9+/=_%\&#;.-]`
///    - of 16 or more that mixes letters and digits or holds an escape (`%`, `\`, `&`): a token, its
///      Base64, hex, upper-cased, percent-, `\u`- or entity-encoded form, or Base64 of it at any offset;
///    - holding 12 consecutive characters of a secret or of its Base64 (case-insensitive): a truncated echo;
///    - of 4 or more right after such a run across a line break (Base64 wrapped at CRLF).
///
///    It is applied before the message is clipped to 300 characters and before anything is logged or
///    stored (an outbox entry's `last_error`, an ``HTTPClientError``). Our own parts of a message (the
///    request URL, already redacted by name and value) are not run through rule 2.
public struct SecretRedactor: Sendable {
    /// What replaces a secret.
    public static let placeholder = "REDACTED"

    /// Every form to replace, longest first.
    public let forms: [String]
    /// The 12-character pieces of each secret and its Base64 forms, lower-cased (rule 2).
    let windows: Set<[UInt8]>
    /// Each secret (8 characters or more) and its Base64 forms, lower-cased, as sought in the decoded view (rule 1).
    let decodedNeedles: [String]

    /// A redactor for `secrets` (values shorter than 4 characters are ignored: they would match ordinary text).
    public init(secrets: [String]) {
        var forms: Set<String> = []
        var bases: [String] = []
        for secret in Set(secrets) where secret.count >= 4 {
            let data = Data(secret.utf8)
            let base64 = data.base64EncodedString()
            let urlSafe = base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            var ownBases = [secret, base64, urlSafe]
            for padded in [base64, urlSafe] where padded.hasSuffix("=") {
                ownBases.append(padded.replacingOccurrences(of: "=", with: ""))
            }
            bases += ownBases
            for base in ownBases {
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
        windows = CredentialRuns.windows(of: bases)
        decodedNeedles = Array(Set(bases.filter { $0.count >= 8 }.map { $0.lowercased() }))
    }

    /// `text` with every form of every secret replaced by ``placeholder``; when a secret still shows in
    /// the decoded view (rule 1), every credential-like run too.
    public func redact(_ text: String) -> String {
        guard !forms.isEmpty else { return text }
        var result = text
        for form in forms where result.contains(form) {
            result = result.replacingOccurrences(of: form, with: Self.placeholder)
        }
        let view = CredentialRuns.decodedView(result)
        if decodedNeedles.contains(where: view.contains) {
            result = CredentialRuns.redact(result, windows: windows, placeholder: Self.placeholder)
        }
        return result
    }

    /// Text a vendor sent (an error body, a failure reason): ``redact(_:)``, then every credential-like
    /// run (rule 2), with or without configured secrets. Call it before clipping, logging or storing.
    public func redactVendorText(_ text: String) -> String {
        CredentialRuns.redact(redact(text), windows: windows, placeholder: Self.placeholder)
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

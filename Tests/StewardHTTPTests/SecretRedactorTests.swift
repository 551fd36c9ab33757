import Foundation
import StewardHTTP
import StewardTesting
import Testing

/// Redaction of a token with characters that every encoding changes (`/`, `+`, `=`, `"`, `\`, `é`).
@Suite struct SecretRedactorTests {
    static let token = #"t0k/en+SE=KR"ET\x-é42"#

    static func encodings(of value: String) -> [String] {
        let base64 = Data(value.utf8).base64EncodedString()
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let json = String(decoding: try! JSONSerialization.data(withJSONObject: [value]), as: UTF8.self).dropFirst(2).dropLast(2)
        return [
            value, base64, base64.replacingOccurrences(of: "=", with: ""),
            base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_"),
            value.addingPercentEncoding(withAllowedCharacters: unreserved)!,
            lowercasingHex(value.addingPercentEncoding(withAllowedCharacters: unreserved)!),
            base64.addingPercentEncoding(withAllowedCharacters: unreserved)!, String(json),
            value.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!,
        ]
    }

    /// `%2F` → `%2f`, the letters of the value untouched.
    static func lowercasingHex(_ text: String) -> String {
        var out = "", remaining = 0
        for character in text {
            if character == "%" { remaining = 2; out.append(character) }
            else if remaining > 0 { remaining -= 1; out += character.lowercased() }
            else { out.append(character) }
        }
        return out
    }

    @Test func everyEncodingOfTheSecretIsRedacted() {
        let redactor = SecretRedactor(secrets: [Self.token])
        for form in Self.encodings(of: Self.token) {
            let text = "denied for <\(form)> sorry"
            #expect(redactor.redact(text) == "denied for <REDACTED> sorry", "\(form)")
        }
    }

    @Test func basicCredentialsInTheHeadersAreFound() {
        let basic = Data("bot@acme.com/token:\(Self.token)".utf8).base64EncodedString()
        let found = SecretRedactor.secrets(of: ["Authorization": "Basic \(basic)", "Accept": "application/json"])
        #expect(found.contains(basic))
        #expect(found.contains(Self.token))
        #expect(!found.contains("application/json"))
    }

    @Test func aServerEchoingTheTokenNearTheClipShowsNoPartOfIt() async throws {
        let server = try StubHTTPServer { request in
            let authorization = request.headers["Authorization"] ?? ""
            let echoed = Self.encodings(of: Self.token) + Self.encodings(of: authorization)
            return .text(String(repeating: "x", count: 280) + " " + echoed.joined(separator: " "), status: 403)
        }
        defer { server.stop() }
        let client = HTTPClient(configuration: .init(retryPolicy: .init(maxAttempts: 1)))
        defer { client.shutdown() }
        var request = HTTPRequest(url: server.url("/orders.json"), headers: ["Authorization": "Bearer \(Self.token)"])
        request.secrets = []
        do {
            _ = try await client.send(request)
            Issue.record("expected a 403")
        } catch {
            let text = error.description
            #expect(text.contains("403"))
            for form in Self.encodings(of: Self.token) {
                let characters = Array(form)
                for start in 0...(characters.count - 8) {
                    let piece = String(characters[start..<(start + 8)])
                    #expect(!text.contains(piece), "\(piece) of \(form) in \(text)")
                }
            }
        }
    }

    /// Rule 1: a secret that shows only once the text is decoded (double percent-encoding, `\\u` escapes,
    /// HTML entities, another letter case) still takes every credential-like run with it.
    @Test func aSecretVisibleOnlyInTheDecodedViewIsRedacted() {
        let secret = "ggKey_W3r+/y=Hn5Jq8Ls2Xv6Bz4Cm1"
        let redactor = SecretRedactor(secrets: [secret])
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let once = secret.addingPercentEncoding(withAllowedCharacters: unreserved)!
        let forms = [
            once.addingPercentEncoding(withAllowedCharacters: unreserved)!,
            secret.unicodeScalars.map { String(format: "\\u%04X", $0.value) }.joined(),
            secret.unicodeScalars.map { "&#x\(String($0.value, radix: 16));" }.joined(),
            secret.uppercased(),
        ]
        for form in forms {
            let out = redactor.redact("denied: \(form) (see docs)")
            #expect(out == "denied: REDACTED (see docs)", "\(form) → \(out)")
        }
    }
}

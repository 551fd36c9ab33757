import Foundation
import StewardHTTP
import StewardTesting
import Testing

@testable import StewardAdapters

/// A vendor that echoes its caller's credentials in an error body, in every form it may: raw,
/// percent-encoded, Base64 (the token, and the Basic `user:token` the adapter sends), URL-safe Base64,
/// JSON-escaped, as a URL query, placed where the 300-character clip falls. No adapter's error shows any.
@Suite struct SecretEchoTests {
    /// Every form of every credential the request carried, as a hostile server would echo them.
    static func echoes(of request: StubRequest) -> [String] {
        var values = [TestSupport.secret]
        for field in request.headers.fields where ["authorization", "x-authorization", "x-shopify-access-token"].contains(field.name.lowercased()) {
            values.append(field.value)
            if let space = field.value.firstIndex(of: " ") { values.append(String(field.value[field.value.index(after: space)...])) }
        }
        var forms: [String] = []
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        for value in values {
            let base64 = Data(value.utf8).base64EncodedString()
            for form in [value, base64, base64.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")] {
                forms.append(form)
                forms.append(form.addingPercentEncoding(withAllowedCharacters: unreserved) ?? form)
                forms.append(form.replacingOccurrences(of: "/", with: "\\/"))
                forms.append("api_key=" + (form.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? form))
            }
        }
        return forms
    }

    /// Twelve-character pieces of every form: a clipped secret still shows one.
    static func pieces(of forms: [String]) -> Set<String> {
        var pieces: Set<String> = []
        for form in forms {
            let characters = Array(form)
            guard characters.count >= 12 else { continue }
            for start in 0...(characters.count - 12) { pieces.insert(String(characters[start..<(start + 12)])) }
        }
        return pieces
    }

    @Test(arguments: AdapterCase.all)
    func echoedCredentialsNeverAppearInAnError(_ adapter: AdapterCase) async throws {
        for (asJSON, padding) in [(true, 0), (true, 280), (false, 0), (false, 285), (false, 297)] {
            let sent = StubState<[String]>([])
            let server = try adapter.server(faulty: .max) { request in
                let forms = Self.echoes(of: request)
                sent.withLock { $0 = forms }
                let text = String(repeating: "x", count: padding) + " " + forms.joined(separator: " | ")
                guard asJSON else { return .text(text, status: 401) }
                let body = try! JSONSerialization.data(withJSONObject: ["errors": text])
                return .json(String(decoding: body, as: UTF8.self), status: 401)
            }
            defer { server.stop() }
            let error = await TestSupport.error { try await adapter.run(server, TestSupport.client()) }
            let text = String(describing: try #require(error)) + String(reflecting: try #require(error))
            let pieces = Self.pieces(of: sent.value)
            #expect(!pieces.isEmpty)
            let shown = pieces.filter { text.contains($0) }
            #expect(shown.isEmpty, "\(adapter.name), json \(asJSON), padding \(padding): \(shown.sorted().prefix(3)) in \(text)")
            #expect(text.contains("401"))
        }
    }
}

import Foundation
import StewardCore
import StewardHTTP
import StewardTesting
import Testing

@testable import StewardAdapters

/// Vendors echoing the credential in forms no list of exact encodings keeps up with (issue 12, reviewer C):
/// every byte percent-encoded (either hex case), double percent-encoded, `\uXXXX` for every character,
/// HTML entities, hex, upper-cased, Base64 wrapped at CRLF, Base64 at another offset, and echoes cut
/// off at odd lengths, alone or after padding that puts them across the 300-character clip. No 8-character
/// piece of the token in any of its forms may reach the error (what is logged and stored as `last_error`).
@Suite struct SecretEchoFormsTests {
    static let token = "zdTok_Q9f+/x=Zk7Lm2pR8sV4wY6aB3cD5eF1gH0jK9nP7qT"
    static let agent = "bot@acme.com"

    enum Vendor: String, CaseIterable, Sendable { case zendesk, gorgias, shopify }

    /// The Basic credentials the vendor sees.
    static func basic(_ vendor: Vendor) -> String {
        switch vendor {
        case .zendesk: Data("\(agent)/token:\(token)".utf8).base64EncodedString()
        case .gorgias: Data("\(agent):\(token)".utf8).base64EncodedString()
        case .shopify: Data(token.utf8).base64EncodedString()
        }
    }

    static func percentAll(_ text: String, upper: Bool) -> String {
        text.utf8.map { String(format: upper ? "%%%02X" : "%%%02x", $0) }.joined()
    }

    /// The echoes a vendor may send, by name.
    static func echoes(_ vendor: Vendor) -> [(String, String)] {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let pct = token.addingPercentEncoding(withAllowedCharacters: unreserved)!
        let b64 = Data(token.utf8).base64EncodedString()
        let basic = basic(vendor)
        var list: [(String, String)] = [
            ("raw", token), ("pct", pct), ("pctall", percentAll(token, upper: true)), ("pctlower", percentAll(token, upper: false)),
            ("dblpct", pct.addingPercentEncoding(withAllowedCharacters: unreserved)!),
            ("b64", b64), ("b64basic", basic), ("b64off1", Data(("x" + token).utf8).base64EncodedString()),
            ("b64off2", Data(("xy" + token).utf8).base64EncodedString()),
            ("b64mime", String(basic.prefix(20)) + "\r\n" + String(basic.dropFirst(20))),
            ("b64mime2", String(b64.prefix(30)) + "\r\n" + String(b64.dropFirst(30))),
            ("jsonall", token.unicodeScalars.map { String(format: "\\u%04x", $0.value) }.joined()),
            ("html", token.unicodeScalars.map { "&#\($0.value);" }.joined()),
            ("hex", token.utf8.map { String(format: "%02x", $0) }.joined()), ("upper", token.uppercased()),
        ]
        for cut in [13, 29, 45, 50] { list.append(("raw[..\(cut)]", String(token.prefix(cut)))) }
        for cut in [21, 37, 70] { list.append(("b64basic[..\(cut)]", String(basic.prefix(cut)))) }
        return list
    }

    /// Every 8-character piece of the token's forms, lower-cased.
    static let pieces: Set<String> = {
        var forms = [token, token.uppercased(), token.utf8.map { String(format: "%02x", $0) }.joined(), percentAll(token, upper: true)]
        for vendor in Vendor.allCases { forms.append(basic(vendor)) }
        forms.append(Data(token.utf8).base64EncodedString())
        var set = Set<String>()
        for form in forms {
            let chars = Array(form.lowercased())
            for start in 0...(chars.count - 8) { set.insert(String(chars[start..<(start + 8)])) }
        }
        return set
    }()

    static func leaks(_ text: String) -> [String] {
        let lowered = text.lowercased()
        return pieces.filter { lowered.contains($0) }.sorted()
    }

    /// The call that meets the echo: a ticket creation, or an order lookup.
    static func call(_ vendor: Vendor, server: StubHTTPServer) async -> (any Error)? {
        let client = TestSupport.client(attempts: 1)
        return await TestSupport.error {
            switch vendor {
            case .zendesk:
                _ = try await ZendeskHelpdesk(
                    configuration: .init(subdomain: "acme", agentEmail: agent, baseURL: server.baseURLString), apiToken: token, client: client
                ).createTicket(HelpdeskStub.ticket())
            case .gorgias:
                _ = try await GorgiasHelpdesk(
                    configuration: .init(domain: "acme", username: agent, baseURL: server.baseURLString), apiKey: token, client: client
                ).createTicket(HelpdeskStub.ticket())
            case .shopify:
                _ = try await ShopifyAdapter(
                    configuration: .init(shop: "jsmith", apiVersion: "2025-07", baseURL: server.baseURLString), accessToken: token, client: client
                ).order(number: "1001")
            }
        }
    }

    @Test(arguments: Vendor.allCases)
    func noPieceOfTheTokenInAnyFormReachesTheError(_ vendor: Vendor) async throws {
        for (name, echo) in Self.echoes(vendor) {
            for pad in [0, 251, 277, 293] {
                for json in [false, true] {
                    let text = "Couldn't authenticate you with token " + String(repeating: "x", count: pad) + echo + " rejected"
                    let server = try StubHTTPServer { _ in
                        json
                            ? .json(String(data: try! JSONSerialization.data(withJSONObject: ["error": text]), encoding: .utf8)!, status: 401)
                            : .text(text, status: 401)
                    }
                    defer { server.stop() }
                    let error = try #require(await Self.call(vendor, server: server))
                    let description = String(describing: error)
                    #expect(Self.leaks(description).isEmpty, "\(vendor) \(name) pad \(pad) json \(json): \(description)")
                    #expect(description.contains("401"), "\(description)")
                }
            }
        }
    }

    /// Ordinary vendor text stays readable: words, numbers, ids without letters, field names.
    @Test func ordinaryVendorTextIsKept() {
        let redactor = SecretRedactor(secrets: [Self.token])
        let text = "RecordInvalid: Requester email is invalid; order 450789469 not found (external_id missing)"
        #expect(redactor.redactVendorText(text) == text)
        #expect(redactor.redactVendorText("token zdTok_Q9f+/x=Zk7Lm2pR8sV4wY6 end") == "token REDACTED end")
        // A piece of 12 characters of the secret marks even a short run.
        #expect(redactor.redactVendorText("k=Zk7Lm2pR8sV4") == "REDACTED")
    }
}

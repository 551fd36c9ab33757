import Foundation
import StewardCore
import StewardRuntime
import Testing

/// Every identifier or code field of a pipe line follows one rule: no control character, no invisible
/// format character that could make one id or name look like another, no padding or empty ids, and a
/// `language` that is a tag, never cut to its first letters.
@Suite struct IdentifierRuleTests {
    static func decode(_ json: String) -> Result<IncomingMessage, PipeLineError> {
        PipeRequestDecoder.decode(ArraySlice(Array(json.utf8)), line: 1)
    }

    /// A line with `value` (JSON string content, escapes allowed) in `field`, the rest valid.
    static func line(_ field: String, _ value: String) -> String {
        var fields = [
            "session": #""s1""#, "id": #""m1""#, "text": #""hi""#, "channel": #""webchat""#, "language": #""pl""#,
        ]
        var customer = [
            "email": #""jane.doe@example.com""#, "profile_id": #""p1""#, "name": #""Ann""#, "phone": #""+15550100200""#,
        ]
        if field.hasPrefix("customer.") {
            customer[String(field.dropFirst("customer.".count))] = "\"\(value)\""
        } else {
            fields[field] = "\"\(value)\""
        }
        let inner = customer.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",")
        fields["customer"] = "{\(inner)}"
        return "{" + fields.map { "\"\($0.key)\":\($0.value)" }.joined(separator: ",") + "}"
    }

    static let fields = [
        "session", "id", "action", "channel", "language", "customer.email", "customer.profile_id", "customer.name",
        "customer.phone",
    ]

    /// Invisible format characters (Cf) and other default-ignorable code points, as JSON escapes.
    static let invisible = [
        #"\u202e"#, #"\u202d"#, #"\u200b"#, #"\ufeff"#, #"\u2066"#, #"\u2067"#, #"\u2068"#, #"\u2069"#, #"\u200e"#,
        #"\u200f"#, #"\u061c"#, #"\u00ad"#, #"\u2060"#, #"\u2063"#, #"\u180e"#, #"\udb40\udc41"#, #"\u3164"#,
    ]

    @Test(arguments: fields)
    func aControlOrInvisibleCharacterInAnyIdentifierFieldIsAnErrorNamingTheField(_ field: String) {
        let base = [
            "session": "s1", "id": "m1", "action": "coupons:list", "channel": "sms", "language": "pl",
            "customer.email": "jane.doe@example.com", "customer.profile_id": "p1", "customer.name": "Ann",
            "customer.phone": "+15550100200",
        ][field]!
        for character in Self.invisible + [#"\u0000"#, #"\u001b"#, #"\u0085"#, #"\u2028"#, #"\u007f"#] {
            for placed in [base + character, character + base, String(base.prefix(1)) + character + base.dropFirst()] {
                let line = Self.line(field, placed)
                guard case .failure(let error) = Self.decode(line) else {
                    Issue.record("accepted \(field) = \(placed)")
                    continue
                }
                #expect(error.code == "invalid_field", "\(line)")
                #expect(error.message.contains("`\(field)`"), "\(error.message)")
                #expect(error.message.contains("U+"), "\(error.message)")
            }
        }
    }

    @Test func theMessageNamesTheInvisibleCharacter() {
        guard case .failure(let error) = Self.decode(Self.line("customer.name", #"Ann\u202eyrraB"#)) else {
            Issue.record("accepted")
            return
        }
        #expect(error.message.contains("U+202E (RIGHT-TO-LEFT OVERRIDE)"), "\(error.message)")
    }

    @Test func aNameMayHoldJoinersBetweenCharactersButNotAtItsEnds() {
        // Persian names and emoji sequences need U+200C and U+200D.
        for name in [#"\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"#, #"Ann \ud83d\udc68\u200d\ud83d\udc69"#] {
            guard case .success(let message) = Self.decode(Self.line("customer.name", name)) else {
                Issue.record("refused name \(name)")
                continue
            }
            #expect(message.customer?.name?.unicodeScalars.contains { $0.value == 0x200C || $0.value == 0x200D } == true)
        }
        for name in [#"Ann\u200d"#, #"\u200cAnn"#] {
            guard case .failure(let error) = Self.decode(Self.line("customer.name", name)) else {
                Issue.record("accepted name \(name)")
                continue
            }
            #expect(error.message.contains("`customer.name`"))
        }
        // Joiners are no part of an id.
        #expect(Identifier.problem("s\u{200D}1", field: "session") != nil)
    }

    @Test(arguments: ["session", "id", "action", "channel", "language", "customer.profile_id"])
    func anEmptyPaddedOrWhitespaceOnlyIdentifierIsAnError(_ field: String) {
        let base = ["session": "s1", "id": "m1", "action": "coupons:list", "channel": "sms", "language": "pl",
                    "customer.profile_id": "p1"][field]!
        var values = [" ", "  ", #"\t"#, "\u{A0}", "\u{3000}", " \(base)", "\(base) ", "\u{A0}\(base)", "\(base)\u{2003}"]
        // An empty action is no action (the line has text).
        if field != "action" { values.append("") }
        for value in values {
            let line = Self.line(field, value)
            guard case .failure(let error) = Self.decode(line) else {
                Issue.record("accepted \(field) = \(value.debugDescription)")
                continue
            }
            #expect(error.code == "invalid_field", "\(line)")
            #expect(error.message.contains("`\(field)`"), "\(error.message)")
        }
        guard case .success = Self.decode(Self.line(field, base)) else {
            Issue.record("refused \(field) = \(base)")
            return
        }
    }

    @Test func spacesInsideAnIdAndPaddingOfEmailAndPhoneAreAccepted() {
        guard case .success(let message) = Self.decode(Self.line("session", "chat 42")) else {
            Issue.record("refused an inner space")
            return
        }
        #expect(message.session == "chat 42")
        guard case .success(let padded) = Self.decode(Self.line("customer.email", " jane.doe@example.com ")) else {
            Issue.record("refused a padded email")
            return
        }
        #expect(padded.customer?.email == "jane.doe@example.com")
    }

    @Test(arguments: [
        #"pl_\u0000\u0000\u0000"#, #"pl\u0000"#, #"en\u0000"#, "pl_!!!", "pl-", "-pl", "pl--PL", "pl-PL-toolongsubtag",
        "pl PL", " pl", "pl ", #"pl\u200b"#, "p1", "12", "", "pl.PL", "ﬂ", "plé",
    ])
    func aLanguageThatIsNotATagIsAnErrorNeverCutToItsFirstLetters(_ value: String) {
        let line = Self.line("language", value)
        guard case .failure(let error) = Self.decode(line) else {
            Issue.record("accepted language \(value.debugDescription)")
            return
        }
        #expect(error.code == "invalid_field")
        #expect(error.message.contains("`language`"), "\(error.message)")
        #expect(error.session == "s1")
    }

    @Test(arguments: [("pl", "pl"), ("pl-PL", "pl"), ("sv_SE", "sv"), ("DE", "de"), ("zh-Hant-TW", "zh"), ("es-419", "es")])
    func aLanguageTagIsReadAsItsLanguage(_ tag: String, _ code: String) {
        guard case .success(let message) = Self.decode(Self.line("language", tag)) else {
            Issue.record("refused \(tag)")
            return
        }
        #expect(message.language == code)
    }

    @Test func theEngineAppliesTheSameRuleToSessionsAndIds() async throws {
        let engine = try makeEngine()
        for (session, id) in [("s\u{202E}1", "m1"), (" ", "m1"), ("", "m1"), ("s1", " m1"), ("s1", "m\u{200B}1"), ("s1", "")] {
            await #expect(throws: EngineError.self, "\(session.debugDescription) \(id.debugDescription)") {
                try await engine.respond(to: IncomingMessage(session: session, id: id, text: "hi"))
            }
        }
    }
}

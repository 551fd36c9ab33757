import Foundation
import StewardCore
import StewardRuntime
import StewardStore
import Testing

/// The masking gaps a tester found after issue 12's first passes (issue 12, part 3): secrets split between
/// two messages of a session, SSNs split mid-group, passwords split before a symbol, cards glued to their
/// brand, control characters between digit groups, more keyword forms; and ordinary password statements,
/// order lists, dates and times kept as written.
@Suite struct SecretMaskingGapsTests {
    @Test(arguments: [
        // SSN after its keyword: any separators between 3-2-4 groups, any 9 digits.
        ("my ssn is 123-45 -6789", "my ssn is [removed]"),
        ("my ssn is 123-45\n-6789", "my ssn is [removed]"),
        ("SSN: 123 - 45 - 6789", "SSN: [removed]"),
        ("ssn 666456789", "ssn [removed]"),
        ("ssn 900-12-3456", "ssn [removed]"),
        ("social security number 000-12-3456", "social security number [removed]"),
        // A password runs to the end of the phrase ("Reset" is no filler before "#77").
        ("my password is Reset #77", "my password is [removed]"),
        ("my password was reset to Hunter2zz", "my password was reset to [removed]"),
        // Cards glued to a brand or keyword.
        ("visa4111111111111111", "visa[card number removed]"),
        ("card:4111111111111111", "card:[card number removed]"),
        ("mc5555555555554444", "mc[card number removed]"),
        ("cc#4111111111111111", "cc#[card number removed]"),
        ("myvisa4111 1111 1111 1111", "myvisa[card number removed]"),
        // Control characters between groups.
        ("4111\u{0}1111\u{0}1111\u{0}1111", "[card number removed]"),
        ("4111\u{8}1111\u{1B}1111\u{7F}1111", "[card number removed]"),
        ("4111\u{85}1111\u{9F}1111\u{1F}1111", "[card number removed]"),
        // A line break between the keyword and its value.
        ("my pin is\n4321", "my pin is\n[removed]"),
        ("PIN\n4321", "PIN\n[removed]"),
        ("cvv:\n\n737", "cvv:\n\n[removed]"),
        // Keyword forms.
        ("PIN#1234", "PIN#[removed]"),
        ("pin # 4321", "pin # [removed]"),
        ("P.I.N. 1234", "P.I.N. [removed]"),
        ("pin-1234", "pin-[removed]"),
        ("pass hunter2", "pass [removed]"),
        ("password → x", "password → [removed]"),
        ("password -> Sunny", "password -> [removed]"),
        ("password=x", "password=[removed]"),
        ("password - x", "password - [removed]"),
        ("{\"password\":\"x\"}", "{\"password\":\"[removed]\"}"),
        ("password: \"x y\" thanks", "password: \"[removed]\" thanks"),
        ("pwd: Sunny99", "pwd: [removed]"),
        ("my passcode is blue moon", "my passcode is [removed]"),
        ("passwd=letmein", "passwd=[removed]"),
        // Digits spelled out.
        ("my pin is four three two one", "my pin is [removed]"),
        ("cvv seven three seven", "cvv [removed]"),
        ("meine PIN ist vier drei zwei eins", "meine PIN ist [removed]"),
        ("mi pin es cuatro tres dos uno", "mi pin es [removed]"),
        ("mon code pin est quatre trois deux un", "mon code pin est [removed]"),
        ("my visa is four one one one one one one one one one one one one one one one",
         "my visa is [card number removed]"),
        // Cyrillic and Greek look-alikes in keywords.
        ("my раssword is Hunter2zz", "my раssword is [removed]"),
        ("my pаsswоrd: blue moon", "my pаsswоrd: [removed]"),
        ("РІN 4321", "РІN [removed]"),
        ("my ραssword is Hunter2zz", "my ραssword is [removed]"),
        ("ΡΙΝ 1234", "ΡΙΝ [removed]"),
        ("'password': 'abc def'", "'password': '[removed]'"),
        ("my password is\nhunter2", "my password is\n[removed]"),
        ("C.V.V. 123", "C.V.V. [removed]"),
        ("my ssn is 987 65 4321", "my ssn is [removed]"),
        // Still secrets: a value token after an opener word.
        ("my password is not4you", "my password is [removed]"),
        ("my password is Notworking99", "my password is [removed]"),
        ("my password is not purple elephant", "my password is [removed]"),
        ("my password is not working, try Hunter2x", "my password is [removed]"),
        // Loose separators next to a card keyword; date-like groups after one.
        ("card 4111,1111,1111,1111", "card [card number removed]"),
        ("my card: 4111:1111:1111:1111", "my card: [card number removed]"),
        ("card 4111 11 11 1111 1111", "card [card number removed]"),
    ])
    func masks(input: String, expected: String) {
        #expect(SecretMasker.mask(input) == expected)
    }

    @Test(arguments: [
        // Statements that open with a negation, state or verb.
        "my password is not working and I cannot see order 1001", "my password is too short for your site",
        "the password is being rejected", "password isn't accepted", "my password was changed by someone",
        "my password is no longer accepted on the app", "my password is expired since last week",
        "mein Passwort ist nicht mehr gültig seit gestern", "mi contraseña es incorrecta otra vez",
        "mon mot de passe est bloqué depuis hier", "mitt lösenord är fel igen", "moje hasło jest za krótkie dla strony",
        // Order lists, dates and times whose digits add up to a Luhn-valid 13–19.
        "orders 2001, 2002, 2003, 2004", "#2001 #2002 #2003 #2004", "2024-05-12 2024/06/01",
        "2024-05-12 14:30:12.123", "on 12.05.2024 at 14.30 order 3001", "orders 4001,4002,4003,4004",
        "times 12:30:45:12:30:45:1234", "(2024) 05 12 (2024) 06 01",
        // Tracking numbers glued to other letters.
        "tracking JD014600006281234567", "tracking 1Z999AA10123456784",
    ])
    func keeps(text: String) {
        #expect(SecretMasker.mask(text) == text)
    }

    @Test func maskingPartsMasksAPasswordSplitBeforeASymbolAndAnSSNSplitMidGroup() {
        #expect(SecretMasker.mask(parts: ["my password is Reset", "#77"]) == ["my password is [removed]", "[removed]"])
        #expect(SecretMasker.mask(parts: ["my ssn is 123-45", "-6789"]) == ["my ssn is [removed]", "[removed]"])
        #expect(SecretMasker.mask(parts: ["my ssn is 123-45", "6789"]) == ["my ssn is [removed]", "[removed]"])
        // A question after "… my password is" is no password.
        #expect(SecretMasker.mask(parts: ["I don't know what my password is", "where is my order 1001?"]) == [
            "I don't know what my password is", "where is my order 1001?",
        ])
    }

    /// Every Luhn-valid date pair and time stamp of a year is kept; the same digits after "card" are masked.
    @Test func datesAndTimesAreCardsOnlyAfterACardKeyword() {
        var kept = 0
        var masked = 0
        let calendar = Calendar(identifier: .gregorian)
        var date = calendar.date(from: DateComponents(year: 2024, month: 1, day: 1))!
        for _ in 0..<366 {
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let next = calendar.dateComponents([.year, .month, .day], from: date.addingTimeInterval(86_400 * 20))
            let text = String(format: "%04d-%02d-%02d %04d/%02d/%02d", parts.year!, parts.month!, parts.day!, next.year!, next.month!, next.day!)
            let digits = text.compactMap(\.wholeNumberValue)
            date = date.addingTimeInterval(86_400)
            guard SecretGenerator.luhn(digits) else { continue }
            if SecretMasker.mask("delivered \(text)") == "delivered \(text)" { kept += 1 }
            if SecretMasker.mask("card \(text)") != "card \(text)" { masked += 1 }
        }
        #expect(kept > 10)
        #expect(masked == kept)
    }

    /// Generated secrets split at a space into two messages, masked as the engine masks a new message after
    /// the previous one: no fingerprint or code survives in either part.
    @Test func generatedSecretsSplitAtASpaceAreMaskedInBothParts() {
        var generator = SecretGenerator(seed: 1212, taken: SecretMaskingPropertyTests.takenNumbers)
        var leaks: [String] = []
        var split = 0
        for _ in 0..<4_000 {
            let secret = generator.any()
            let characters = Array(secret.message)
            let spaces = characters.indices.filter { characters[$0] == " " && $0 > 0 && $0 < characters.count - 1 }
            guard !spaces.isEmpty else { continue }
            let at = generator.pick(spaces)
            let first = String(characters[..<at]).trimmingCharacters(in: .whitespacesAndNewlines)
            let second = String(characters[(at + 1)...]).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !first.isEmpty, !second.isEmpty else { continue }
            // Known limit: a passphrase already masked to the end of the first message is taken up again in the
            // next only when that opens with a value-shaped token ("zc9bfkhc! …"), not with a plain word ("ok
            // thanks", or a passphrase's next plain word), which reads as a new message.
            let token = second.prefix { !$0.isWhitespace }.filter { !".,!?;:".contains($0) }
            let opensWithValue = token.contains(where: \.isNumber) || token.dropFirst().contains(where: { $0.isUppercase || !$0.isLetter })
            if secret.kind == "password", SecretMasker.mask(first).hasSuffix(SecretMasker.removedPlaceholder), !opensWithValue { continue }
            split += 1
            let (messages, earlier) = IncomingMessage.masked(
                burst: [IncomingMessage(session: "s", text: second)], after: SecretMasker.mask(first))
            let stored = (earlier ?? SecretMasker.mask(first)) + "\n" + (messages[0].text ?? "")
            if let leak = SecretMaskingPropertyTests.leak(of: secret, in: stored) {
                leaks.append("\(first.debugDescription) + \(second.debugDescription) → \(stored.debugDescription) [\(leak)]")
            }
        }
        #expect(split > 2_000)
        #expect(leaks.isEmpty, "\(leaks.count) leaks, e.g. \(leaks.prefix(8).joined(separator: "\n"))")
    }

    @Test func aBurstAfterThePreviousMessageMasksTheSecretAcrossBoth() {
        let burst = ["1111", "1111 thanks"].map { IncomingMessage(session: "s", text: $0, channel: .sms) }
        let (messages, earlier) = IncomingMessage.masked(burst: burst, after: "my card is 4111 1111")
        #expect(earlier == "my card is [card number removed]")
        #expect(messages.map(\.text) == ["[card number removed]", "[card number removed] thanks"])
        let (plain, unchanged) = IncomingMessage.masked(burst: burst, after: "where is order 1001")
        #expect(unchanged == nil)
        #expect(plain.map(\.text) == ["1111", "1111 thanks"])
    }

    // MARK: - Split between messages of a session

    static func engine(path: String) throws -> (ConversationEngine, SQLiteStore) {
        let store = try SQLiteStore(path: path)
        var configuration = StewardConfiguration()
        configuration.handoff.method = .helpdesk
        let engine = try ConversationEngine.make(
            configuration: configuration, skills: shippedSkills, baseDirectory: repositoryRoot, store: store, tickets: store)
        return (engine, store)
    }

    @Test(arguments: [
        // First message, second message, what must not be stored anywhere, what the first turn becomes.
        ("my card is 4111 1111", "1111 1111", ["4111 1111", "1111 1111"], "my card is [card number removed]"),
        ("my password is", "Hunter2!x", ["hunter2!x"], "my password is"),
        ("my ssn is 123-45", "-6789", ["123-45", "6789"], "my ssn is [removed]"),
        ("my password is Reset", "#77", ["#77"], "my password is [removed]"),
        ("my pin", "four three two one", ["four three two one"], "my pin"),
    ])
    func aSecretSplitBetweenTwoMessagesIsMaskedInBothStoredTurns(
        first: String, second: String, fingerprints: [String], firstStored: String
    ) async throws {
        let path = SecretMaskingStoredTextTests.temporaryDatabase()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        // The two messages reach two processes (two engines and stores on one file), one after the other.
        let (engineA, storeA) = try Self.engine(path: path)
        let (engineB, storeB) = try Self.engine(path: path)
        _ = try await engineA.respond(to: IncomingMessage(session: "split2", id: "a", text: first, channel: .sms))
        _ = try await engineB.respond(to: IncomingMessage(session: "split2", id: "b", text: second, channel: .sms))
        _ = try await engineA.respond(to: IncomingMessage(session: "split2", id: "c", text: "thanks", channel: .sms))
        for store in [storeA, storeB] {
            let session = try #require(try await store.load(id: "split2"))
            let customer = session.turns.filter { $0.role == .customer }
            #expect(customer.count == 3)
            #expect(customer.first?.text == firstStored)
            let kept = session.turns.map(\.text).joined(separator: "\n").lowercased()
            for fingerprint in fingerprints { #expect(!kept.contains(fingerprint), "turns hold \(fingerprint)") }
        }
        let database = SecretMaskingStoredTextTests.databaseText(path).lowercased()
        for fingerprint in fingerprints { #expect(!database.contains(fingerprint), "the database holds \(fingerprint)") }
    }

    @Test func theEarlierTurnIsMaskedOnTheSessionsTicketToo() async throws {
        let path = SecretMaskingStoredTextTests.temporaryDatabase()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let (engine, store) = try Self.engine(path: path)
        let customer = Customer(email: "sam@example.com", name: "Sam", authenticated: true)
        for (id, text) in [("1", "talk to a human"), ("2", "yes"), ("3", "my card is 5555 5555"), ("4", "5555 4444")] {
            _ = try await engine.respond(to: IncomingMessage(session: "ticketed", id: id, text: text, customer: customer))
        }
        let tickets = try await store.tickets(status: nil)
        #expect(tickets.count == 1)
        let transcript = tickets.flatMap(\.transcript).map(\.text).joined(separator: "\n")
        #expect(transcript.contains("my card is [card number removed]"))
        #expect(!transcript.contains("5555"))
        #expect(!SecretMaskingStoredTextTests.databaseText(path).contains("5555 5555"))
        // The same ticket, read again, does not hold the masked turn twice.
        #expect(tickets[0].transcript.filter { $0.text == "my card is [card number removed]" }.count == 1)
    }

    @Test func ordinaryMessagesAfterAnotherAreStoredAsWritten() async throws {
        let path = SecretMaskingStoredTextTests.temporaryDatabase()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let (engine, store) = try Self.engine(path: path)
        let texts = ["where is order 1001", "and 1002 1003", "I paid 49.99 on 2024-05-12", "call me on 0044 7911 123456"]
        for (index, text) in texts.enumerated() {
            _ = try await engine.respond(to: IncomingMessage(session: "plain-pair", id: "\(index)", text: text))
        }
        let session = try #require(try await store.load(id: "plain-pair"))
        #expect(session.turns.filter { $0.role == .customer }.map(\.text) == texts)
    }
}

import Foundation
import Logging
import StewardCore
import StewardRouter
import StewardRuntime
import StewardStore
import Testing

/// Seeded, generated secrets (``SecretGenerator``) in many formats, scripts, languages and sentences:
/// none may be seen again in the masker's output, the SQLite file (and its WAL), a ticket, a reply, or
/// a log line at trace level; ordinary sentences pass unchanged.
@Suite struct SecretMaskingPropertyTests {
    /// Numbers that may appear in a reply whatever the customer wrote (demo data, knowledge, texts,
    /// years): never used as a generated PIN or CVV, so that finding one is a leak, not chance.
    static let takenNumbers: Set<String> = {
        var numbers: Set<String> = []
        let folders = ["demo", "knowledge", "Sources/StewardRuntime/Texts"]
        for folder in folders {
            let root = repositoryRoot.appendingPathComponent(folder)
            guard let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in files {
                guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
                for run in text.split(whereSeparator: { !$0.isASCII || !$0.isNumber }) { numbers.insert(String(run)) }
            }
        }
        for year in 1900...2100 { numbers.insert(String(year)) }
        return numbers
    }()

    @Test func noGeneratedSecretSurvivesTheMasker() {
        var generator = SecretGenerator(seed: 12, taken: Self.takenNumbers)
        var leaks: [String] = []
        for _ in 0..<6_000 {
            let secret = generator.any()
            let masked = SecretMasker.mask(secret.message)
            if let leak = Self.leak(of: secret, in: masked) { leaks.append("\(secret) → \(masked.debugDescription) [\(leak)]") }
            if SecretMasker.mask(masked) != masked { leaks.append("not idempotent: \(secret)") }
        }
        #expect(leaks.isEmpty, "\(leaks.count) leaks, e.g. \(leaks.prefix(8).joined(separator: "\n"))")
    }

    @Test func ordinarySentencesAreKept() {
        var random = SplitMix64(seed: 99)
        var changed: [String] = []
        for _ in 0..<5_000 {
            let text = Self.ordinarySentence(using: &random)
            let masked = SecretMasker.mask(text)
            if masked != text { changed.append("\(text.debugDescription) → \(masked.debugDescription)") }
        }
        #expect(changed.isEmpty, "\(changed.count) changed, e.g. \(changed.prefix(8).joined(separator: "\n"))")
    }

    @Test func noSecretReachesTheDatabaseTicketsRepliesOrTraceLogs() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("steward-secrets-\(UUID().uuidString).db").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteStore(path: path)
        let lines = LogLines()
        var logger = Logger(label: "steward.engine") { _ in CapturingLogHandler(lines: lines) }
        logger.logLevel = .trace
        var configuration = StewardConfiguration()
        configuration.handoff.method = .helpdesk
        let engine = try ConversationEngine.make(
            configuration: configuration, skills: shippedSkills, baseDirectory: repositoryRoot, store: store, tickets: store,
            logger: logger)

        // Sessions: a few secrets each (some in the action or the customer's name), then a person asked for.
        var generator = SecretGenerator(seed: 2026, taken: Self.takenNumbers)
        var plans: [(session: String, messages: [IncomingMessage], secrets: [GeneratedSecret])] = []
        for index in 0..<80 {
            let session = "prop-" + String(index, radix: 26).map { Character(UnicodeScalar(($0.asciiValue! % 26) + 97)) }.map(String.init).joined()
            var secrets: [GeneratedSecret] = []
            var messages: [IncomingMessage] = []
            let nameSecret = generator.chance(10) ? generator.card() : nil
            let customer = Customer(
                email: "shopper\(index)@example.com", name: nameSecret.map { "Sam " + $0.message } ?? "Sam", authenticated: generator.chance(50))
            if let nameSecret { secrets.append(nameSecret) }
            for _ in 0..<generator.int(2...4) {
                let secret = generator.any()
                secrets.append(secret)
                let asAction = generator.chance(10)
                messages.append(IncomingMessage(
                    session: session, id: "m\(messages.count)", text: asAction ? "Pay" : secret.message,
                    action: asAction ? secret.message : nil, channel: generator.pick([.webchat, .webchat, .sms, .whatsapp, .email]),
                    customer: customer))
            }
            for text in ["talk to a human", "yes"] {
                messages.append(IncomingMessage(session: session, id: "m\(messages.count)", text: text, customer: customer))
            }
            plans.append((session, messages, secrets))
        }
        let replies = ReplyLog()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for chunk in stride(from: 0, to: plans.count, by: 25) {
                for plan in plans[chunk..<min(plans.count, chunk + 25)] {
                    group.addTask {
                        for message in plan.messages {
                            replies.add(plan.session, String(describing: try await engine.respond(to: message)))
                        }
                    }
                }
                try await group.waitForAll()
            }
        }

        let tickets = try await store.tickets(status: nil)
        #expect(!tickets.isEmpty)
        var database = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
        database += (try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))) ?? Data()
        let databaseView = LeakView(database)
        let logView = LeakView(Data(lines.all.joined(separator: "\n").utf8))
        var leaks: [String] = []
        for plan in plans {
            let session = try #require(try await store.load(id: plan.session))
            let turns = try await store.turns(session: plan.session, before: session.earlierTurnCount) + session.turns
            let kept = turns.map(\.text).joined(separator: "\n") + "\n" + String(describing: session.customer)
                + "\n" + session.facts.values.joined(separator: "\n")
            let ticketText = tickets.filter { $0.sessionID == plan.session }.map { String(describing: $0) }.joined(separator: "\n")
            let said = replies.lines(plan.session).joined(separator: "\n")
            for secret in plan.secrets {
                for (place, text) in [("stored turns", kept), ("ticket", ticketText), ("replies", said)] {
                    if let leak = Self.leak(of: secret, in: text) { leaks.append("\(place): \(secret) [\(leak)]") }
                }
                for fingerprint in secret.fingerprints where databaseView.contains(fingerprint) {
                    leaks.append("database: \(secret) [\(fingerprint)]")
                }
                for fingerprint in secret.fingerprints where logView.contains(fingerprint) {
                    leaks.append("trace log: \(secret) [\(fingerprint)]")
                }
                if let code = secret.code, LeakView.containsNumber(code, in: lines.all.joined(separator: "\n")) {
                    leaks.append("trace log: \(secret) [\(code)]")
                }
            }
        }
        #expect(leaks.isEmpty, "\(leaks.count) leaks, e.g. \(leaks.prefix(8).joined(separator: "\n"))")
        #expect(!lines.all.isEmpty)
    }

    @Test func ordinaryMessagesAreStoredAsWritten() async throws {
        let engine = try makeEngine()
        var random = SplitMix64(seed: 5)
        for index in 0..<200 {
            let text = Self.ordinarySentence(using: &random)
            let session = "plain-\(index)"
            _ = try await engine.respond(to: IncomingMessage(session: session, text: text))
            let stored = try #require(try await engine.store.load(id: session)).turns.first { $0.role == .customer }
            #expect(stored?.text == text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    // MARK: - Support

    /// What of `secret` is still in `text`: a fingerprint (in the leak view) or the code as a number of its own.
    static func leak(of secret: GeneratedSecret, in text: String) -> String? {
        let view = LeakView(Data(text.utf8))
        if let found = secret.fingerprints.first(where: view.contains) { return found }
        if let code = secret.code, LeakView.containsNumber(code, in: text) { return code }
        return nil
    }

    /// Ordinary messages that look a little like secrets: order numbers, short phone numbers, prices,
    /// dates, and "pin"/"password"/"pass" in ordinary use, in several languages.
    static func ordinarySentence(using random: inout SplitMix64) -> String {
        let order = "#\(Int.random(in: 1001...1012, using: &random))"
        let phone = ["555-0134", "+1 555 010 7788", "020 7946 0958", "(555) 123-4567", "+48 601 234 567"].randomElement(using: &random)!
        let price = ["$19.99", "€129", "49,90 zł", "1 299 kr", "$1,250.00"].randomElement(using: &random)!
        let date = ["2026-11-23", "12/05/2026", "23.11.2026", "Nov 23", "next Monday"].randomElement(using: &random)!
        let templates = [
            "where is my order \(order)?", "call me on \(phone) please", "is there anything under \(price)?",
            "it was delivered on \(date)", "the pin fell out of my tent", "a password reset link for my account",
            "I forgot my password", "can you reset my password?", "my password is not working", "do I need a boarding pass?",
            "order \(order) arrived on \(date) and cost \(price)", "gdzie jest moje zamówienie \(order)?",
            "Passwort vergessen, bitte helfen", "mi contraseña no funciona", "j'ai oublié mon mot de passe",
            "jag har glömt mitt lösenord", "비밀번호를 잊어버렸어요", "the tent pin broke after 2 days",
            "the security of my account matters", "which pin size fits the 3 person tent?", "my order \(order) and \(order)",
            "returns within 30 days? I paid \(price) on \(date)", "my phone is \(phone), order \(order)",
            "Mein Passwort ist falsch", "what is the password for the wifi?", "does the code SAVE10 work?",
            "I need a new pin for the tent, order \(order)", "do you ship 2 pins to Canada?",
            "my password is 12 characters long", "my password is reset, I clicked the link", "Password: forgotten. Can you help?",
            "my password is still not accepted!", "mon mot de passe est oublié", "mi contraseña es incorrecta",
            "mitt lösenord är fel", "moje hasło jest nieprawidlowe", "my password is expired, what now?",
            "I have orders 1001 1002 1003 1006, where are they?", "orders 1003, 1005, 1007, 1012 please",
            "call me on 0044 7911 123456", "tracking 9400 1000 0000 0000 0000 00", "tracking 1Z999AA10123456784",
            "reference 123456789 for the tent", "my password is not working and I cannot see order \(order)",
            "my password is too short for your site", "my password was changed by someone", "password isn't accepted",
            "orders 2001, 2002, 2003, 2004", "#2001 #2002 #2003 #2004", "2024-05-12 2024/06/01", "2024-05-12 14:30:12.123",
            "on 12.05.2024 at 14.30 order 3001",
        ]
        return templates.randomElement(using: &random)!
    }
}

/// Text as a leak detector sees it: JSON escapes undone, every Unicode digit as ASCII, letters
/// lowercased, and white space, dots, dashes and slashes dropped, so that a secret stored in any
/// format or script is found by its plain digits or letters.
struct LeakView {
    let bytes: Data

    init(_ data: Data) {
        let all = Array(String(decoding: data, as: UTF8.self).unicodeScalars)
        var out: [UInt8] = []
        out.reserveCapacity(all.count)
        var index = 0
        while index < all.count {
            var scalar = all[index]
            index += 1
            if scalar == "\\", index < all.count {
                let next = all[index]
                if next == "u", index + 4 < all.count,
                    let value = UInt32(String(String.UnicodeScalarView(all[(index + 1)...(index + 4)])), radix: 16),
                    let escaped = Unicode.Scalar(value)
                {
                    scalar = escaped
                    index += 5
                } else if "nrt/".unicodeScalars.contains(next) {
                    index += 1
                    continue
                } else if next == "\\" || next == "\"" {
                    scalar = next
                    index += 1
                }
            }
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): out.append(byte | 0x20)
                case UInt8(ascii: " "), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "/"), 0x09...0x0D: continue
                default: out.append(byte)
                }
                continue
            }
            let properties = scalar.properties
            if properties.numericType == .decimal, let value = properties.numericValue {
                out.append(UInt8(48 + Int(value)))
            } else if properties.isWhitespace || "\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2212}".unicodeScalars.contains(scalar) {
                continue
            } else {
                out += Array(properties.lowercaseMapping.utf8)
            }
        }
        bytes = Data(out)
    }

    func contains(_ fingerprint: String) -> Bool {
        bytes.range(of: Data(fingerprint.lowercased().utf8)) != nil
    }

    /// True when `code` appears in `text` (digits of any script) as a number of its own: not next to
    /// another digit, an ASCII letter or a dash (so not inside an id or a UUID).
    static func containsNumber(_ code: String, in text: String) -> Bool {
        var digits = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue {
                digits.append(Unicode.Scalar(UInt8(48 + Int(value))))
            } else {
                digits.append(scalar)
            }
        }
        let normalised = String(digits)
        var search = normalised.startIndex
        while let range = normalised.range(of: code, range: search..<normalised.endIndex) {
            search = range.upperBound
            let before = range.lowerBound > normalised.startIndex ? normalised[normalised.index(before: range.lowerBound)] : " "
            let after = range.upperBound < normalised.endIndex ? normalised[range.upperBound] : " "
            func joins(_ character: Character) -> Bool {
                (character.isASCII && (character.isLetter || character.isNumber)) || character == "-"
            }
            if !joins(before), !joins(after) { return true }
        }
        return false
    }
}

/// Every log line written, at every level.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

/// Each session's reply lines.
final class ReplyLog: @unchecked Sendable {
    private let lock = NSLock()
    private var bySession: [String: [String]] = [:]
    func add(_ session: String, _ line: String) { lock.withLock { bySession[session, default: []].append(line) } }
    func lines(_ session: String) -> [String] { lock.withLock { bySession[session] ?? [] } }
}

/// Writes every event, message and metadata, to ``LogLines``, unmasked.
struct CapturingLogHandler: LogHandler {
    let lines: LogLines
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
        lines.add("\(event.level) \(event.message) \(all) \(event.error.map { "\($0)" } ?? "")")
    }
}

import Foundation
import StewardCore
import StewardRuntime
import StewardStore
import Testing

/// A clock the tests move by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_800_000_000)
    var now: Date { lock.withLock { current } }
    func advance(minutes: Double) { lock.withLock { current += minutes * 60 } }
}

/// Failed order number and email checks are limited per session, per email and per order number over
/// a window (issue 12, part 8): past the limit nothing about any order is revealed.
@Suite struct VerificationLimitTests {
    /// Jane's orders in the demo store; every other order number below belongs to someone else or to nobody.
    static let janesOrders: Set<String> = ["1001", "1002", "1003", "1025"]
    static let janesTracking = "1Z999AA10123456784"

    struct Setup {
        let engine: ConversationEngine
        let clock: TestClock
    }

    static func setup(
        policy: VerificationPolicy = .standard, attempts: any VerificationAttemptStore = InMemoryVerificationAttemptStore()
    ) throws -> Setup {
        var configuration = StewardConfiguration()
        configuration.verification = policy
        let clock = TestClock()
        let engine = try ConversationEngine.make(
            configuration: configuration, skills: shippedSkills, baseDirectory: repositoryRoot, tickets: InMemoryTicketStore(),
            verificationAttempts: attempts, clock: { clock.now })
        return Setup(engine: engine, clock: clock)
    }

    static func guess(_ engine: ConversationEngine, session: String, order: String, email: String, language: String? = nil)
        async throws -> AgentReply
    {
        try await engine.respond(
            to: IncomingMessage(session: session, text: "where is my order #\(order)? my email is \(email)", language: language))
    }

    /// True when the reply shows anything of an order: a card, the order's state, its tracking number.
    static func reveals(_ reply: AgentReply) -> Bool {
        !reply.cards.isEmpty || reply.outcome == "resolved" || reply.text.contains(janesTracking)
            || reply.text.contains("in transit") || reply.text.contains("delivered") || reply.text.contains("Your recent orders")
    }

    @Test("Forty guesses in one session with a known email, through every offer of a person, find nothing past the limit")
    func fortyGuessesInOneSession() async throws {
        let setup = try Self.setup()
        // Jane's real orders come after the limit (5) is spent on wrong numbers.
        let others: [String] = (1004...1024).map { String($0) }.filter { !Self.janesOrders.contains($0) }
        let later: [String] = (1026...1040).map { String($0) }
        let guesses: [String] = others + ["1001", "1002", "1003", "1025"] + later
        #expect(guesses.count >= 40)
        var refusals = Set<String>()
        for (index, order) in guesses.enumerated() {
            let reply = try await Self.guess(setup.engine, session: "attacker", order: order, email: "jane.doe@example.com")
            #expect(!Self.reveals(reply), "guess \(index + 1) (#\(order)): \(reply.text)")
            if index >= VerificationPolicy.standard.maxAttempts {
                // Refused before any look-up: the same words whether the order is Jane's, someone else's or nobody's.
                refusals.insert(reply.text)
                #expect(reply.text.contains(setup.engine.translations.text(.verificationLimit, in: "en")), "guess \(index + 1): \(reply.text)")
                #expect(!reply.text.contains(order), "guess \(index + 1): \(reply.text)")
            }
            // Decline each offer of a person and carry on guessing.
            if reply.outcome == "handoff_offered" {
                _ = try await setup.engine.respond(to: IncomingMessage(session: "attacker", text: "no thanks"))
            }
        }
        #expect(refusals.count == 1)
    }

    @Test("Guesses spread over many sessions for one email are limited by the email", arguments: ["in memory", "SQLite"])
    func guessesOverSessionsForOneEmail(store kind: String) async throws {
        try await withAttemptStore(kind) { attempts in
            let setup = try Self.setup(attempts: attempts)
            for (index, order) in ["1004", "1005", "1006", "1007", "1008", "9001", "9002"].enumerated() {
                let reply = try await Self.guess(setup.engine, session: "probe-\(index)", order: order, email: "Jane.Doe@example.com")
                #expect(!Self.reveals(reply))
            }
            // A fresh session with one of Jane's real orders and her email: refused, nothing shown.
            let real = try await Self.guess(setup.engine, session: "probe-last", order: "1001", email: "jane.doe@example.com")
            #expect(!Self.reveals(real), "\(real.text)")
            #expect(real.text.contains(setup.engine.translations.text(.verificationLimit, in: "en")))
            // Another customer's own check is not held up by Jane's limit.
            let marcus = try await Self.guess(setup.engine, session: "marcus", order: "1004", email: "marcus.chen@example.com")
            #expect(marcus.outcome == "resolved", "\(marcus.text)")
        }
    }

    @Test("Guesses spread over many sessions for one order number are limited by the order, however it is written", arguments: ["in memory", "SQLite"])
    func guessesOverSessionsForOneOrder(store kind: String) async throws {
        try await withAttemptStore(kind) { attempts in
            let setup = try Self.setup(attempts: attempts)
            let forms = ["1001", "001001", "１００１", "1001", "01001", "1001"]
            for (index, form) in forms.enumerated() {
                let reply = try await Self.guess(setup.engine, session: "probe-\(index)", order: form, email: "guess\(index)@example.com")
                #expect(!Self.reveals(reply), "\(form): \(reply.text)")
            }
            let real = try await Self.guess(setup.engine, session: "jane", order: "1001", email: "jane.doe@example.com")
            #expect(!Self.reveals(real), "\(real.text)")
            #expect(real.text.contains(setup.engine.translations.text(.verificationLimit, in: "en")))
        }
    }

    @Test("A correct pair within the limit still works, and works again once the window has passed")
    func correctPairWithinLimitAndAfterWindow() async throws {
        let policy = VerificationPolicy(maxAttempts: 5, window: 60 * 60)
        let setup = try Self.setup(policy: policy)
        for order in ["1004", "1005", "1006", "1007"] {
            _ = try await Self.guess(setup.engine, session: "within", order: order, email: "jane.doe@example.com")
        }
        let within = try await Self.guess(setup.engine, session: "within-2", order: "1001", email: "jane.doe@example.com")
        #expect(within.outcome == "resolved", "\(within.text)")
        #expect(within.text.contains("#1001"))

        // A fifth failure reaches the limit: even the right pair is refused now.
        _ = try await Self.guess(setup.engine, session: "within-3", order: "1008", email: "jane.doe@example.com")
        let blocked = try await Self.guess(setup.engine, session: "within-4", order: "1002", email: "jane.doe@example.com")
        #expect(!Self.reveals(blocked), "\(blocked.text)")
        setup.clock.advance(minutes: 59)
        let stillBlocked = try await Self.guess(setup.engine, session: "within-5", order: "1002", email: "jane.doe@example.com")
        #expect(!Self.reveals(stillBlocked), "\(stillBlocked.text)")
        setup.clock.advance(minutes: 2)
        let later = try await Self.guess(setup.engine, session: "within-6", order: "1002", email: "jane.doe@example.com")
        #expect(later.outcome == "resolved", "\(later.text)")
    }

    @Test("The limit is told in the customer's language and a person is offered", arguments: ["en", "pl", "sv", "ko", "de", "es", "fr"])
    func limitInEveryLanguage(language: String) async throws {
        let setup = try Self.setup(policy: VerificationPolicy(maxAttempts: 1, window: 600))
        _ = try await Self.guess(setup.engine, session: "l-\(language)", order: "1004", email: "jane.doe@example.com", language: language)
        let reply = try await Self.guess(setup.engine, session: "l2-\(language)", order: "1001", email: "jane.doe@example.com", language: language)
        #expect(reply.language == language)
        #expect(reply.text.hasPrefix(setup.engine.translations.text(.verificationLimit, in: language)), "\(reply.text)")
        #expect(reply.outcome == "handoff_offered")
        #expect(!Self.reveals(reply))
    }

    @Test("Counts survive a restart: a new SQLite store on the same file keeps refusing")
    func countsSurviveRestart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("steward-verif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("steward.db").path
        do {
            let setup = try Self.setup(attempts: try SQLiteStore(path: path))
            for order in ["1004", "1005", "1006", "1007", "1008"] {
                _ = try await Self.guess(setup.engine, session: "before", order: order, email: "jane.doe@example.com")
            }
        }
        let restarted = try Self.setup(attempts: try SQLiteStore(path: path))
        let reply = try await Self.guess(restarted.engine, session: "after", order: "1001", email: "jane.doe@example.com")
        #expect(!Self.reveals(reply), "\(reply.text)")
    }

    @Test("The configuration reads verification.max_attempts and window_minutes and refuses bad values")
    func configuration() throws {
        let config = try StewardConfiguration.parse(yaml: "verification: {max_attempts: 7, window_minutes: 30}")
        #expect(config.verification == VerificationPolicy(maxAttempts: 7, window: 1800))
        #expect(StewardConfiguration().verification == VerificationPolicy(maxAttempts: 5, window: 3600))
        for bad in ["verification: {max_attempts: 0}", "verification: {window_minutes: 0.5}", "verification: {tries: 3}"] {
            #expect(throws: ConfigurationError.self, "\(bad)") { try StewardConfiguration.parse(yaml: bad) }
        }
    }

    func withAttemptStore(_ kind: String, _ body: (any VerificationAttemptStore) async throws -> Void) async throws {
        guard kind == "SQLite" else { return try await body(InMemoryVerificationAttemptStore()) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("steward-verif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await body(try SQLiteStore(path: directory.appendingPathComponent("steward.db").path))
    }
}

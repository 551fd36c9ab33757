import Foundation
import StewardCore
import StewardRuntime
import StewardStore
import Testing

/// One SMS/WhatsApp ticket per person, keyed by the channel identity the host gives (the phone),
/// never by an email nobody verified (issue 12, part 9).
@Suite struct PersonTicketIdentityTests {
    static func engine(tickets: any TicketStore) throws -> ConversationEngine {
        try ConversationEngine.make(
            configuration: StewardConfiguration(), skills: shippedSkills, baseDirectory: repositoryRoot, tickets: tickets)
    }

    static func ask(_ engine: ConversationEngine, session: String, channel: Channel, customer: Customer) async throws -> AgentReply {
        try await engine.respond(to: IncomingMessage(session: session, text: "I want to talk to a real person", channel: channel, customer: customer))
    }

    static func stores() throws -> [(String, any TicketStore, URL?)] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("steward-person-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return [("memory", InMemoryTicketStore(), nil), ("sqlite", try SQLiteStore(path: directory.appendingPathComponent("steward.db").path), directory)]
    }

    @Test("An unverified email given from two phones makes two tickets; the same phone makes one", arguments: [Channel.sms, .whatsapp])
    func unverifiedEmailNeverMerges(channel: Channel) async throws {
        for (name, tickets, directory) in try Self.stores() {
            defer { directory.map { try? FileManager.default.removeItem(at: $0) } }
            let engine = try Self.engine(tickets: tickets)
            let victim = "jane.doe@example.com"
            let a = try await Self.ask(engine, session: "a-1", channel: channel, customer: Customer(email: victim, phone: "+1 555 010 0001"))
            let b = try await Self.ask(engine, session: "b-1", channel: channel, customer: Customer(email: victim, phone: "+1 555 010 0002"))
            #expect(a.outcome == "handoff" && b.outcome == "handoff", "\(name): \(a.text) / \(b.text)")
            #expect(try await tickets.tickets(status: nil).count == 2, "\(name)")
            // The same phone, written differently, in a new session: the first person's ticket again.
            _ = try await Self.ask(engine, session: "a-2", channel: channel, customer: Customer(phone: "001-555-010-0001"))
            let all = try await tickets.tickets(status: nil)
            #expect(all.count == 2, "\(name)")
            // The ticket follows the person to the session they write in now (the team's replies go there).
            let first = try #require(all.first { $0.sessionID == "a-2" })
            #expect(first.transcript.filter { $0.role == .customer }.count == 2, "\(name)")
            let second = try #require(all.first { $0.sessionID == "b-1" })
            #expect(second.transcript.filter { $0.role == .customer }.count == 1, "\(name)")
        }
    }

    @Test("A person with several conversations: their ticket, and the team's replies, follow the one they write in now",
        arguments: [Channel.sms, .whatsapp])
    func ticketFollowsTheWritingSession(channel: Channel) async throws {
        for (name, tickets, directory) in try Self.stores() {
            defer { directory.map { try? FileManager.default.removeItem(at: $0) } }
            let engine = try Self.engine(tickets: tickets)
            let phone = Customer(phone: "+1 555 010 9999")
            for session in ["p-a", "p-b", "p-c"] {
                _ = try await Self.ask(engine, session: session, channel: channel, customer: phone)
            }
            let all = try await tickets.tickets(status: nil)
            #expect(all.count == 1, "\(name)")
            let id = try #require(all.first?.id)
            #expect(all.first?.sessionID == "p-c", "\(name)")
            _ = try await tickets.addReply(ticketID: id, author: "Maya", text: "looking now")
            let forwarded = try await engine.respond(
                to: IncomingMessage(session: "p-a", text: "hello? anyone there", channel: channel, customer: phone))
            #expect(forwarded.outcome == "forwarded_to_team", "\(name): \(forwarded.text)")
            #expect(try await tickets.ticket(id: id)?.sessionID == "p-a", "\(name)")
            #expect(try await tickets.pendingReplies(session: "p-a").map(\.text) == ["looking now"], "\(name)")
            #expect(try await tickets.pendingReplies(session: "p-c").isEmpty, "\(name)")
        }
    }

    @Test("Without a phone field, a session named by its phone number is that phone; other sessions stay apart")
    func sessionIdAsPhone() async throws {
        let tickets = InMemoryTicketStore()
        let engine = try Self.engine(tickets: tickets)
        _ = try await Self.ask(engine, session: "+15550100003", channel: .sms, customer: Customer(email: "x@example.com"))
        _ = try await Self.ask(engine, session: "other", channel: .sms, customer: Customer(phone: "+1 (555) 010-0003"))
        _ = try await Self.ask(engine, session: "x@example.com", channel: .sms, customer: Customer(email: "x@example.com"))
        _ = try await Self.ask(engine, session: "again", channel: .sms, customer: Customer(email: "x@example.com"))
        // The phone's two sessions share a ticket; a session named like the email, and another anonymous one, do not join it.
        #expect(try await tickets.tickets(status: nil).count == 3)
    }

    @Test("A verified email (order number plus email, or authenticated by the host) merges tickets")
    func verifiedEmailMerges() async throws {
        let tickets = InMemoryTicketStore()
        let engine = try Self.engine(tickets: tickets)
        let jane = Customer(email: "jane.doe@example.com", authenticated: true)
        _ = try await Self.ask(engine, session: "web-a", channel: .sms, customer: jane)
        // Verified in the conversation, without the host's word.
        _ = try await engine.respond(to: IncomingMessage(session: "web-b", text: "where is my order #1001? jane.doe@example.com", channel: .sms))
        _ = try await Self.ask(engine, session: "web-b", channel: .sms, customer: Customer())
        #expect(try await tickets.tickets(status: nil).count == 1)
    }

    @Test(arguments: [
        ("+1 (555) 010-0200", "+15550100200"), ("001 555 010 0200", "+15550100200"), ("+1.555.010.0200", "+15550100200"),
        ("＋１ ５５５ ０１０ ０２００", "+15550100200"), ("+48\u{00A0}601\u{00A0}234\u{00A0}567", "+48601234567"), ("555 0100", "5550100"),
    ])
    func phoneNumbersAreNormalised(_ raw: String, _ expected: String) {
        #expect(PhoneNumber.normalised(raw) == expected)
        guard case .success(let message) = IdentifierTests.decode(#"{"session":"s1","text":"hi","customer":{"phone":"\#(raw)"}}"#) else {
            Issue.record("refused: \(raw)")
            return
        }
        #expect(message.customer?.phone == expected)
    }

    @Test(arguments: ["12345", "+1234567890123456", "555-CALL-NOW", "+1 555 +0100", "jane@example.com", "1\u{0}5550100200", "", "+"])
    func notAPhoneNumberIsAnErrorNamingTheField(_ raw: String) {
        let json = #"{"session":"s1","text":"hi","customer":{"phone":"\#(raw.replacingOccurrences(of: "\u{0}", with: "\\u0000"))"}}"#
        guard case .failure(let error) = IdentifierTests.decode(json) else {
            Issue.record("accepted: \(raw)")
            return
        }
        #expect(error.code == "invalid_field")
        #expect(error.message.contains("`customer.phone`"), "\(error.message)")
    }

    @Test func aPhoneThatIsNotAStringIsRefused() {
        guard case .failure(let error) = IdentifierTests.decode(#"{"session":"s1","text":"hi","customer":{"phone":15550100200}}"#) else {
            Issue.record("accepted")
            return
        }
        #expect(error.message.contains("`customer.phone`"))
    }
}

import Foundation
import GRDB
import StewardCore
import StewardModel
import StewardRuntime
import StewardStore
import Testing

/// Every text the store keeps reaches SQLite with all its bytes: NUL and other control characters
/// in a message, a fact, a ticket field or a reply are stored and read back byte for byte, and an id
/// with a NUL is its own id, never the one it would be cut to.
@Suite("Full-length text in the SQLite store")
struct FullLengthTextTests {
    /// Control characters where truncation and escaping go wrong: a leading, inner and trailing NUL,
    /// C0, ESC, DEL, C1, the line separators and a quote.
    static let hostile = [
        "\u{0}leading", "in\u{0}ner", "trailing\u{0}", "\u{0}", "bell\u{7} esc\u{1B}[31m del\u{7F} c1\u{85}\u{9F}",
        "tab\tnew\nline\rcr", "sep\u{2028}par\u{2029}", "quote\"back\\slash\u{0}é🙂",
    ]

    /// Reads back through a fresh store, so nothing comes from a cache.
    func reopened(_ path: String) throws -> SQLiteStore { try SQLiteStore(path: path) }

    @Test("A session keeps control characters in every field: turns, facts, customer, skills")
    func sessionFields() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            var sessions: [Session] = []
            for (index, text) in Self.hostile.enumerated() {
                var session = Session(
                    id: "session-\(index)-" + text, channel: .sms,
                    customer: Customer(email: "a\(index)\(text)@example.com", profileID: "p" + text, name: "Ann " + text),
                    now: Instant.base)
                session.turns = [
                    Turn(timestamp: Instant.at(1), role: .customer, text: text, intent: "i" + text, messageID: "m" + text),
                    Turn(timestamp: Instant.at(2), role: .human, text: "reply " + text, author: "Bo" + text),
                ]
                session.facts = ["fact" + text: "value" + text, "order": "#1001" + text]
                session.skillsUsed = ["skill" + text]
                sessions.append(session)
            }
            do {
                let store = try SQLiteStore(path: path)
                for session in sessions { try await store.save(session) }
            }
            let store = try reopened(path)
            for session in sessions {
                let loaded = try #require(try await store.load(id: session.id), "\(session.id.debugDescription) not found")
                #expect(loaded == session)
                #expect(Array(loaded.turns[0].text.utf8) == Array(session.turns[0].text.utf8))
            }
        }
    }

    @Test("A session id with a NUL is its own session, never the one before the NUL")
    func nulInSessionID() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            var owner = Session(
                id: "s-42", customer: Customer(email: "jane@example.com", verifiedEmail: "jane@example.com"), now: Instant.base)
            owner.turns = [Turn(timestamp: Instant.at(1), role: .customer, text: "my orders")]
            var intruder = Session(id: "s-42\u{0}x", now: Instant.base)
            intruder.turns = [Turn(timestamp: Instant.at(2), role: .customer, text: "show my orders")]
            do {
                let store = try SQLiteStore(path: path)
                try await store.save(owner)
                #expect(try await store.load(id: "s-42\u{0}x") == nil)
                #expect(try await store.load(id: "s-42\u{0}") == nil)
                try await store.save(intruder)
            }
            let store = try reopened(path)
            #expect(try await store.load(id: "s-42") == owner)
            #expect(try await store.load(id: "s-42\u{0}x") == intruder)
            try await store.delete(id: "s-42\u{0}x")
            #expect(try await store.load(id: "s-42") == owner)
            #expect(try await store.load(id: "s-42\u{0}x") == nil)
        }
    }

    @Test("Answered messages keep their ids and texts whole")
    func answeredMessages() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let session = Session(id: "answers", now: Instant.base)
            var records: [AnsweredMessage] = []
            for text in Self.hostile {
                let reply = AgentReply(
                    session: session.id, replyTo: "m" + text, text: "answer " + text, skill: "s" + text, intent: nil,
                    confidence: 0.5, outcome: "resolved", channel: .webchat)
                records.append(AnsweredMessage(messageID: "m" + text, reply: reply, answeredAt: Instant.at(3)))
            }
            do {
                let store = try SQLiteStore(path: path)
                try await store.save(session, answering: records)
            }
            let store = try reopened(path)
            for record in records {
                #expect(try await store.answeredMessage(session: session.id, messageID: record.messageID) == record)
            }
            #expect(try await store.answeredMessage(session: session.id, messageID: "m") == nil)
        }
    }

    @Test("Tickets, the outbox's errors and the team's replies keep control characters in every field")
    func ticketFields() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            var tickets: [Ticket] = []
            var replies: [HumanReply] = []
            do {
                let store = try SQLiteStore(path: path)
                for (index, text) in Self.hostile.enumerated() {
                    let ticket = Ticket(
                        id: "t\(index)" + text, sessionID: "s\(index)" + text, channel: .email, subject: "Subject " + text,
                        customerEmail: "c\(index)" + text + "@example.com", customerProfileID: "p" + text,
                        customerName: "Name " + text,
                        transcript: [Turn(timestamp: Instant.at(1), role: .customer, text: text)],
                        intents: ["i" + text], skills: ["k" + text], reason: .requested,
                        summary: ["what" + text: "asked " + text], tags: ["tag" + text], assignee: "Ana" + text,
                        notes: [Ticket.Note(author: "N" + text, text: "note " + text, createdAt: Instant.at(2))],
                        createdAt: Instant.at(0), external: Ticket.ExternalReference(provider: "zendesk", id: "z" + text))
                    try await store.create(ticket, deliverTo: "zendesk")
                    // The claim's worker name is compared byte for byte: a cut one would match another worker's.
                    let worker = "worker " + text
                    #expect(try await store.claimDelivery(ticketID: ticket.id, worker: worker, at: Instant.at(1), leaseUntil: Instant.at(300))?.claimedBy == worker)
                    let cut = String(worker.prefix { $0 != "\u{0}" })
                    if cut != worker {
                        #expect(try await store.markFailed(ticketID: ticket.id, error: "cut", nextAttemptAt: Instant.at(60), worker: cut) == false)
                    }
                    #expect(try await store.markFailed(ticketID: ticket.id, error: "error " + text, nextAttemptAt: Instant.at(60), worker: worker))
                    replies.append(try await store.addReply(ticketID: ticket.id, author: "Team " + text, text: "Hello " + text))
                    tickets.append(try #require(try await store.ticket(id: ticket.id)))
                }
            }
            let store = try reopened(path)
            for (index, ticket) in tickets.enumerated() {
                let loaded = try #require(try await store.ticket(id: ticket.id))
                #expect(loaded == ticket)
                #expect(loaded.transcript.last?.text == "Hello " + Self.hostile[index])
                #expect(try await store.activeTicket(sessionID: ticket.sessionID)?.id == ticket.id)
            }
            #expect(try await store.replies(after: 0) == replies)
            let outbox = try await store.pendingDeliveries()
            #expect(Set(outbox.map(\.ticketID)) == Set(tickets.map(\.id)))
            for entry in outbox {
                let index = try #require(tickets.firstIndex { $0.id == entry.ticketID })
                #expect(entry.lastError == "error " + Self.hostile[index])
            }
            // A ticket id with a NUL is not found by the id before the NUL.
            #expect(try await store.ticket(id: "t1in") == nil)
        }
    }

    @Test("The bytes in the file are the whole text, not the text up to the first NUL")
    func bytesInTheFile() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let text = "before\u{0}after"
            do {
                let store = try SQLiteStore(path: path)
                let ticket = Ticket(
                    id: "t-nul", sessionID: "s-nul", channel: .webchat, subject: text, customerName: text,
                    transcript: [], reason: .requested, createdAt: Instant.base)
                try await store.create(ticket, deliverTo: nil)
                _ = try await store.addReply(ticketID: "t-nul", author: text, text: text)
            }
            let queue = try DatabaseQueue(path: path)
            let found = try await queue.read { db throws -> [String?] in
                try [
                    "SELECT CAST(length(CAST(subject AS BLOB)) AS TEXT) FROM tickets", "SELECT CAST(length(CAST(customer_name AS BLOB)) AS TEXT) FROM tickets",
                    "SELECT CAST(length(CAST(text AS BLOB)) AS TEXT) FROM replies", "SELECT CAST(length(CAST(author AS BLOB)) AS TEXT) FROM replies",
                    "SELECT typeof(text) FROM replies", "SELECT typeof(subject) FROM tickets",
                ].map { try String.fetchOne(db, sql: $0) }
            }
            let expected = "\(text.utf8.count)"
            #expect(found == [expected, expected, expected, expected, "text", "text"])
            try queue.close()
        }
    }
}

import Foundation
import StewardCore
import StewardModel
import StewardRuntime
import StewardStore
import Testing

/// Secrets split over the messages of a burst, and secrets the team types into replies and notes,
/// never reach the database (issue 12).
@Suite struct SecretMaskingStoredTextTests {
    /// The database file and its write-ahead log, as text.
    static func databaseText(_ path: String) -> String {
        var data = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
        data += (try? Data(contentsOf: URL(fileURLWithPath: path + "-wal"))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func temporaryDatabase() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("steward-split-\(UUID().uuidString).db").path
    }

    @Test(arguments: [
        // Parts, and what must not be stored: digits of a card, a password, a PIN.
        (["my card is 5555 5555", "5555 4444"], ["5555 4444", "55554444", "5555 5555"]),
        (["my card is 5555,5555,5555", "4444 thanks"], ["5555,5555", "4444 thanks"]),
        (["my password is", "Hunter2zz"], ["hunter2zz"]),
        (["my password is", "correct horse battery staple"], ["horse battery"]),
        (["my pin", "73196"], ["73196"]),
        (["ssn", "234-56-7891"], ["234-56-7891"]),
        (["meine PIN ist", "86420 danke"], ["86420"]),
    ])
    func aSecretSplitOverABurstIsMaskedInEveryStoredPart(parts: [String], fingerprints: [String]) async throws {
        let path = Self.temporaryDatabase()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteStore(path: path)
        var configuration = StewardConfiguration()
        configuration.handoff.method = .helpdesk
        let engine = try ConversationEngine.make(
            configuration: configuration, skills: shippedSkills, baseDirectory: repositoryRoot, store: store, tickets: store)
        let burst = parts.enumerated().map { index, text in
            IncomingMessage(session: "split", id: "p\(index)", text: text, channel: .sms)
        }
        let replies = try await engine.respond(to: burst)
        #expect(replies.count == parts.count)
        for text in ["talk to a human", "yes"] {
            _ = try await engine.respond(to: IncomingMessage(
                session: "split", id: text, text: text, channel: .sms,
                customer: Customer(email: "sam@example.com", name: "Sam", authenticated: true)))
        }
        let session = try #require(try await store.load(id: "split"))
        let turns = session.turns.map(\.text).joined(separator: "\n")
        #expect(try await !store.tickets(status: nil).isEmpty)
        let tickets = try await store.tickets(status: nil).map { String(describing: $0) }.joined(separator: "\n")
        let database = Self.databaseText(path)
        for fingerprint in fingerprints {
            for (place, text) in [("turns", turns), ("ticket", tickets), ("database", database), ("replies", "\(replies)")] {
                #expect(!text.lowercased().contains(fingerprint), "\(place) holds \(fingerprint)")
            }
        }
        // Each part is its own turn, masked where it held part of the secret.
        #expect(session.turns.filter { $0.role == .customer }.prefix(parts.count).allSatisfy { $0.text.contains("[") || !$0.text.contains(where: \.isNumber) })
    }

    @Test func maskingPartsMasksEachStretchOfASplitSecret() {
        #expect(SecretMasker.mask(parts: ["my card is 4111 1111", "1111 1111"]) == [
            "my card is [card number removed]", "[card number removed]",
        ])
        #expect(SecretMasker.mask(parts: ["my password is", "Hunter2zz"]) == ["my password is", "[removed]"])
        #expect(SecretMasker.mask(parts: ["my pin", "4321"]) == ["my pin", "[removed]"])
        #expect(SecretMasker.mask(parts: ["orders 1001", "1002 1003 1006"]) == ["orders 1001", "1002 1003 1006"])
        #expect(SecretMasker.mask(parts: ["hi", "my pin is 4321"]) == ["hi", "my pin is [removed]"])
    }

    @Test func teamRepliesAndNotesAreStoredMasked() async throws {
        let path = Self.temporaryDatabase()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try SQLiteStore(path: path)
        var configuration = StewardConfiguration()
        configuration.handoff.method = .helpdesk
        let engine = try ConversationEngine.make(
            configuration: configuration, skills: shippedSkills, baseDirectory: repositoryRoot, store: store, tickets: store)
        for text in ["talk to a human", "yes"] {
            _ = try await engine.respond(to: IncomingMessage(
                session: "team", id: text, text: text, customer: Customer(email: "sam@example.com", name: "Sam", authenticated: true)))
        }
        let ticket = try #require(try await store.tickets(status: nil).first)
        let typed = "card 4111 1111 1111 1111 pin 4321, password: Sunny-Day-99"
        let reply = try await store.addReply(ticketID: ticket.id, author: "Ana", text: typed)
        #expect(reply.text == "card [card number removed] pin [removed], password: [removed]")
        let noted = try await store.modifyTicket(id: ticket.id) { $0.notes.append(Ticket.Note(author: "Ana", text: typed)) }
        #expect(noted.notes.last?.text == reply.text)
        let database = Self.databaseText(path)
        for fingerprint in ["4111 1111 1111 1111", "sunny-day-99", " 4321"] {
            #expect(!database.lowercased().contains(fingerprint), "the database holds \(fingerprint)")
        }

        let memory = InMemoryTicketStore()
        try await memory.create(ticket, deliverTo: nil)
        let memoryReply = try await memory.addReply(ticketID: ticket.id, author: "Ana", text: typed)
        #expect(memoryReply.text == reply.text)
        let memoryNoted = try await memory.modifyTicket(id: ticket.id) { $0.notes.append(Ticket.Note(author: "Ana", text: typed)) }
        #expect(memoryNoted.notes.last?.text == reply.text)
    }
}

import Foundation
import StewardCore
import StewardModel
import StewardRuntime
import StewardStore
import Testing

/// What only the SQLite store does: persistence, sharing one file, prefixes and its errors.
@Suite("SQLite store")
struct SQLiteStoreTests {
    @Test("A returning customer's session keeps its history after the store is reopened")
    func sessionSurvivesReopen() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            var session = Session(
                id: "sms:+15550100", channel: .sms, customer: Customer(email: "jane@example.com"), now: Instant.base)
            session.turns = [Turn(timestamp: Instant.at(1), role: .customer, text: "where is my order #1001")]
            session.skillsUsed = ["OrderTracking"]
            do {
                let store = try SQLiteStore(path: path)
                try await store.save(session)
            }
            let reopened = try SQLiteStore(path: path)
            #expect(try await reopened.load(id: session.id) == session)
        }
    }

    @Test("A reopened store loads a long session's last turns only, and reads the rest on demand")
    func longSessionAfterReopen() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            var session = Session(id: "long", now: Instant.base)
            session.turns = (0..<100).map { Turn(timestamp: Instant.at(Double($0)), role: .customer, text: "turn \($0)") }
            do {
                let store = try SQLiteStore(path: path, configuration: .init(recentTurns: 10))
                try await store.save(session)
                // Its own cache holds the same window as a fresh load would.
                #expect(try await store.load(id: "long")?.turns.count == 10)
            }
            let reopened = try SQLiteStore(path: path, configuration: .init(recentTurns: 10))
            let loaded = try #require(try await reopened.load(id: "long"))
            #expect(loaded.turns == Array(session.turns[90...]))
            #expect(loaded.earlierTurnCount == 90)
            #expect(try await reopened.turns(session: "long", before: 90) == Array(session.turns[..<90]))
        }
    }

    @Test("Tickets, the outbox and replies survive a reopen")
    func ticketsSurviveReopen() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let reply: HumanReply
            do {
                let store = try SQLiteStore(path: path)
                try await store.create(.sample(id: "t1"), deliverTo: "zendesk")
                reply = try await store.addReply(ticketID: "t1", author: "Ana", text: "On it.")
            }
            let reopened = try SQLiteStore(path: path)
            #expect(try await reopened.pendingDeliveries().map(\.ticketID) == ["t1"])
            #expect(try await reopened.replies(after: 0) == [reply])
            #expect(try await reopened.ticket(id: "t1")?.transcript.last?.text == "On it.")
            let next = try await reopened.addReply(ticketID: "t1", author: "Ana", text: "Done.")
            #expect(next.sequence == reply.sequence + 1)
        }
    }

    @Test("Two stores on one file, like two processes, see each other's writes")
    func twoStoresShareOneFile() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let agent = try SQLiteStore(path: path)  // the pipe process
            let team = try SQLiteStore(path: path)  // `steward tickets reply` in another shell
            try await agent.create(.sample(id: "t1", session: "s1"), deliverTo: nil)
            let seen = try await agent.lastReplySequence()

            let ticket = try await team.ticket(matching: "t1")
            _ = try await team.addReply(ticketID: ticket.id, author: "Ana", text: "It ships tomorrow.")
            try await team.modifyTicket(id: ticket.id) { $0.status = .snoozed }

            let replies = try await agent.replies(after: seen)
            #expect(replies.map(\.text) == ["It ships tomorrow."])
            #expect(replies.first?.sessionID == "s1")
            #expect(try await agent.ticket(id: "t1")?.status == .snoozed)
            #expect(try await agent.activeTicket(sessionID: "s1")?.transcript.last?.role == .human)
        }
    }

    @Test("A write that fails in a group commit fails alone; the writes batched with it are stored")
    func failingWriteFailsAlone() async throws {
        try await withTemporaryDirectory { directory in
            let store = try SQLiteStore(path: directory.appendingPathComponent("steward.db").path)
            let turn = Turn(timestamp: Instant.at(1), role: .customer, text: "hello?")
            let failures = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        if index % 10 == 5 {
                            do {
                                try await store.append(turn, toTicket: "missing-\(index)")
                                return false
                            } catch StoreError.ticketNotFound {
                                return true
                            }
                        }
                        var session = Session(id: "s\(index)", now: Instant.base)
                        session.turns = [turn]
                        try await store.save(session)
                        return false
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(failures == 4)
            let reopened = try SQLiteStore(path: directory.appendingPathComponent("steward.db").path)
            for index in 0..<40 where index % 10 != 5 {
                #expect(try await reopened.load(id: "s\(index)")?.turns == [turn])
            }
        }
    }

    @Test("Concurrent writes from two stores on one file lose nothing")
    func concurrentWritersLoseNothing() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let first = try SQLiteStore(path: path)
            let second = try SQLiteStore(path: path)
            try await first.create(.sample(id: "t1"), deliverTo: nil)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<20 {
                    let store = index.isMultiple(of: 2) ? first : second
                    group.addTask {
                        if index.isMultiple(of: 3) {
                            try await store.append(Turn(role: .customer, text: "message \(index)"), toTicket: "t1")
                        } else {
                            _ = try await store.addReply(ticketID: "t1", author: "Ana", text: "reply \(index)")
                        }
                    }
                }
                try await group.waitForAll()
            }
            let replies = try await second.replies(after: 0)
            #expect(replies.count == 13)
            #expect(replies.map(\.sequence) == Array(1...13))
            #expect(try await first.ticket(id: "t1")?.transcript.count == 21)
        }
    }

    @Test("A ticket is found by its id or by a unique prefix of it, as in git")
    func ticketByPrefix() async throws {
        try await withTemporaryDirectory { directory in
            let store = try SQLiteStore(path: directory.appendingPathComponent("steward.db").path)
            try await store.create(.sample(id: "abc123"), deliverTo: nil)
            try await store.create(.sample(id: "abd456"), deliverTo: nil)
            try await store.create(.sample(id: "ab"), deliverTo: nil)
            #expect(try await store.ticket(matching: "abc").id == "abc123")
            #expect(try await store.ticket(matching: "abd456").id == "abd456")
            #expect(try await store.ticket(matching: "ab").id == "ab")  // an exact id wins over longer ones
            await #expect(throws: StoreError.ambiguousTicketPrefix(prefix: "a", count: 3)) {
                try await store.ticket(matching: "a")
            }
            await #expect(throws: StoreError.noTicketMatches(prefix: "zz")) { try await store.ticket(matching: "zz") }
            #expect(
                StoreError.ambiguousTicketPrefix(prefix: "a", count: 3).description
                    == "The prefix 'a' matches 3 tickets; give more characters.")
            #expect(StoreError.noTicketMatches(prefix: "abc").description == "No ticket matches 'abc'.")
        }
    }

    @Test("Changing a ticket in place keeps its id and refreshes updatedAt")
    func modifyTicket() async throws {
        try await withTemporaryDirectory { directory in
            let store = try SQLiteStore(path: directory.appendingPathComponent("steward.db").path)
            try await store.create(.sample(id: "t1", createdAt: Instant.base), deliverTo: nil)
            let changed = try await store.modifyTicket(id: "t1") {
                $0.id = "renamed"
                $0.assignee = "Ana"
                $0.notes.append(Ticket.Note(author: "Ana", text: "VIP customer"))
            }
            #expect(changed.id == "t1")
            #expect(changed.updatedAt > Instant.base)
            #expect(try await store.ticket(id: "t1") == changed)
            await #expect(throws: StoreError.ticketNotFound(id: "nope")) {
                try await store.modifyTicket(id: "nope") { _ in }
            }
        }
    }

    @Test("Commands that only read refuse to create a database that is not there")
    func missingDatabase() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("absent.db").path
            #expect(throws: StoreError.missingDatabase(path: path)) {
                try SQLiteStore(path: path, configuration: .init(createIfMissing: false))
            }
            #expect(!FileManager.default.fileExists(atPath: path))
            #expect(StoreError.missingDatabase(path: path).description.contains("store.path"))
        }
    }

    @Test("A file that cannot be opened as a database gives an error naming the path and the setting")
    func unopenableFile() async throws {
        try await withTemporaryDirectory { directory in
            let notADatabase = directory.appendingPathComponent("notes.txt")
            try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: notADatabase)
            let inMissingFolder = directory.appendingPathComponent("no/such/folder/steward.db").path
            for path in [notADatabase.path, inMissingFolder] {
                do {
                    _ = try SQLiteStore(path: path)
                    Issue.record("opening \(path) should fail")
                } catch let error as StoreError {
                    #expect(error.description.contains(path))
                    #expect(error.description.contains("store.path"))
                }
            }
        }
    }

    @Test("A database from a newer Steward is refused rather than misread")
    func newerSchemaIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            do {
                let store = try SQLiteStore(path: path)
                try await store.markNewerSchemaForTesting()
            }
            #expect(throws: StoreError.newerSchema(path: path)) { try SQLiteStore(path: path) }
        }
    }
}

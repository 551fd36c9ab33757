import Foundation
import StewardCore
import StewardModel
import StewardRuntime
import StewardStore
import Testing

/// One ticket per person on SMS and WhatsApp (`createOrAppend`); runs against both ticket stores.
@Suite("Person ticket conformance")
struct PersonTicketConformanceTests {
    static func ticket(session: String, text: String, at seconds: TimeInterval, email: String? = "kim.park@example.com") -> Ticket {
        var ticket = Ticket.sample(session: session, channel: .sms, email: email, createdAt: Instant.at(seconds))
        ticket.transcript = [Turn(timestamp: Instant.at(seconds), role: .customer, text: text)]
        return ticket
    }

    @Test("The first ticket of a person is created and queued once; later ones append and reopen it", arguments: Factories.ticketStores)
    func createsThenAppends(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            let first = Self.ticket(session: "a", text: "agent please", at: 0)
            let placed = try await store.createOrAppend(first, forCustomer: "email:kim.park@example.com", deliverTo: "zendesk")
            #expect(placed == TicketPlacement(ticketID: first.id, created: true))
            #expect(try await store.pendingDeliveries().map(\.ticketID) == [first.id])

            var closed = try #require(try await store.ticket(id: first.id))
            closed.status = .closed
            try await store.update(closed)
            // The second conversation's transcript repeats the first turn (same timestamp and text) and adds one.
            var second = Self.ticket(session: "b", text: "my parcel never came", at: 10)
            second.transcript.insert(first.transcript[0], at: 0)
            let again = try await store.createOrAppend(second, forCustomer: "email:kim.park@example.com", deliverTo: "zendesk")
            #expect(again == TicketPlacement(ticketID: first.id, created: false))
            let stored = try #require(try await store.ticket(id: first.id))
            #expect(stored.status == .open)
            #expect(stored.transcript.map(\.text) == ["agent please", "my parcel never came"])
            #expect(try await store.tickets(status: nil).count == 1)
            // No second delivery: the helpdesk gets one ticket creation.
            #expect(try await store.pendingDeliveries().map(\.ticketID) == [first.id])
        }
    }

    @Test("A ticket follows the person to the conversation they write in now: the team's pending and later replies go there",
        arguments: Factories.ticketStores)
    func theTicketFollowsThePersonsNewConversation(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            let first = Self.ticket(session: "old", text: "agent please", at: 0)
            _ = try await store.createOrAppend(first, forCustomer: "phone:+15550100300", deliverTo: nil)
            let early = try await store.addReply(ticketID: first.id, author: "Maya", text: "on it")
            #expect(early.sessionID == "old")
            let second = Self.ticket(session: "new", text: "still waiting", at: 10)
            let placed = try await store.createOrAppend(second, forCustomer: "phone:+15550100300", deliverTo: nil)
            #expect(placed.ticketID == first.id)
            #expect(try await store.ticket(id: first.id)?.sessionID == "new")
            #expect(try await store.activeTicket(sessionID: "new")?.id == first.id)
            // The reply written before the move waits for the new conversation, not the old one.
            #expect(try await store.pendingReplies(session: "new").map(\.text) == ["on it"])
            #expect(try await store.pendingReplies(session: "old").isEmpty)
            let later = try await store.addReply(ticketID: first.id, author: "Maya", text: "found it")
            #expect(later.sessionID == "new")
        }
    }

    @Test("Moving a ticket to the session the person writes in now takes its pending replies along", arguments: Factories.ticketStores)
    func movingATicketTakesPendingReplies(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            let first = Self.ticket(session: "p-c", text: "agent please", at: 0)
            _ = try await store.createOrAppend(first, forCustomer: "phone:+15550109999", deliverTo: nil)
            _ = try await store.addReply(ticketID: first.id, author: "Maya", text: "on it")
            try await store.moveTicket(id: first.id, toSession: "p-b")
            try await store.moveTicket(id: first.id, toSession: "p-b")  // again: no change
            #expect(try await store.ticket(id: first.id)?.sessionID == "p-b")
            #expect(try await store.pendingReplies(session: "p-b").map(\.text) == ["on it"])
            #expect(try await store.pendingReplies(session: "p-c").isEmpty)
            #expect(try await store.addReply(ticketID: first.id, author: "Maya", text: "found it").sessionID == "p-b")
            await #expect(throws: (any Error).self) { try await store.moveTicket(id: "no-such-ticket", toSession: "p-b") }
        }
    }

    @Test("Other people and other channels get their own tickets", arguments: Factories.ticketStores)
    func separatesPeopleAndChannels(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            _ = try await store.createOrAppend(Self.ticket(session: "a", text: "hi", at: 0), forCustomer: "email:kim.park@example.com", deliverTo: nil)
            let other = Self.ticket(session: "b", text: "hello", at: 1, email: "lee@example.com")
            #expect(try await store.createOrAppend(other, forCustomer: "email:lee@example.com", deliverTo: nil).created)
            var whatsapp = Self.ticket(session: "c", text: "hey", at: 2)
            whatsapp.channel = .whatsapp
            #expect(try await store.createOrAppend(whatsapp, forCustomer: "email:kim.park@example.com", deliverTo: nil).created)
            #expect(try await store.tickets(status: nil).count == 3)
        }
    }

    @Test("An anonymous person is known by their session (the phone number)", arguments: Factories.ticketStores)
    func anonymousBySession(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            let first = Self.ticket(session: "+15550100", text: "agent", at: 0, email: nil)
            _ = try await store.createOrAppend(first, forCustomer: "phone:+15550100", deliverTo: nil)
            let second = Self.ticket(session: "+15550100", text: "agent again", at: 5, email: nil)
            #expect(try await store.createOrAppend(second, forCustomer: "phone:+15550100", deliverTo: nil).ticketID == first.id)
        }
    }

    @Test("Concurrent conversations of one person end in one ticket holding all their messages", arguments: Factories.ticketStores)
    func concurrentCallsMakeOneTicket(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            let texts = ["agent please", "my parcel never came, agent please", "hello?? real person please"]
            let placements = try await withThrowingTaskGroup(of: TicketPlacement.self) { group in
                for (index, text) in texts.enumerated() {
                    let ticket = Self.ticket(session: "sms-\(index)", text: text, at: Double(index))
                    group.addTask { try await store.createOrAppend(ticket, forCustomer: "email:kim.park@example.com", deliverTo: "gorgias") }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(placements.filter(\.created).count == 1)
            #expect(Set(placements.map(\.ticketID)).count == 1)
            let all = try await store.tickets(status: nil)
            try #require(all.count == 1)
            #expect(Set(all[0].transcript.map(\.text)) == Set(texts))
            #expect(try await store.pendingDeliveries().count == 1)
        }
    }

    @Test("Two SQLite connections (as two processes) racing for one person make one ticket")
    func twoConnectionsMakeOneTicket() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("steward.db").path
            let a = try SQLiteStore(path: path), b = try SQLiteStore(path: path)
            for round in 0..<20 {
                let email = "person\(round)@example.com"
                let key = "email:" + email
                let one = Self.ticket(session: "a\(round)", text: "agent please", at: 0, email: email)
                let two = Self.ticket(session: "b\(round)", text: "real person please", at: 1, email: email)
                async let first = a.createOrAppend(one, forCustomer: key, deliverTo: "zendesk")
                async let second = b.createOrAppend(two, forCustomer: key, deliverTo: "zendesk")
                let placed = try await [first, second]
                #expect(placed.filter(\.created).count == 1)
                #expect(placed[0].ticketID == placed[1].ticketID)
            }
            #expect(try await a.tickets(status: nil).count == 20)
            #expect(try await b.pendingDeliveries().count == 20)
        }
    }

    @Test("Person keys are compared exactly: another kind or spelling of key is another person", arguments: Factories.ticketStores)
    func keysAreExact(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            let first = Self.ticket(session: "a", text: "agent", at: 0)
            _ = try await store.createOrAppend(first, forCustomer: "session:ABC", deliverTo: nil)
            #expect(try await store.createOrAppend(Self.ticket(session: "b", text: "agent", at: 1), forCustomer: "session:abc", deliverTo: nil).created)
            #expect(try await store.createOrAppend(Self.ticket(session: "c", text: "agent", at: 2), forCustomer: "email:ABC", deliverTo: nil).created)
            #expect(try await store.createOrAppend(Self.ticket(session: "d", text: "more", at: 3), forCustomer: "session:ABC", deliverTo: nil).ticketID == first.id)
        }
    }

    @Test("A turn already added to the ticket (forwarded, or a team reply) is not added again by a later handoff", arguments: Factories.ticketStores)
    func heldTurnsAreNotRepeated(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            let first = Self.ticket(session: "a", text: "agent please", at: 0)
            _ = try await store.createOrAppend(first, forCustomer: "phone:+15550100", deliverTo: nil)
            let forwarded = Turn(timestamp: Instant.at(5), role: .customer, text: "are you there?")
            try await store.append(forwarded, toTicket: first.id)
            let reply = try await store.addReply(ticketID: first.id, author: "Ana", text: "Yes, looking now")
            var later = Self.ticket(session: "a", text: "agent please", at: 0)
            later.transcript += [forwarded, Turn(timestamp: reply.createdAt, role: .human, text: reply.text, author: "Ana"),
                                 Turn(timestamp: Instant.at(50), role: .customer, text: "thanks, one more thing")]
            #expect(try await store.createOrAppend(later, forCustomer: "phone:+15550100", deliverTo: nil).ticketID == first.id)
            let stored = try #require(try await store.ticket(id: first.id))
            #expect(stored.transcript.map(\.text) == ["agent please", "are you there?", "Yes, looking now", "thanks, one more thing"])
        }
    }
}

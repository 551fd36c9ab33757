import Foundation
import StewardCore
import StewardModel
import StewardRuntime
import Testing

/// What every `TicketStore` must do; runs against the in-memory and the SQLite store.
@Suite("Ticket store conformance")
struct TicketStoreConformanceTests {
    @Test(
        "Creating a ticket with a provider writes it and queues its delivery together",
        arguments: Factories.ticketStores)
    func createWritesTheTicketAndItsOutboxEntry(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            let ticket = Ticket.sample(id: "t1")
            try await store.create(ticket, deliverTo: "zendesk")
            #expect(try await store.ticket(id: "t1") == ticket)
            let pending = try await store.pendingDeliveries()
            #expect(
                pending == [OutboxEntry(ticketID: "t1", provider: "zendesk", attempts: 0, nextAttemptAt: Instant.base)])
            #expect(try await store.dueDeliveries(at: Instant.base).map(\.ticketID) == ["t1"])
        }
    }

    @Test("Creating a ticket without a provider queues nothing", arguments: Factories.ticketStores)
    func createWithoutProviderQueuesNothing(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            try await store.create(.sample(id: "t1"), deliverTo: nil)
            #expect(try await store.ticket(id: "t1") != nil)
            #expect(try await store.pendingDeliveries().isEmpty)
        }
    }

    @Test("A second ticket with the same id is refused and changes nothing", arguments: Factories.ticketStores)
    func duplicateCreateChangesNothing(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            let first = Ticket.sample(id: "t1")
            try await store.create(first, deliverTo: nil)
            var second = Ticket.sample(id: "t1", session: "other")
            second.subject = "Something else"
            await #expect(throws: (any Error).self) { try await store.create(second, deliverTo: "gorgias") }
            #expect(try await store.ticket(id: "t1") == first)
            #expect(try await store.pendingDeliveries().isEmpty)
        }
    }

    @Test(
        "Marking a delivery done clears it from the outbox and stores the external reference",
        arguments: Factories.ticketStores)
    func markDeliveredClearsPending(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            try await store.create(.sample(id: "t1"), deliverTo: "zendesk")
            try await store.create(.sample(id: "t2", createdAt: Instant.at(1)), deliverTo: "zendesk")
            let reference = Ticket.ExternalReference(
                provider: "zendesk", id: "4711", url: "https://shop.zendesk.com/agent/tickets/4711")
            #expect(try await store.claimDelivery(ticketID: "t1", worker: "w", at: Instant.at(60), leaseUntil: Instant.at(360)) != nil)
            #expect(try await store.markDelivered(ticketID: "t1", reference: reference, worker: "w"))
            #expect(try await store.pendingDeliveries().map(\.ticketID) == ["t2"])
            #expect(try await store.dueDeliveries(at: Instant.at(60)).map(\.ticketID) == ["t2"])
            #expect(try await store.ticket(id: "t1")?.external == reference)
        }
    }

    @Test(
        "Marking a delivery failed counts the attempt, keeps the error and reschedules it",
        arguments: Factories.ticketStores)
    func markFailedReschedules(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            try await store.create(.sample(id: "t1"), deliverTo: "gorgias")
            #expect(try await store.claimDelivery(ticketID: "t1", worker: "w", at: Instant.base, leaseUntil: Instant.at(300)) != nil)
            #expect(try await store.markFailed(ticketID: "t1", error: "HTTP 503", nextAttemptAt: Instant.at(30), worker: "w"))
            #expect(try await store.claimDelivery(ticketID: "t1", worker: "w", at: Instant.at(30), leaseUntil: Instant.at(330)) != nil)
            #expect(try await store.markFailed(ticketID: "t1", error: "HTTP 502", nextAttemptAt: Instant.at(90), worker: "w"))
            #expect(try await store.dueDeliveries(at: Instant.at(89)).isEmpty)
            let due = try await store.dueDeliveries(at: Instant.at(90))
            #expect(
                due == [
                    OutboxEntry(
                        ticketID: "t1", provider: "gorgias", attempts: 2, nextAttemptAt: Instant.at(90),
                        lastError: "HTTP 502")
                ])
            #expect(try await store.pendingDeliveries() == due)
        }
    }

    @Test("A failure reported after the delivery succeeded is ignored", arguments: Factories.ticketStores)
    func markFailedAfterDeliveryIsIgnored(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            try await store.create(.sample(id: "t1"), deliverTo: "zendesk")
            #expect(try await store.claimDelivery(ticketID: "t1", worker: "w", at: Instant.base, leaseUntil: Instant.at(300)) != nil)
            #expect(try await store.markDelivered(ticketID: "t1", reference: .init(provider: "zendesk", id: "1"), worker: "w"))
            #expect(try await store.markFailed(ticketID: "t1", error: "timeout", nextAttemptAt: Instant.at(10), worker: "w") == false)
            #expect(try await store.pendingDeliveries().isEmpty)
        }
    }

    @Test("Due deliveries are those due by now, the earliest first", arguments: Factories.ticketStores)
    func dueDeliveriesEarliestFirst(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            try await store.create(.sample(id: "late", createdAt: Instant.at(50)), deliverTo: "zendesk")
            try await store.create(.sample(id: "early", createdAt: Instant.at(10)), deliverTo: "zendesk")
            try await store.create(.sample(id: "future", createdAt: Instant.at(500)), deliverTo: "zendesk")
            #expect(try await store.dueDeliveries(at: Instant.at(100)).map(\.ticketID) == ["early", "late"])
            #expect(try await store.pendingDeliveries().map(\.ticketID) == ["early", "late", "future"])
        }
    }

    @Test(
        "Replies get increasing sequences and are appended to the ticket's transcript",
        arguments: Factories.ticketStores)
    func repliesOrderedAndInTranscript(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            #expect(try await store.lastReplySequence() == 0)
            try await store.create(.sample(id: "t1", session: "s1"), deliverTo: nil)
            try await store.create(.sample(id: "t2", session: "s2"), deliverTo: nil)
            let first = try await store.addReply(ticketID: "t1", author: "Ana", text: "It ships tomorrow.")
            let second = try await store.addReply(ticketID: "t2", author: "Ben", text: "Refund sent.")
            let third = try await store.addReply(ticketID: "t1", author: "Ana", text: "Tracking: 1Z999.")
            #expect(first.sequence < second.sequence && second.sequence < third.sequence)
            #expect(first.sessionID == "s1" && second.sessionID == "s2")
            #expect(try await store.replies(after: 0) == [first, second, third])
            #expect(try await store.replies(after: first.sequence) == [second, third])
            #expect(try await store.replies(after: third.sequence).isEmpty)
            #expect(try await store.lastReplySequence() == third.sequence)

            let transcript = try #require(try await store.ticket(id: "t1")).transcript
            let human = transcript.filter { $0.role == .human }
            #expect(human.map(\.text) == ["It ships tomorrow.", "Tracking: 1Z999."])
            #expect(human.map(\.author) == ["Ana", "Ana"])
            #expect(human.first?.timestamp == first.createdAt)
            #expect(transcript.count == 3)
        }
    }

    @Test("A reply to a ticket that does not exist is refused", arguments: Factories.ticketStores)
    func replyToMissingTicketThrows(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            await #expect(throws: (any Error).self) {
                _ = try await store.addReply(ticketID: "nope", author: "Ana", text: "Hi")
            }
            let last = try await store.lastReplySequence()
            #expect(last == 0)
        }
    }

    @Test("The active ticket of a session is its newest one that is not closed", arguments: Factories.ticketStores)
    func activeTicketIgnoresClosed(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            try await store.create(.sample(id: "old", session: "s1", createdAt: Instant.at(0)), deliverTo: nil)
            try await store.create(
                .sample(id: "snoozed", session: "s1", status: .snoozed, createdAt: Instant.at(10)), deliverTo: nil)
            try await store.create(
                .sample(id: "closed", session: "s1", status: .closed, createdAt: Instant.at(20)), deliverTo: nil)
            try await store.create(.sample(id: "other", session: "s2", createdAt: Instant.at(30)), deliverTo: nil)
            #expect(try await store.activeTicket(sessionID: "s1")?.id == "snoozed")
            var snoozed = try #require(try await store.ticket(id: "snoozed"))
            snoozed.status = .closed
            try await store.update(snoozed)
            #expect(try await store.activeTicket(sessionID: "s1")?.id == "old")
            #expect(try await store.activeTicket(sessionID: "s3") == nil)
        }
    }

    @Test("The latest ticket of a customer is per channel and of any status", arguments: Factories.ticketStores)
    func latestTicketPerChannel(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            try await store.create(
                .sample(id: "sms-old", channel: .sms, email: "jane@example.com", createdAt: Instant.at(0)),
                deliverTo: nil)
            try await store.create(
                .sample(
                    id: "sms-new", channel: .sms, email: "jane@example.com", status: .closed,
                    createdAt: Instant.at(10)),
                deliverTo: nil)
            try await store.create(
                .sample(id: "web", channel: .webchat, email: "jane@example.com", createdAt: Instant.at(20)),
                deliverTo: nil)
            try await store.create(
                .sample(id: "bob", channel: .sms, email: "bob@example.com", createdAt: Instant.at(30)), deliverTo: nil)
            #expect(try await store.latestTicket(customer: "jane@example.com", channel: .sms)?.id == "sms-new")
            #expect(try await store.latestTicket(customer: "Jane@Example.com", channel: .sms)?.id == "sms-new")
            #expect(try await store.latestTicket(customer: "jane@example.com", channel: .webchat)?.id == "web")
            #expect(try await store.latestTicket(customer: "jane@example.com", channel: .whatsapp) == nil)
        }
    }

    @Test(
        "An anonymous customer's latest ticket is found by the session id (their phone)",
        arguments: Factories.ticketStores)
    func latestTicketBySessionID(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            try await store.create(.sample(id: "t1", session: "+15550100", channel: .sms, email: nil), deliverTo: nil)
            try await store.create(
                .sample(
                    id: "t2", session: "+15550100", channel: .sms, email: nil, status: .closed, createdAt: Instant.at(5)
                ),
                deliverTo: nil)
            try await store.create(.sample(id: "t3", session: "+15550199", channel: .sms, email: nil), deliverTo: nil)
            #expect(try await store.latestTicket(customer: "+15550100", channel: .sms)?.id == "t2")
            #expect(try await store.latestTicket(customer: "+15550100", channel: .whatsapp) == nil)
        }
    }

    @Test("Tickets are listed newest first, optionally of one status", arguments: Factories.ticketStores)
    func ticketsNewestFirst(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            try await store.create(.sample(id: "a", createdAt: Instant.at(0)), deliverTo: nil)
            try await store.create(.sample(id: "b", status: .closed, createdAt: Instant.at(10)), deliverTo: nil)
            try await store.create(.sample(id: "c", createdAt: Instant.at(20)), deliverTo: nil)
            // Same instant as "c": the later write comes first.
            try await store.create(.sample(id: "d", createdAt: Instant.at(20)), deliverTo: nil)
            #expect(try await store.tickets(status: nil).map(\.id) == ["d", "c", "b", "a"])
            #expect(try await store.tickets(status: .open).map(\.id) == ["d", "c", "a"])
            #expect(try await store.tickets(status: .closed).map(\.id) == ["b"])
            #expect(try await store.tickets(status: .snoozed).isEmpty)
        }
    }

    @Test("Updating replaces the stored status, assignee, tags and notes", arguments: Factories.ticketStores)
    func updateReplacesFields(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            try await store.create(.sample(id: "t1"), deliverTo: nil)
            var ticket = try #require(try await store.ticket(id: "t1"))
            ticket.status = .snoozed
            ticket.assignee = "Ana"
            ticket.tags.append("vip")
            ticket.notes.append(Ticket.Note(author: "Ana", text: "Called the carrier.", createdAt: Instant.at(5)))
            ticket.updatedAt = Instant.at(5)
            try await store.update(ticket)
            #expect(try await store.ticket(id: "t1") == ticket)
            #expect(try await store.tickets(status: .snoozed).map(\.id) == ["t1"])
            await #expect(throws: (any Error).self) { try await store.update(.sample(id: "missing")) }
        }
    }

    @Test("Appending a turn adds it to the transcript of an existing ticket only", arguments: Factories.ticketStores)
    func appendAddsToTranscript(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            try await store.create(.sample(id: "t1"), deliverTo: nil)
            let turn = Turn(timestamp: Instant.at(3), role: .customer, text: "any news?")
            try await store.append(turn, toTicket: "t1")
            #expect(try await store.ticket(id: "t1")?.transcript.last == turn)
            #expect(try await store.ticket(id: "t1")?.transcript.count == 2)
            await #expect(throws: (any Error).self) { try await store.append(turn, toTicket: "missing") }
        }
    }

    @Test(
        "Appended turns come back in order, survive later edits, and move updatedAt to the last turn",
        arguments: Factories.ticketStores)
    func appendedTurnsStay(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            let original = Ticket.sample(id: "t1")
            try await store.create(original, deliverTo: nil)
            let turns = (1...5).map { Turn(timestamp: original.updatedAt.addingTimeInterval(Double($0)), role: .customer, text: "message \($0)") }
            for turn in turns[..<3] { try await store.append(turn, toTicket: "t1") }
            var ticket = try #require(try await store.ticket(id: "t1"))
            #expect(ticket.transcript == original.transcript + turns[..<3])
            #expect(ticket.updatedAt == turns[2].timestamp)
            #expect(try await store.status(ofTicket: "t1") == .open)

            // An edit of the whole ticket keeps the appended turns, and appending goes on after it.
            try await store.modifyTicket(id: "t1") { $0.status = .snoozed }
            for turn in turns[3...] { try await store.append(turn, toTicket: "t1") }
            ticket = try #require(try await store.ticket(id: "t1"))
            #expect(ticket.transcript == original.transcript + turns)
            #expect(ticket.status == .snoozed)
            #expect(try await store.status(ofTicket: "t1") == .snoozed)
            #expect(try await store.status(ofTicket: "missing") == nil)

            // A reply from the team lands after them.
            _ = try await store.addReply(ticketID: "t1", author: "Sam", text: "On its way.")
            #expect(try await store.ticket(id: "t1")?.transcript.last?.text == "On its way.")
            #expect(try await store.ticket(id: "t1")?.transcript.count == original.transcript.count + 6)
        }
    }
}

/// The team's replies as a queue, in every ticket store.
@Suite("Team reply queue conformance")
struct TeamReplyQueueConformanceTests {
    @Test("A reply is pending for its session until marked delivered, and is marked once", arguments: Factories.ticketStores)
    func pendingUntilDelivered(factory: StoreFactory<any TicketStore>) async throws {
        try await factory.withStore { store in
            try await store.create(Ticket.sample(id: "t1", session: "s1"), deliverTo: nil)
            try await store.create(Ticket.sample(id: "t2", session: "s2"), deliverTo: nil)
            let first = try await store.addReply(ticketID: "t1", author: "Ana", text: "On it.")
            let other = try await store.addReply(ticketID: "t2", author: "Ben", text: "Refund sent.")
            let second = try await store.addReply(ticketID: "t1", author: "Ana", text: "Shipped.")
            #expect(try await store.pendingReplies(session: "s1") == [first, second])
            #expect(try await store.pendingReplies(session: nil) == [first, other, second])
            #expect(try await store.replyDelivered(sequence: first.sequence) == false)
            #expect(try await store.markRepliesDelivered([first.sequence]) == [first.sequence])
            #expect(try await store.markRepliesDelivered([first.sequence, second.sequence]) == [second.sequence])
            #expect(try await store.pendingReplies(session: "s1").isEmpty)
            #expect(try await store.pendingReplies(session: nil) == [other])
            #expect(try await store.replyDelivered(sequence: first.sequence) == true)
            #expect(try await store.replyDelivered(sequence: 9_999) == nil)
        }
    }
}

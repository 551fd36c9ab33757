import Foundation
import StewardCore
import StewardHTTP
import StewardModel
import StewardTesting
import Testing

@testable import StewardAdapters

@Suite struct ZendeskHelpdeskTests {
    static func helpdesk(_ server: StubHTTPServer, client: HTTPClient = TestSupport.client()) throws -> ZendeskHelpdesk {
        try ZendeskHelpdesk(
            configuration: .init(subdomain: "acme", agentEmail: "bot@acme.com", baseURL: server.baseURLString),
            apiToken: TestSupport.secret, client: client)
    }

    @Test func createSendsRequesterTranscriptTagsAndExternalID() async throws {
        let stub = HelpdeskStub()
        let server = try StubHTTPServer(handler: stub.zendesk)
        defer { server.stop() }
        let ticket = HelpdeskStub.ticket()
        let reference = try await Self.helpdesk(server).createTicket(ticket)
        #expect(reference == Ticket.ExternalReference(provider: "zendesk", id: "35436", url: "\(server.baseURLString)/agent/tickets/35436"))

        let requests = server.requests
        #expect(requests.count == 2)
        #expect(requests[0].method == "GET")
        #expect(requests[0].path == "/api/v2/tickets.json")
        #expect(requests[0].queryValue("external_id") == ticket.id)
        let post = requests[1]
        #expect(post.method == "POST")
        #expect(post.path == "/api/v2/tickets.json")
        let expectedAuth = "Basic " + Data("bot@acme.com/token:\(TestSupport.secret)".utf8).base64EncodedString()
        #expect(post.headers["Authorization"] == expectedAuth)
        #expect(post.headers["Content-Type"] == "application/json")
        // Zendesk deduplicates a re-sent creation by this key: a lost reply never makes a second ticket.
        #expect(post.headers["Idempotency-Key"] == ticket.id)
        let body = try #require(TestSupport.object(post)["ticket"] as? [String: Any])
        #expect(body["subject"] as? String == "Order #1001: where is my order")
        #expect(body["external_id"] as? String == ticket.id)
        #expect(body["tags"] as? [String] == ["order_tracking", "needs_human", "steward"])
        let requester = try #require(body["requester"] as? [String: Any])
        #expect(requester["email"] as? String == "bob.norman@mail.example.com")
        #expect(requester["name"] as? String == "Bob Norman")
        let comment = try #require(body["comment"] as? [String: Any])
        #expect(comment["body"] as? String == ticket.body)
        #expect((comment["body"] as? String)?.contains("customer: Where is my order #1001?") == true)
        #expect(comment["public"] as? Bool == false)
    }

    @Test func aSecondCreateAfterATimeoutDoesNotDuplicateTheTicket() async throws {
        let stub = HelpdeskStub(slowFirstCreate: 1.0)
        let server = try StubHTTPServer(handler: stub.zendesk)
        defer { server.stop() }
        // The POST carries the ticket's id as `Idempotency-Key`, so the client may retry it after the
        // timeout: Zendesk answers the retry with the ticket it already created.
        let helpdesk = try Self.helpdesk(server, client: TestSupport.client(timeout: .milliseconds(300)))
        let ticket = HelpdeskStub.ticket()
        let first: Ticket.ExternalReference? = try? await helpdesk.createTicket(ticket)
        let second = try await helpdesk.createTicket(ticket)
        #expect(stub.count == 1)
        #expect(second.id == "35436")
        if let first { #expect(first == second) }
        #expect(Set(server.requests.filter { $0.method == "POST" }.map { $0.headers["Idempotency-Key"] }) == [ticket.id])
        // A different conversation still gets its own ticket.
        _ = try await helpdesk.createTicket(HelpdeskStub.ticket(id: "other"))
        #expect(stub.count == 2)
    }

    @Test func ticketWithoutEmailHasNoRequester() async throws {
        let stub = HelpdeskStub()
        let server = try StubHTTPServer(handler: stub.zendesk)
        defer { server.stop() }
        var ticket = HelpdeskStub.ticket()
        ticket.customerEmail = nil
        _ = try await Self.helpdesk(server).createTicket(ticket)
        let last = try #require(server.requests.last)
        let body = try #require(TestSupport.object(last)["ticket"] as? [String: Any])
        #expect(body["requester"] == nil)
    }

    @Test func misconfigurationIsReported() {
        let client = TestSupport.client()
        #expect(throws: IntegrationError.self) {
            try ZendeskHelpdesk.fromEnvironment(.init(subdomain: "acme", agentEmail: "bot@acme.com"), client: client, environment: [:])
        }
        #expect(throws: IntegrationError.self) {
            try ZendeskHelpdesk(configuration: .init(subdomain: "acme", agentEmail: "not-an-email"), apiToken: "t", client: client)
        }
    }
}

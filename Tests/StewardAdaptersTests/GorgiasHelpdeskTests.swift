import Foundation
import StewardCore
import StewardHTTP
import StewardModel
import StewardTesting
import Testing

@testable import StewardAdapters

@Suite struct GorgiasHelpdeskTests {
    static func helpdesk(_ server: StubHTTPServer, client: HTTPClient = TestSupport.client()) throws -> GorgiasHelpdesk {
        try GorgiasHelpdesk(
            configuration: .init(domain: "acme.gorgias.com", username: "bot@acme.com", baseURL: server.baseURLString),
            apiKey: TestSupport.secret, client: client)
    }

    @Test func createSendsAnAPIChannelTicketWithTheTranscriptAsFirstMessage() async throws {
        let stub = HelpdeskStub()
        let server = try StubHTTPServer(handler: stub.gorgias)
        defer { server.stop() }
        let ticket = HelpdeskStub.ticket()
        let reference = try await Self.helpdesk(server).createTicket(ticket)
        #expect(reference == Ticket.ExternalReference(provider: "gorgias", id: "35436", url: "\(server.baseURLString)/app/ticket/35436"))

        let requests = server.requests
        #expect(requests.count == 2)
        #expect(requests[0].path == "/api/tickets")
        #expect(requests[0].queryValue("external_id") == ticket.id)
        let post = requests[1]
        #expect(post.method == "POST")
        #expect(post.path == "/api/tickets")
        #expect(post.headers["Authorization"] == "Basic " + Data("bot@acme.com:\(TestSupport.secret)".utf8).base64EncodedString())
        let body = TestSupport.object(post)
        #expect(body["channel"] as? String == "api")
        #expect(body["via"] as? String == "api")
        #expect(body["from_agent"] as? Bool == false)
        #expect(body["external_id"] as? String == ticket.id)
        #expect((body["customer"] as? [String: Any])?["email"] as? String == "bob.norman@mail.example.com")
        #expect((body["tags"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["order_tracking", "needs_human", "steward"])
        let message = try #require((body["messages"] as? [[String: Any]])?.first)
        #expect(message["channel"] as? String == "api")
        #expect(message["from_agent"] as? Bool == false)
        #expect((message["sender"] as? [String: Any])?["email"] as? String == "bob.norman@mail.example.com")
        #expect(message["body_text"] as? String == ticket.body)
    }

    @Test func aSecondCreateAfterATimeoutDoesNotDuplicateTheTicket() async throws {
        let stub = HelpdeskStub(slowFirstCreate: 1.0)
        let server = try StubHTTPServer(handler: stub.gorgias)
        defer { server.stop() }
        let helpdesk = try Self.helpdesk(server, client: TestSupport.client(timeout: .milliseconds(300)))
        let ticket = HelpdeskStub.ticket()
        _ = try? await helpdesk.createTicket(ticket)
        let second = try await helpdesk.createTicket(ticket)
        #expect(stub.count == 1)
        #expect(second.id == "35436")
        #expect(server.requests.filter { $0.method == "POST" }.count == 1)
    }

    @Test func withoutACustomerEmailTheTranscriptIsAnInternalNote() async throws {
        let stub = HelpdeskStub()
        let server = try StubHTTPServer(handler: stub.gorgias)
        defer { server.stop() }
        var ticket = HelpdeskStub.ticket()
        ticket.customerEmail = nil
        _ = try await Self.helpdesk(server).createTicket(ticket)
        let body = TestSupport.object(try #require(server.requests.last))
        #expect(body["customer"] == nil)
        let message = try #require((body["messages"] as? [[String: Any]])?.first)
        #expect(message["channel"] as? String == "internal-note")
        #expect(message["from_agent"] as? Bool == true)
    }
}

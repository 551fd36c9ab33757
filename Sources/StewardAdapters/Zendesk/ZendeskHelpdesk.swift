import Foundation
import Logging
import StewardCore
import StewardHTTP
import StewardModel

/// Delivers handed-over conversations to Zendesk Support as tickets.
///
/// A ticket is created with the customer as requester (email and name, created in Zendesk if
/// new), the summary and transcript (``Ticket/body``) as its first comment, the ticket's tags plus
/// `steward`, and `external_id` = ``Ticket/id``. Before creating, the adapter looks the external
/// id up (`GET /api/v2/tickets.json?external_id=…`), so a retry after a timeout or crash returns
/// the ticket created the first time instead of creating a second one.
///
/// Auth is an API token: HTTP Basic with `{agent_email}/token` and the token.
public struct ZendeskHelpdesk: HelpdeskProvider {
    /// How to reach Zendesk.
    public struct Configuration: Sendable, Equatable {
        /// The account: `acme` or `acme.zendesk.com`.
        public var subdomain: String
        /// The agent the API token belongs to, e.g. `bot@acme.com`.
        public var agentEmail: String
        /// The name of the environment variable holding the API token.
        public var tokenVariable: String
        /// Replaces `https://{subdomain}.zendesk.com` (a proxy, a sandbox, or a test stub).
        public var baseURL: String?
        /// Whether the first comment is public (emailed to the requester); internal by default,
        /// since it carries the agent's summary for the team.
        public var publicComment: Bool

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - subdomain: `acme` or `acme.zendesk.com`.
        ///   - agentEmail: The agent the token belongs to.
        ///   - tokenVariable: The environment variable with the token; `ZENDESK_API_TOKEN`.
        ///   - baseURL: An origin replacing `https://{subdomain}.zendesk.com`; none.
        ///   - publicComment: Whether the first comment is public; `false`.
        public init(
            subdomain: String, agentEmail: String, tokenVariable: String = "ZENDESK_API_TOKEN", baseURL: String? = nil,
            publicComment: Bool = false
        ) {
            self.subdomain = subdomain
            self.agentEmail = agentEmail
            self.tokenVariable = tokenVariable
            self.baseURL = baseURL
            self.publicComment = publicComment
        }
    }

    /// `zendesk`.
    public var name: String { "zendesk" }
    /// The configuration the adapter was created with.
    public let configuration: Configuration
    let endpoint: ServiceEndpoint
    /// The origin for agent UI links.
    let origin: String

    /// Creates a helpdesk with the API token given directly.
    ///
    /// - Parameters:
    ///   - configuration: Account, agent email and options.
    ///   - apiToken: The API token; never logged or put in errors.
    ///   - client: The shared HTTP client.
    /// - Throws: ``IntegrationError`` when the token is empty or a setting is malformed.
    public init(configuration: Configuration, apiToken: String, client: HTTPClient) throws(IntegrationError) {
        let token = try Secret.given(
            apiToken, integration: "Zendesk", secret: "an API token", variable: configuration.tokenVariable,
            setting: "integrations.zendesk.token_env")
        let account = try BaseURL.accountName(
            configuration.subdomain, suffix: "zendesk.com", example: "acme", setting: "integrations.zendesk.subdomain")
        guard EmailAddress.isValid(configuration.agentEmail) else {
            throw .invalidSetting(setting: "integrations.zendesk.agent_email", expected: "the email of the agent who owns the API token, e.g. bot@acme.com")
        }
        let origin = try configuration.baseURL.map { url throws(IntegrationError) in
            try BaseURL.validated(url, setting: "integrations.zendesk.base_url")
        } ?? "https://\(account).zendesk.com"
        let credentials = Data("\(configuration.agentEmail)/token:\(token.value)".utf8).base64EncodedString()
        self.configuration = configuration
        self.origin = origin
        endpoint = ServiceEndpoint(
            service: "zendesk", baseURL: origin + "/api/v2",
            headers: ["Authorization": "Basic \(credentials)", "Accept": "application/json"],
            secrets: [token.value, credentials], client: client, logger: Logger(label: "steward.adapters.zendesk"))
    }

    /// Creates a helpdesk whose token is read from the variable named by ``Configuration/tokenVariable``.
    ///
    /// - Throws: ``IntegrationError`` naming the variable to set when the token is missing.
    public static func fromEnvironment(
        _ configuration: Configuration, client: HTTPClient, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(IntegrationError) -> ZendeskHelpdesk {
        let token = try Secret.fromEnvironment(
            configuration.tokenVariable, environment: environment, integration: "Zendesk", secret: "an API token",
            setting: "integrations.zendesk.token_env")
        return try ZendeskHelpdesk(configuration: configuration, apiToken: token.value, client: client)
    }

    /// Creates the ticket once per ``Ticket/id`` and returns where it lives (the agent UI link).
    ///
    /// - Throws: ``HTTPClientError`` when Zendesk cannot be reached or refuses the ticket.
    public func createTicket(_ ticket: Ticket) async throws -> Ticket.ExternalReference {
        try await CreateOnce.run(
            lookup: { try await existing(externalID: ticket.id) },
            create: {
                // Zendesk deduplicates creations by `Idempotency-Key` (developer.zendesk.com/api-reference/ticketing/
                // introduction/#idempotency). It is sent, but not relied on alone: the HTTP layer does not re-send
                // after an ambiguous failure; the lookup by external id decides (a proxy or sandbox may ignore the key).
                let response = try await endpoint.send(
                    .post, "tickets.json", body: Self.body(for: ticket, publicComment: configuration.publicComment),
                    idempotencyHeader: ticket.id)
                return reference(try endpoint.decode(TicketEnvelope.self, from: response).ticket.id.value)
            })
    }

    /// The ticket already created for this external id, if any.
    func existing(externalID: String) async throws -> Ticket.ExternalReference? {
        let list = try await endpoint.get(TicketList.self, "tickets.json", query: [("external_id", externalID)])
        // Checked here too, in case a proxy or an older API ignores the filter.
        return list.tickets.first { $0.externalId == externalID }.map { reference($0.id.value) }
    }

    func reference(_ id: String) -> Ticket.ExternalReference {
        Ticket.ExternalReference(provider: name, id: id, url: "\(origin)/agent/tickets/\(id)")
    }

    // MARK: Wire shapes (api-contracts.md §3)

    struct TicketList: Decodable { var tickets: [TicketDTO] }
    struct TicketEnvelope: Decodable { var ticket: TicketDTO }
    struct TicketDTO: Decodable {
        var id: FlexibleID
        var externalId: String?
        var url: String?
    }

    struct CreateBody: Encodable, Sendable {
        struct Payload: Encodable, Sendable {
            var subject: String
            var comment: Comment
            var requester: Requester?
            var tags: [String]
            var externalId: String
            var priority: String

            enum CodingKeys: String, CodingKey {
                case subject, comment, requester, tags, priority
                case externalId = "external_id"
            }
        }
        struct Comment: Encodable, Sendable {
            var body: String
            var `public`: Bool
        }
        struct Requester: Encodable, Sendable {
            var name: String?
            var email: String
        }
        var ticket: Payload
    }

    static func body(for ticket: Ticket, publicComment: Bool) -> CreateBody {
        let requester = ticket.customerEmail.map { CreateBody.Requester(name: ticket.customerName, email: $0) }
        return CreateBody(
            ticket: .init(
                subject: ticket.subject.isEmpty ? "Conversation handed over by Steward" : ticket.subject,
                comment: .init(body: ticket.body, public: publicComment),
                requester: requester, tags: CreateOnce.tags(ticket.tags), externalId: ticket.id, priority: "normal"))
    }
}

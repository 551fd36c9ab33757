import Foundation
import Logging
import StewardCore
import StewardHTTP
import StewardModel

/// Delivers handed-over conversations to Gorgias as tickets.
///
/// A ticket is created on the `api` channel (which does not trigger auto-replies) with the
/// customer (by email, created if new), the summary and transcript (``Ticket/body``) as its first
/// message, the ticket's tags plus `steward`, and `external_id` = ``Ticket/id``. Gorgias takes no
/// idempotency key, so before creating, and again after a creation whose answer was lost (dropped
/// connection, timeout, 5xx, an unreadable body), the adapter lists tickets with that external id
/// (``CreateOnce``): a retry returns the ticket created the first time instead of creating a second one. Without a customer email
/// the transcript goes in as an internal note from the API user.
///
/// Auth is HTTP Basic with the user's email and the API key.
public struct GorgiasHelpdesk: HelpdeskProvider {
    /// How to reach Gorgias.
    public struct Configuration: Sendable, Equatable {
        /// The account: `acme` or `acme.gorgias.com`.
        public var domain: String
        /// The email of the user the API key belongs to.
        public var username: String
        /// The name of the environment variable holding the API key.
        public var apiKeyVariable: String
        /// Replaces `https://{domain}.gorgias.com` (a proxy, a sandbox, or a test stub).
        public var baseURL: String?

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - domain: `acme` or `acme.gorgias.com`.
        ///   - username: The email of the user the key belongs to.
        ///   - apiKeyVariable: The environment variable with the key; `GORGIAS_API_KEY`.
        ///   - baseURL: An origin replacing `https://{domain}.gorgias.com`; none.
        public init(domain: String, username: String, apiKeyVariable: String = "GORGIAS_API_KEY", baseURL: String? = nil) {
            self.domain = domain
            self.username = username
            self.apiKeyVariable = apiKeyVariable
            self.baseURL = baseURL
        }
    }

    /// `gorgias`.
    public var name: String { "gorgias" }
    /// The configuration the adapter was created with.
    public let configuration: Configuration
    let endpoint: ServiceEndpoint
    let origin: String

    /// Creates a helpdesk with the API key given directly.
    ///
    /// - Parameters:
    ///   - configuration: Account and user.
    ///   - apiKey: The API key; never logged or put in errors.
    ///   - client: The shared HTTP client.
    /// - Throws: ``IntegrationError`` when the key is empty or a setting is malformed.
    public init(configuration: Configuration, apiKey: String, client: HTTPClient) throws(IntegrationError) {
        let key = try Secret.given(
            apiKey, integration: "Gorgias", secret: "an API key", variable: configuration.apiKeyVariable,
            setting: "integrations.gorgias.api_key_env")
        let account = try BaseURL.accountName(
            configuration.domain, suffix: "gorgias.com", example: "acme", setting: "integrations.gorgias.domain")
        guard EmailAddress.isValid(configuration.username) else {
            throw .invalidSetting(setting: "integrations.gorgias.username", expected: "the email of the user who owns the API key, e.g. bot@acme.com")
        }
        let origin = try configuration.baseURL.map { url throws(IntegrationError) in
            try BaseURL.validated(url, setting: "integrations.gorgias.base_url")
        } ?? "https://\(account).gorgias.com"
        let credentials = Data("\(configuration.username):\(key.value)".utf8).base64EncodedString()
        self.configuration = configuration
        self.origin = origin
        endpoint = ServiceEndpoint(
            service: "gorgias", baseURL: origin + "/api",
            headers: ["Authorization": "Basic \(credentials)", "Accept": "application/json"],
            secrets: [key.value, credentials], client: client, logger: Logger(label: "steward.adapters.gorgias"))
    }

    /// Creates a helpdesk whose key is read from the variable named by ``Configuration/apiKeyVariable``.
    ///
    /// - Throws: ``IntegrationError`` naming the variable to set when the key is missing.
    public static func fromEnvironment(
        _ configuration: Configuration, client: HTTPClient, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(IntegrationError) -> GorgiasHelpdesk {
        let key = try Secret.fromEnvironment(
            configuration.apiKeyVariable, environment: environment, integration: "Gorgias", secret: "an API key",
            setting: "integrations.gorgias.api_key_env")
        return try GorgiasHelpdesk(configuration: configuration, apiKey: key.value, client: client)
    }

    /// Creates the ticket once per ``Ticket/id`` and returns where it lives (the helpdesk UI link).
    ///
    /// - Throws: ``HTTPClientError`` when Gorgias cannot be reached or refuses the ticket.
    public func createTicket(_ ticket: Ticket) async throws -> Ticket.ExternalReference {
        try await CreateOnce.run(
            lookup: { try await existing(externalID: ticket.id) },
            create: {
                let response = try await endpoint.send(.post, "tickets", body: Self.body(for: ticket, apiUser: configuration.username))
                return reference(try endpoint.decode(TicketDTO.self, from: response).id.value)
            })
    }

    /// The ticket already created for this external id, if any.
    func existing(externalID: String) async throws -> Ticket.ExternalReference? {
        // Newest first (api-contracts.md §4.2 `order_by`), so that a ticket just created is on this page even
        // if the filter were ignored; the external id is checked here too for that case.
        let list = try await endpoint.get(
            TicketList.self, "tickets", query: [("external_id", externalID), ("order_by", "created_datetime:desc"), ("limit", "30")])
        return list.data.first { $0.externalId == externalID }.map { reference($0.id.value) }
    }

    func reference(_ id: String) -> Ticket.ExternalReference {
        Ticket.ExternalReference(provider: name, id: id, url: "\(origin)/app/ticket/\(id)")
    }

    // MARK: Wire shapes (api-contracts.md §4)

    struct TicketList: Decodable { var data: [TicketDTO] }
    struct TicketDTO: Decodable {
        var id: FlexibleID
        var externalId: String?
    }

    struct CreateBody: Encodable, Sendable {
        struct Person: Encodable, Sendable {
            var email: String
            var name: String?
        }
        struct Tag: Encodable, Sendable {
            var name: String
        }
        struct Message: Encodable, Sendable {
            var channel: String
            var via: String
            var fromAgent: Bool
            var sender: Person
            var subject: String
            var bodyText: String

            enum CodingKeys: String, CodingKey {
                case channel, via, sender, subject
                case fromAgent = "from_agent", bodyText = "body_text"
            }
        }
        var channel = "api"
        var via = "api"
        var fromAgent = false
        var subject: String
        var externalId: String
        var customer: Person?
        var tags: [Tag]
        var messages: [Message]

        enum CodingKeys: String, CodingKey {
            case channel, via, subject, customer, tags, messages
            case fromAgent = "from_agent", externalId = "external_id"
        }
    }

    static func body(for ticket: Ticket, apiUser: String) -> CreateBody {
        let subject = ticket.subject.isEmpty ? "Conversation handed over by Steward" : ticket.subject
        let customer = ticket.customerEmail.map { CreateBody.Person(email: $0, name: ticket.customerName) }
        let message: CreateBody.Message =
            if let customer {
                .init(channel: "api", via: "api", fromAgent: false, sender: .init(email: customer.email), subject: subject, bodyText: ticket.body)
            } else {
                .init(channel: "internal-note", via: "api", fromAgent: true, sender: .init(email: apiUser), subject: subject, bodyText: ticket.body)
            }
        return CreateBody(
            subject: subject, externalId: ticket.id, customer: customer, tags: CreateOnce.tags(ticket.tags).map { .init(name: $0) },
            messages: [message])
    }
}

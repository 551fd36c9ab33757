import Foundation
import Logging
import StewardCore
import StewardHTTP

/// Loyalty points, VIP tier and redeemable rewards from Smile.io.
///
/// ``account(email:)`` reads `GET /customers?email=…&include=vip_status` (email is not unique in
/// Smile: the newest `member` record wins) and then the shop's points products (`GET
/// /points_products`) as the rewards. Smile returns tier ids only; name them with
/// ``Configuration/tierNames`` (a tier embedded with a `name` is used as is).
public struct SmileLoyaltyAdapter: LoyaltyProvider {
    /// How to reach Smile.io.
    public struct Configuration: Sendable, Equatable {
        /// The API root; `https://api.smile.io/v1`. Override for a proxy or tests.
        public var baseURL: String
        /// The name of the environment variable holding the private API key.
        public var apiKeyVariable: String
        /// VIP tier names by tier id, e.g. `["426715794": "Gold"]`.
        public var tierNames: [String: String]

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - baseURL: The API root; `https://api.smile.io/v1`.
        ///   - apiKeyVariable: The environment variable with the key; `SMILE_API_KEY`.
        ///   - tierNames: VIP tier names by id; none.
        public init(baseURL: String = "https://api.smile.io/v1", apiKeyVariable: String = "SMILE_API_KEY", tierNames: [String: String] = [:]) {
            self.baseURL = baseURL
            self.apiKeyVariable = apiKeyVariable
            self.tierNames = tierNames
        }
    }

    /// The configuration the adapter was created with.
    public let configuration: Configuration
    let endpoint: ServiceEndpoint

    /// Creates an adapter with the private API key given directly.
    ///
    /// - Throws: ``IntegrationError`` when the key is empty or the URL is malformed.
    public init(configuration: Configuration = Configuration(), apiKey: String, client: HTTPClient) throws(IntegrationError) {
        let key = try Secret.given(
            apiKey, integration: "Smile.io", secret: "a private API key", variable: configuration.apiKeyVariable,
            setting: "integrations.smile.api_key_env")
        let base = try BaseURL.validated(configuration.baseURL, setting: "integrations.smile.base_url")
        self.configuration = configuration
        endpoint = ServiceEndpoint(
            service: "smile", baseURL: base, headers: ["Authorization": "Bearer \(key.value)", "Accept": "application/json"],
            secrets: [key.value], client: client, logger: Logger(label: "steward.adapters.smile"))
    }

    /// Creates an adapter whose key is read from the variable named by ``Configuration/apiKeyVariable``.
    ///
    /// - Throws: ``IntegrationError`` naming the variable to set when the key is missing.
    public static func fromEnvironment(
        _ configuration: Configuration = Configuration(), client: HTTPClient,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(IntegrationError) -> SmileLoyaltyAdapter {
        let key = try Secret.fromEnvironment(
            configuration.apiKeyVariable, environment: environment, integration: "Smile.io", secret: "a private API key",
            setting: "integrations.smile.api_key_env")
        return try SmileLoyaltyAdapter(configuration: configuration, apiKey: key.value, client: client)
    }

    /// The customer's points, tier and the shop's rewards, or `nil` when they are not a member.
    ///
    /// When the rewards cannot be read (for example the key lacks the scope), the account is
    /// returned with no rewards rather than failing.
    public func account(email: String) async throws -> LoyaltyAccount? {
        let trimmed = email.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        let list = try await endpoint.get(CustomerList.self, "customers", query: [("email", trimmed), ("include", "vip_status")])
        let members = list.customers.filter { ($0.state ?? "member") == "member" }
        guard let customer = members.max(by: { ($0.createdAt?.value ?? .distantPast) < ($1.createdAt?.value ?? .distantPast) }) else {
            return nil
        }
        let rewards = (try? await endpoint.get(PointsProductList.self, "points_products", query: [("limit", "100")]))?
            .pointsProducts.compactMap(Self.reward) ?? []
        return LoyaltyAccount(email: customer.email ?? trimmed, pointsBalance: customer.pointsBalance ?? 0, tier: tier(of: customer), rewards: rewards)
    }

    func tier(of customer: CustomerDTO) -> String? {
        if let name = customer.vipStatus?.vipTier?.name ?? customer.vipTier?.name { return name }
        guard let id = customer.vipStatus?.vipTierId ?? customer.vipTierId else { return nil }
        return configuration.tierNames[id.value]
    }

    // MARK: Wire shapes (api-contracts.md §5.3)

    struct CustomerList: Decodable { var customers: [CustomerDTO] }
    struct CustomerDTO: Decodable {
        var id: FlexibleID?
        var email: String?
        var state: String?
        var pointsBalance: Int?
        var vipTierId: FlexibleID?
        var vipTier: NamedTier?
        var vipStatus: VIPStatus?
        var createdAt: FlexibleDate?
    }
    struct VIPStatus: Decodable {
        var vipTierId: FlexibleID?
        var vipTier: NamedTier?
    }
    struct NamedTier: Decodable { var name: String? }

    /// Points products: the shape is not in the contract [UNCONFIRMED]; read leniently.
    struct PointsProductList: Decodable { var pointsProducts: [PointsProductDTO] }
    struct PointsProductDTO: Decodable {
        var id: FlexibleID?
        var exchangeType: String?
        var exchangeDescription: String?
        var pointsPrice: Int?
        var variablePointsMin: Int?
        var variablePointsStep: Int?
        var reward: NamedTier?
    }

    static func reward(_ dto: PointsProductDTO) -> LoyaltyAccount.Reward? {
        guard let id = dto.id, let cost = dto.pointsPrice ?? dto.variablePointsMin ?? dto.variablePointsStep else { return nil }
        let name = dto.reward?.name ?? dto.exchangeDescription ?? "Reward \(id.value)"
        return LoyaltyAccount.Reward(id: id.value, name: name, pointsCost: cost)
    }
}

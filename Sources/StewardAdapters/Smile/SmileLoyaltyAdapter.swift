import Foundation
import Logging
import StewardCore
import StewardHTTP

/// Loyalty points, VIP tier and redeemable rewards from Smile.io.
///
/// ``redeem(rewardID:email:)`` buys a points product for the member (see there).
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
        guard let customer = try await member(email: trimmed) else { return nil }
        let rewards = (try? await pointsProducts())?.compactMap(Self.reward) ?? []
        return LoyaltyAccount(email: customer.email ?? trimmed, pointsBalance: customer.pointsBalance ?? 0, tier: tier(of: customer), rewards: rewards)
    }

    /// Spends the member's points on a points product: `POST /points_products/{id}/purchase` with
    /// `{"customer_id": …}` (plus `points_to_spend` for a variable product, the product's minimum),
    /// then reads the member again (`GET /customers/{id}`) for the balance Smile now reports
    /// (api-contracts.md §5.3). The code comes from `points_purchase.reward_fulfillment.code`.
    ///
    /// At most once, and reported correctly when the answer is lost: Smile has no idempotency key and
    /// no API to undo a redemption, so the purchase is never sent twice. Before it, the newest points
    /// transaction's id is noted (`GET /points_transactions?customer_id=…&limit=1`, newest first); when
    /// the purchase then fails without a readable answer (timeout, dropped connection, 5xx, garbage),
    /// a new transaction spending the reward's points shows that it went through, and the code is read
    /// from the customer's newest reward fulfillment (`GET /reward_fulfillments?customer_id=…`).
    ///
    /// - Throws: ``ToolError/notFound(_:)`` for a non-member or a reward the shop does not offer,
    ///   ``ToolError/notAllowed(_:)`` when Smile refuses it (422, e.g. too few points), or ``ActionFailure``
    ///   (not done after a 429/503, refused, or unconfirmed after an ambiguous failure).
    public func redeem(rewardID: String, email: String) async throws -> LoyaltyRedemption {
        let trimmed = email.trimmingCharacters(in: .whitespaces)
        guard let customer = try await member(email: trimmed), let customerID = customer.id else {
            throw ToolError.notFound("The rewards account for \(trimmed)")
        }
        guard let product = try await pointsProducts().first(where: { $0.id?.value == rewardID }), let reward = Self.reward(product) else {
            throw ToolError.notFound("Reward \(rewardID)")
        }
        let variable = product.exchangeType?.lowercased() == "variable"
        let body = PurchaseBody(customerId: Int64(customerID.value), pointsToSpend: variable ? reward.pointsCost : nil)
        // Without the transactions scope the check is skipped; the purchase is still sent only once.
        let baseline = try? await newestTransactionID(customerID: customerID.value)
        let endpoint = self.endpoint
        let purchase: PurchaseDTO
        do {
            purchase = try await SideEffect.perform(
                action: "redeem \(reward.name)",
                confirm: {
                    guard let baseline else { return nil }
                    return try await recordedPurchase(customerID: customerID.value, after: baseline, reward: reward)
                },
                act: {
                    let response = try await endpoint.send(.post, "points_products/\(ServiceEndpoint.encode(rewardID))/purchase", body: body)
                    return try endpoint.decode(PurchaseEnvelope.self, from: response).pointsPurchase
                })
        } catch {
            switch (error as? HTTPClientError)?.statusCode {
            case 404: throw ToolError.notFound("Reward \(rewardID)")
            case 422: throw ToolError.notAllowed("The rewards programme refused to redeem \(reward.name) (for example, the balance may be too low).")
            default: throw SideEffect.reported(error, action: "redeem \(reward.name)")
            }
        }
        let balance = try? await endpoint.getIfFound(CustomerEnvelope.self, "customers/\(ServiceEndpoint.encode(customerID.value))")?.customer.pointsBalance
        let fulfillment = purchase.rewardFulfillment
        return LoyaltyRedemption(
            id: purchase.id?.value, rewardName: fulfillment?.name ?? reward.name, pointsSpent: purchase.pointsSpent ?? reward.pointsCost,
            code: fulfillment?.code.flatMap { $0.isEmpty ? nil : $0 }, pointsBalance: balance,
            expiresAt: fulfillment?.expiresAt?.value)
    }

    /// The id of the member's newest points transaction (Smile lists them newest first), or 0 when there is none.
    func newestTransactionID(customerID: String) async throws -> Int64 {
        let list = try await endpoint.get(TransactionList.self, "points_transactions", query: [("customer_id", customerID), ("limit", "1")])
        return list.pointsTransactions.compactMap { Int64($0.id.value) }.max() ?? 0
    }

    /// The purchase as Smile recorded it, when a transaction newer than `baseline` spent the reward's
    /// points; its code from the member's newest reward fulfillment with the reward's name, if any.
    func recordedPurchase(customerID: String, after baseline: Int64, reward: LoyaltyAccount.Reward) async throws -> PurchaseDTO? {
        let list = try await endpoint.get(TransactionList.self, "points_transactions", query: [("customer_id", customerID), ("limit", "20")])
        guard let spent = list.pointsTransactions.first(where: { Int64($0.id.value).map { $0 > baseline } == true && $0.pointsChange == -reward.pointsCost })
        else { return nil }
        let fulfillments = (try? await endpoint.get(
            FulfillmentList.self, "reward_fulfillments", query: [("customer_id", customerID), ("limit", "5")]))?.rewardFulfillments ?? []
        // The reward issued with this purchase: not older than the transaction (a minute's leeway), the
        // reward's own name first, else the newest such.
        let earliest = spent.createdAt.map { $0.value.addingTimeInterval(-60) } ?? .distantPast
        let recent = fulfillments.filter { ($0.createdAt?.value).map { $0 >= earliest } == true }
        let newest = { (list: [IssuedFulfillmentDTO]) in list.max { ($0.createdAt?.value ?? .distantPast) < ($1.createdAt?.value ?? .distantPast) } }
        let fulfillment = newest(recent.filter { $0.name == reward.name }) ?? newest(recent)
        return PurchaseDTO(
            id: nil, pointsSpent: reward.pointsCost,
            rewardFulfillment: fulfillment.map { FulfillmentDTO(name: $0.name, code: $0.code, expiresAt: $0.expiresAt) }
                ?? FulfillmentDTO(name: reward.name, code: nil, expiresAt: nil),
            transactionID: spent.id.value)
    }

    /// The newest `member` record with this email (email is not unique in Smile), or nil.
    func member(email: String) async throws -> CustomerDTO? {
        guard !email.isEmpty else { return nil }
        let list = try await endpoint.get(CustomerList.self, "customers", query: [("email", email), ("include", "vip_status")])
        let members = list.customers.filter { ($0.state ?? "member") == "member" }
        return members.max(by: { ($0.createdAt?.value ?? .distantPast) < ($1.createdAt?.value ?? .distantPast) })
    }

    /// The shop's points products (its rewards), first page of up to 100.
    func pointsProducts() async throws -> [PointsProductDTO] {
        try await endpoint.get(PointsProductList.self, "points_products", query: [("limit", "100")]).pointsProducts
    }

    func tier(of customer: CustomerDTO) -> String? {
        if let name = customer.vipStatus?.vipTier?.name ?? customer.vipTier?.name { return name }
        guard let id = customer.vipStatus?.vipTierId ?? customer.vipTierId else { return nil }
        return configuration.tierNames[id.value]
    }

    // MARK: Wire shapes (api-contracts.md §5.3)

    struct CustomerList: Decodable { var customers: [CustomerDTO] }
    struct CustomerEnvelope: Decodable { var customer: CustomerDTO }

    /// `POST /points_products/{id}/purchase` body; `points_to_spend` only for variable products.
    struct PurchaseBody: Encodable, Sendable {
        var customerId: Int64?
        var pointsToSpend: Int?
        enum CodingKeys: String, CodingKey {
            case customerId = "customer_id", pointsToSpend = "points_to_spend"
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encodeIfPresent(customerId, forKey: .customerId)
            try c.encodeIfPresent(pointsToSpend, forKey: .pointsToSpend)
        }
    }
    /// The purchase answer; beyond `points_purchase` and `reward_fulfillment` the field names are
    /// [UNCONFIRMED] in the notes, so everything is optional.
    struct PurchaseEnvelope: Decodable { var pointsPurchase: PurchaseDTO }
    struct PurchaseDTO: Decodable, Sendable {
        var id: FlexibleID?
        var pointsSpent: Int?
        var rewardFulfillment: FulfillmentDTO?
        /// Set when the purchase was found through its points transaction rather than read from the answer.
        var transactionID: String? = nil

        enum CodingKeys: String, CodingKey { case id, pointsSpent, rewardFulfillment }
    }
    /// `GET /points_transactions` (dev.smile.io, Points Transactions): newest first.
    struct TransactionList: Decodable { var pointsTransactions: [TransactionDTO] }
    struct TransactionDTO: Decodable {
        var id: FlexibleID
        var pointsChange: Int?
        var createdAt: FlexibleDate?
    }
    /// `GET /reward_fulfillments` (dev.smile.io, Reward Fulfillments).
    struct FulfillmentList: Decodable { var rewardFulfillments: [IssuedFulfillmentDTO] }
    struct IssuedFulfillmentDTO: Decodable {
        var name: String?
        var code: String?
        var expiresAt: FlexibleDate?
        var createdAt: FlexibleDate?
    }
    struct FulfillmentDTO: Decodable, Sendable {
        var name: String?
        var code: String?
        var expiresAt: FlexibleDate?
    }
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

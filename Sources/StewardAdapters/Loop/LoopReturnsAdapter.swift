import Foundation
import Logging
import StewardCore
import StewardHTTP

/// Returns and exchanges from Loop Returns.
///
/// ``returns(orderNumber:)`` reads `GET /warehouse/return/details?order_name=1001` (the order
/// name without `#`, as Loop's docs write it), with each return's `line_items` (matched to the
/// order's lines by `provider_line_item_id`, then `sku`, then title; api-contracts.md §5.1). Customers start returns in the shop's Loop portal,
/// ``portalURL``.
public struct LoopReturnsAdapter: ReturnsProvider {
    /// How to reach Loop.
    public struct Configuration: Sendable, Equatable {
        /// The shop's return portal, e.g. `https://acme.loopreturns.com`.
        public var portalURL: String
        /// The API root; `https://api.loopreturns.com/api/v1`. Override for a proxy or tests.
        public var baseURL: String
        /// The name of the environment variable holding the API key (with the "Returns" scope).
        public var apiKeyVariable: String

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - portalURL: The shop's return portal.
        ///   - baseURL: The API root; `https://api.loopreturns.com/api/v1`.
        ///   - apiKeyVariable: The environment variable with the key; `LOOP_API_KEY`.
        public init(portalURL: String, baseURL: String = "https://api.loopreturns.com/api/v1", apiKeyVariable: String = "LOOP_API_KEY") {
            self.portalURL = portalURL
            self.baseURL = baseURL
            self.apiKeyVariable = apiKeyVariable
        }
    }

    /// The configuration the adapter was created with.
    public let configuration: Configuration
    let endpoint: ServiceEndpoint

    /// The shop's return portal.
    public var portalURL: String { configuration.portalURL }

    /// Creates an adapter with the API key given directly.
    ///
    /// - Throws: ``IntegrationError`` when the key is empty or a URL is malformed.
    public init(configuration: Configuration, apiKey: String, client: HTTPClient) throws(IntegrationError) {
        let key = try Secret.given(
            apiKey, integration: "Loop", secret: "an API key with the Returns scope", variable: configuration.apiKeyVariable,
            setting: "integrations.loop.api_key_env")
        let base = try BaseURL.validated(configuration.baseURL, setting: "integrations.loop.base_url")
        _ = try BaseURL.validated(configuration.portalURL, setting: "integrations.loop.portal_url")
        self.configuration = configuration
        endpoint = ServiceEndpoint(
            service: "loop", baseURL: base, headers: ["X-Authorization": key.value, "Accept": "application/json"],
            secrets: [key.value], client: client, logger: Logger(label: "steward.adapters.loop"))
    }

    /// Creates an adapter whose key is read from the variable named by ``Configuration/apiKeyVariable``.
    ///
    /// - Throws: ``IntegrationError`` naming the variable to set when the key is missing.
    public static func fromEnvironment(
        _ configuration: Configuration, client: HTTPClient, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(IntegrationError) -> LoopReturnsAdapter {
        let key = try Secret.fromEnvironment(
            configuration.apiKeyVariable, environment: environment, integration: "Loop",
            secret: "an API key with the Returns scope", setting: "integrations.loop.api_key_env")
        return try LoopReturnsAdapter(configuration: configuration, apiKey: key.value, client: client)
    }

    /// The returns Loop has for this order (`"1001"` or `"#1001"`); empty when there are none (404).
    public func returns(orderNumber: String) async throws -> [ReturnRequest] {
        var name = orderNumber.trimmingCharacters(in: .whitespaces)
        while name.hasPrefix("#") { name.removeFirst() }
        guard !name.isEmpty,
            let details = try await endpoint.getIfFound(OneOrMany.self, "warehouse/return/details", query: [("order_name", name)])
        else { return [] }
        return details.items.compactMap { Self.returnRequest($0, fallbackOrder: name) }
    }

    // MARK: Wire shapes (api-contracts.md §5.1)

    /// The details endpoint answers one object; an array is accepted too (several returns).
    struct OneOrMany: Decodable {
        var items: [ReturnDTO]

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let list = try? container.decode([ReturnDTO].self) {
                items = list
            } else {
                items = [try container.decode(ReturnDTO.self)]
            }
        }
    }

    struct ReturnDTO: Decodable {
        var id: FlexibleID?
        var state: String?
        var createdAt: FlexibleDate?
        var orderName: String?
        var outcome: String?
        var refunds: [Refund]?
        var labelStatus: String?
        var labelUrl: String?
        var trackingNumber: String?
        var lineItems: [LineItemDTO]?

        struct Refund: Decodable { var amount: FlexibleDecimal? }
    }

    /// A returned item: `provider_line_item_id` is the shop platform's (Shopify's) line-item id;
    /// `line_item_id` is Loop's own and is not used for matching.
    struct LineItemDTO: Decodable {
        var providerLineItemId: FlexibleID?
        var sku: String?
        var title: String?
        var variantTitle: String?
    }

    static func returnRequest(_ dto: ReturnDTO, fallbackOrder: String) -> ReturnRequest? {
        guard let id = dto.id else { return nil }  // e.g. an error object answered with 200
        var order = dto.orderName ?? fallbackOrder
        while order.hasPrefix("#") { order.removeFirst() }
        return ReturnRequest(
            id: id.value, orderNumber: order, status: status(dto), resolution: resolution(dto.outcome),
            createdAt: dto.createdAt?.value ?? Date(timeIntervalSince1970: 0), labelURL: dto.labelUrl,
            items: (dto.lineItems ?? []).map {
                ReturnRequest.Item(lineItemID: $0.providerLineItemId?.value, sku: $0.sku, title: $0.title ?? $0.sku ?? "Item")
            })
    }

    static func status(_ dto: ReturnDTO) -> ReturnRequest.Status {
        switch dto.state?.lowercased() {
        case "cancelled", "canceled": return .cancelled
        case "closed", "expired":
            return (dto.refunds?.isEmpty == false) ? .refunded : .closed
        default:
            switch dto.labelStatus?.lowercased() {
            case "in_transit", "out_for_delivery": return .inTransit
            case "delivered": return .received
            default: return .open
            }
        }
    }

    static func resolution(_ outcome: String?) -> String {
        switch outcome?.lowercased() {
        case "exchange", "upsell": "exchange"
        case "credit", "gift_card", "store_credit", "giftcard": "store_credit"
        default: "refund"
        }
    }
}

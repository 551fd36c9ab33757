import Foundation
import Logging
import StewardCore
import StewardHTTP

/// Subscriptions from Recharge (API version 2021-11).
///
/// - ``subscriptions(email:)``: `GET /customers?email=…`, then `GET /subscriptions?customer_id=…`.
/// - ``pause(subscriptionID:)``: the 2021-11 API has no pause endpoint, so a pause postpones the
///   next charge by ``Configuration/pauseDays`` (`POST /subscriptions/{id}/set_next_charge_date`).
///   Recharge still reports the subscription as `active`, with the later date.
/// - ``skipNext(subscriptionID:)``: skips the queued charge that contains the subscription
///   (`POST /charges/{id}/skip` with `purchase_item_ids`).
/// - ``cancel(subscriptionID:reason:)``: `POST /subscriptions/{id}/cancel`; a subscription that is
///   already cancelled is returned as is, so repeating it is safe.
///
/// Every change happens at most once (``SideEffect``): after a failure that leaves its outcome unknown
/// (timeout, dropped connection, 5xx, an unreadable answer) the subscription or charge is read again;
/// the change is reported when it shows, and is never sent a second time. Failures are thrown as
/// ``ActionFailure`` (not done, refused, or unconfirmed) so the skill can tell the customer which.
///
/// Every call sends `X-Recharge-Access-Token` and `X-Recharge-Version`.
public struct RechargeAdapter: SubscriptionProvider {
    /// How to reach Recharge.
    public struct Configuration: Sendable, Equatable {
        /// The customer portal where subscriptions are managed.
        public var portalURL: String
        /// The API root; `https://api.rechargeapps.com`. Override for a proxy or tests.
        public var baseURL: String
        /// The API version header; `2021-11` (older versions have other shapes).
        public var apiVersion: String
        /// The name of the environment variable holding the API token.
        public var tokenVariable: String
        /// How many days a pause postpones the next charge.
        public var pauseDays: Int

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - portalURL: The customer portal.
        ///   - baseURL: The API root; `https://api.rechargeapps.com`.
        ///   - apiVersion: The API version; `2021-11`.
        ///   - tokenVariable: The environment variable with the token; `RECHARGE_API_TOKEN`.
        ///   - pauseDays: Days a pause postpones the next charge; 30.
        public init(
            portalURL: String, baseURL: String = "https://api.rechargeapps.com", apiVersion: String = "2021-11",
            tokenVariable: String = "RECHARGE_API_TOKEN", pauseDays: Int = 30
        ) {
            self.portalURL = portalURL
            self.baseURL = baseURL
            self.apiVersion = apiVersion
            self.tokenVariable = tokenVariable
            self.pauseDays = pauseDays
        }
    }

    /// The configuration the adapter was created with.
    public let configuration: Configuration
    let endpoint: ServiceEndpoint

    /// The customer portal where subscriptions are managed.
    public var portalURL: String { configuration.portalURL }

    /// Recharge has no pause endpoint: a pause postpones the next charge by ``Configuration/pauseDays``.
    public var pauseBehavior: SubscriptionPauseBehavior { .postpone(days: configuration.pauseDays) }

    /// Creates an adapter with the API token given directly.
    ///
    /// - Throws: ``IntegrationError`` when the token is empty or a setting is malformed.
    public init(configuration: Configuration, apiToken: String, client: HTTPClient) throws(IntegrationError) {
        let token = try Secret.given(
            apiToken, integration: "Recharge", secret: "an API token", variable: configuration.tokenVariable,
            setting: "integrations.recharge.token_env")
        let base = try BaseURL.validated(configuration.baseURL, setting: "integrations.recharge.base_url")
        _ = try BaseURL.validated(configuration.portalURL, setting: "integrations.recharge.portal_url")
        guard configuration.pauseDays > 0 else {
            throw .invalidSetting(setting: "integrations.recharge.pause_days", expected: "a positive number of days, e.g. 30")
        }
        self.configuration = configuration
        endpoint = ServiceEndpoint(
            service: "recharge", baseURL: base,
            headers: [
                "X-Recharge-Access-Token": token.value, "X-Recharge-Version": configuration.apiVersion,
                "Accept": "application/json",
            ],
            secrets: [token.value], client: client, logger: Logger(label: "steward.adapters.recharge"))
    }

    /// Creates an adapter whose token is read from the variable named by ``Configuration/tokenVariable``.
    ///
    /// - Throws: ``IntegrationError`` naming the variable to set when the token is missing.
    public static func fromEnvironment(
        _ configuration: Configuration, client: HTTPClient, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(IntegrationError) -> RechargeAdapter {
        let token = try Secret.fromEnvironment(
            configuration.tokenVariable, environment: environment, integration: "Recharge", secret: "an API token",
            setting: "integrations.recharge.token_env")
        return try RechargeAdapter(configuration: configuration, apiToken: token.value, client: client)
    }

    /// The most pages of subscriptions read per customer.
    static let maxPages = 4

    /// Every subscription of the customers with this email (active, cancelled, expired).
    public func subscriptions(email: String) async throws -> [Subscription] {
        let trimmed = email.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        let customers = try await endpoint.get(CustomerList.self, "customers", query: [("email", trimmed)]).customers
            .filter { $0.email.map { $0.caseInsensitiveCompare(trimmed) == .orderedSame } ?? true }
        var result: [Subscription] = []
        for customer in customers.prefix(3) {
            var query = [("customer_id", customer.id.value), ("limit", "250")]
            for _ in 0..<Self.maxPages {
                let page = try await endpoint.get(SubscriptionList.self, "subscriptions", query: query)
                result += page.subscriptions.map { Self.subscription($0, email: customer.email ?? trimmed) }
                guard let cursor = page.nextCursor, !cursor.isEmpty else { break }
                // Follow-up pages take only the cursor and limit.
                query = [("limit", "250"), ("cursor", cursor)]
            }
        }
        return result
    }

    /// Postpones the next charge by ``Configuration/pauseDays`` days (from the later of today and the
    /// scheduled date) and returns the subscription as Recharge reports it.
    ///
    /// - Throws: ``ToolError/notFound(_:)``, ``ToolError/notAllowed(_:)`` for a cancelled subscription, or ``ActionFailure``.
    public func pause(subscriptionID: String) async throws -> Subscription {
        let current = try await subscriptionRecord(subscriptionID)
        guard !Self.isCancelled(current) else { throw ToolError.notAllowed("Subscription \(subscriptionID) is cancelled and cannot be paused.") }
        let from = max(Date(), current.nextChargeScheduledAt?.value ?? Date())
        let date = from.addingTimeInterval(Double(configuration.pauseDays) * 86_400)
        struct Body: Encodable, Sendable { var date: String }
        let day = FlexibleDate.dayString(date)
        // The same date is sent on a repeat, so a second copy changes nothing; the check reads the
        // subscription's `next_charge_scheduled_at` (api-contracts.md §5.2).
        let action = "postpone subscription \(subscriptionID)"
        let updated: SubscriptionDTO
        do {
            updated = try await SideEffect.perform(
                action: action,
                confirm: {
                    let now = try await subscriptionRecord(subscriptionID)
                    return now.nextChargeScheduledAt.map { FlexibleDate.dayString($0.value) } == day ? now : nil
                },
                act: {
                    let response = try await endpoint.send(
                        .post, "subscriptions/\(ServiceEndpoint.encode(subscriptionID))/set_next_charge_date", body: Body(date: day))
                    return try endpoint.decode(SubscriptionEnvelope.self, from: response).subscription
                })
        } catch {
            throw SideEffect.reported(error, action: action)
        }
        return try await subscription(updated)
    }

    /// Skips the next queued delivery of the subscription and returns it as it is now.
    ///
    /// - Throws: ``ToolError/notAllowed(_:)`` when no delivery is queued, ``ToolError/notFound(_:)``, or ``ActionFailure``.
    public func skipNext(subscriptionID: String) async throws -> Subscription {
        let current = try await subscriptionRecord(subscriptionID)
        guard !Self.isCancelled(current) else { throw ToolError.notAllowed("Subscription \(subscriptionID) is cancelled.") }
        var query = [("purchase_item_id", subscriptionID), ("status", "queued")]
        if let customerID = current.customerId { query.insert(("customer_id", customerID.value), at: 0) }
        let charges = try await endpoint.get(ChargeList.self, "charges", query: query).charges
        let next = charges
            .filter { ($0.status ?? "queued").lowercased() == "queued" }
            .filter { charge in (charge.lineItems ?? []).contains { $0.purchaseItemId?.value == subscriptionID } }
            .min { ($0.scheduledAt?.value ?? .distantFuture) < ($1.scheduledAt?.value ?? .distantFuture) }
        guard let next else {
            throw ToolError.notAllowed("Subscription \(subscriptionID) has no upcoming delivery to skip.")
        }
        struct Body: Encodable, Sendable {
            var purchaseItemIds: [Int64]
            enum CodingKeys: String, CodingKey { case purchaseItemIds = "purchase_item_ids" }
        }
        guard let itemID = Int64(subscriptionID) else { throw ToolError.notFound("Subscription \(subscriptionID)") }
        let chargePath = "charges/\(ServiceEndpoint.encode(next.id.value))"
        // Skipping names this one charge, so a repeat cannot skip a second delivery; the check reads the
        // charge (`GET /charges/{id}`) and sees whether it is `skipped` now.
        let action = "skip the next delivery of subscription \(subscriptionID)"
        do {
            try await SideEffect.perform(
                action: action,
                confirm: {
                    let charge = try await endpoint.getIfFound(ChargeEnvelope.self, chargePath)?.charge
                    return charge?.status?.lowercased() == "skipped" ? () : nil
                },
                act: { _ = try await endpoint.send(.post, chargePath + "/skip", body: Body(purchaseItemIds: [itemID])) })
        } catch {
            throw SideEffect.reported(error, action: action)
        }
        return try await subscription(try await subscriptionRecord(subscriptionID))
    }

    /// Cancels the subscription with this reason; one already cancelled is returned as is.
    ///
    /// - Throws: ``ToolError/notFound(_:)`` or ``ActionFailure``.
    public func cancel(subscriptionID: String, reason: String) async throws -> Subscription {
        let current = try await subscriptionRecord(subscriptionID)
        if Self.isCancelled(current) { return try await subscription(current) }
        struct Body: Encodable, Sendable {
            var cancellationReason: String
            var cancellationReasonComments: String
            var sendEmail: Bool
            enum CodingKeys: String, CodingKey {
                case cancellationReason = "cancellation_reason", cancellationReasonComments = "cancellation_reason_comments"
                case sendEmail = "send_email"
            }
        }
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let body = Body(
            cancellationReason: text.isEmpty ? "Customer request" : text,
            cancellationReasonComments: "Cancelled by the customer through the Steward support agent", sendEmail: true)
        // The cancel may go through before a failure: the check reads the subscription's `status` and
        // `cancelled_at`; a second cancel of a cancelled subscription changes nothing.
        let action = "cancel subscription \(subscriptionID)"
        let cancelled: SubscriptionDTO
        do {
            cancelled = try await SideEffect.perform(
                action: action,
                confirm: {
                    let now = try await subscriptionRecord(subscriptionID)
                    return Self.isCancelled(now) ? now : nil
                },
                act: {
                    let response = try await endpoint.send(.post, "subscriptions/\(ServiceEndpoint.encode(subscriptionID))/cancel", body: body)
                    return try endpoint.decode(SubscriptionEnvelope.self, from: response).subscription
                })
        } catch {
            throw SideEffect.reported(error, action: action)
        }
        return try await subscription(cancelled)
    }

    // MARK: Helpers

    func subscriptionRecord(_ id: String) async throws -> SubscriptionDTO {
        let trimmed = id.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty,
            let envelope = try await endpoint.getIfFound(SubscriptionEnvelope.self, "subscriptions/\(ServiceEndpoint.encode(trimmed))")
        else { throw ToolError.notFound("Subscription \(id)") }
        return envelope.subscription
    }

    /// The subscription with its customer's email (read from the customer when the record lacks it).
    func subscription(_ dto: SubscriptionDTO) async throws -> Subscription {
        var email = dto.email ?? dto.customerEmail
        if email == nil, let customerID = dto.customerId {
            email = try? await endpoint.getIfFound(CustomerEnvelope.self, "customers/\(ServiceEndpoint.encode(customerID.value))")?.customer.email
        }
        return Self.subscription(dto, email: email ?? "")
    }

    static func isCancelled(_ dto: SubscriptionDTO) -> Bool {
        ["cancelled", "expired"].contains(dto.status?.lowercased() ?? "") || dto.cancelledAt != nil
    }

    static func subscription(_ dto: SubscriptionDTO, email: String) -> Subscription {
        let status: Subscription.Status =
            switch dto.status?.lowercased() {
            case "cancelled", "expired": .cancelled
            case "paused", "onetime_paused": .paused
            default: dto.cancelledAt != nil ? .cancelled : .active
            }
        let title = [dto.productTitle, dto.variantTitle].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " – ")
        return Subscription(
            id: dto.id.value, email: email, productTitle: title.isEmpty ? "Subscription \(dto.id.value)" : title,
            quantity: dto.quantity ?? 1, price: Money(dto.price?.value ?? 0, currency: dto.presentmentCurrency ?? "USD"),
            interval: interval(frequency: dto.orderIntervalFrequency?.value, unit: dto.orderIntervalUnit),
            status: status, nextChargeAt: dto.nextChargeScheduledAt?.value)
    }

    /// "every month", "every 2 weeks".
    static func interval(frequency: String?, unit: String?) -> String {
        let unit = (unit ?? "month").lowercased()
        guard let frequency, let count = Int(frequency), count != 1 else { return "every \(unit)" }
        return "every \(count) \(unit.hasSuffix("s") ? unit : unit + "s")"
    }

    // MARK: Wire shapes (api-contracts.md §5.2)

    struct CustomerList: Decodable { var customers: [CustomerDTO] }
    struct CustomerEnvelope: Decodable { var customer: CustomerDTO }
    struct CustomerDTO: Decodable {
        var id: FlexibleID
        var email: String?
    }

    struct SubscriptionList: Decodable {
        var subscriptions: [SubscriptionDTO]
        var nextCursor: String?
    }
    struct SubscriptionEnvelope: Decodable { var subscription: SubscriptionDTO }
    struct SubscriptionDTO: Decodable {
        var id: FlexibleID
        var customerId: FlexibleID?
        var email: String?
        var customerEmail: String?
        var status: String?
        var productTitle: String?
        var variantTitle: String?
        var price: FlexibleDecimal?
        var presentmentCurrency: String?
        var quantity: Int?
        var orderIntervalFrequency: FlexibleID?
        var orderIntervalUnit: String?
        var nextChargeScheduledAt: FlexibleDate?
        var cancelledAt: FlexibleDate?
    }

    struct ChargeList: Decodable { var charges: [ChargeDTO] }
    struct ChargeEnvelope: Decodable { var charge: ChargeDTO }
    struct ChargeDTO: Decodable {
        var id: FlexibleID
        var status: String?
        var scheduledAt: FlexibleDate?
        var lineItems: [ChargeLineItem]?
    }
    struct ChargeLineItem: Decodable {
        var purchaseItemId: FlexibleID?
        var purchaseItemType: String?
    }
}

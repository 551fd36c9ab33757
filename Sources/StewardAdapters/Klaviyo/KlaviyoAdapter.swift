import Foundation
import Logging
import StewardCore
import StewardHTTP

/// Customer profiles and the coupon codes assigned to them, from Klaviyo.
///
/// ``customer(email:)`` returns the Klaviyo profile with ``CustomerProfile/profileID`` (and
/// ``CustomerProfile/id``) set to the Klaviyo id, which handoff tickets carry. ``coupons(email:)``
/// returns the codes assigned to that profile that are still usable; Klaviyo holds no public
/// codes, so ``publicCoupons()`` is empty.
///
/// Every call sends `Authorization: Klaviyo-API-Key …` and the pinned `revision` header.
public struct KlaviyoAdapter: CustomerDirectory, CouponProvider {
    /// How to reach Klaviyo.
    public struct Configuration: Sendable, Equatable {
        /// The API origin; `https://a.klaviyo.com`. Override for a proxy or tests.
        public var baseURL: String
        /// The API revision sent in the `revision` header, e.g. `2025-07-15`.
        public var revision: String
        /// The name of the environment variable holding the private API key (`pk_…`).
        public var apiKeyVariable: String

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - baseURL: The API origin; `https://a.klaviyo.com`.
        ///   - revision: The pinned API revision; `2025-07-15`.
        ///   - apiKeyVariable: The environment variable with the key; `KLAVIYO_API_KEY`.
        public init(baseURL: String = "https://a.klaviyo.com", revision: String = "2025-07-15", apiKeyVariable: String = "KLAVIYO_API_KEY") {
            self.baseURL = baseURL
            self.revision = revision
            self.apiKeyVariable = apiKeyVariable
        }
    }

    /// The configuration the adapter was created with.
    public let configuration: Configuration
    let endpoint: ServiceEndpoint

    /// Creates an adapter with the private API key given directly.
    ///
    /// - Parameters:
    ///   - configuration: Base URL, revision and key variable.
    ///   - apiKey: The private API key; never logged or put in errors.
    ///   - client: The shared HTTP client.
    /// - Throws: ``IntegrationError`` when the key is empty or a setting is malformed.
    public init(configuration: Configuration = Configuration(), apiKey: String, client: HTTPClient) throws(IntegrationError) {
        let key = try Secret.given(
            apiKey, integration: "Klaviyo", secret: "a private API key", variable: configuration.apiKeyVariable,
            setting: "integrations.klaviyo.api_key_env")
        let base = try BaseURL.validated(configuration.baseURL, setting: "integrations.klaviyo.base_url")
        guard !configuration.revision.isEmpty, FlexibleDate.parse(String(configuration.revision.prefix(10))) != nil else {
            throw .invalidSetting(setting: "integrations.klaviyo.revision", expected: "2025-07-15 (a date, optionally with a .suffix)")
        }
        self.configuration = configuration
        endpoint = ServiceEndpoint(
            service: "klaviyo", baseURL: base + "/api",
            headers: [
                "Authorization": "Klaviyo-API-Key \(key.value)", "revision": configuration.revision,
                "Accept": "application/vnd.api+json",
            ],
            secrets: [key.value], client: client, logger: Logger(label: "steward.adapters.klaviyo"))
    }

    /// Creates an adapter whose key is read from the variable named by ``Configuration/apiKeyVariable``.
    ///
    /// - Throws: ``IntegrationError`` naming the variable to set when the key is missing.
    public static func fromEnvironment(
        _ configuration: Configuration = Configuration(), client: HTTPClient,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(IntegrationError) -> KlaviyoAdapter {
        let key = try Secret.fromEnvironment(
            configuration.apiKeyVariable, environment: environment, integration: "Klaviyo", secret: "a private API key",
            setting: "integrations.klaviyo.api_key_env")
        return try KlaviyoAdapter(configuration: configuration, apiKey: key.value, client: client)
    }

    /// The Klaviyo profile with this email, or `nil` (no match is `data: []`, not a 404).
    public func customer(email: String) async throws -> CustomerProfile? {
        let trimmed = email.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, let value = KlaviyoAPI.quoted(trimmed) else { return nil }
        let page = try await endpoint.get(
            KlaviyoAPI.Collection<KlaviyoAPI.ProfileAttributes>.self, "profiles",
            query: [("filter", "equals(email,\(value))"), ("page[size]", "1")])
        guard let profile = page.data.first, let id = profile.id else { return nil }
        let attributes = profile.attributes
        return CustomerProfile(
            id: id, email: attributes?.email ?? trimmed, firstName: attributes?.firstName, lastName: attributes?.lastName,
            phone: attributes?.phoneNumber, profileID: id)
    }

    /// Klaviyo has no public codes: always empty.
    public func publicCoupons() async throws -> [Coupon] {
        []
    }

    /// The unexpired coupon codes assigned to the profile with this email (status `ASSIGNED_TO_PROFILE`).
    public func coupons(email: String) async throws -> [Coupon] {
        guard let profile = try await customer(email: email), let id = profile.profileID, let value = KlaviyoAPI.quoted(id) else {
            return []
        }
        let page = try await endpoint.get(
            KlaviyoAPI.Collection<KlaviyoAPI.CouponCodeAttributes>.self, "coupon-codes",
            query: [("filter", "equals(profile.id,\(value))")])
        let now = Date()
        return page.data.compactMap { resource -> Coupon? in
            guard let attributes = resource.attributes, let code = attributes.uniqueCode, !code.isEmpty,
                (attributes.status ?? "ASSIGNED_TO_PROFILE") == "ASSIGNED_TO_PROFILE",
                attributes.expiresAt.map({ $0.value > now }) ?? true
            else { return nil }
            let couponID = resource.relationships?.coupon?.data?.id ?? Self.couponID(codeID: resource.id, code: code)
            let description = couponID.map { "Your \($0) code" } ?? "Your personal code"
            return Coupon(code: code, description: description, email: profile.email, expiresAt: attributes.expiresAt?.value)
        }
    }

    /// The coupon id from a coupon-code id `{coupon_id}-{unique_code}`.
    static func couponID(codeID: String?, code: String) -> String? {
        guard let codeID, codeID.hasSuffix("-" + code), codeID.count > code.count + 1 else { return nil }
        return String(codeID.dropLast(code.count + 1))
    }
}

extension ShopifyAdapter {
    /// Where the shop is and how to reach it.
    public struct Configuration: Sendable, Equatable {
        /// The shop: `my-shop` or `my-shop.myshopify.com`.
        public var shop: String
        /// The Admin API version, e.g. `2025-07` (quarterly `YYYY-01/04/07/10`, or `unstable`).
        public var apiVersion: String
        /// The name of the environment variable holding the Admin API access token (`shpat_…`).
        public var tokenVariable: String
        /// Replaces `https://{shop}.myshopify.com` (a proxy, a sandbox, or a test stub); `/admin/api/{version}` is appended.
        public var baseURL: String?
        /// The storefront origin for product links; defaults to `https://{shop}.myshopify.com`.
        public var storefrontURL: String?
        /// The currency of product prices (REST products carry none).
        public var currency: String
        /// The most products ``ShopifyAdapter/products()`` returns.
        public var maxProducts: Int
        /// The most discounts (price rules) whose codes ``ShopifyAdapter/publicCoupons()`` reads.
        public var maxPriceRules: Int

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - shop: `my-shop` or `my-shop.myshopify.com`.
        ///   - apiVersion: The Admin API version; `2025-07`.
        ///   - tokenVariable: The environment variable with the token; `SHOPIFY_ACCESS_TOKEN`.
        ///   - baseURL: An origin replacing `https://{shop}.myshopify.com`; none.
        ///   - storefrontURL: The storefront origin for product links; the myshopify domain.
        ///   - currency: The currency of product prices; `USD`.
        ///   - maxProducts: The product cap; 250.
        ///   - maxPriceRules: The discount cap; 25.
        public init(
            shop: String, apiVersion: String = "2025-07", tokenVariable: String = "SHOPIFY_ACCESS_TOKEN",
            baseURL: String? = nil, storefrontURL: String? = nil, currency: String = "USD", maxProducts: Int = 250,
            maxPriceRules: Int = 25
        ) {
            self.shop = shop
            self.apiVersion = apiVersion
            self.tokenVariable = tokenVariable
            self.baseURL = baseURL
            self.storefrontURL = storefrontURL
            self.currency = currency
            self.maxProducts = maxProducts
            self.maxPriceRules = maxPriceRules
        }

        /// The REST root (`…/admin/api/{version}`) and the storefront origin.
        func resolved() throws(IntegrationError) -> (apiRoot: String, storefront: String) {
            let name = try BaseURL.accountName(shop, suffix: "myshopify.com", example: "my-shop", setting: "integrations.shopify.shop")
            guard Self.isValidVersion(apiVersion) else {
                throw .invalidSetting(setting: "integrations.shopify.api_version", expected: "2025-07 (YYYY-01, -04, -07 or -10) or unstable")
            }
            let shopOrigin = "https://\(name).myshopify.com"
            let origin = try baseURL.map { url throws(IntegrationError) in try BaseURL.validated(url, setting: "integrations.shopify.base_url") } ?? shopOrigin
            let storefront = try storefrontURL.map { url throws(IntegrationError) in try BaseURL.validated(url, setting: "integrations.shopify.storefront_url") } ?? shopOrigin
            return (origin + "/admin/api/" + apiVersion, storefront)
        }

        static func isValidVersion(_ version: String) -> Bool {
            if version == "unstable" { return true }
            let parts = version.split(separator: "-")
            guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), year >= 2019,
                parts[1].count == 2, let month = Int(parts[1]), [1, 4, 7, 10].contains(month)
            else { return false }
            return true
        }
    }
}

import Foundation
import StewardAdapters
import StewardCore
import StewardHTTP
import StewardModel

/// The adapters a configuration asks for, built with their secrets from the environment.
public struct ConfiguredIntegrations: Sendable {
    /// Replaces the demo store's tools with the configured adapters.
    public var apply: @Sendable (inout Toolbox) -> Void
    /// Helpdesks by provider name, for the outbox.
    public var helpdesks: [String: any HelpdeskProvider]
}

extension IntegrationsConfiguration {
    /// Builds every configured adapter on one shared HTTP client.
    ///
    /// - Throws: ``IntegrationError`` saying which setting or environment variable to fix.
    public func build(
        shop: ShopInfo, environment: [String: String] = ProcessInfo.processInfo.environment,
        client: HTTPClient = HTTPClient()
    ) throws -> ConfiguredIntegrations {
        var orders: (any OrderProvider)?, products: (any ProductCatalog)?, coupons: (any CouponProvider)?
        var customers: (any CustomerDirectory)?, returns: (any ReturnsProvider)?
        var subscriptions: (any SubscriptionProvider)?, loyalty: (any LoyaltyProvider)?
        var helpdesks: [String: any HelpdeskProvider] = [:]
        // Every configured source of discount codes, in priority order (the shop first).
        var couponSources: [any CouponProvider] = []

        if let s = settings["shopify"] {
            guard let shopName = s["shop"] else { throw IntegrationError.invalidSetting(setting: "integrations.shopify.shop", expected: "your shop name, e.g. my-shop or my-shop.myshopify.com") }
            var config = ShopifyAdapter.Configuration(shop: shopName, baseURL: s["base_url"], storefrontURL: shop.storefrontURL)
            if let v = s["api_version"] { config.apiVersion = v }
            if let v = s["token_env"] { config.tokenVariable = v }
            let shopify = try ShopifyAdapter.fromEnvironment(config, client: client, environment: environment)
            orders = shopify
            products = shopify
            couponSources.append(shopify)
            customers = shopify
        }
        if let s = settings["klaviyo"] {
            var config = KlaviyoAdapter.Configuration()
            if let v = s["base_url"] { config.baseURL = v }
            if let v = s["revision"] { config.revision = v }
            if let v = s["api_key_env"] { config.apiKeyVariable = v }
            let klaviyo = try KlaviyoAdapter.fromEnvironment(config, client: client, environment: environment)
            customers = klaviyo
            couponSources.append(klaviyo)
        }
        if let s = settings["loop"] {
            var config = LoopReturnsAdapter.Configuration(portalURL: s["portal_url"] ?? shop.returnsPortalURL)
            if let v = s["base_url"] { config.baseURL = v }
            if let v = s["api_key_env"] { config.apiKeyVariable = v }
            returns = try LoopReturnsAdapter.fromEnvironment(config, client: client, environment: environment)
        }
        if let s = settings["recharge"] {
            var config = RechargeAdapter.Configuration(portalURL: s["portal_url"] ?? shop.storefrontURL + "/account/subscriptions")
            if let v = s["base_url"] { config.baseURL = v }
            if let v = s["token_env"] { config.tokenVariable = v }
            subscriptions = try RechargeAdapter.fromEnvironment(config, client: client, environment: environment)
        }
        if let s = settings["smile"] {
            var config = SmileLoyaltyAdapter.Configuration()
            if let v = s["base_url"] { config.baseURL = v }
            if let v = s["api_key_env"] { config.apiKeyVariable = v }
            loyalty = try SmileLoyaltyAdapter.fromEnvironment(config, client: client, environment: environment)
        }
        if let s = settings["zendesk"] {
            guard let subdomain = s["subdomain"] else { throw IntegrationError.invalidSetting(setting: "integrations.zendesk.subdomain", expected: "your Zendesk subdomain, e.g. northwind for northwind.zendesk.com") }
            guard let email = s["email"] else { throw IntegrationError.invalidSetting(setting: "integrations.zendesk.email", expected: "the email of the agent the API token belongs to") }
            var config = ZendeskHelpdesk.Configuration(subdomain: subdomain, agentEmail: email, baseURL: s["base_url"])
            if let v = s["token_env"] { config.tokenVariable = v }
            helpdesks["zendesk"] = try ZendeskHelpdesk.fromEnvironment(config, client: client, environment: environment)
        }
        if let s = settings["gorgias"] {
            guard let domain = s["domain"] else { throw IntegrationError.invalidSetting(setting: "integrations.gorgias.domain", expected: "your Gorgias domain, e.g. northwind for northwind.gorgias.com") }
            guard let username = s["username"] else { throw IntegrationError.invalidSetting(setting: "integrations.gorgias.username", expected: "the email of the Gorgias user the API key belongs to") }
            var config = GorgiasHelpdesk.Configuration(domain: domain, username: username, baseURL: s["base_url"])
            if let v = s["api_key_env"] { config.apiKeyVariable = v }
            helpdesks["gorgias"] = try GorgiasHelpdesk.fromEnvironment(config, client: client, environment: environment)
        }
        // One source as is; several merged, so a customer's codes from each of them are shown.
        if couponSources.count == 1 {
            coupons = couponSources[0]
        } else if couponSources.count > 1 {
            coupons = CompositeCouponProvider(couponSources)
        }
        let chosen = Toolbox(
            orders: orders, products: products, coupons: coupons, customers: customers, returns: returns,
            subscriptions: subscriptions, loyalty: loyalty)
        return ConfiguredIntegrations(
            apply: { toolbox in
                if let v = chosen.orders { toolbox.orders = v }
                if let v = chosen.products { toolbox.products = v }
                if let v = chosen.coupons { toolbox.coupons = v }
                if let v = chosen.customers { toolbox.customers = v }
                if let v = chosen.returns { toolbox.returns = v }
                if let v = chosen.subscriptions { toolbox.subscriptions = v }
                if let v = chosen.loyalty { toolbox.loyalty = v }
            }, helpdesks: helpdesks)
    }
}

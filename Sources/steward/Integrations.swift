import StewardCore
import StewardRuntime

/// The tools and helpdesks the configuration asks for.
enum Integrations {
    static func build(_ configuration: StewardConfiguration) throws -> ConfiguredIntegrations {
        let built = try configuration.integrations.build(shop: configuration.shop)
        let desk = configuration.handoff.helpdesk
        if configuration.handoff.method == .helpdesk, desk != .local, built.helpdesks[desk.rawValue] == nil {
            throw ConfigurationError.invalidValue(
                key: "handoff.helpdesk",
                expected: "an integration configured under `integrations.\(desk.rawValue)` (or `local`)")
        }
        return built
    }
}

import StewardCore
import StewardRuntime

/// The tools and helpdesks the configuration asks for (adapters added by the adapters work).
enum Integrations {
    struct Built {
        /// Tools that replace the demo store's, by kind.
        var tools: (inout Toolbox) -> Void
        var helpdesks: [String: any HelpdeskProvider]
    }

    static func build(_ configuration: StewardConfiguration) throws -> Built {
        Built(tools: { _ in }, helpdesks: [:])
    }
}

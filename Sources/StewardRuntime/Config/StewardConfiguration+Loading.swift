import Foundation
import StewardCore
import StewardYAML

extension StewardConfiguration {
    /// The file read when no `--config` is given, if it exists in the working directory.
    public static let defaultPath = "steward.yaml"

    /// Loads settings from `path`, or from `steward.yaml` if present, or the defaults.
    ///
    /// - Parameter path: An explicit file; it must exist.
    /// - Throws: ``ConfigurationError`` naming the key and what is allowed.
    public static func load(path: String?) throws -> StewardConfiguration {
        let file: String
        if let path {
            file = path
        } else if FileManager.default.fileExists(atPath: defaultPath) {
            file = defaultPath
        } else {
            return StewardConfiguration()
        }
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: file) ? "it is not UTF-8 text" : "no such file"
            throw ConfigurationError.unreadable(path: file, reason: reason)
        }
        var config = try parse(yaml: text, path: file)
        config.sourcePath = file
        return config
    }

    /// Parses settings from YAML text; `path` names it in errors.
    ///
    /// - Throws: ``ConfigurationError/located(file:line:column:problem:)`` naming the file, the line
    ///   and what to fix (a YAML syntax error is ``ConfigurationError/invalidYAML(path:reason:)`` with its line).
    public static func parse(yaml: String, path: String = "<yaml>") throws -> StewardConfiguration {
        let root: YAMLNode?
        do {
            root = try YAMLNode.parse(yaml, file: path)
        } catch let error as YAMLError {
            throw ConfigurationError(error)
        }
        guard let root else { return StewardConfiguration() }
        return try parse(node: root)
    }

    /// Parses settings from a node read by the strict reader (a whole `steward.yaml`, or a
    /// conversation script's `config` section): errors name the node's file and the line of the key.
    ///
    /// - Throws: ``ConfigurationError/located(file:line:column:problem:)``.
    public static func parse(node: YAMLNode) throws -> StewardConfiguration {
        do {
            return try parseSettings(ConfigNode(node, key: ""))
        } catch let error as YAMLError {
            throw ConfigurationError(error)
        } catch let error as ConfigurationError {
            throw error.located(in: node)
        }
    }

    static func parseSettings(_ top: ConfigNode) throws -> StewardConfiguration {
        var config = StewardConfiguration()
        try top.allow([
            "agent", "channels", "router", "shop", "data", "skills", "fallback", "handoff", "store", "integrations",
            "language", "translations", "bursts", "verification",
        ])

        if let agent = try top.section("agent") {
            try agent.allow(["name", "intro"])
            if let v = try agent.string("name") { config.agent.name = v }
            if let v = try agent.string("intro") { config.agent.intro = v }
        }
        if let channels = try top.stringList("channels") {
            config.channels = try channels.map { name in
                guard let channel = Channel(rawValue: name) else {
                    throw ConfigurationError.invalidValue(
                        key: "channels", expected: "a list of \(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return channel
            }
        }
        if let bursts = try top.section("bursts") {
            config.bursts = try BurstPolicy.parse(bursts)
        }
        if let router = try top.section("router") {
            try router.allow(["threshold", "margin", "digression_threshold", "examples", "knowledge_fallback"])
            if let v = try router.unitInterval("knowledge_fallback") { config.router.knowledgeFallbackCoverage = v }
            if let v = try router.string("examples") { config.router.examplesDirectory = v }
            config.router.threshold = try router.unitInterval("threshold")
            config.router.margin = try router.unitInterval("margin")
            if let v = try router.unitInterval("digression_threshold") { config.router.digressionThreshold = v }
        }
        if let shop = try top.section("shop") {
            try shop.allow(["name", "returns_portal_url", "order_status_url", "storefront_url", "return_window_days"])
            if let v = try shop.number("return_window_days") {
                guard v >= 0, v <= 365, v == v.rounded() else {
                    throw ConfigurationError.invalidValue(key: "shop.return_window_days", expected: "a whole number of days from 0 to 365")
                }
                config.shop.returnWindowDays = Int(v)
            }
            if let v = try shop.string("name") { config.shop.name = v }
            if let v = try shop.url("returns_portal_url") { config.shop.returnsPortalURL = v }
            if let v = try shop.url("order_status_url") { config.shop.orderStatusURL = v }
            if let v = try shop.url("storefront_url") { config.shop.storefrontURL = v }
        }
        if let data = try top.section("data") {
            try data.allow(["demo_dir", "knowledge_dir"])
            if let v = try data.string("demo_dir") { config.data.demoDirectory = v }
            if let v = try data.string("knowledge_dir") { config.data.knowledgeDirectory = v }
        }
        if let fallback = try top.section("fallback") {
            try fallback.allow(["max_misses", "max_complaints", "max_reasks", "rephrase_message", "apology_message", "offer_message"])
            if let v = try fallback.count("max_misses") { config.handoff.maxMisses = v }
            if let v = try fallback.count("max_complaints") { config.handoff.maxComplaints = v }
            if let v = try fallback.count("max_reasks") { config.handoff.maxReasks = v }
            if let v = try fallback.string("rephrase_message") { config.handoff.rephraseMessage = v }
            if let v = try fallback.string("apology_message") { config.handoff.apologyMessage = v }
            if let v = try fallback.string("offer_message") { config.handoff.offerMessage = v }
        }
        if let handoff = try top.section("handoff") {
            try handoff.allow([
                "method", "helpdesk", "message", "email_prompt", "handed_off_message", "away_message", "declined_message",
                "response_time", "business_hours",
            ])
            if let v = try handoff.string("method") {
                guard let method = HandoffConfiguration.Method(rawValue: v) else {
                    throw ConfigurationError.invalidValue(key: "handoff.method", expected: "helpdesk or message")
                }
                config.handoff.method = method
            }
            if let v = try handoff.string("helpdesk") {
                guard let desk = HandoffConfiguration.Helpdesk(rawValue: v) else {
                    throw ConfigurationError.invalidValue(key: "handoff.helpdesk", expected: "local, zendesk or gorgias")
                }
                config.handoff.helpdesk = desk
            }
            if let v = try handoff.string("message") { config.handoff.message = v }
            if let v = try handoff.string("email_prompt") { config.handoff.emailPrompt = v }
            if let v = try handoff.string("handed_off_message") { config.handoff.handedOffMessage = v }
            if let v = try handoff.string("away_message") { config.handoff.awayMessage = v }
            if let v = try handoff.string("declined_message") { config.handoff.declinedMessage = v }
            if let v = try handoff.string("response_time") { config.handoff.responseTime = v }
            if let hours = try handoff.section("business_hours") {
                config.handoff.businessHours = try BusinessHours.parse(hours)
            }
        }
        if let store = try top.section("store") {
            try store.allow(["path", "recent_turns", "cached_sessions", "cache_megabytes", "busy_timeout"])
            if let v = try store.number("busy_timeout") {
                guard v >= 0.1, v <= 600 else {
                    throw ConfigurationError.invalidValue(key: "store.busy_timeout", expected: "seconds from 0.1 to 600")
                }
                config.storeBusyTimeout = v
            }
            if let v = try store.number("cache_megabytes") {
                guard v >= 1, v <= 65_536, v == v.rounded() else {
                    throw ConfigurationError.invalidValue(key: "store.cache_megabytes", expected: "a whole number from 1 to 65536")
                }
                config.storeCacheMegabytes = Int(v)
            }
            if let v = try store.string("path") { config.storePath = v }
            if let v = try store.number("recent_turns") {
                guard v >= 2, v <= 1_000, v == v.rounded() else {
                    throw ConfigurationError.invalidValue(key: "store.recent_turns", expected: "a whole number from 2 to 1000")
                }
                config.storeRecentTurns = Int(v)
            }
            if let v = try store.number("cached_sessions") {
                guard v >= 1, v <= 10_000_000, v == v.rounded() else {
                    throw ConfigurationError.invalidValue(
                        key: "store.cached_sessions", expected: "a whole number from 1 to 10000000")
                }
                config.storeCachedSessions = Int(v)
            }
        }
        if let verification = try top.section("verification") {
            config.verification = try VerificationPolicy.parse(verification)
        }
        if let integrations = try top.section("integrations") {
            config.integrations = try IntegrationsConfiguration.parse(integrations)
        }
        if let language = try top.section("language") {
            config.language = try LanguageConfiguration.parse(language)
        }
        if let translations = try top.section("translations") {
            config.language.translations = try LanguageConfiguration.parseTranslations(translations)
        }
        if let skills = try top.section("skills") {
            try skills.allow(["disabled"])
            if let v = try skills.stringList("disabled") { config.disabledSkills = v }
        }
        return config
    }
}

/// A mapping of `steward.yaml` read by the strict reader (``YAMLNode``), with the path of keys that led to it.
///
/// Keys given twice are refused when the node is made; ``allow(_:)`` refuses keys not allowed.
/// Values keep the types YAML gives them (`String`, `Int`, `Double`, `Bool`, lists, mappings).
struct ConfigNode {
    let node: YAMLNode
    let values: [String: Any]
    let key: String

    init(_ node: YAMLNode, key: String) throws {
        guard node.node.mapping != nil else {
            throw ConfigurationError.invalidValue(key: key.isEmpty ? "(top level)" : key, expected: "a mapping of keys to values")
        }
        var values: [String: Any] = [:]
        for entry in try node.mapping(allowed: nil).entries { values[entry.name] = entry.value.any }
        self.node = node
        self.values = values
        self.key = key
    }

    func path(_ name: String) -> String { key.isEmpty ? name : "\(key).\(name)" }

    func allow(_ names: [String]) throws {
        for name in values.keys.sorted() where !names.contains(name) {
            throw ConfigurationError.unknownKey(key: path(name), allowed: names)
        }
    }

    func section(_ name: String) throws -> ConfigNode? {
        guard values[name] != nil, let child = try node.mapping(allowed: nil)[name] else { return nil }
        return try ConfigNode(child, key: path(name))
    }

    func string(_ name: String) throws -> String? {
        guard let value = values[name] else { return nil }
        guard let string = value as? String, !string.isEmpty else {
            throw ConfigurationError.invalidValue(key: path(name), expected: "a non-empty string")
        }
        return string
    }

    func url(_ name: String) throws -> String? {
        guard let string = try self.string(name) else { return nil }
        guard string.hasPrefix("https://") || string.hasPrefix("http://") else {
            throw ConfigurationError.invalidValue(key: path(name), expected: "an http(s) URL")
        }
        return string
    }

    func stringList(_ name: String) throws -> [String]? {
        guard let value = values[name] else { return nil }
        guard let list = value as? [Any], let strings = list as? [String] else {
            throw ConfigurationError.invalidValue(key: path(name), expected: "a list of strings")
        }
        return strings
    }

    func number(_ name: String) throws -> Double? {
        guard let value = values[name] else { return nil }
        if let d = value as? Double { return d }
        if let i = value as? Int { return Double(i) }
        throw ConfigurationError.invalidValue(key: path(name), expected: "a number")
    }

    func unitInterval(_ name: String) throws -> Double? {
        guard let d = try number(name) else { return nil }
        guard (0...1).contains(d) else {
            throw ConfigurationError.invalidValue(key: path(name), expected: "a number from 0 to 1")
        }
        return d
    }

    func count(_ name: String) throws -> Int? {
        guard let d = try number(name) else { return nil }
        guard d >= 1, d <= 100, d == d.rounded() else {
            throw ConfigurationError.invalidValue(key: path(name), expected: "a whole number from 1 to 100")
        }
        return Int(d)
    }

    func bool(_ name: String) throws -> Bool? {
        guard let value = values[name] else { return nil }
        guard let b = value as? Bool else {
            throw ConfigurationError.invalidValue(key: path(name), expected: "true or false")
        }
        return b
    }
}

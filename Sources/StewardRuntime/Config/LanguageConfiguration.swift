import Foundation

/// The shop's languages and how a conversation's language is decided (`language:` in `steward.yaml`),
/// with the shop's own translations of Steward's texts (`translations:`).
public struct LanguageConfiguration: Sendable, Hashable {
    /// Every language Steward ships examples and texts for.
    public static let shipped = ["en", "pl", "sv", "ko", "de", "es", "fr"]

    /// The shop's default language: replies before a language is known, and to customers whose
    /// language the shop does not serve (`language.default`).
    public var defaultLanguage = "en"
    /// The languages the shop serves (`language.supported`); the default language is one of them.
    public var supported = LanguageConfiguration.shipped
    /// Letters a message needs before its detected language counts (`language.min_length`); a
    /// Hangul, kana or Han character counts as three, digits, emails and links not at all.
    public var minLength = 4
    /// Confidence at which a detected language locks the conversation (`language.lock_confidence`):
    /// after that, only another message detected with at least this confidence changes it.
    public var lockConfidence = 0.9
    /// The shop's translations of Steward's texts, by language and text key (`translations:`);
    /// they override the built-in ones (see ``Translations``).
    public var translations: [String: [String: String]] = [:]

    public init() {}

    /// Whether the shop serves a language.
    public func serves(_ language: String) -> Bool { supported.contains(language) }

    /// A language code as Steward keeps it: the primary subtag of an ISO 639-1 code or a BCP 47 tag,
    /// lower-cased (`PL` → `pl`, `pt-BR` → `pt`, `sv_SE` → `sv`); nil when it is not one.
    public static func code(_ tag: String) -> String? {
        let primary = tag.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? ""
        guard primary.count == 2, primary.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return primary.lowercased()
    }

    static func parse(_ node: ConfigNode) throws -> LanguageConfiguration {
        try node.allow(["default", "supported", "min_length", "lock_confidence"])
        var result = LanguageConfiguration()
        let expected = "a two-letter ISO 639-1 code such as en, pl, sv, ko, de, es or fr"
        if let codes = try node.stringList("supported") {
            guard !codes.isEmpty else {
                throw ConfigurationError.invalidValue(key: node.path("supported"), expected: "a non-empty list of language codes")
            }
            result.supported = try codes.map { tag in
                guard let code = code(tag), code == tag.lowercased() else {
                    throw ConfigurationError.invalidValue(key: node.path("supported"), expected: "a list of language codes, each \(expected)")
                }
                return code
            }
        }
        if let tag = try node.string("default") {
            guard let code = code(tag), code == tag.lowercased() else {
                throw ConfigurationError.invalidValue(key: node.path("default"), expected: expected)
            }
            result.defaultLanguage = code
        }
        guard result.supported.contains(result.defaultLanguage) else {
            throw ConfigurationError.invalidValue(
                key: node.path("default"),
                expected: "one of the languages in \(node.path("supported")) (\(result.supported.joined(separator: ", ")))")
        }
        if let length = try node.number("min_length") {
            guard length >= 0, length <= 1_000, length == length.rounded() else {
                throw ConfigurationError.invalidValue(key: node.path("min_length"), expected: "a whole number of letters from 0 to 1000")
            }
            result.minLength = Int(length)
        }
        if let confidence = try node.unitInterval("lock_confidence") { result.lockConfidence = confidence }
        return result
    }

    /// Parses `translations:`: language codes, each a mapping of ``TextKey`` names to texts.
    static func parseTranslations(_ node: ConfigNode) throws -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        let keys = TextKey.allCases.map(\.rawValue)
        for tag in node.values.keys.sorted() {
            guard let code = code(tag), code == tag.lowercased() else {
                throw ConfigurationError.invalidValue(
                    key: node.path(tag), expected: "texts under a two-letter ISO 639-1 language code such as pl or de")
            }
            guard let texts = try node.section(tag) else { continue }
            try texts.allow(keys)
            for key in keys {
                if let text = try texts.string(key) { result[code, default: [:]][key] = text }
            }
        }
        return result
    }
}

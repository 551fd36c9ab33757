import Foundation
import StewardYAML

/// Steward's own texts in every language it has them, worked out once from the configuration.
///
/// A text in language L is, first found:
/// 1. the shop's translation, `translations.L.<key>` in `steward.yaml`;
/// 2. the shop's own text under `fallback:` or `handoff:` (written in its default language), when
///    the shop changed it from Steward's: a built-in translation of the default wording would not
///    say what the shop's text says, so the shop's text is used in every language it did not translate;
/// 3. the built-in translation, `Sources/StewardRuntime/Texts/L.yaml`;
/// 4. the same text in the shop's default language.
public struct Translations: Sendable {
    /// The language used when a text has no translation.
    public let defaultLanguage: String
    private let table: [String: [TextKey: String]]

    /// The texts for a configuration.
    public init(configuration: StewardConfiguration) {
        let language = configuration.language
        defaultLanguage = language.defaultLanguage
        let customized = Self.customizedTexts(configuration.handoff)
        let builtIn = Self.builtIn
        var shop: [String: [TextKey: String]] = [:]
        for (code, texts) in language.translations {
            for (name, text) in texts {
                if let key = TextKey(rawValue: name) { shop[code, default: [:]][key] = text }
            }
        }
        func resolve(_ key: TextKey, _ code: String) -> String? {
            shop[code]?[key] ?? customized[key] ?? builtIn[code]?[key]
        }
        let fallbackLanguage = language.defaultLanguage
        var table: [String: [TextKey: String]] = [:]
        for code in Set(builtIn.keys).union(shop.keys).union([fallbackLanguage]) {
            var texts: [TextKey: String] = [:]
            for key in TextKey.allCases {
                texts[key] = resolve(key, code) ?? resolve(key, fallbackLanguage) ?? builtIn["en"]?[key] ?? key.rawValue
            }
            table[code] = texts
        }
        self.table = table
    }

    /// The text `key` in `language`, or in the default language when there is no table for it.
    public func text(_ key: TextKey, in language: String) -> String {
        (table[language] ?? table[defaultLanguage])?[key] ?? key.rawValue
    }

    /// The text `key` in `language` with each `{name}` replaced by `values[name]`.
    public func text(_ key: TextKey, in language: String, _ values: KeyValuePairs<String, String>) -> String {
        var text = text(key, in: language)
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// "A, B or C" in `language`.
    public func list(_ items: [String], in language: String) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " " + text(.or, in: language) + " " + last
    }

    /// Each language's name in itself, for telling a customer which languages the shop serves.
    public static let endonyms = [
        "en": "English", "pl": "polski", "sv": "svenska", "ko": "한국어", "de": "Deutsch", "es": "español", "fr": "français",
        "it": "italiano", "pt": "português", "nl": "Nederlands", "da": "dansk", "nb": "norsk", "fi": "suomi",
        "cs": "čeština", "uk": "українська", "ru": "русский", "ja": "日本語", "zh": "中文",
    ]

    /// The texts that ship with Steward (`Sources/StewardRuntime/Texts/<lang>.yaml`), by language.
    public static let builtIn: [String: [TextKey: String]] = {
        guard let folder = Bundle.module.url(forResource: "Texts", withExtension: nil),
            let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [:] }
        var result: [String: [TextKey: String]] = [:]
        for file in files where file.hasSuffix(".yaml") {
            let code = String(file.dropLast(".yaml".count))
            // The files are checked by the tests (TranslationsFileTests); a broken one leaves its language out.
            guard let texts = try? readTexts(contentsOf: folder.appendingPathComponent(file), displayPath: "Sources/StewardRuntime/Texts/\(file)")
            else { continue }
            result[code] = texts
        }
        return result
    }()

    /// The texts under `fallback:` and `handoff:` that the shop changed from Steward's defaults.
    static func customizedTexts(_ handoff: HandoffConfiguration) -> [TextKey: String] {
        let defaults = HandoffConfiguration()
        let pairs: [(TextKey, KeyPath<HandoffConfiguration, String>)] = [
            (.rephraseMessage, \.rephraseMessage), (.apologyMessage, \.apologyMessage), (.offerMessage, \.offerMessage),
            (.emailPrompt, \.emailPrompt), (.handedOffMessage, \.handedOffMessage), (.awayMessage, \.awayMessage),
            (.declinedMessage, \.declinedMessage), (.handoffMessage, \.message), (.responseTime, \.responseTime),
        ]
        var result: [TextKey: String] = [:]
        for (key, path) in pairs where handoff[keyPath: path] != defaults[keyPath: path] {
            result[key] = handoff[keyPath: path]
        }
        return result
    }

    /// Reads a texts file (`Texts/<lang>.yaml`): a mapping of ``TextKey`` names to texts, strictly.
    ///
    /// - Throws: ``YAMLError`` naming the file and line: an unknown key (with the allowed ones),
    ///   a key given twice, a value that is not a text, or bad YAML syntax.
    public static func readTexts(contentsOf url: URL, displayPath: String? = nil) throws -> [TextKey: String] {
        guard let root = try YAMLNode.load(contentsOf: url, displayPath: displayPath) else { return [:] }
        return try readTexts(root)
    }

    /// Reads a texts document (see ``readTexts(contentsOf:displayPath:)``).
    public static func readTexts(_ root: YAMLNode) throws -> [TextKey: String] {
        var texts: [TextKey: String] = [:]
        for entry in try root.mapping(allowed: TextKey.allCases.map(\.rawValue)).entries {
            guard entry.value.node.scalar != nil, entry.value.has(.str) else { throw entry.value.invalid("a text (quote it)") }
            texts[TextKey(rawValue: entry.name)!] = entry.value.node.scalar!.string
        }
        return texts
    }
}

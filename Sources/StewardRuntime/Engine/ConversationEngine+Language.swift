import Foundation
import StewardCore
import StewardRouter
import Synchronization

extension ConversationEngine {
    /// The language policy of the configuration.
    var languagePolicy: LanguagePolicy { LanguagePolicy(configuration: configuration.language) }

    /// Sets the conversation's language from a message: the customer's explicit choice, else the
    /// language detected in its text (a clicked button detects nothing).
    func updateLanguage(of session: inout Session, message: IncomingMessage, text: String) -> LanguagePolicy.Change {
        let chosen = message.language.flatMap(LanguageConfiguration.code)
        let guess = (message.action ?? "").isEmpty && !text.isEmpty ? languageDetector.detect(text) : nil
        let change = languagePolicy.update(session.language, chosen: chosen, guess: guess)
        session.language = change.language
        return change
    }

    /// The language Steward answers this conversation in: its own when the shop serves it, else the default.
    public func replyLanguage(for session: Session) -> String {
        languagePolicy.replyLanguage(session.language)
    }

    /// One of Steward's texts in the conversation's reply language.
    func localized(_ key: TextKey, _ session: Session, _ values: KeyValuePairs<String, String> = [:]) -> String {
        translations.text(key, in: replyLanguage(for: session), values)
    }

    /// "A, B or C" in the conversation's reply language.
    func list(_ items: [String], _ session: Session) -> String {
        translations.list(items, in: replyLanguage(for: session))
    }

    /// A person offered, in the shop's default language, to a customer who has just written, with
    /// confidence, in a language the shop does not serve; nil while a handoff question waits or a
    /// ticket holds the conversation (the message then goes its usual way).
    func unservedLanguageOffer(session: inout Session) -> Decision? {
        guard session.fallback.pending == nil, session.fallback.ticketID == nil else { return nil }
        let languages = configuration.language.supported.map { Translations.endonyms[$0] ?? $0 }
        let lead = localized(.unsupportedLanguage, session, ["languages": languages.joined(separator: ", ")])
        var offer = offerHandoff(reason: .unsupportedLanguage, session: &session, intent: nil, confidence: nil, lead: lead)
        offer.rule = .language
        return offer
    }

    /// The language detector for these examples, built once per process for each set of examples.
    static func languageDetector(examples: [TrainingExample], minLength: Int) -> LanguageDetector {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        for example in examples {
            guard let language = example.language else { continue }
            for byte in language.utf8 { mix(byte) }
            mix(0x1F)
            for byte in example.text.utf8 { mix(byte) }
            mix(0x1E)
        }
        let key = "\(hash)-\(minLength)"
        if let detector = detectors.withLock({ $0[key] }) { return detector }
        var settings = LanguageDetector.Settings()
        settings.minLength = minLength
        let detector = LanguageDetector(examples: examples, settings: settings)
        detectors.withLock { $0[key] = detector }
        return detector
    }
}

/// Language detectors already built in this process, by examples and minimum length.
private let detectors = Mutex<[String: LanguageDetector]>([:])

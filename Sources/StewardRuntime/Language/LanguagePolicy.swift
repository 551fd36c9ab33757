import StewardRouter

/// Decides a conversation's language from each message: the customer's explicit choice, else the
/// detected language under the lock rules of ``ConversationLanguage/Source``.
///
/// The reply is in the conversation's language when the shop serves it, else in the shop's default
/// language. The first confident message in a language the shop does not serve is offered a person.
struct LanguagePolicy: Sendable {
    let configuration: LanguageConfiguration

    /// What one message did to the conversation's language.
    struct Change: Sendable, Hashable {
        /// The conversation's language after the message.
        var language: ConversationLanguage?
        /// True when the conversation has just turned, with confidence, to a language the shop does not serve.
        var entersUnservedLanguage = false
    }

    /// The conversation's language after a message.
    ///
    /// - Parameters:
    ///   - current: The language before the message.
    ///   - chosen: The customer's explicit choice sent with the message, already a language code.
    ///   - guess: The detector's reading of the message's text; nil for a clicked button.
    func update(_ current: ConversationLanguage?, chosen: String?, guess: LanguageGuess?) -> Change {
        var next = current
        if let chosen {
            next = ConversationLanguage(code: chosen, source: .chosen)
        } else if current?.source != .chosen, let guess, let detected = guess.language {
            let confident = guess.confidence >= configuration.lockConfidence
            if confident {
                next = ConversationLanguage(code: detected, source: .locked)
            } else if current?.source != .locked {
                next = ConversationLanguage(code: detected, source: .detected)
            }
        }
        var change = Change(language: next)
        if let next, next.source != .detected, !configuration.serves(next.code),
            next.code != current?.code || current?.source == .detected
        {
            change.entersUnservedLanguage = true
        }
        return change
    }

    /// The language Steward answers in: the conversation's when the shop serves it, else the default.
    func replyLanguage(_ language: ConversationLanguage?) -> String {
        guard let code = language?.code, configuration.serves(code) else { return configuration.defaultLanguage }
        return code
    }
}

import Foundation
import StewardCore
import StewardRuntime
import Testing

/// Sends messages in one session, optionally with the customer's explicit choice of language.
extension Conversation {
    @discardableResult
    func say(_ text: String, language: String?) async throws -> AgentReply {
        try await engine.respond(
            to: IncomingMessage(session: session, text: text, channel: channel, customer: customer, language: language))
    }
}

/// A skill that answers with the language it was given.
struct LanguageEchoSkill: Skill {
    var manifestURL: URL? { Bundle.module.url(forResource: "Fixtures/GiftCards/skill", withExtension: "yaml") }

    func handle(_ request: SkillRequest, context: SkillContext) async throws -> SkillResponse {
        .answer("language=\(request.language)")
    }
}

@Suite struct LanguagePolicyTests {
    static let polish = Translations.builtIn["pl"]!

    @Test func aPolishCustomerIsAnsweredInPolish() async throws {
        let (engine, _) = try makeHandoffEngine()
        let chat = Conversation(engine)
        let reply = try await chat.say("Dzień dobry!")
        #expect(reply.intent == "system.greeting")
        #expect(reply.language == "pl")
        #expect(reply.text == Self.polish[.greeting])
        let thanks = try await chat.say("Dziękuję bardzo za pomoc")
        #expect(thanks.text == Self.polish[.thanks])
    }

    @Test func aPolishCustomersFallbackAndOfferOfAPersonAreInPolish() async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine)
        let first = try await chat.say("Jaki jest twój ulubiony kolor nieba o zachodzie?")
        #expect(first.outcome == "no_match")
        #expect(first.language == "pl")
        #expect(first.text.hasPrefix("Przepraszam, nie udało mi się tego zrozumieć."))
        #expect(first.text.contains(" lub "))
        let second = try await chat.say("fioletowe słonie żonglują kwantowymi bananami")
        #expect(second.outcome == "handoff_offered")
        #expect(second.text == Self.polish[.apologyMessage]! + " " + Self.polish[.offerMessage]!)
        #expect(second.suggestions.prefix(2).map(\.title) == [Self.polish[.handoffYes]!, Self.polish[.handoffNo]!])
        // "tak" is too short to change the language; it says yes.
        let email = try await chat.say("tak")
        #expect(email.text == Self.polish[.emailPrompt])
        // "I don't know" is not a no: the email is asked for again.
        let unsure = try await chat.say("nie wiem")
        #expect(unsure.outcome == "needs_input")
        #expect(unsure.text == Self.polish[.notAnEmail]! + " " + Self.polish[.emailPrompt]!)
        let wrong = try await chat.say("nie, dziękuję")
        #expect(wrong.outcome == "handoff_declined")
        #expect(wrong.text == Self.polish[.declinedMessage])
        #expect(try await tickets.tickets(status: nil).isEmpty)
    }

    @Test func aPolishHandoffEndsInPolishAndTheTicketSaysTheLanguage() async throws {
        let (engine, tickets) = try makeHandoffEngine()
        let chat = Conversation(engine, customer: Customer(email: "ola@example.com"))
        let offer = try await chat.say("Chcę porozmawiać z konsultantem, proszę")
        #expect(offer.outcome == "handoff_offered")
        #expect(offer.text == Self.polish[.offerMessage])
        let done = try await chat.click("handoff:yes")
        #expect(done.outcome == "handoff")
        #expect(done.language == "pl")
        #expect(done.text.contains("5 minut") || done.text.hasPrefix("Dziękuję! Nasza rozmowa trafiła do zespołu."))
        let ticket = try #require(try await tickets.tickets(status: nil).first)
        #expect(ticket.summary["language"] == "pl")
    }

    @Test func aLockedLanguageIsNotSwitchedByShortOrUnclearMessages() async throws {
        let engine = try makeEngine()
        let chat = Conversation(engine)
        #expect(try await chat.say("Gdzie jest moja paczka? Czekam już od tygodnia.").language == "pl")
        for text in ["ok", "#1001", "jane.doe@example.com", "status", "Nike Air Max"] {
            #expect(try await chat.say(text).language == "pl", "\(text)")
        }
        // A customer who really switches, with a clear message, is followed.
        #expect(try await chat.say("Sorry, could you answer me in English please?").language == "en")
    }

    @Test func theFirstShortMessageIsAnsweredInTheDefaultLanguage() async throws {
        var configuration = StewardConfiguration()
        configuration.language.defaultLanguage = "de"
        let engine = try makeEngine(configuration: configuration)
        let reply = try await Conversation(engine).say("ok")
        #expect(reply.language == "de")
    }

    @Test func theCustomersExplicitChoiceOverridesDetection() async throws {
        let engine = try makeEngine()
        let chat = Conversation(engine)
        let reply = try await chat.say("Hello there!", language: "de")
        #expect(reply.language == "de")
        #expect(reply.text == Translations.builtIn["de"]![.greeting])
        // Later messages, in any language, keep the choice.
        #expect(try await chat.say("Gdzie jest moja paczka? Czekam już od tygodnia.").language == "de")
        #expect(try await chat.say("Thank you so much for your help today").language == "de")
        // A new choice replaces it.
        #expect(try await chat.say("merci", language: "fr").language == "fr")
    }

    @Test func aLanguageTheShopDoesNotServeIsOfferedAPersonInTheDefaultLanguage() async throws {
        let (engine, tickets) = try makeHandoffEngine { $0.language.supported = ["en", "de"] }
        let chat = Conversation(engine)
        let offer = try await chat.say("Gdzie jest moja paczka? Czekam już od tygodnia.")
        #expect(offer.outcome == "handoff_offered")
        #expect(offer.language == "en")
        #expect(offer.text == "Sorry, I can only help in these languages: English, Deutsch. " + HandoffConfiguration().offerMessage)
        #expect(offer.suggestions.first?.action == "handoff:yes")
        try await chat.click("handoff:yes")
        let done = try await chat.say("ola@example.com")
        #expect(done.outcome == "handoff")
        #expect(done.language == "en")
        let ticket = try #require(try await tickets.tickets(status: nil).first)
        #expect(ticket.reason == .unsupportedLanguage)
        #expect(ticket.summary["language"] == "pl")
    }

    @Test func anUnservedLanguageIsOfferedAPersonOnceNotOnEveryMessage() async throws {
        let (engine, _) = try makeHandoffEngine { $0.language.supported = ["en"] }
        let chat = Conversation(engine)
        #expect(try await chat.say("¿Dónde está mi paquete? Llevo una semana esperando.").outcome == "handoff_offered")
        let declined = try await chat.click("handoff:no")
        #expect(declined.text == HandoffConfiguration().declinedMessage)
        let next = try await chat.say("¿Tenéis algún código de descuento para clientes nuevos?")
        #expect(next.outcome != "handoff_offered")
        #expect(next.language == "en")
    }

    @Test func aChoiceOfALanguageTheShopDoesNotServeIsOfferedAPersonToo() async throws {
        let (engine, _) = try makeHandoffEngine { $0.language.supported = ["en", "pl"] }
        let reply = try await Conversation(engine).say("where is my order", language: "it")
        #expect(reply.outcome == "handoff_offered")
        #expect(reply.language == "en")
        #expect(reply.text.hasPrefix("Sorry, I can only help in these languages: English, polski."))
    }

    @Test func skillsAreGivenTheConversationsLanguage() async throws {
        let engine = try makeEngine(skills: shippedSkills + [LanguageEchoSkill()])
        let chat = Conversation(engine)
        #expect(try await chat.say("how much is left on my gift card?").text == "language=en")
        #expect(try await chat.say("what's the balance on my gift card", language: "sv").text == "language=sv")
        #expect(SkillRequest(text: "hi", intent: "x").language == "en")
    }

    @Test func theShopsTranslationsOverrideTheBuiltInOnes() async throws {
        let configuration = try StewardConfiguration.parse(yaml: """
            translations:
              pl:
                greeting: "Witaj w Northwind! Jak mogę pomóc?"
            """)
        let engine = try makeEngine(configuration: configuration)
        let chat = Conversation(engine)
        #expect(try await chat.say("Dzień dobry!").text == "Witaj w Northwind! Jak mogę pomóc?")
        #expect(try await chat.say("Dziękuję bardzo za pomoc").text == Self.polish[.thanks])
    }

    @Test func aTextTheShopRewroteIsUsedWhereItHasNoTranslationOfIt() throws {
        let configuration = try StewardConfiguration.parse(yaml: """
            fallback:
              offer_message: "Shall I ask Anna from our shop to help?"
            translations:
              de:
                offer_message: "Soll ich Anna aus unserem Laden fragen?"
            """)
        let texts = Translations(configuration: configuration)
        #expect(texts.text(.offerMessage, in: "en") == "Shall I ask Anna from our shop to help?")
        #expect(texts.text(.offerMessage, in: "de") == "Soll ich Anna aus unserem Laden fragen?")
        // The built-in Polish offer would not mention Anna: the shop's own text is used.
        #expect(texts.text(.offerMessage, in: "pl") == "Shall I ask Anna from our shop to help?")
        // Texts the shop left alone keep their translations.
        #expect(texts.text(.emailPrompt, in: "pl") == Self.polish[.emailPrompt])
    }

    @Test func aShopWhoseDefaultIsGermanAnswersUnknownLanguagesInGerman() throws {
        var configuration = StewardConfiguration()
        configuration.language.defaultLanguage = "de"
        let texts = Translations(configuration: configuration)
        #expect(texts.text(.offerMessage, in: "de") == Translations.builtIn["de"]![.offerMessage])
        #expect(texts.text(.offerMessage, in: "it") == Translations.builtIn["de"]![.offerMessage])
    }

    @Test func everyBuiltInLanguageHasEveryTextWithTheSamePlaceholders() throws {
        let english = try #require(Translations.builtIn["en"])
        #expect(Set(Translations.builtIn.keys) == Set(LanguageConfiguration.shipped))
        func placeholders(_ text: String) -> Set<String> {
            Set(text.split(separator: "{", omittingEmptySubsequences: false).dropFirst().compactMap { $0.split(separator: "}").first.map(String.init) })
        }
        for (language, texts) in Translations.builtIn {
            for key in TextKey.allCases {
                let text = try #require(texts[key], "\(language) has no \(key.rawValue)")
                #expect(placeholders(text) == placeholders(english[key]!), "\(language).\(key.rawValue)")
            }
        }
    }

    @Test func theBuiltInEnglishTextsAreTheConfigurationDefaults() {
        let english = Translations.builtIn["en"]!
        let defaults = HandoffConfiguration()
        #expect(english[.rephraseMessage] == defaults.rephraseMessage)
        #expect(english[.apologyMessage] == defaults.apologyMessage)
        #expect(english[.offerMessage] == defaults.offerMessage)
        #expect(english[.emailPrompt] == defaults.emailPrompt)
        #expect(english[.handedOffMessage] == defaults.handedOffMessage)
        #expect(english[.awayMessage] == defaults.awayMessage)
        #expect(english[.declinedMessage] == defaults.declinedMessage)
        #expect(english[.handoffMessage] == defaults.message)
        #expect(english[.responseTime] == defaults.responseTime)
    }

    @Test func theLanguageSectionIsRead() throws {
        let configuration = try StewardConfiguration.parse(yaml: """
            language:
              default: de
              supported: [de, en, fr]
              min_length: 10
              lock_confidence: 0.95
            """)
        #expect(configuration.language.defaultLanguage == "de")
        #expect(configuration.language.supported == ["de", "en", "fr"])
        #expect(configuration.language.minLength == 10)
        #expect(configuration.language.lockConfidence == 0.95)
        let defaults = try StewardConfiguration.parse(yaml: "")
        #expect(defaults.language.defaultLanguage == "en")
        #expect(defaults.language.supported == ["en", "pl", "sv", "ko", "de", "es", "fr"])
    }

    @Test(arguments: [
        ("language:\n  locale: pl\n", "language.locale"),
        ("language:\n  default: polish\n", "language.default"),
        ("language:\n  default: it\n", "language.default"),
        ("language:\n  supported: [en, english]\n", "language.supported"),
        ("language:\n  supported: []\n", "language.supported"),
        ("language:\n  min_length: -1\n", "language.min_length"),
        ("language:\n  min_length: 2.5\n", "language.min_length"),
        ("language:\n  lock_confidence: 1.5\n", "language.lock_confidence"),
        ("translations:\n  polish:\n    offer_message: x\n", "translations.polish"),
        ("translations:\n  pl:\n    offer_mesage: x\n", "translations.pl.offer_mesage"),
        ("translations:\n  pl:\n    offer_message: \"\"\n", "translations.pl.offer_message"),
        ("translations:\n  pl: [a, b]\n", "translations.pl"),
    ])
    func languageConfigurationErrorsNameTheKey(yaml: String, key: String) {
        do {
            _ = try StewardConfiguration.parse(yaml: yaml)
            Issue.record("expected an error for \(key)")
        } catch let error as ConfigurationError {
            #expect(error.description.contains("`\(key)`"), "\(error)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func theConversationsLanguageIsKeptWithTheSession() async throws {
        let store = InMemorySessionStore()
        let engine = try ConversationEngine.make(
            configuration: StewardConfiguration(), skills: shippedSkills, baseDirectory: repositoryRoot, store: store)
        let chat = Conversation(engine)
        try await chat.say("Hej! Var är mitt paket? Jag har väntat i flera dagar.")
        let session = try #require(try await store.load(id: chat.session))
        #expect(session.language == ConversationLanguage(code: "sv", source: .locked))
    }
}

/// Lines a chat wrote, collected from its `write` closure.
final class WrittenLines: @unchecked Sendable {
    private let lock = NSLock()  // guards `lines`
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

@Suite struct ChatLanguageTests {
    @Test func theLanguageCommandChoosesTheLanguageAndVerboseShowsIt() async throws {
        let engine = try makeEngine()
        let written = WrittenLines()
        let chat = ChatSession(engine: engine, verbose: true, interactive: false, write: { written.append($0) })
        var input = ["hello there, how are you doing today?", "/language de", "hello there", "/language 12"].makeIterator()
        await chat.run(readLine: { input.next() })
        let lines = written.all
        #expect(lines.contains { $0.contains("language: en)") })
        #expect(lines.contains("(answering in Deutsch from your next message)"))
        #expect(lines.contains { $0.hasPrefix("Steward: " + Translations.builtIn["de"]![.greeting]!) && $0.contains("language: de)") })
        #expect(lines.contains { $0.hasPrefix("usage: /language CODE") })
    }
}

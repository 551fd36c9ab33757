import Foundation
import Testing
import StewardCore

/// The shipped knowledge (`knowledge/`), loaded once.
private let shipped = Result { try KnowledgeBenchmark.knowledge() }

struct KnowledgeBaseTests {
    @Test(arguments: [
        ("how many days until a parcel reaches me", "shipping.md › Shipping methods and costs (US)"),
        ("which cards can I pay with", "payment.md › Accepted payment methods"),
        ("what delivery options are there", "shipping.md › Shipping methods and costs (US)"),
        ("do you deliver to Lisbon", "shipping.md › International shipping"),
        ("is there a fee if I cancel", "order-editing.md › How to cancel an order"),
        ("I'd like some help finding out how long delivery usually takes", "shipping.md › Shipping methods and costs (US)"),
        ("could you help me check which ways of paying you accept", "payment.md › Accepted payment methods"),
        ("I want a copy of my invoice", "account.md › Invoices and receipts"),
    ])
    func paraphrasedQuestionsFindTheirSection(question: String, source: String) throws {
        let match = try #require(try shipped.get().answer(question))
        #expect(match.passage.source == source)
    }

    @Test(arguments: [
        "what is the airspeed velocity of an unladen swallow",
        "do you sell kayaks or canoes",
        "who won the football game yesterday",
    ])
    func unrelatedQuestionsFindNothing(question: String) throws {
        #expect(try shipped.get().answer(question) == nil)
    }

    @Test(arguments: [
        ("pl", "ile kosztuje wysyłka ekspresowa?", "pl/shipping.md"),
        ("sv", "hur returnerar jag en vara?", "sv/returns.md"),
        ("ko", "비밀번호를 잊어버렸어요", "ko/account.md"),
        ("de", "kann ich mit PayPal bezahlen?", "de/payment.md"),
        ("es", "cuál es vuestro número de teléfono?", "es/contact.md"),
        ("fr", "combien coûte la livraison express ?", "fr/shipping.md"),
    ])
    func aQuestionInALanguageWithKnowledgeIsAnsweredInThatLanguage(language: String, question: String, file: String) throws {
        let match = try #require(try shipped.get().answer(question, language: language))
        #expect(match.passage.file == file)
        #expect(match.passage.language == language)
    }

    @Test func aPolishQuestionGetsThePolishPassageAndItsSource() throws {
        let match = try #require(try shipped.get().answer("jakie karty przyjmujecie?", language: "pl"))
        #expect(match.passage.source == "pl/payment.md › Akceptowane metody płatności")
        #expect(match.passage.text.contains("Akceptujemy karty Visa"))
    }

    @Test func aLanguageWithoutKnowledgeFallsBackToTheDefaultLanguage() throws {
        let knowledge = try shipped.get()
        #expect(knowledge.resolvedLanguage("it") == "en")
        #expect(knowledge.resolvedLanguage("pl-PL") == "pl")
        #expect(knowledge.resolvedLanguage(nil) == "en")
        let match = try #require(knowledge.answer("do you ship to Canada?", language: "it"))
        #expect(match.passage.source == "shipping.md › International shipping")
    }

    @Test func theDefaultLanguageKeepsItsPassagesAndTopics() throws {
        let knowledge = try shipped.get()
        #expect(knowledge.passages.allSatisfy { $0.language == "en" && !$0.file.contains("/") })
        #expect(knowledge.has(topic: "account"))
        #expect(knowledge.languages == ["en", "pl", "sv", "ko", "de", "es", "fr"])
        #expect(knowledge.passages(language: "ko").allSatisfy { $0.file.hasPrefix("ko/") })
    }

    @Test func theGlossaryIsNotAPassage() throws {
        let knowledge = try shipped.get()
        for language in knowledge.languages {
            #expect(!knowledge.passages(language: language).contains { $0.file.contains("glossary") || $0.topic == "README" })
        }
    }

    @Test func exampleQuestionsAreSearchedButNeverQuoted() throws {
        let markdown = """
            # Care

            ## Washing
            Wash at 30 degrees on a gentle cycle.

            > Q: can it go in the machine?
            > Q: how do I clean it?

            ## Drying
            Tumble dry on low heat.
            """
        let passages = KnowledgeBase.sections(of: markdown, topic: "care")
        #expect(passages.map(\.heading) == ["Washing", "Drying"])
        #expect(passages[0].text == "Wash at 30 degrees on a gentle cycle.")
        #expect(passages[0].questions == ["can it go in the machine?", "how do I clean it?"])
        let knowledge = KnowledgeBase(passages: passages)
        let match = try #require(knowledge.answer("can I put it in the machine?"))
        #expect(match.passage.heading == "Washing")
        #expect(!match.passage.text.contains("Q:"))
    }

    @Test func aGlossaryLineChangesWhatIsFound() throws {
        let passages = [
            KnowledgeBase.Passage(topic: "returns", heading: "Refunds", text: "Refunds reach your card within 5 days."),
            KnowledgeBase.Passage(topic: "shipping", heading: "Delivery", text: "Parcels arrive within 3 days."),
        ]
        let plain = KnowledgeBase(passages: passages)
        #expect(plain.answer("when do I get my money back") == nil)
        let glossary = Glossary(parsing: "# money\nrefund, reimbursement, money back\n")
        let withGlossary = KnowledgeBase(passages: passages, glossaries: ["en": glossary])
        let match = try #require(withGlossary.answer("when do I get my money back"))
        #expect(match.passage.heading == "Refunds")
    }

    @Test func theShippedGlossaryTurnsASynonymIntoTheRightPassage() throws {
        let match = try #require(try shipped.get().answer("where do I go to get reimbursed for my purchase"))
        #expect(match.passage.topic == "payment" || match.passage.topic == "returns")
    }

    @Test func aGlossaryFileIsParsedIntoGroups() {
        let glossary = Glossary(parsing: """
            # comment
            parcel, package , shipment

            refund, money back
            lonely
            """)
        #expect(glossary.groups == [["parcel", "package", "shipment"], ["refund", "money back"]])
    }

    @Test func stemmingMatchesOtherWordForms() throws {
        let passages = [
            KnowledgeBase.Passage(topic: "shipping", heading: "Delivery", text: "Orders are shipped on weekdays."),
            KnowledgeBase.Passage(topic: "returns", heading: "Returns", text: "Returned items are checked."),
        ]
        let knowledge = KnowledgeBase(passages: passages)
        #expect(try #require(knowledge.answer("which days is shipping on?")).passage.heading == "Delivery")
        #expect(try #require(knowledge.answer("how are returns checked?")).passage.heading == "Returns")
    }
}

import Testing
@testable import StewardCore

struct TextAnalyzerTests {
    @Test func englishWordsAreStemmedAndFillerDropped() {
        let analyzer = TextAnalyzer(language: "en")
        #expect(analyzer.terms(in: "Could you help me check the deliveries?") == ["deliveri"])
        #expect(analyzer.terms(in: "I don't want returned packages") == ["return", "packag"])
    }

    @Test func snowballLanguagesFoldDiacriticsAfterStemming() {
        #expect(TextAnalyzer(language: "es").terms(in: "envío") == TextAnalyzer(language: "es").terms(in: "envio"))
        #expect(TextAnalyzer(language: "de").terms(in: "Rücksendungen") == ["rucksend"])
    }

    @Test func frenchElisionsAreSplitOff() {
        #expect(TextAnalyzer(language: "fr").terms(in: "l'adresse d'envoi") == TextAnalyzer(language: "fr").terms(in: "adresse envoi"))
    }

    @Test func polishWordsAreCutToAPrefixWithoutDiacritics() {
        let analyzer = TextAnalyzer(language: "pl")
        #expect(analyzer.terms(in: "wysyłka wysyłki wysylke") == ["wysyl", "wysyl", "wysyl"])
        #expect(analyzer.terms(in: "czy jest zwrot?") == ["zwrot"])
    }

    @Test func koreanWordsLoseAParticleAndBecomeBigrams() {
        let analyzer = TextAnalyzer(language: "ko")
        #expect(analyzer.slots(in: "배송비는 얼마예요?") == [["배송", "송비"], ["얼마"]])
        #expect(analyzer.slots(in: "반품하고 싶어요") == [["반품"]])
    }

    @Test func hangulInAnotherLanguageStillBecomesBigrams() {
        #expect(TextAnalyzer(language: "en").slots(in: "paypal 결제") == [["paypal"], ["결제"]])
    }
}

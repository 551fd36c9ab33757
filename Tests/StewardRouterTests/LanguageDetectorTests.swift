import Foundation
import Testing
@testable import StewardRouter

/// The repository's language-tagged example files, read as the runtime reads them:
/// `Skills/*/examples/<lang>/*.txt` and `Sources/StewardRuntime/Intents/<lang>/*.txt`.
enum RepositoryExamples {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let all: [TrainingExample] = {
        let fm = FileManager.default
        var folders = [root.appendingPathComponent("Sources/StewardRuntime/Intents")]
        let skills = root.appendingPathComponent("Skills")
        for skill in (try? fm.contentsOfDirectory(atPath: skills.path)) ?? [] {
            folders.append(skills.appendingPathComponent(skill).appendingPathComponent("examples"))
        }
        var examples: [TrainingExample] = []
        for folder in folders {
            for language in (try? fm.contentsOfDirectory(atPath: folder.path)) ?? [] where language.count == 2 {
                let languageFolder = folder.appendingPathComponent(language)
                for file in (try? fm.contentsOfDirectory(atPath: languageFolder.path)) ?? [] where file.hasSuffix(".txt") {
                    let text = (try? String(contentsOf: languageFolder.appendingPathComponent(file), encoding: .utf8)) ?? ""
                    for line in text.split(whereSeparator: \.isNewline) {
                        let trimmed = line.trimmingCharacters(in: .whitespaces)
                        if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                        examples.append(TrainingExample(text: trimmed, intent: String(file.dropLast(4)), language: language))
                    }
                }
            }
        }
        return examples
    }()

    static let detector = LanguageDetector(examples: all)
}

@Suite struct LanguageDetectorTests {
    let detector = RepositoryExamples.detector

    /// Sentences written for this test (none is in the examples or the routing benchmark), shop
    /// questions and everyday ones.
    @Test(arguments: [
        ("Could you tell me when my parcel is going to arrive?", "en"),
        ("I would like to send these shoes back, they are a size too small", "en"),
        ("My sister has been living by the sea for two years now", "en"),
        ("Kiedy dotrze moja przesyłka? Czekam już od tygodnia.", "pl"),
        ("Chciałabym oddać sukienkę, bo jest za duża", "pl"),
        ("Moja siostra od dwóch lat mieszka nad morzem", "pl"),
        ("När kommer mitt paket fram? Jag har väntat i flera dagar.", "sv"),
        ("Jag vill skicka tillbaka jackan, den var för liten", "sv"),
        ("Min syster har bott vid havet i två år nu", "sv"),
        ("주문한 신발이 아직 도착하지 않았어요", "ko"),
        ("사이즈가 안 맞아서 교환하고 싶어요", "ko"),
        ("Wann kommt mein Paket an? Ich warte schon seit einer Woche.", "de"),
        ("Ich möchte die Jacke zurückschicken, sie ist mir zu klein", "de"),
        ("Meine Schwester wohnt seit zwei Jahren am Meer", "de"),
        ("¿Cuándo llegará mi paquete? Llevo una semana esperando.", "es"),
        ("Quiero devolver la chaqueta porque me queda pequeña", "es"),
        ("Mi hermana vive junto al mar desde hace dos años", "es"),
        ("Quand est-ce que mon colis va arriver ? J'attends depuis une semaine.", "fr"),
        ("Je voudrais renvoyer la veste, elle est trop petite", "fr"),
        ("Ma sœur habite au bord de la mer depuis deux ans", "fr"),
    ])
    func eachLanguageIsDetected(text: String, language: String) {
        let guess = detector.detect(text)
        #expect(guess.language == language, "\(text): \(guess)")
        #expect(guess.kind == .detected)
        #expect(guess.confidence >= 0.9, "\(text): \(guess)")
    }

    @Test func everyShippedLanguageHasAProfileOrAScript() {
        for language in ["en", "pl", "sv", "de", "es", "fr"] {
            #expect(detector.languages.contains(language), "\(language)")
        }
        #expect(LanguageFeatures.Script.languages.contains("ko"))
    }

    @Test(arguments: ["ok", "ja", "hmm", "#1001", "1001", "jane.doe@example.com", "https://northwind.example/orders/1001", "ok 1001 👍", "😂😂", "네"])
    func shortTextIsUnknown(text: String) {
        let guess = detector.detect(text)
        #expect(guess.language == nil, "\(text): \(guess)")
        #expect(guess.kind == .tooShort)
        #expect(guess.length < detector.settings.minLength)
    }

    @Test func digitsEmailsAndLinksDoNotCountTowardsTheLength() {
        let guess = detector.detect("1Z999AA10123456784 jane.doe@example.com www.northwind.example #1001 ok")
        #expect(guess.length == 2)
        #expect(guess.kind == .tooShort)
        // The words around them are read as usual.
        #expect(detector.detect("Gdzie jest zamówienie #1001? Mój e-mail: jan@example.com").language == "pl")
    }

    @Test func theMinimumLengthIsASetting() {
        var settings = LanguageDetector.Settings()
        settings.minLength = 25
        let strict = LanguageDetector(examples: RepositoryExamples.all, settings: settings)
        #expect(strict.detect("Gdzie jest paczka?").kind == .tooShort)
        #expect(strict.detect("Gdzie jest paczka, którą zamówiłem w poniedziałek?").language == "pl")
        settings.minLength = 0
        #expect(LanguageDetector(examples: RepositoryExamples.all, settings: settings).detect("tack så mycket").language == "sv")
    }

    @Test func hangulIsKoreanWithoutTheModelEvenAmongLatinWords() {
        let guess = detector.detect("Nike 운동화 반품하고 싶어요")
        #expect(guess.language == "ko")
        #expect(guess.confidence == 1)
    }

    @Test(arguments: [
        ("ご注文の商品はいつ届きますか", "ja"), ("Πού είναι η παραγγελία μου;", "el"), ("我的订单在哪里", "zh"),
        // Scripts only unserved languages write name one of them, so the customer is offered a person.
        ("Где мой заказ? Жду уже неделю", "ru"), ("أين طلبي؟", "ar"),
    ])
    func scriptsOfOtherLanguagesNameThemToo(text: String, language: String) {
        #expect(detector.detect(text).language == language)
    }


    @Test func aWordSeveralLanguagesShareIsNotConfident() {
        for text in ["status", "Nike Air Max", "super"] {
            let guess = detector.detect(text)
            #expect(guess.confidence < detector.settings.minConfidence, "\(text): \(guess)")
            #expect(guess.language == nil, "\(text): \(guess)")
        }
    }

    @Test func aLongerMessageIsSurerThanOneWord() {
        let word = detector.detect("pizza")
        let sentence = detector.detect("pizza, którą zamówiłem wczoraj, nie dotarła")
        #expect(sentence.language == "pl")
        #expect(word.confidence < detector.settings.minConfidence + 0.1, "\(word)")
        #expect(sentence.confidence > word.confidence)
    }

    @Test func caseDecomposedAccentsAndFullWidthFormsReadAsTheirPlainForms() {
        let plain = detector.detect("Chciałabym oddać sukienkę")
        let decomposed = detector.detect("Chciałabym odda\u{0063}\u{0301} sukienke\u{0328}")
        let shouting = detector.detect("CHCIAŁABYM ODDAĆ SUKIENKĘ")
        #expect(decomposed == plain)
        #expect(shouting == plain)
        #expect(detector.detect("ＷＨＥＲＥ ＩＳ ＭＹ ＰＡＲＣＥＬ").language == "en")
    }

    @Test func diacriticsTellCloseLanguagesApart() {
        // The same words without their letters' marks are less sure.
        let marked = detector.detect("Tack för hjälpen, då väntar jag på paketet")
        #expect(marked.language == "sv")
        #expect(marked.confidence >= detector.detect("Tack for hjalpen, da vantar jag pa paketet").confidence)
    }

    @Test func probabilitiesAreADistributionOverTheProfiledLanguages() throws {
        let probabilities = detector.probabilities("Je voudrais renvoyer la veste")
        #expect(probabilities.first?.language == "fr")
        #expect(abs(probabilities.map(\.probability).reduce(0, +) - 1) < 1e-9)
        #expect(Set(probabilities.map(\.language)) == Set(detector.languages))
        #expect(detector.probabilities("12345").isEmpty)
    }

    @Test func onlyExamplesThatNameTheirLanguageBuildProfiles() {
        let detector = LanguageDetector(examples: [
            TrainingExample(text: "where is my parcel", intent: "a", language: "en"),
            TrainingExample(text: "gdzie jest moja paczka", intent: "a"),
        ])
        #expect(detector.languages == ["en"])
        #expect(LanguageDetector(examples: []).detect("where is my parcel").language == nil)
        #expect(LanguageDetector(examples: []).detect("배송 언제 와요").language == "ko")
    }

    @Test func aLanguageWithManyExamplesIsSampledEvenly() {
        // More lines than are read: the profile still covers the whole file, not only its beginning.
        let lines = (0..<(LanguageDetector.maxExamplesPerLanguage * 2)).map { index in
            TrainingExample(text: index < LanguageDetector.maxExamplesPerLanguage ? "aaaa bbbb" : "zzzz yyyy", intent: "a", language: "xx")
        } + [TrainingExample(text: "where is my parcel", intent: "a", language: "en")]
        let detector = LanguageDetector(examples: lines)
        #expect(detector.probabilities("zzzz yyyy").first?.language == "xx")
    }
}

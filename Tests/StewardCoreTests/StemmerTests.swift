import Testing
import StewardCore

struct StemmerTests {
    @Test(arguments: [
        ("en", "deliveries", "deliveri"), ("en", "delivered", "deliv"), ("en", "payments", "payment"),
        ("sv", "leveransen", "leverans"), ("de", "rücksendungen", "rucksend"), ("es", "devoluciones", "devolu"),
        ("fr", "livraisons", "livraison"),
    ])
    func stemsWordsOfEachSnowballLanguage(language: String, word: String, stem: String) throws {
        let stemmer = try #require(Stemmer(language: language))
        #expect(stemmer.stem(word) == stem)
    }

    @Test func languagesWithoutASnowballAlgorithmHaveNoStemmer() {
        #expect(Stemmer(language: "pl") == nil)
        #expect(Stemmer(language: "ko") == nil)
        #expect(Stemmer.algorithms.contains("english"))
    }

    @Test func oneStemmerCanBeSharedBetweenTasks() async throws {
        let stemmer = try #require(Stemmer(language: "en"))
        let words = ["shipping", "returns", "refunded", "payments", "deliveries", "cancelled"]
        let expected = words.map { stemmer.stem($0) }
        try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<16 {
                group.addTask { (0..<200).flatMap { _ in stemmer.stem(words) } }
            }
            for try await result in group {
                #expect(result == Array((0..<200).map { _ in expected }.joined()))
            }
        }
    }
}

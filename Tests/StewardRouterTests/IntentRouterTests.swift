import Foundation
import Testing
@testable import StewardRouter

@Suite struct IntentRouterTests {
    let router: IntentRouter

    init() throws {
        router = try ShopFixture.router()
    }

    @Test(arguments: [
        ("where is my order #1001", "order_status"),
        ("I want to return my shoes", "return_item"),
        ("talk to a human", "human_agent"),
        ("Can I speak to a real person?", "human_agent"),
        ("my discount code is not working", "coupon"),
        ("please cancel order 4411", "cancel_order"),
        ("I was charged two times", "payment_problem"),
        ("when do I get my money back", "refund_status"),
        ("I need to change the shipping address", "change_address"),
        ("hello there", "greeting"),
    ])
    func routesShopMessagesToTheirIntent(text: String, intent: String) {
        #expect(router.rank(text, limit: 1).first?.intent == intent)
    }

    @Test(arguments: [
        ("were is my ordr", "order_status"),
        ("i wnat to retrun these shoes", "return_item"),
        ("tlak to a humna", "human_agent"),
        ("cancle my oder", "cancel_order"),
    ])
    func typosStillRoute(text: String, intent: String) {
        #expect(router.rank(text, limit: 1).first?.intent == intent)
    }

    @Test(arguments: [
        ("Zwrót", "return_item"),
        ("ZWROT butów", "return_item"),
        ("gdzie jest moja paczka", "order_status"),
        ("반품 하고 싶어요", "return_item"),
        ("배송 언제 와요?", "order_status"),
    ])
    func keywordsRouteOtherLanguagesAndFoldedSpellings(text: String, intent: String) {
        #expect(router.rank(text, limit: 1).first?.intent == intent)
        #expect(router.explain(text, intent: intent).keywords.isEmpty == false)
    }

    @Test func keywordsBoostTheirIntent() throws {
        let without = try ShopFixture.router(keywords: [:])
        let withKeyword = try ShopFixture.router(keywords: ["coupon": ["kupon"]])
        let confidence = { (router: IntentRouter) in router.rank("kupon", limit: 20).first { $0.intent == "coupon" }!.confidence }
        #expect(confidence(withKeyword) > confidence(without) + 0.2)
        #expect(withKeyword.classify("kupon").intent == "coupon")
    }

    @Test func confidencesAreProbabilitiesRankedBestFirst() {
        let ranked = router.rank("where is my refund", limit: 20)
        #expect(ranked.count == router.intents.count)
        #expect(ranked.allSatisfy { (0...1).contains($0.confidence) })
        #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.confidence >= $1.confidence && $0.score >= $1.score })
        // With the out-of-scope class (trained by default), intents and out-of-scope share the probability.
        let outOfScope = router.scored("where is my refund", limit: 20).outOfScopeConfidence ?? 0
        #expect(outOfScope > 0 && outOfScope < ranked[0].confidence)
        #expect(abs(ranked.map(\.confidence).reduce(0, +) + outOfScope - 1) < 1e-4)
        #expect(ranked.first?.intent == "refund_status")
    }

    @Test func outOfScopeExamplesAreAClassButNotAnIntentByDefault() {
        #expect(router.classLabels.last == "oos")
        #expect(!router.intents.contains("oos"))
        #expect(router.intents == router.intents.sorted())
        #expect(router.intents.count == 9)
        #expect(router.classify("what is the capital of spain").kind == .noMatch)
        #expect(router.classify("where is my order").intent == "order_status")
    }

    @Test func theOutOfScopeClassCanBeTurnedOff() throws {
        var settings = RouterSettings()
        settings.trainOutOfScopeClass = false
        let without = try ShopFixture.router(settings: settings)
        #expect(!without.classLabels.contains("oos"))
        #expect(without.intents == router.intents)
        #expect(without.scored("where is my order", limit: 3).outOfScopeConfidence == nil)
        #expect(without.classify("where is my order").intent == "order_status")
    }

    @Test func smallSetsUseTheLinearModelOnly() {
        #expect(router.perceptron == nil)
    }

    @Test func thePerceptronRoutesDeterministicallyWhenForced() throws {
        var settings = RouterSettings()
        settings.hiddenMinExamplesPerIntent = 0
        settings.hiddenUnits = 64
        let first = try ShopFixture.router(settings: settings)
        let second = try ShopFixture.router(settings: settings)
        #expect(first.perceptron != nil)
        #expect(first.logits(for: "where is my order") == second.logits(for: "where is my order"))
        #expect(first.classify("where is my order").intent == "order_status")
        let ranked = first.rank("i want my money back", limit: 20)
        let outOfScope = first.scored("i want my money back", limit: 1).outOfScopeConfidence ?? 0
        #expect(abs(ranked.map(\.confidence).reduce(0, +) + outOfScope - 1) < 1e-4)
        #expect(first.explain("where is my order").intent == "order_status")
    }

    @Test func settingsEncodedWithoutThePerceptronFieldsDecodeWithDefaults() throws {
        let json = #"{"threshold":0.4,"margin":0,"trainOutOfScopeClass":true,"wordBigrams":true,"charMinN":2,"charMaxN":5,"charWeight":1.3,"regularization":3e-6,"epochs":12,"learningRate":2,"temperature":1,"coverageExponent":0,"keywordBoost":1.5,"seed":42}"#
        let decoded = try JSONDecoder().decode(RouterSettings.self, from: Data(json.utf8))
        var expected = RouterSettings()
        expected.threshold = 0.4
        #expect(decoded == expected)
        #expect(try JSONDecoder().decode(RouterSettings.self, from: JSONEncoder().encode(expected)) == expected)
    }

    @Test func withoutOutOfScopeExamplesThereIsNoOutOfScopeClass() throws {
        let examples = [
            TrainingExample(text: "where is my order", intent: "order_status"),
            TrainingExample(text: "track my package", intent: "order_status"),
            TrainingExample(text: "i want a refund", intent: "refund"),
            TrainingExample(text: "give me my money back", intent: "refund"),
        ]
        let plain = try IntentRouter(examples: examples)
        #expect(plain.classLabels == ["order_status", "refund"])
        #expect(plain.classify("track my order").intent == "order_status")
    }

    @Test func unrelatedMessagesAreNotMatchedAtTheDefaultThreshold() {
        #expect(router.classify("quantum chromodynamics lecture notes").kind == .noMatch)
    }

    @Test func trainingIsDeterministic() throws {
        let again = try ShopFixture.router()
        #expect(again.rank("i wnat my mony back", limit: 5) == router.rank("i wnat my mony back", limit: 5))
    }

    @Test func noInScopeExamplesIsAnError() {
        #expect(throws: RouterError.noInScopeExamples) {
            try IntentRouter(examples: [TrainingExample(text: "weather", intent: "oos")])
        }
    }

    @Test func invalidSettingsAreRejectedWithTheirName() {
        #expect(throws: RouterError.self) {
            try IntentRouter(examples: [TrainingExample(text: "hi", intent: "greeting")], settings: RouterSettings(threshold: 2))
        }
        let error = RouterError.invalidSetting(name: "threshold", reason: "must be between 0 and 1, got 2.0")
        #expect(error.description == "router setting threshold must be between 0 and 1, got 2.0")
    }

    @Test func explanationNamesTheWeightiestTerms() {
        let explanation = router.explain("where is my order #1001")
        #expect(explanation.intent == "order_status")
        #expect(!explanation.terms.isEmpty && explanation.terms.count <= 8)
        #expect(explanation.terms.contains { $0.term == "order" || $0.term == "where" || $0.term == "my order" })
        #expect(zip(explanation.terms, explanation.terms.dropFirst()).allSatisfy { abs($0.weight) >= abs($1.weight) })
        #expect(explanation.keywords == ["where is my order"])
    }

    @Test func explainingAnotherIntentShowsItsTerms() {
        let explanation = router.explain("where is my order", intent: "coupon", limit: 3)
        #expect(explanation.intent == "coupon")
        #expect(explanation.terms.count == 3)
        #expect(explanation.keywords.isEmpty)
    }

    @Test func aSingleIntentRouterAlwaysRanksIt() throws {
        let single = try IntentRouter(examples: [TrainingExample(text: "hello", intent: "greeting")])
        #expect(single.rank("anything at all").map(\.intent) == ["greeting"])
        #expect(single.rank("").first?.confidence == 1)
    }

    @Test func concurrentClassificationMatchesSequential() async {
        let texts = ["where is my order", "return shoes", "talk to a human", "coupon", "zwrot", "hello"]
        let shared = router
        let expected = texts.map { shared.classify($0) }
        let results = await withTaskGroup(of: (Int, RouteDecision).self) { group in
            for _ in 0..<8 {
                for (index, text) in texts.enumerated() {
                    group.addTask { (index, shared.classify(text)) }
                }
            }
            var collected: [(Int, RouteDecision)] = []
            for await result in group { collected.append(result) }
            return collected
        }
        #expect(results.count == texts.count * 8)
        #expect(results.allSatisfy { expected[$0.0] == $0.1 })
    }
}

import Testing
@testable import StewardRouter

@Suite struct DecisionTests {
    func scored(_ confidences: [Double], oos: Double? = nil) -> IntentRouter.Scored {
        IntentRouter.Scored(
            ranked: confidences.enumerated().map { IntentScore(intent: "i\($0.offset)", score: $0.element, confidence: $0.element) },
            outOfScopeConfidence: oos)
    }

    @Test(arguments: [
        ([0.9, 0.05], 0.5, 0.1, RouteDecision.Kind.match),
        ([0.4, 0.3], 0.5, 0.0, .noMatch),
        ([0.55, 0.45], 0.5, 0.2, .ambiguous),
        ([0.55, 0.35], 0.5, 0.2, .match),
        ([0.5, 0.1], 0.5, 0.0, .match),
        ([1.0], 0.99, 0.5, .match),
        ([], 0.0, 0.0, .noMatch),
    ])
    func thresholdAndMarginDecideTheKind(confidences: [Double], threshold: Double, margin: Double, kind: RouteDecision.Kind) {
        #expect(IntentRouter.decide(scored(confidences), threshold: threshold, margin: margin) == kind)
    }

    @Test func aWinningOutOfScopeClassMeansNoMatch() {
        #expect(IntentRouter.decide(scored([0.4, 0.1], oos: 0.5), threshold: 0, margin: 0) == .noMatch)
        #expect(IntentRouter.decide(scored([0.6, 0.1], oos: 0.3), threshold: 0, margin: 0) == .match)
    }

    @Test func decisionExposesIntentOnlyForMatches() {
        let ranked = [IntentScore(intent: "a", score: 2, confidence: 0.6), IntentScore(intent: "b", score: 1.5, confidence: 0.35)]
        #expect(RouteDecision(kind: .match, ranked: ranked).intent == "a")
        #expect(RouteDecision(kind: .ambiguous, ranked: ranked).intent == nil)
        #expect(RouteDecision(kind: .ambiguous, ranked: ranked).top?.intent == "a")
        #expect(RouteDecision(kind: .ambiguous, ranked: ranked).candidates(within: 0.3).map(\.intent) == ["a", "b"])
        #expect(RouteDecision(kind: .noMatch, ranked: []).top == nil)
        #expect(RouteDecision.Kind.noMatch.rawValue == "no_match")
    }

    @Test func settingsChangeDecisionsWithoutRetraining() throws {
        var router = try ShopFixture.router()
        router.settings.threshold = 0
        router.settings.margin = 0
        #expect(router.classify("where is my order").kind == .match)
        router.settings.threshold = 1
        #expect(router.classify("where is my order").kind == .noMatch)
        router.settings.threshold = 0
        router.settings.margin = 1
        #expect(router.classify("where is my order").kind == .ambiguous)
    }
}

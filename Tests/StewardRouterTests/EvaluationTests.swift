import Testing
@testable import StewardRouter

@Suite struct EvaluationTests {
    /// Seven hand-checked outcomes: see each metric's expected value below.
    let evaluation = Evaluation(outcomes: [
        .init(expected: "a", top: "a", accepted: "a"),      // right
        .init(expected: "a", top: "a", accepted: nil),      // right top, wrongly rejected
        .init(expected: "b", top: "a", accepted: "a"),      // wrong
        .init(expected: "b", top: "b", accepted: "b"),      // right
        .init(expected: "oos", top: "a", accepted: nil),    // oos caught
        .init(expected: "oos", top: "b", accepted: "b"),    // oos missed
        .init(expected: "b", top: "b", accepted: "b"),      // right
    ])

    @Test func countsSplitInScopeAndOutOfScope() {
        #expect(evaluation.count == 7)
        #expect(evaluation.inScopeCount == 5)
        #expect(evaluation.outOfScopeCount == 2)
    }

    @Test func accuraciesCountRejectionsOnlyInScopeAccuracy() {
        #expect(evaluation.closedSetAccuracy == 4.0 / 5)
        #expect(evaluation.inScopeAccuracy == 3.0 / 5)
        #expect(abs(evaluation.objective - (0.6 + 0.5)) < 1e-12)
    }

    @Test func outOfScopeDetectionTreatsRejectionAsPositive() {
        #expect(evaluation.oosPrecision == 0.5)
        #expect(evaluation.oosRecall == 0.5)
        #expect(evaluation.oosF1 == 0.5)
    }

    @Test func macroF1AveragesPerIntentF1() {
        let a = evaluation.perIntent.first { $0.intent == "a" }!
        let b = evaluation.perIntent.first { $0.intent == "b" }!
        #expect(evaluation.perIntent.map(\.intent) == ["a", "b"])
        #expect((a.precision, a.recall, a.f1, a.support) == (0.5, 0.5, 0.5, 2))
        #expect(abs(b.precision - 2.0 / 3) < 1e-12 && abs(b.recall - 2.0 / 3) < 1e-12 && b.support == 3)
        #expect(abs(evaluation.macroF1 - (0.5 + 2.0 / 3) / 2) < 1e-12)
    }

    @Test func confusionsListMisroutesAndRejections() {
        let pairs = Set(evaluation.confusions.map { "\($0.expected)->\($0.predicted)x\($0.count)" })
        #expect(pairs == ["a->oosx1", "b->ax1", "oos->bx1"])
    }

    @Test func noOutcomesGiveZeros() {
        let empty = Evaluation(outcomes: [])
        #expect(empty.closedSetAccuracy == 0 && empty.oosRecall == 0 && empty.macroF1 == 0 && empty.perIntent.isEmpty)
    }

    @Test func holdOutIsStratifiedAndDeterministic() {
        let examples = (0..<10).map { TrainingExample(text: "a\($0)", intent: "a") }
            + (0..<5).map { TrainingExample(text: "b\($0)", intent: "b") }
            + [TrainingExample(text: "c", intent: "c")]
        let split = Evaluation.holdOut(examples, fraction: 0.2)
        #expect(split.heldOut.filter { $0.intent == "a" }.count == 2)
        #expect(split.heldOut.filter { $0.intent == "b" }.count == 1)
        #expect(split.train.contains { $0.intent == "c" })
        #expect(split.train.count + split.heldOut.count == examples.count)
        #expect(Evaluation.holdOut(examples, fraction: 0.2).heldOut == split.heldOut)
    }

    @Test func selectionObjectiveMatchesTheEvaluationAtTheChosenSettings() throws {
        var router = try ShopFixture.router(keywords: [:])
        let validation = [
            TrainingExample(text: "where's my package", intent: "order_status"),
            TrainingExample(text: "i would like to return this", intent: "return_item"),
            TrainingExample(text: "get me a person", intent: "human_agent"),
            TrainingExample(text: "coupon code help", intent: "coupon"),
            TrainingExample(text: "cancel it please", intent: "cancel_order"),
            TrainingExample(text: "what's the time in tokyo", intent: "oos"),
            TrainingExample(text: "recommend a good movie", intent: "oos"),
            TrainingExample(text: "how do magnets work", intent: "oos"),
        ]
        let selection = ThresholdSelection.select(for: router, validation: validation)
        router.settings.threshold = selection.threshold
        router.settings.margin = selection.margin
        router.settings.temperature = selection.temperature
        router.settings.coverageExponent = selection.coverageExponent
        let evaluation = Evaluation.evaluate(router, on: validation)
        #expect(abs(evaluation.objective - selection.objective) < 1e-9)
        #expect(abs(evaluation.inScopeAccuracy - selection.inScopeAccuracy) < 1e-9)
        #expect(selection.objective >= Evaluation.evaluate(try ShopFixture.router(keywords: [:]), on: validation).objective)
        #expect(ThresholdSelection.thresholds.contains(selection.threshold))
    }
}

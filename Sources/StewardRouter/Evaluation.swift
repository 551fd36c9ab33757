/// Routing quality on labelled messages: closed-set and in-scope accuracy, out-of-scope detection, macro F1.
///
/// Definitions (an outcome is *rejected* when the decision is no match or ambiguous):
/// - closed-set accuracy: share of in-scope messages whose top-ranked intent is right, rejection ignored;
/// - in-scope accuracy: share of in-scope messages matched to the right intent (a rejection is an error);
/// - out-of-scope precision / recall / F1: rejection as the detector of `oos` messages;
/// - macro F1: mean F1 over in-scope intents present in the labels or the accepted predictions,
///   where out-of-scope messages accepted as an intent count against that intent's precision.
public struct Evaluation: Sendable, Hashable, Codable {
    /// What happened to one labelled message.
    public struct Outcome: Sendable, Hashable, Codable {
        /// The expected intent (`oos` for out-of-scope).
        public var expected: String
        /// The top-ranked intent, whatever the decision.
        public var top: String?
        /// The matched intent, or nil when the message was rejected (no match or ambiguous).
        public var accepted: String?

        /// Creates an outcome.
        public init(expected: String, top: String?, accepted: String?) {
            self.expected = expected
            self.top = top
            self.accepted = accepted
        }
    }

    /// Precision, recall and F1 of one intent.
    public struct IntentReport: Sendable, Hashable, Codable {
        public var intent: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        /// Number of messages labelled with the intent.
        public var support: Int
    }

    /// How often messages of one intent were routed to another (`oos` standing for a rejection).
    public struct Confusion: Sendable, Hashable, Codable {
        public var expected: String
        public var predicted: String
        public var count: Int
    }

    public var closedSetAccuracy: Double
    public var inScopeAccuracy: Double
    public var oosPrecision: Double
    public var oosRecall: Double
    public var oosF1: Double
    public var macroF1: Double
    /// Per-intent report, sorted by intent.
    public var perIntent: [IntentReport]
    /// Confusions, most frequent first.
    public var confusions: [Confusion]
    public var count: Int
    public var inScopeCount: Int
    public var outOfScopeCount: Int

    /// Computes the metrics of a list of outcomes.
    public init(outcomes: [Outcome]) {
        let oos = TrainingData.outOfScopeIntent
        var closedCorrect = 0, inScopeCorrect = 0, inScope = 0, outOfScope = 0
        var truePositive = 0, falsePositive = 0
        var support: [String: Int] = [:], predicted: [String: Int] = [:], correct: [String: Int] = [:]
        var confusionCounts: [String: [String: Int]] = [:]
        for outcome in outcomes {
            let isOOS = outcome.expected == oos
            let predictedLabel = outcome.accepted ?? oos
            if isOOS {
                outOfScope += 1
                if outcome.accepted == nil { truePositive += 1 }
            } else {
                inScope += 1
                support[outcome.expected, default: 0] += 1
                if outcome.top == outcome.expected { closedCorrect += 1 }
                if outcome.accepted == outcome.expected {
                    inScopeCorrect += 1
                    correct[outcome.expected, default: 0] += 1
                }
                if outcome.accepted == nil { falsePositive += 1 }
            }
            if let accepted = outcome.accepted { predicted[accepted, default: 0] += 1 }
            if predictedLabel != outcome.expected {
                confusionCounts[outcome.expected, default: [:]][predictedLabel, default: 0] += 1
            }
        }
        func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
        func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
        closedSetAccuracy = ratio(closedCorrect, inScope)
        inScopeAccuracy = ratio(inScopeCorrect, inScope)
        oosPrecision = ratio(truePositive, truePositive + falsePositive)
        oosRecall = ratio(truePositive, outOfScope)
        oosF1 = f1(oosPrecision, oosRecall)
        let labels = Set(support.keys).union(predicted.keys.filter { $0 != oos }).sorted()
        perIntent = labels.map { intent in
            let p = ratio(correct[intent] ?? 0, predicted[intent] ?? 0)
            let r = ratio(correct[intent] ?? 0, support[intent] ?? 0)
            return IntentReport(intent: intent, precision: p, recall: r, f1: f1(p, r), support: support[intent] ?? 0)
        }
        macroF1 = perIntent.isEmpty ? 0 : perIntent.map(\.f1).reduce(0, +) / Double(perIntent.count)
        confusions = confusionCounts.flatMap { expected, row in
            row.map { Confusion(expected: expected, predicted: $0.key, count: $0.value) }
        }.sorted { ($0.count, $1.expected, $1.predicted) > ($1.count, $0.expected, $0.predicted) }
        count = outcomes.count
        inScopeCount = inScope
        outOfScopeCount = outOfScope
    }

    /// Routes every example with the router's current settings and computes the metrics.
    public static func evaluate(_ router: IntentRouter, on examples: [TrainingExample]) -> Evaluation {
        Evaluation(outcomes: examples.map { example in
            let decision = router.classify(example.text)
            return Outcome(expected: example.intent, top: decision.top?.intent, accepted: decision.intent)
        })
    }

    /// The selection objective: in-scope accuracy (rejections count as errors) plus out-of-scope recall.
    public var objective: Double { inScopeAccuracy + oosRecall }

    /// Splits examples into a training part and a held-out part of about `fraction` of each intent, deterministically.
    public static func holdOut(_ examples: [TrainingExample], fraction: Double = 0.2, seed: UInt64 = 7) -> (train: [TrainingExample], heldOut: [TrainingExample]) {
        var byIntent: [String: [Int]] = [:]
        for (index, example) in examples.enumerated() { byIntent[example.intent, default: []].append(index) }
        var rng = SplitMix64(seed: seed)
        var heldOutIndices = Set<Int>()
        for intent in byIntent.keys.sorted() {
            var indices = byIntent[intent]!
            guard indices.count >= 2 else { continue }
            indices.shuffle(using: &rng)
            let take = max(1, Int((Double(indices.count) * fraction).rounded()))
            heldOutIndices.formUnion(indices.prefix(min(take, indices.count - 1)))
        }
        var train: [TrainingExample] = [], heldOut: [TrainingExample] = []
        for (index, example) in examples.enumerated() {
            if heldOutIndices.contains(index) { heldOut.append(example) } else { train.append(example) }
        }
        return (train, heldOut)
    }
}

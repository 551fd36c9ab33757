import ArgumentParser
import Foundation
import StewardRouter
import StewardRuntime
import StewardSkills

/// `steward eval`: trains a router, selects its decision settings on validation data, and evaluates it on test data.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Train the intent router, choose threshold and margin on validation data, evaluate on test data.",
        discussion: """
            With --skills FILE: the shop agent itself, through the conversation engine on the demo store, on \
            {"text", "label", "language"} lines (label: a skill id, "handoff" or "other"; Benchmarks/routing/LABELS.md). \
            Each line is the first message of a new session. Reports accuracy on labelled lines, the safe rate on \
            "other" lines (no transactional skill answered), per label, per language and the top confusions. \
            With --val FILE as well, threshold and margin are chosen on FILE first: the pair maximising \
            accuracy + 2 x safe rate on it (a transactional skill acting on what it should not take costs twice \
            a missed route), an ambiguity ("did you mean A or B?") offering the right skill counting half; \
            ties go to the lower threshold, then the smaller margin. FILE of --skills is only reported.

            Otherwise (--train and --test), the router alone on intent data: \
            files are JSON lines, one {"text": "...", "intent": "..."} per line; "intent": "oos" marks out-of-scope.

            Selection rule: threshold, margin (and softmax temperature) maximise in-scope accuracy + out-of-scope \
            recall on --val, where an in-scope message that is rejected (no match or ambiguous) counts as an error; \
            ties go to the higher in-scope accuracy. "oos" lines of --train are trained as a class of their own \
            unless --no-oos-class. \
            Without --val, 20% of each intent of --train is held out for the selection and the router is then \
            retrained on all of --train. The test file is never used for selection.

            Reports: closed-set accuracy (top-1 on in-scope test lines, rejection off), in-scope accuracy, \
            out-of-scope precision, recall and F1, macro F1 over intents, per-intent report, top confusions, \
            train time and single-message latency (p50/p99, one message at a time).
            """
    )

    @Option(name: .long, help: "Training data (JSON lines).")
    var train: String?

    @Option(name: .long, help: "Test data (JSON lines); only evaluated, never used for selection.")
    var test: String?

    @Option(name: .long, help: "Evaluate the shop agent on labelled first messages (JSON lines {text, label, language}).")
    var skills: String?

    @Option(name: .long, help: "Configuration file for --skills (default: steward.yaml if present, else the defaults).")
    var config: String?

    @Option(name: .long, help: "With --skills: print this many failing lines.")
    var failures: Int = 0

    @Option(name: .long, help: "With --skills and --val: objectives this close to the best count as ties, won by the most cautious pair.")
    var tolerance: Double = 0.01

    @Option(name: .long, help: "Validation data (JSON lines) for choosing threshold and margin.")
    var val: String?

    @Flag(name: .long, help: "Print one JSON object instead of the text report.")
    var json = false

    @Flag(name: .long, inversion: .prefixedNo, help: "Train \"oos\" examples of --train as a class of their own (default; --no-oos-class ignores them).")
    var oosClass = true

    @Option(name: .long, help: "Use this threshold instead of selecting one (with --margin).")
    var threshold: Double?

    @Option(name: .long, help: "Use this margin instead of selecting one (with --threshold).")
    var margin: Double?

    @Option(name: .long, help: "How many confusions to list.")
    var confusions: Int = 15

    @Flag(name: .long, help: "Print the per-intent report (always included in --json).")
    var perIntent = false

    // Model hyper-parameters, for tuning on validation data.
    @Option(name: .long, help: ArgumentHelp("Training epochs.", visibility: .hidden)) var epochs: Int?
    @Option(name: .long, help: ArgumentHelp("L2 regularisation.", visibility: .hidden)) var regularization: Double?
    @Option(name: .long, help: ArgumentHelp("Learning rate.", visibility: .hidden)) var learningRate: Double?
    @Option(name: .long, help: ArgumentHelp("Character block weight.", visibility: .hidden)) var charWeight: Double?
    @Option(name: .long, help: ArgumentHelp("Smallest character n-gram.", visibility: .hidden)) var charMin: Int?
    @Option(name: .long, help: ArgumentHelp("Largest character n-gram.", visibility: .hidden)) var charMax: Int?
    @Option(name: .long, help: ArgumentHelp("Word bigrams on/off.", visibility: .hidden)) var bigrams: Bool?
    @Option(name: .long, help: ArgumentHelp("Seed.", visibility: .hidden)) var seed: UInt64?
    @Option(name: .long, help: ArgumentHelp("Logit added per matched keyword.", visibility: .hidden)) var keywordBoost: Double?
    @Option(name: .long, help: ArgumentHelp("Softmax temperature.", visibility: .hidden)) var temperature: Double?
    @Option(name: .long, help: ArgumentHelp("Smallest document frequency of a feature.", visibility: .hidden)) var minDf: Int?
    @Option(name: .long, help: ArgumentHelp("router.knowledge_fallback for --skills.", visibility: .hidden)) var knowledgeFallback: Double?
    @Option(name: .long, help: ArgumentHelp("Perceptron hidden units (0: linear only).", visibility: .hidden)) var hidden: Int?
    @Option(name: .long, help: ArgumentHelp("Perceptron epochs.", visibility: .hidden)) var hiddenEpochs: Int?
    @Option(name: .long, help: ArgumentHelp("Perceptron learning rate.", visibility: .hidden)) var hiddenLr: Double?
    @Option(name: .long, help: ArgumentHelp("Perceptron hidden dropout.", visibility: .hidden)) var dropout: Double?
    @Option(name: .long, help: ArgumentHelp("Perceptron input dropout.", visibility: .hidden)) var inputDropout: Double?
    @Option(name: .long, help: ArgumentHelp("Share of the linear model in the averaged probabilities.", visibility: .hidden)) var linearShare: Double?

    func run() async throws {
        if let skills {
            try await runSkills(skills)
            return
        }
        guard let train, let test else { throw ValidationError("Give --train and --test (the router alone), or --skills FILE (the shop agent).") }
        let trainExamples = try TrainingData.load(path: train)
        let testExamples = try TrainingData.load(path: test)
        let settings = modelSettings(RouterSettings())
        try runRouter(train: train, test: test, trainExamples: trainExamples, testExamples: testExamples, settings: settings)
    }

    /// The model settings with the hidden tuning options applied.
    func modelSettings(_ base: RouterSettings) -> RouterSettings {
        var settings = base
        settings.trainOutOfScopeClass = oosClass
        if let epochs { settings.epochs = epochs }
        if let regularization { settings.regularization = regularization }
        if let learningRate { settings.learningRate = learningRate }
        if let charWeight { settings.charWeight = charWeight }
        if let charMin { settings.charMinN = charMin }
        if let charMax { settings.charMaxN = charMax }
        if let bigrams { settings.wordBigrams = bigrams }
        if let seed { settings.seed = seed }
        if let keywordBoost { settings.keywordBoost = keywordBoost }
        if let temperature { settings.temperature = temperature }
        if let minDf { settings.minDocumentFrequency = minDf }
        if let hidden { settings.hiddenUnits = hidden }
        if let hiddenEpochs { settings.hiddenEpochs = hiddenEpochs }
        if let hiddenLr { settings.hiddenLearningRate = hiddenLr }
        if let dropout { settings.hiddenDropout = dropout }
        if let inputDropout { settings.inputDropout = inputDropout }
        if let linearShare { settings.linearShare = linearShare }
        return settings
    }

    /// `--skills`: the shop agent on labelled first messages, thresholds chosen on `--val` when given.
    func runSkills(_ path: String) async throws {
        let configuration = try StewardConfiguration.load(path: config)
        let settings = modelSettings(.shop)
        func engine(threshold: Double?, margin: Double?) throws -> ConversationEngine {
            var configured = configuration
            if let knowledgeFallback { configured.router.knowledgeFallbackCoverage = knowledgeFallback }
            if let threshold { configured.router.threshold = threshold }
            if let margin { configured.router.margin = margin }
            return try ConversationEngine.make(
                configuration: configured, skills: ShippedSkills.all, tickets: InMemoryTicketStore(),
                routerSettings: settings)
        }
        let lines = try SkillEvaluation.load(path: path)
        var chosen: (threshold: Double?, margin: Double?) = (threshold, margin)
        if let val, threshold == nil || margin == nil {
            let validation = try SkillEvaluation.load(path: val)
            var results: [(objective: Double, threshold: Double, margin: Double)] = []
            for t in stride(from: 0.15, through: 0.80001, by: 0.05) {
                for m in stride(from: 0.0, through: 0.30001, by: 0.05) {
                    let result = try await SkillEvaluation.run(validation, engine: try engine(threshold: t, margin: m))
                    results.append((result.objective, t, m))
                }
            }
            // Among the pairs within `tolerance` of the best objective (a line or two of the validation
            // set: noise), the most cautious: the highest threshold, then the largest margin.
            let best = results.map(\.objective).max() ?? 0
            let pick = results.filter { $0.objective >= best - tolerance }
                .max { ($0.threshold, $0.margin) < ($1.threshold, $1.margin) }
            if let pick {
                chosen = (threshold ?? pick.threshold, margin ?? pick.margin)
                print(String(format: "chosen on %@: threshold %.2f, margin %.2f (validation objective %.4f; best %.4f)", val, chosen.threshold!, chosen.margin!, pick.objective, best))
            }
        }
        let evaluated = try engine(threshold: chosen.threshold, margin: chosen.margin)
        let result = try await SkillEvaluation.run(lines, engine: evaluated)
        let timing = Self.measureLatency(evaluated.router, texts: lines.map(\.text))
        print(String(format: "shop router: %d intents, classification p50 %.1f µs, p99 %.1f µs (one message at a time)", evaluated.router.intents.count, timing.p50, timing.p99))
        SkillEvaluation.report(
            result,
            title: String(format: "%@: %d lines (threshold %.2f, margin %.2f)", path, lines.count, evaluated.router.settings.threshold, evaluated.router.settings.margin),
            confusions: confusions, failures: failures)
    }

    func runRouter(train: String, test: String, trainExamples: [TrainingExample], testExamples: [TrainingExample], settings: RouterSettings) throws {
        let started = ContinuousClock.now
        var router = try IntentRouter(examples: trainExamples, settings: settings)
        let trainTime = ContinuousClock.now - started

        var validationClosedSet: Double?
        var selection: ThresholdSelection?
        var selectionSource = "fixed"
        if let threshold, let margin {
            router.settings.threshold = threshold
            router.settings.margin = margin
        } else if let val {
            let validation = try TrainingData.load(path: val)
            selection = ThresholdSelection.select(for: router, validation: validation)
            validationClosedSet = Evaluation.evaluate(router, on: validation).closedSetAccuracy
            selectionSource = URL(fileURLWithPath: val).lastPathComponent
        } else {
            let split = Evaluation.holdOut(trainExamples)
            let partial = try IntentRouter(examples: split.train, settings: settings)
            selection = ThresholdSelection.select(for: partial, validation: split.heldOut)
            selectionSource = "20% of \(URL(fileURLWithPath: train).lastPathComponent) held out"
        }
        if let selection {
            router.settings.threshold = selection.threshold
            router.settings.margin = selection.margin
            router.settings.temperature = selection.temperature
            router.settings.coverageExponent = selection.coverageExponent
        }

        let evaluation = Evaluation.evaluate(router, on: testExamples)
        let timing = Self.measureLatency(router, texts: testExamples.map(\.text))

        if json {
            let object: [String: Any] = [
                "closed_set_accuracy": evaluation.closedSetAccuracy,
                "in_scope_accuracy": evaluation.inScopeAccuracy,
                "oos_precision": evaluation.oosPrecision,
                "oos_recall": evaluation.oosRecall,
                "oos_f1": evaluation.oosF1,
                "macro_f1": evaluation.macroF1,
                "threshold": router.settings.threshold,
                "margin": router.settings.margin,
                "temperature": router.settings.temperature,
                "coverage_exponent": router.settings.coverageExponent,
                "validation_objective": selection?.objective as Any? ?? NSNull(),
                "validation_in_scope_accuracy": selection?.inScopeAccuracy as Any? ?? NSNull(),
                "validation_closed_set_accuracy": validationClosedSet as Any? ?? NSNull(),
                "oos_class": router.classLabels.last == TrainingData.outOfScopeIntent,
                "selection": selectionSource,
                "train_ms": Self.milliseconds(trainTime),
                "latency_us": ["p50": timing.p50, "p99": timing.p99, "mean": timing.mean],
                "throughput_per_s": timing.throughput,
                "n_train": trainExamples.count,
                "n_test": evaluation.count,
                "n_test_in_scope": evaluation.inScopeCount,
                "n_test_oos": evaluation.outOfScopeCount,
                "intents": router.intents.count,
                "per_intent": evaluation.perIntent.map {
                    ["intent": $0.intent, "precision": $0.precision, "recall": $0.recall, "f1": $0.f1, "support": $0.support] as [String: Any]
                },
                "confusions": evaluation.confusions.prefix(confusions).map {
                    ["expected": $0.expected, "predicted": $0.predicted, "count": $0.count] as [String: Any]
                },
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }

        func f(_ value: Double, _ digits: Int = 4) -> String { String(format: "%.\(digits)f", value) }
        print("Router evaluation")
        print("  train: \(trainExamples.count) lines, \(router.intents.count) intents\(router.classLabels.last == TrainingData.outOfScopeIntent ? " + oos class" : ""); test: \(evaluation.count) lines (\(evaluation.inScopeCount) in-scope, \(evaluation.outOfScopeCount) oos)")
        print("  threshold \(f(router.settings.threshold, 3)), margin \(f(router.settings.margin, 3)), temperature \(f(router.settings.temperature, 2)), coverage exponent \(f(router.settings.coverageExponent, 1)) (chosen on \(selectionSource)\(selection.map { ", objective \(f($0.objective))" } ?? ""))")
        print("")
        print("  closed-set accuracy   \(f(evaluation.closedSetAccuracy))")
        print("  in-scope accuracy     \(f(evaluation.inScopeAccuracy))")
        print("  out-of-scope          precision \(f(evaluation.oosPrecision))  recall \(f(evaluation.oosRecall))  F1 \(f(evaluation.oosF1))")
        print("  macro F1 (intents)    \(f(evaluation.macroF1))")
        print("  train time            \(f(Self.milliseconds(trainTime), 1)) ms")
        print("  latency (1 message)   p50 \(f(timing.p50, 1)) µs  p99 \(f(timing.p99, 1)) µs  (\(Int(timing.throughput)) messages/s)")
        if perIntent {
            print("")
            print("  per intent: precision recall F1 support")
            for report in evaluation.perIntent {
                print("    \(report.intent.padding(toLength: 32, withPad: " ", startingAt: 0)) \(f(report.precision, 3)) \(f(report.recall, 3)) \(f(report.f1, 3)) \(report.support)")
            }
        } else {
            let worst = evaluation.perIntent.sorted { ($0.f1, $0.intent) < ($1.f1, $1.intent) }.prefix(10)
            print("")
            print("  weakest intents (F1; --per-intent for all):")
            for report in worst {
                print("    \(report.intent.padding(toLength: 32, withPad: " ", startingAt: 0)) P \(f(report.precision, 3))  R \(f(report.recall, 3))  F1 \(f(report.f1, 3))  n=\(report.support)")
            }
        }
        print("")
        print("  most frequent confusions (expected -> predicted; oos = rejected):")
        for confusion in evaluation.confusions.prefix(confusions) {
            print("    \(confusion.count)x \(confusion.expected) -> \(confusion.predicted)")
        }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    /// Classifies each message on its own, after one warm-up pass: p50, p99 and mean in µs, and messages per second.
    static func measureLatency(_ router: IntentRouter, texts: [String]) -> (p50: Double, p99: Double, mean: Double, throughput: Double) {
        guard !texts.isEmpty else { return (0, 0, 0, 0) }
        var sink = 0
        for text in texts.prefix(500) { sink &+= router.classify(text).ranked.count }
        var samples: [Double] = []
        samples.reserveCapacity(texts.count)
        let clock = ContinuousClock()
        let total = clock.now
        for text in texts {
            let start = clock.now
            let decision = router.classify(text)
            let elapsed = clock.now - start
            sink &+= decision.ranked.count
            samples.append(milliseconds(elapsed) * 1000)
        }
        let seconds = milliseconds(clock.now - total) / 1000
        samples.sort()
        func percentile(_ p: Double) -> Double { samples[min(samples.count - 1, Int((Double(samples.count - 1) * p).rounded()))] }
        if sink == -1 { print("") }
        return (percentile(0.5), percentile(0.99), samples.reduce(0, +) / Double(samples.count), Double(texts.count) / seconds)
    }
}

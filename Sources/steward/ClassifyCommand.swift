import ArgumentParser
import Foundation
import StewardRouter
import StewardRuntime

/// `steward classify`: routes one message and explains the decision.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Route one message: ranked intents, confidences, the decision and why.",
        discussion: """
            Trains a router on --train (JSON lines, one {"text": "...", "intent": "..."} per line) or, \
            without it, on the built-in training set, then prints the ranked intents with their confidences, \
            the decision (match, ambiguous or no_match) and the terms and keywords that weighed most.

            --file FILE routes every line of FILE instead: plain text (one message per line; a skill's \
            examples/<lang>/<intent>.txt expects that intent) or JSON lines with "text" and "intent" or "label" \
            (a skill id, as in Benchmarks/routing). It prints each line's route and a confusion table by skill: \
            where two skills overlap.
            """
    )

    @Option(name: .long, help: "Training data, JSON lines {\"text\", \"intent\"}; defaults to the built-in set.")
    var train: String?

    @Option(name: .long, help: "Keywords as JSON lines {\"text\": keyword, \"intent\": ...}, added to --train.")
    var keywords: String?

    @Option(name: .long, help: "Minimum confidence for a match (0-1).")
    var threshold: Double?

    @Option(name: .long, help: "Minimum confidence gap to the runner-up for a match (0-1).")
    var margin: Double?

    @Option(name: .long, help: "How many ranked intents to show.")
    var top: Int = 5

    @Flag(name: .long, help: "Print one JSON object instead of text.")
    var json = false

    @Option(name: .long, help: "Route every line of this file and print a confusion table by skill.")
    var file: String?

    @Option(name: .long, help: "With --file: the configuration whose router settings and router.examples apply (default: steward.yaml if present).")
    var config: String?

    @Argument(help: "The message to route.")
    var text: String?

    func run() throws {
        if let file {
            try classifyFile(file)
            return
        }
        guard let text else { throw ValidationError("Give a message to route, or --file FILE.") }
        var examples: [TrainingExample]
        var keywordMap: [String: [String]] = [:]
        if let train {
            examples = try TrainingData.load(path: train)
        } else {
            (examples, keywordMap) = try Self.defaultTrainingExamples()
        }
        if let keywords {
            for entry in try TrainingData.load(path: keywords) { keywordMap[entry.intent, default: []].append(entry.text) }
        }
        var settings = train == nil ? RouterSettings.shop : RouterSettings()
        if let threshold { settings.threshold = threshold }
        if let margin { settings.margin = margin }
        let router = train == nil ? try RouterCache.router(examples: examples, keywords: keywordMap, settings: settings) : try IntentRouter(examples: examples, keywords: keywordMap, settings: settings)
        var decision = router.classify(text)
        decision.ranked = router.rank(text, limit: top)
        let explanation = router.explain(text)
        let entities = Entities.extract(from: text)
        if json {
            var object: [String: Any] = [
                "decision": decision.kind.rawValue,
                "intent": decision.intent as Any? ?? NSNull(),
                "ranked": decision.ranked.map { ["intent": $0.intent, "confidence": $0.confidence, "score": $0.score] },
                "explanation": [
                    "intent": explanation.intent,
                    "terms": explanation.terms.map { ["term": $0.term, "weight": $0.weight] },
                    "keywords": explanation.keywords,
                ] as [String: Any],
            ]
            object["entities"] = [
                "order_numbers": entities.orderNumbers, "emails": entities.emails, "numbers": entities.numbers,
                "amounts": entities.amounts.map { ["value": "\($0.value)", "currency": $0.currency, "written": $0.written] },
            ] as [String: Any]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
            return
        }
        print("message: \(text)")
        print("normalised: \(Tokenizer().normalize(text))")
        switch decision.kind {
        case .match: print("decision: match -> \(decision.intent ?? "")")
        case .ambiguous: print("decision: ambiguous between \(decision.candidates(within: settings.margin).map(\.intent).joined(separator: ", "))")
        case .noMatch: print("decision: no_match (best \(decision.top?.intent ?? "-"))")
        }
        print("threshold \(format(settings.threshold)), margin \(format(settings.margin))")
        print("ranked:")
        for score in decision.ranked {
            print("  \(pad(score.intent, 28)) confidence \(format(score.confidence))  score \(format(score.score))")
        }
        print("why \(explanation.intent):")
        for term in explanation.terms { print("  \(pad(term.term, 28)) \(term.weight >= 0 ? "+" : "")\(format(term.weight))") }
        if !explanation.keywords.isEmpty { print("  keywords: \(explanation.keywords.joined(separator: ", "))") }
        if !entities.orderNumbers.isEmpty || !entities.emails.isEmpty || !entities.numbers.isEmpty {
            let amounts = entities.amounts.map { "\($0.value) \($0.currency)" }
            print("entities: order numbers \(entities.orderNumbers), emails \(entities.emails), amounts \(amounts), numbers \(entities.numbers)")
        }
    }



}

import ArgumentParser
import Foundation
import StewardRouter

/// `steward language`: the language detector on one message, or measured on a labelled file.
struct LanguageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language",
        abstract: "Detect a message's language, or measure the detector on a labelled file.",
        discussion: """
            The detector is built from the language-tagged training examples (Skills/*/examples/<lang>/, \
            the runtime's Intents/<lang>/). With a message, prints the language (or unknown), its confidence \
            and every language's probability. With --file (JSON lines with "text" and "language", such as \
            Benchmarks/routing/validation.jsonl), prints accuracy per language, where unknown counts as wrong, \
            the share detected, the most frequent confusions, and single-message latency (p50/p99).
            """
    )

    @Option(name: .long, help: "JSON lines with \"text\" and \"language\" to measure the detector on.")
    var file: String?

    @Option(name: .long, help: "Letters a message needs before a detection counts (default: the detector's).")
    var minLength: Int?

    @Option(name: .long, help: "Confidence the best language needs (0-1; default: the detector's).")
    var minConfidence: Double?

    @Option(name: .long, help: "Smallest character n-gram, 1-3.")
    var minOrder: Int?

    @Option(name: .long, help: "Largest character n-gram, 1-3.")
    var maxOrder: Int?

    @Option(name: .long, help: "Confidence sharpness.")
    var sharpness: Double?

    @Option(name: .long, help: "Confidence grows with the number of features n as the log-likelihoods over n to this power.")
    var evidenceExponent: Double?

    @Option(name: .long, help: "Additive smoothing of the n-gram counts.")
    var smoothing: Double?

    @Flag(name: .long, help: "Leave whole words out of the features (character n-grams only).")
    var noWords = false

    @Flag(name: .long, help: "Print one JSON object instead of text.")
    var json = false

    @Argument(help: "The message.")
    var text: String?

    func validate() throws {
        if let file { try OperatorInput.path(file, option: "--file") }
        if (file == nil) == (text == nil) { throw ValidationError("Give either a message or --file FILE.") }
        if let maxOrder, !(1...3).contains(maxOrder) { throw ValidationError("--max-order must be 1, 2 or 3.") }
        if let minOrder, !(1...3).contains(minOrder) { throw ValidationError("--min-order must be 1, 2 or 3.") }
        if let minConfidence, !(0...1).contains(minConfidence) { throw ValidationError("--min-confidence must be from 0 to 1.") }
    }

    func run() throws {
        var settings = LanguageDetector.Settings()
        if let minLength { settings.minLength = minLength }
        if let minConfidence { settings.minConfidence = minConfidence }
        if let maxOrder { settings.maxOrder = maxOrder }
        if let minOrder { settings.minOrder = minOrder }
        if let sharpness { settings.sharpness = sharpness }
        if let smoothing { settings.smoothing = smoothing }
        if let evidenceExponent { settings.evidenceExponent = evidenceExponent }
        if noWords { settings.words = false }
        let (examples, _) = try ClassifyCommand.defaultTrainingExamples()
        var detector = LanguageDetector(examples: [], settings: settings)
        var buildTimes: [Double] = []
        for _ in 0..<(file == nil ? 1 : 5) {  // the median of five builds, in CPU time, when measuring
            let started = Self.threadCPUMilliseconds()
            detector = LanguageDetector(examples: examples, settings: settings)
            buildTimes.append(Self.threadCPUMilliseconds() - started)
        }
        let buildTime = buildTimes.sorted()[buildTimes.count / 2]
        if let text {
            try show(detector.detect(text), probabilities: detector.probabilities(text))
        } else if let file {
            try measure(detector, file: file, buildMilliseconds: buildTime, examples: examples.filter { $0.language != nil }.count)
        }
    }

    private func show(_ guess: LanguageGuess, probabilities: [(language: String, probability: Double)]) throws {
        if json {
            let object: [String: Any] = [
                "language": guess.language ?? "unknown", "kind": guess.kind.rawValue, "best": guess.best ?? NSNull(),
                "confidence": guess.confidence, "length": guess.length,
                "probabilities": Dictionary(uniqueKeysWithValues: probabilities.map { ($0.language, $0.probability) }),
            ]
            print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
            return
        }
        print("language: \(guess.language ?? "unknown") (\(guess.kind.rawValue)), best \(guess.best ?? "-"), confidence \(f(guess.confidence, 3)), length \(guess.length)")
        for entry in probabilities.prefix(7) { print("  \(entry.language)  \(f(entry.probability, 3))") }
    }

    private func measure(_ detector: LanguageDetector, file: String, buildMilliseconds: Double, examples: Int) throws {
        let lines = try Self.load(file)
        var total: [String: Int] = [:], correct: [String: Int] = [:], detected: [String: Int] = [:], best: [String: Int] = [:]
        var confusions: [String: Int] = [:]
        for (text, language) in lines {
            let guess = detector.detect(text)
            total[language, default: 0] += 1
            if guess.best == language { best[language, default: 0] += 1 }
            if let found = guess.language {
                detected[language, default: 0] += 1
                if found == language { correct[language, default: 0] += 1 } else { confusions["\(language) -> \(found)", default: 0] += 1 }
            }
        }
        let timing = Self.measureLatency(detector, texts: lines.map(\.text))
        let languages = total.keys.sorted()
        func share(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
        let sum = { (map: [String: Int]) in map.values.reduce(0, +) }
        if json {
            var perLanguage: [String: Any] = [:]
            for language in languages {
                let n = total[language] ?? 0
                perLanguage[language] = [
                    "count": n, "accuracy": share(correct[language] ?? 0, n), "detected": share(detected[language] ?? 0, n),
                    "best_guess_accuracy": share(best[language] ?? 0, n),
                ]
            }
            let object: [String: Any] = [
                "count": lines.count, "accuracy": share(sum(correct), lines.count), "detected": share(sum(detected), lines.count),
                "best_guess_accuracy": share(sum(best), lines.count), "languages": perLanguage, "confusions": confusions,
                "latency_us": ["p50": timing.p50, "p99": timing.p99, "mean": timing.mean],
                "build_ms": buildMilliseconds, "training_examples": examples,
                "settings": [
                    "min_order": detector.settings.minOrder, "max_order": detector.settings.maxOrder, "words": detector.settings.words, "smoothing": detector.settings.smoothing,
                    "sharpness": detector.settings.sharpness, "evidence_exponent": detector.settings.evidenceExponent, "min_length": detector.settings.minLength,
                    "min_confidence": detector.settings.minConfidence,
                ] as [String: Any],
            ]
            print(String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted]), as: UTF8.self))
            return
        }
        let s = detector.settings
        print("\(lines.count) messages; profiles for \(detector.languages.joined(separator: ", ")) from \(examples) examples, built in \(f(buildMilliseconds, 1)) ms of CPU")
        print("settings: n-grams \(s.minOrder)-\(s.maxOrder)\(s.words ? " + words" : ""), smoothing \(s.smoothing), sharpness \(s.sharpness), evidence exponent \(s.evidenceExponent), min length \(s.minLength), min confidence \(s.minConfidence)")
        print("language   count  accuracy  detected  best guess")
        for language in languages + ["all"] {
            let n = language == "all" ? lines.count : total[language] ?? 0
            let c = language == "all" ? sum(correct) : correct[language] ?? 0
            let d = language == "all" ? sum(detected) : detected[language] ?? 0
            let b = language == "all" ? sum(best) : best[language] ?? 0
            print("\(pad(language, 9)) \(pad("\(n)", 6, left: true))  \(pad(f(share(c, n), 4), 8, left: true))  \(pad(f(share(d, n), 4), 8, left: true))  \(pad(f(share(b, n), 4), 10, left: true))")
        }
        print("accuracy: right / all (unknown counts as wrong); detected: share not unknown; best guess: the top language ignoring min length and confidence")
        if !confusions.isEmpty {
            print("confusions:")
            for (pair, count) in confusions.sorted(by: { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }).prefix(10) {
                print("  \(count)x \(pair)")
            }
        }
        print("latency (1 message): p50 \(f(timing.p50, 2)) µs  p99 \(f(timing.p99, 2)) µs  mean \(f(timing.mean, 2)) µs")
    }

    /// The `text` and `language` of each line that has both.
    static func load(_ path: String) throws -> [(text: String, language: String)] {
        guard let data = FileManager.default.contents(atPath: path), let content = String(data: data, encoding: .utf8) else {
            throw ValidationError("Cannot read \(path) as UTF-8 text.")
        }
        var result: [(String, String)] = []
        for (number, line) in content.split(separator: "\n").enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw ValidationError("\(path):\(number + 1): not a JSON object.")
            }
            if let text = object["text"] as? String, let language = object["language"] as? String { result.append((text, language)) }
        }
        if result.isEmpty { throw ValidationError("\(path) has no lines with both \"text\" and \"language\".") }
        return result
    }

    /// CPU time of the calling thread, in milliseconds (not wall time: the machine may be shared).
    static func threadCPUMilliseconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }

    /// Detects each message on its own, after a warm-up pass: p50, p99 and mean in µs.
    static func measureLatency(_ detector: LanguageDetector, texts: [String]) -> (p50: Double, p99: Double, mean: Double) {
        var sink = 0
        for text in texts { sink &+= detector.detect(text).length }
        var samples: [Double] = []
        samples.reserveCapacity(texts.count * 5)
        let clock = ContinuousClock()
        for _ in 0..<5 {
            for text in texts {
                let start = clock.now
                let guess = detector.detect(text)
                let elapsed = clock.now - start
                sink &+= guess.length
                samples.append(EvalCommand.milliseconds(elapsed) * 1000)
            }
        }
        samples.sort()
        func percentile(_ p: Double) -> Double { samples[min(samples.count - 1, Int((Double(samples.count - 1) * p).rounded()))] }
        if sink == -1 { print("") }
        return (percentile(0.5), percentile(0.99), samples.reduce(0, +) / Double(samples.count))
    }

    private func f(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - text.count))
        return left ? fill + text : text + fill
    }
}

import Foundation

/// Finds the language of a message from character n-gram profiles built from language-tagged examples.
///
/// The model is multinomial naive Bayes over each word's character 2–3-grams (padded with a space
/// at both ends, diacritics kept) and the words themselves, trained on the ``TrainingExample``s
/// whose ``TrainingExample/language`` is set: nothing is downloaded, and a language gets a profile
/// as soon as its example files exist. Features no profile has seen are ignored, so an unknown
/// script or a made-up word does not push towards the language with the least data.
///
/// The confidence is a softmax over the languages' log-likelihoods divided by the square root of the
/// number of known features (``Settings/evidenceExponent``) and sharpened by ``Settings/sharpness``:
/// it grows with length, but far more slowly than naive Bayes' own posterior, which is sure of
/// almost anything.
/// Scripts that one language alone writes are read without the model: Hangul is Korean, kana
/// Japanese, and so on (``LanguageGuess/confidence`` 1).
///
/// A message shorter than ``Settings/minLength`` letters, or whose best language has less than
/// ``Settings/minConfidence``, is "unknown" (``LanguageGuess/language`` is nil). Detection takes
/// a few microseconds and allocates only the message's scalars and one score per language.
public struct LanguageDetector: Sendable {
    /// The detector's settings. The defaults were chosen on the language field of
    /// `Benchmarks/routing/validation.jsonl` (see `BENCHMARKS.md`).
    public struct Settings: Sendable, Hashable {
        /// Smallest character n-gram (1...3); single letters add little once pairs are counted.
        public var minOrder = 2
        /// Largest character n-gram (1...3).
        public var maxOrder = 3
        /// Whether whole words are features too.
        public var words = true
        /// Additive (Lidstone) smoothing of the feature counts.
        public var smoothing = 0.1
        /// How sharply the log-likelihood gap turns into confidence.
        public var sharpness = 1.0
        /// How confidence grows with the number of known features n: the log-likelihoods are divided
        /// by n to this power. 1 averages them (confidence does not grow with length); smaller values
        /// let a long message be surer than a single word.
        public var evidenceExponent = 0.5
        /// Letters a message needs before a detection counts (a Hangul, kana or Han character counts
        /// as ``LanguageDetector/denseLetterWeight``); digits, emails and links do not count.
        public var minLength = 4
        /// Confidence the best language needs; below it the message is ``LanguageGuess/Kind/unclear``.
        public var minConfidence = 0.8

        /// The default settings.
        public init() {}
    }

    /// A Hangul, kana or Han character counts as this many letters: it spells a syllable or a word.
    public static let denseLetterWeight = 3

    /// At most this many examples per language are read (spread evenly over its examples), so that
    /// building stays fast as example files grow; 2,000 lines are plenty for a profile.
    public static let maxExamplesPerLanguage = 2_000

    /// The settings the detector was built with.
    public let settings: Settings
    /// The languages with a profile (from the examples), sorted. A language whose examples are all
    /// in a script only it writes (Korean) needs no profile and is not listed.
    public let languages: [String]
    /// Every language with examples, in the order of the table's values.
    private let columns: [String]
    /// Each feature's log-probability per language (Float bit patterns), in `columns` order.
    private let table: FeatureIndex

    /// Builds the profiles from the examples that name their language; the others are ignored.
    public init(examples: [TrainingExample], settings: Settings = Settings()) {
        var settings = settings
        settings.maxOrder = min(max(settings.maxOrder, 1), LanguageFeatures.maxOrder)
        settings.minOrder = min(max(settings.minOrder, 1), settings.maxOrder)
        self.settings = settings
        let orders = settings.minOrder...settings.maxOrder

        var byLanguage: [String: [String]] = [:]
        for example in examples {
            if let language = example.language { byLanguage[language, default: []].append(example.text) }
        }
        let columns = byLanguage.keys.sorted()
        var table = FeatureIndex(width: columns.count, capacity: 16_384)
        var totals = [Double](repeating: 0, count: columns.count)
        var scanner = LanguageFeatures()
        for (column, language) in columns.enumerated() {
            let texts = byLanguage[language]!
            let step = max(1, (texts.count + Self.maxExamplesPerLanguage - 1) / Self.maxExamplesPerLanguage)
            for index in Swift.stride(from: 0, to: texts.count, by: step) {
                let scan = scanner.scan(texts[index], orders: orders, words: settings.words)
                // A line in a script only one language writes (Korean) teaches the model nothing it needs.
                guard scan.scriptLanguage == nil else { continue }
                for key in scanner.features[0..<scanner.featureCount] { table.increment(key, column: column) }
                totals[column] += Double(scanner.featureCount)
            }
        }
        // Counts become log-probabilities with additive smoothing over the whole vocabulary; a
        // language without a single feature (all its lines took the script shortcut) never wins.
        let alpha = settings.smoothing
        let denominators = totals.map { Foundation.log($0 + alpha * Double(table.count)) }
        table.transformValues { values in
            for index in values.indices {
                let logProbability = totals[index] > 0 ? Foundation.log(Double(values[index]) + alpha) - denominators[index] : -.infinity
                values[index] = Float(logProbability).bitPattern
            }
        }
        self.columns = columns
        self.languages = columns.indices.filter { totals[$0] > 0 }.map { columns[$0] }
        self.table = table
    }

    /// The language of `text`, with its confidence; ``LanguageGuess/language`` is nil ("unknown")
    /// when the text is too short or unclear.
    public func detect(_ text: String) -> LanguageGuess {
        let width = columns.count
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: max(width, 1)) { scores in
            scores.initialize(repeating: 0)
            let (scan, features) = score(text, into: scores)
            if scan.length < settings.minLength {
                let best = scan.scriptLanguage ?? (features > 0 ? columns[argmax(scores)] : nil)
                let confidence = scan.scriptLanguage != nil ? 1 : (features > 0 ? self.confidence(scores, features) : 0)
                return LanguageGuess(kind: .tooShort, best: best, confidence: confidence, length: scan.length)
            }
            if let language = scan.scriptLanguage {
                return LanguageGuess(kind: .detected, best: language, confidence: 1, length: scan.length)
            }
            guard features > 0, width > 0 else {
                return LanguageGuess(kind: .unclear, best: nil, confidence: 0, length: scan.length)
            }
            let confidence = self.confidence(scores, features)
            return LanguageGuess(
                kind: confidence >= settings.minConfidence ? .detected : .unclear, best: columns[argmax(scores)],
                confidence: confidence, length: scan.length)
        }
    }

    /// Every profiled language's probability for `text`, most likely first (empty when no feature is known).
    public func probabilities(_ text: String) -> [(language: String, probability: Double)] {
        var scores = [Double](repeating: 0, count: columns.count)
        let features = scores.withUnsafeMutableBufferPointer { score(text, into: $0).features }
        guard features > 0, let top = scores.max() else { return [] }
        let scale = settings.sharpness / Foundation.pow(Double(features), settings.evidenceExponent)
        let weights = scores.map { Foundation.exp(scale * ($0 - top)) }
        let total = weights.reduce(0, +)
        return zip(columns, weights).filter { languages.contains($0.0) }.map { ($0, $1 / total) }
            .sorted { $0.probability > $1.probability }
    }

    /// Adds each known feature's log-probabilities to `scores`; returns the scan and how many features were known.
    private func score(_ text: String, into scores: UnsafeMutableBufferPointer<Double>) -> (scan: LanguageFeatures.Scan, features: Int) {
        let width = columns.count
        var scanner = LanguageFeatures()
        let scan = scanner.scan(text, orders: settings.minOrder...settings.maxOrder, words: settings.words)
        var known = 0
        for key in scanner.features[0..<scanner.featureCount] {
            table.withValues(of: key) { values in
                known += 1
                for column in 0..<width { scores[column] += Double(Float(bitPattern: values[column])) }
            }
        }
        return (scan, known)
    }

    /// The softmax probability of the best language, from the average log-likelihood per feature.
    private func confidence(_ scores: UnsafeMutableBufferPointer<Double>, _ features: Int) -> Double {
        let best = scores[argmax(scores)]
        let scale = settings.sharpness / Foundation.pow(Double(features), settings.evidenceExponent)
        var total = 0.0
        for score in scores { total += Foundation.exp(scale * (score - best)) }
        return 1 / total
    }

    private func argmax(_ scores: UnsafeMutableBufferPointer<Double>) -> Int {
        var best = 0
        for index in scores.indices where scores[index] > scores[best] { best = index }
        return best
    }
}

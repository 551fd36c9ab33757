import Foundation

/// Finds the language of a message from character n-gram profiles built from language-tagged examples.
///
/// The model is multinomial naive Bayes over each word's character 1–3-grams (padded with a space
/// at both ends, diacritics kept) and the words themselves, trained on the ``TrainingExample``s
/// whose ``TrainingExample/language`` is set: nothing is downloaded, and a language gets a profile
/// as soon as its example files exist. Features no profile has seen are ignored, so an unknown
/// script or a made-up word does not push towards the language with the least data.
///
/// The confidence is a softmax over the languages' average log-likelihood per feature, sharpened by
/// ``Settings/sharpness``; it does not grow with length, so a long message is not overconfident.
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
        /// Largest character n-gram (1...3).
        public var maxOrder = 3
        /// Whether whole words are features too.
        public var words = true
        /// Additive (Lidstone) smoothing of the feature counts.
        public var smoothing = 0.1
        /// How sharply the average log-likelihood gap turns into confidence.
        public var sharpness = 5.0
        /// Letters a message needs before a detection counts (a Hangul, kana or Han character counts
        /// as ``LanguageDetector/denseLetterWeight``); digits, emails and links do not count.
        public var minLength = 4
        /// Confidence the best language needs; below it the message is ``LanguageGuess/Kind/unclear``.
        public var minConfidence = 0.7

        /// The default settings.
        public init() {}
    }

    /// A Hangul, kana or Han character counts as this many letters: it spells a syllable or a word.
    public static let denseLetterWeight = 3

    /// The settings the detector was built with.
    public let settings: Settings
    /// The languages with a profile (from the examples), sorted.
    public let languages: [String]
    private let index: FeatureIndex
    /// Log-probability of each feature in each language: `logProbabilities[row * languages.count + language]`.
    private let logProbabilities: [Float]

    /// Builds the profiles from the examples that name their language; the others are ignored.
    public init(examples: [TrainingExample], settings: Settings = Settings()) {
        var settings = settings
        settings.maxOrder = min(max(settings.maxOrder, 1), LanguageFeatures.maxOrder)
        self.settings = settings
        let languages = Set(examples.compactMap(\.language)).sorted()
        self.languages = languages
        let languageIndex = Dictionary(uniqueKeysWithValues: languages.enumerated().map { ($0.element, $0.offset) })
        let width = languages.count
        var index = FeatureIndex(capacity: 32_768)
        var counts: [UInt32] = []
        counts.reserveCapacity(32_768 * width)
        var totals = [Double](repeating: 0, count: width)
        for example in examples {
            guard let language = example.language, let column = languageIndex[language] else { continue }
            _ = LanguageFeatures.scan(example.text, maxOrder: settings.maxOrder, words: settings.words) { key in
                let (row, isNew) = index.insert(key)
                if isNew { counts.append(contentsOf: repeatElement(0, count: width)) }
                counts[row * width + column] += 1
                totals[column] += 1
            }
        }
        let alpha = settings.smoothing
        let vocabulary = Double(index.count)
        let denominators = totals.map { Foundation.log($0 + alpha * vocabulary) }
        var logProbabilities = [Float](repeating: 0, count: counts.count)
        for row in 0..<index.count {
            for column in 0..<width {
                let count = Double(counts[row * width + column])
                logProbabilities[row * width + column] = Float(Foundation.log(count + alpha) - denominators[column])
            }
        }
        self.index = index
        self.logProbabilities = logProbabilities
    }

    /// The language of `text`, with its confidence; ``LanguageGuess/language`` is nil ("unknown")
    /// when the text is too short or unclear.
    public func detect(_ text: String) -> LanguageGuess {
        let width = languages.count
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: max(width, 1)) { scores in
            scores.initialize(repeating: 0)
            let (scan, features) = score(text, into: scores)
            if scan.length < settings.minLength {
                let best = scan.scriptLanguage ?? (features > 0 ? languages[argmax(scores)] : nil)
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
                kind: confidence >= settings.minConfidence ? .detected : .unclear, best: languages[argmax(scores)],
                confidence: confidence, length: scan.length)
        }
    }

    /// Every profiled language's probability for `text`, most likely first (empty when no feature is known).
    public func probabilities(_ text: String) -> [(language: String, probability: Double)] {
        var scores = [Double](repeating: 0, count: languages.count)
        let features = scores.withUnsafeMutableBufferPointer { score(text, into: $0).features }
        guard features > 0, let top = scores.max() else { return [] }
        let weights = scores.map { Foundation.exp(settings.sharpness * ($0 - top) / Double(features)) }
        let total = weights.reduce(0, +)
        return zip(languages, weights).map { ($0, $1 / total) }.sorted { $0.probability > $1.probability }
    }

    /// Adds each known feature's log-probabilities to `scores`; returns the scan and how many features were known.
    private func score(_ text: String, into scores: UnsafeMutableBufferPointer<Double>) -> (scan: LanguageFeatures.Scan, features: Int) {
        let width = languages.count
        var known = 0
        let scan = logProbabilities.withUnsafeBufferPointer { table in
            LanguageFeatures.scan(text, maxOrder: settings.maxOrder, words: settings.words) { key in
                guard let row = index.row(key) else { return }
                known += 1
                let base = row * width
                for column in 0..<width { scores[column] += Double(table[base + column]) }
            }
        }
        return (scan, known)
    }

    /// The softmax probability of the best language, from the average log-likelihood per feature.
    private func confidence(_ scores: UnsafeMutableBufferPointer<Double>, _ features: Int) -> Double {
        let best = scores[argmax(scores)]
        let scale = settings.sharpness / Double(features)
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

/// Routes a message to one of the intents it was trained on, or to none.
///
/// A router is a value: train it once and share it across concurrent conversations.
/// Messages become TF-IDF vectors over words, word bigrams and character n-grams (so typos
/// still route); a one-hidden-layer perceptron (on large enough training sets) or a multinomial
/// logistic regression scores every intent; per-intent keywords
/// add to the scores; a softmax turns the scores into confidences. `settings.threshold` and
/// `settings.margin` decide between a match, an ambiguity and no match, and can change
/// without retraining.
public struct IntentRouter: Sendable {
    /// The settings; `threshold`, `margin`, `temperature` and `keywordBoost` act at routing time.
    public var settings: RouterSettings
    /// The in-scope intents the router can return, sorted.
    public var intents: [String] { classNames.enumerated().filter { $0.offset != outOfScopeClass }.map(\.element) }

    let tokenizer = Tokenizer()
    let classNames: [String]
    let outOfScopeClass: Int?
    let features: FeatureSpace
    let model: LinearModel
    /// The perceptron whose probabilities are averaged with the linear model's, when trained.
    let perceptron: MLPModel?
    let keywords: KeywordMatcher
    /// The keyword phrases by intent, as given to training (kept for ``archive()``).
    let keywordPhrases: [String: [String]]

    /// Trains a router on labelled examples and optional keywords per intent.
    ///
    /// Examples labelled `oos` are trained as an out-of-scope class (never returned as an intent) when
    /// `settings.trainOutOfScopeClass` is set (the default) and ignored otherwise;
    /// keywords of intents without examples are ignored.
    public init(examples: [TrainingExample], keywords: [String: [String]] = [:], settings: RouterSettings = .init()) throws(RouterError) {
        try Self.validate(settings)
        self.settings = settings
        let outOfScope = TrainingData.outOfScopeIntent
        var used = examples.filter { !$0.isOutOfScope || settings.trainOutOfScopeClass }
        let inScopeNames = Set(used.lazy.filter { !$0.isOutOfScope }.map(\.intent))
        guard !inScopeNames.isEmpty else { throw .noInScopeExamples }
        // Keywords are also short training utterances of their intent.
        for (intent, phrases) in keywords.sorted(by: { $0.key < $1.key }) where inScopeNames.contains(intent) {
            for phrase in phrases { used.append(TrainingExample(text: phrase, intent: intent)) }
        }
        var names = inScopeNames.sorted()
        if settings.trainOutOfScopeClass, used.contains(where: \.isOutOfScope) { names.append(outOfScope) }
        classNames = names
        outOfScopeClass = names.last == outOfScope ? names.count - 1 : nil
        let classIndex = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })

        let tokenizer = Tokenizer()
        let tokenized = used.map { tokenizer.tokens($0.text) }
        let config = FeatureSpace.Config(
            wordBigrams: settings.wordBigrams, charMinN: settings.charMinN,
            charMaxN: settings.charMaxN, charWeight: Float(settings.charWeight),
            minDocumentFrequency: settings.minDocumentFrequency)
        let space = FeatureSpace(config: config, documents: tokenized)
        features = space
        let vectors = tokenized.map { space.vector($0) }
        let labels = used.map { classIndex[$0.intent]! }
        model = LinearModel.train(
            vectors: vectors, labels: labels, featureCount: space.count, classCount: names.count,
            hyperparameters: .init(
                regularization: Float(settings.regularization), epochs: settings.epochs,
                learningRate: Float(settings.learningRate), seed: settings.seed))
        let perIntent = Double(used.count) / Double(max(1, names.count))
        if settings.hiddenUnits > 0, perIntent >= settings.hiddenMinExamplesPerIntent {
            perceptron = MLPModel.train(
                vectors: vectors, labels: labels, featureCount: space.count, classCount: names.count,
                hyperparameters: .init(
                    hidden: settings.hiddenUnits, epochs: settings.hiddenEpochs,
                    learningRate: Float(settings.hiddenLearningRate), dropout: Float(settings.hiddenDropout),
                    inputDropout: Float(settings.inputDropout), initScale: 0.1, seed: settings.seed &+ 1))
        } else {
            perceptron = nil
        }
        self.keywords = KeywordMatcher(keywords: keywords, intentIndex: classIndex, tokenizer: tokenizer)
        self.keywordPhrases = keywords.filter { inScopeNames.contains($0.key) }
    }

    /// A router from restored parts (``init(archive:)``).
    init(
        settings: RouterSettings, classNames: [String], outOfScopeClass: Int?, features: FeatureSpace,
        model: LinearModel, perceptron: MLPModel?, keywords: [String: [String]]
    ) {
        self.settings = settings
        self.classNames = classNames
        self.outOfScopeClass = outOfScopeClass
        self.features = features
        self.model = model
        self.perceptron = perceptron
        let classIndex = Dictionary(uniqueKeysWithValues: classNames.enumerated().map { ($1, $0) })
        self.keywords = KeywordMatcher(keywords: keywords, intentIndex: classIndex, tokenizer: Tokenizer())
        self.keywordPhrases = keywords
    }

    private static func validate(_ settings: RouterSettings) throws(RouterError) {
        if !(0...1).contains(settings.threshold) { throw .invalidSetting(name: "threshold", reason: "must be between 0 and 1, got \(settings.threshold)") }
        if !(0...1).contains(settings.margin) { throw .invalidSetting(name: "margin", reason: "must be between 0 and 1, got \(settings.margin)") }
        if settings.charMinN < 0 || (settings.charMinN > 0 && settings.charMaxN < settings.charMinN) {
            throw .invalidSetting(name: "charMinN/charMaxN", reason: "must satisfy 0 <= charMinN <= charMaxN, got \(settings.charMinN)...\(settings.charMaxN)")
        }
        if settings.epochs < 1 { throw .invalidSetting(name: "epochs", reason: "must be at least 1, got \(settings.epochs)") }
        if !(settings.temperature > 0) { throw .invalidSetting(name: "temperature", reason: "must be positive, got \(settings.temperature)") }
        if settings.hiddenUnits < 0 { throw .invalidSetting(name: "hiddenUnits", reason: "must not be negative, got \(settings.hiddenUnits)") }
        if settings.hiddenEpochs < 1 { throw .invalidSetting(name: "hiddenEpochs", reason: "must be at least 1, got \(settings.hiddenEpochs)") }
        if !(0..<1).contains(settings.hiddenDropout) { throw .invalidSetting(name: "hiddenDropout", reason: "must be in 0..<1, got \(settings.hiddenDropout)") }
        if !(0..<1).contains(settings.inputDropout) { throw .invalidSetting(name: "inputDropout", reason: "must be in 0..<1, got \(settings.inputDropout)") }
        if !(0...1).contains(settings.linearShare) { throw .invalidSetting(name: "linearShare", reason: "must be between 0 and 1, got \(settings.linearShare)") }
        if settings.regularization < 0 { throw .invalidSetting(name: "regularization", reason: "must not be negative, got \(settings.regularization)") }
    }

    // MARK: - Routing

    /// The intents ranked by confidence, best first, at most `limit` of them.
    public func rank(_ text: String, limit: Int = 5) -> [IntentScore] {
        scored(text, limit: limit).ranked
    }

    /// Decides whether the message matches an intent, is ambiguous between several, or matches none.
    public func classify(_ text: String) -> RouteDecision {
        let result = scored(text, limit: 5)
        return RouteDecision(kind: Self.decide(result, threshold: settings.threshold, margin: settings.margin), ranked: result.ranked)
    }

    /// Ranked in-scope intents plus the confidence of the out-of-scope class, when one is trained.
    package struct Scored: Sendable, Hashable {
        package var ranked: [IntentScore]
        package var outOfScopeConfidence: Double?
    }

    /// The decision rule: a match needs confidence >= threshold, a gap to the runner-up >= margin,
    /// and (with an out-of-scope class) a top intent more likely than out-of-scope.
    package static func decide(_ scored: Scored, threshold: Double, margin: Double) -> RouteDecision.Kind {
        guard let top = scored.ranked.first else { return .noMatch }
        if let oos = scored.outOfScopeConfidence, oos >= top.confidence { return .noMatch }
        if top.confidence < threshold { return .noMatch }
        let second = scored.ranked.count > 1 ? scored.ranked[1].confidence : 0
        if top.confidence - second < margin { return .ambiguous }
        return .match
    }

    /// Scores the message: logits with keyword boosts, softmax at the settings' temperature.
    package func scored(_ text: String, limit: Int) -> Scored {
        let tokens = tokenizer.tokens(text)
        let vector = features.vector(tokens)
        var logits = self.logits(tokens, vector: vector)
        let coverageFactor = settings.coverageExponent == 0 ? 1 : powf(vector.coverage, Float(settings.coverageExponent))
        let classCount = classNames.count
        let inverseTemperature = Float(1 / settings.temperature)
        var maxLogit = -Float.infinity
        for c in 0..<classCount where logits[c] > maxLogit { maxLogit = logits[c] }
        var probabilities = [Float](repeating: 0, count: classCount)
        var sum: Float = 0
        for c in 0..<classCount {
            let e = expf((logits[c] - maxLogit) * inverseTemperature)
            probabilities[c] = e
            sum += e
        }
        for c in 0..<classCount { probabilities[c] /= sum }
        if coverageFactor != 1 {
            for c in 0..<classCount where c != outOfScopeClass { probabilities[c] *= coverageFactor }
        }
        let wanted = max(0, min(limit, intents.count))
        var ranked: [IntentScore] = []
        ranked.reserveCapacity(wanted + 1)
        // Partial selection of the best `wanted` classes.
        var chosen = [Bool](repeating: false, count: classCount)
        if let oos = outOfScopeClass { chosen[oos] = true }
        for _ in 0..<wanted {
            var best = -1
            for c in 0..<classCount where !chosen[c] && (best < 0 || logits[c] > logits[best]) { best = c }
            if best < 0 { break }
            chosen[best] = true
            ranked.append(IntentScore(intent: classNames[best], score: Double(logits[best]), confidence: Double(probabilities[best])))
        }
        logits.removeAll()
        return Scored(ranked: ranked, outOfScopeConfidence: outOfScopeClass.map { Double(probabilities[$0]) })
    }

    /// Raw logits of every class for a tokenised message, keyword boosts included.
    func logits(_ tokens: [Tokenizer.Token], vector: SparseVector? = nil) -> [Float] {
        let vector = vector ?? features.vector(tokens)
        var logits = modelLogits(vector)
        if !keywords.isEmpty {
            for phrase in keywords.matches(in: tokens) { logits[phrase.intent] += Float(settings.keywordBoost) }
        }
        return logits
    }

    /// The model's logits: the linear model's, or with a perceptron the log of the averaged probabilities.
    func modelLogits(_ vector: SparseVector) -> [Float] {
        guard let perceptron else { return model.scores(vector) }
        let share = Float(settings.linearShare)
        var mixed = perceptron.scores(vector)
        Self.softmaxInPlace(&mixed)
        if share > 0 {
            var linear = model.scores(vector)
            Self.softmaxInPlace(&linear)
            for c in mixed.indices { mixed[c] = share * linear[c] + (1 - share) * mixed[c] }
        }
        for c in mixed.indices { mixed[c] = logf(max(mixed[c], 1e-30)) }
        return mixed
    }

    private static func softmaxInPlace(_ values: inout [Float]) {
        var maxValue = -Float.infinity
        for v in values where v > maxValue { maxValue = v }
        var sum: Float = 0
        for c in values.indices { values[c] = expf(values[c] - maxValue); sum += values[c] }
        for c in values.indices { values[c] /= sum }
    }

    /// Raw logits of every class (in `classNames` order) for a message.
    package func logits(for text: String) -> [Float] {
        logits(tokenizer.tokens(text))
    }

    /// Raw logits of every class and the message's vocabulary coverage.
    package func analysis(for text: String) -> (logits: [Float], coverage: Double) {
        let tokens = tokenizer.tokens(text)
        let vector = features.vector(tokens)
        return (logits(tokens, vector: vector), Double(vector.coverage))
    }

    /// The model's class names in logit order; the out-of-scope class, when trained, is last.
    package var classLabels: [String] { classNames }

    // MARK: - Explanation

    /// Explains an intent's score for a message (by default the top-ranked intent): the features
    /// that added most to it and the intent's keywords found in the message.
    public func explain(_ text: String, intent: String? = nil, limit: Int = 8) -> Explanation {
        let tokens = tokenizer.tokens(text)
        let target: Int
        if let intent, let index = classNames.firstIndex(of: intent) {
            target = index
        } else {
            let logits = self.logits(tokens)
            var best = 0
            for c in logits.indices where c != outOfScopeClass && (best == outOfScopeClass || logits[c] > logits[best]) { best = c }
            target = best
        }
        let vector = features.vector(tokens)
        let names = features.namedFeatures(tokens)
        var terms: [TermWeight] = []
        for (id, value) in zip(vector.ids, vector.values) {
            let contribution = Double(value * model.weight(feature: Int(id), class: target))
            terms.append(TermWeight(term: names[id] ?? "feature \(id)", weight: contribution))
        }
        terms.sort { abs($0.weight) > abs($1.weight) || (abs($0.weight) == abs($1.weight) && $0.term < $1.term) }
        let found = keywords.matches(in: tokens).filter { $0.intent == target }.map(\.display)
        return Explanation(intent: classNames[target], terms: Array(terms.prefix(max(0, limit))), keywords: found)
    }
}

import Foundation

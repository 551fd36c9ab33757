/// Tunable numbers of the router: the decision thresholds and the model's hyper-parameters.
///
/// `threshold` and `margin` act at decision time and can change on a trained router;
/// the other fields take effect when a router is trained.
public struct RouterSettings: Sendable, Hashable, Codable {
    /// Minimum confidence of the top intent for a match.
    public var threshold: Double
    /// Minimum confidence gap between the top intent and the runner-up for a match.
    public var margin: Double
    /// Whether examples labelled `oos`, when there are any, are trained as a class of their own (otherwise
    /// training ignores them). On by default: a message is then also rejected when the out-of-scope class
    /// is at least as likely as the top intent (CLINC150 validation objective 1.822 against 1.804 without).
    public var trainOutOfScopeClass: Bool
    /// Whether word bigrams are features.
    public var wordBigrams: Bool
    /// Smallest character n-gram length (within word boundaries); 0 disables character n-grams.
    public var charMinN: Int
    /// Largest character n-gram length.
    public var charMaxN: Int
    /// Relative weight of the character n-gram block against the word block.
    public var charWeight: Double
    /// Features (words, word pairs, character n-grams) seen in fewer training messages than this are
    /// dropped; 1 keeps them all. Larger values make smaller models.
    public var minDocumentFrequency: Int = 1
    /// L2 regularisation strength of the linear model, per training example.
    public var regularization: Double
    /// Passes over the training data.
    public var epochs: Int
    /// Initial learning rate of the stochastic gradient descent.
    public var learningRate: Double
    /// Softmax temperature applied to the linear scores before confidences are computed.
    public var temperature: Double
    /// Exponent of the vocabulary coverage (share of the message's words seen in training) that
    /// scales confidences; 0 turns it off. Messages full of unknown words are then less confident.
    public var coverageExponent: Double
    /// Confidence added to an intent's score per matched keyword, before normalisation.
    public var keywordBoost: Double
    /// Seed of the shuffling used in training, for deterministic models.
    public var seed: UInt64
    /// Hidden units of the one-hidden-layer perceptron trained next to the linear model (when there are at least
    /// `hiddenMinExamplesPerIntent` examples per class on average); 0 trains the linear model only. On CLINC150
    /// (100 lines per intent) the perceptron scores routing (validation closed-set 0.938 against 0.928); on small
    /// sets (10-30 lines per intent) it was no better than the linear model, which then routes alone.
    public var hiddenUnits: Int
    /// Passes of the perceptron's training over the data.
    public var hiddenEpochs: Int
    /// Initial learning rate of the perceptron (decays linearly to 0).
    public var hiddenLearningRate: Double
    /// Dropout rate of the perceptron's hidden layer during training.
    public var hiddenDropout: Double
    /// Dropout rate of the perceptron's input features during training.
    public var inputDropout: Double
    /// Share of the linear model in the averaged probabilities when a perceptron is trained (1: linear only,
    /// 0: perceptron only, the default; averaging did not help on CLINC150 validation). The linear model is
    /// always trained: `explain` uses its weights.
    public var linearShare: Double
    /// Smallest average number of examples per intent for the perceptron to be trained; smaller sets use the linear model only.
    public var hiddenMinExamplesPerIntent: Double

    /// Creates settings; every parameter has a default suited to small and large intent sets.
    public init(
        threshold: Double = 0.3,
        margin: Double = 0.0,
        trainOutOfScopeClass: Bool = true,
        wordBigrams: Bool = true,
        charMinN: Int = 2,
        charMaxN: Int = 5,
        charWeight: Double = 1.3,
        regularization: Double = 3e-6,
        epochs: Int = 12,
        learningRate: Double = 2,
        temperature: Double = 1.0,
        coverageExponent: Double = 0,
        keywordBoost: Double = 1.5,
        seed: UInt64 = 42,
        hiddenUnits: Int = 256,
        hiddenEpochs: Int = 20,
        hiddenLearningRate: Double = 0.1,
        hiddenDropout: Double = 0.3,
        inputDropout: Double = 0.1,
        linearShare: Double = 0,
        hiddenMinExamplesPerIntent: Double = 50
    ) {
        self.threshold = threshold
        self.margin = margin
        self.trainOutOfScopeClass = trainOutOfScopeClass
        self.wordBigrams = wordBigrams
        self.charMinN = charMinN
        self.charMaxN = charMaxN
        self.charWeight = charWeight
        self.regularization = regularization
        self.epochs = epochs
        self.learningRate = learningRate
        self.temperature = temperature
        self.coverageExponent = coverageExponent
        self.keywordBoost = keywordBoost
        self.seed = seed
        self.hiddenUnits = hiddenUnits
        self.hiddenEpochs = hiddenEpochs
        self.hiddenLearningRate = hiddenLearningRate
        self.hiddenDropout = hiddenDropout
        self.inputDropout = inputDropout
        self.linearShare = linearShare
        self.hiddenMinExamplesPerIntent = hiddenMinExamplesPerIntent
    }

    private enum CodingKeys: String, CodingKey {
        case threshold, margin, trainOutOfScopeClass, wordBigrams, charMinN, charMaxN, charWeight, regularization, epochs,
             learningRate, temperature, coverageExponent, keywordBoost, seed, hiddenUnits, hiddenEpochs, hiddenLearningRate,
             hiddenDropout, inputDropout, linearShare, hiddenMinExamplesPerIntent, minDocumentFrequency
    }

    /// Decodes settings; fields missing from older encodings take their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = RouterSettings()
        threshold = try c.decodeIfPresent(Double.self, forKey: .threshold) ?? d.threshold
        margin = try c.decodeIfPresent(Double.self, forKey: .margin) ?? d.margin
        trainOutOfScopeClass = try c.decodeIfPresent(Bool.self, forKey: .trainOutOfScopeClass) ?? d.trainOutOfScopeClass
        wordBigrams = try c.decodeIfPresent(Bool.self, forKey: .wordBigrams) ?? d.wordBigrams
        charMinN = try c.decodeIfPresent(Int.self, forKey: .charMinN) ?? d.charMinN
        charMaxN = try c.decodeIfPresent(Int.self, forKey: .charMaxN) ?? d.charMaxN
        charWeight = try c.decodeIfPresent(Double.self, forKey: .charWeight) ?? d.charWeight
        regularization = try c.decodeIfPresent(Double.self, forKey: .regularization) ?? d.regularization
        epochs = try c.decodeIfPresent(Int.self, forKey: .epochs) ?? d.epochs
        learningRate = try c.decodeIfPresent(Double.self, forKey: .learningRate) ?? d.learningRate
        temperature = try c.decodeIfPresent(Double.self, forKey: .temperature) ?? d.temperature
        coverageExponent = try c.decodeIfPresent(Double.self, forKey: .coverageExponent) ?? d.coverageExponent
        keywordBoost = try c.decodeIfPresent(Double.self, forKey: .keywordBoost) ?? d.keywordBoost
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed
        hiddenUnits = try c.decodeIfPresent(Int.self, forKey: .hiddenUnits) ?? d.hiddenUnits
        hiddenEpochs = try c.decodeIfPresent(Int.self, forKey: .hiddenEpochs) ?? d.hiddenEpochs
        hiddenLearningRate = try c.decodeIfPresent(Double.self, forKey: .hiddenLearningRate) ?? d.hiddenLearningRate
        hiddenDropout = try c.decodeIfPresent(Double.self, forKey: .hiddenDropout) ?? d.hiddenDropout
        inputDropout = try c.decodeIfPresent(Double.self, forKey: .inputDropout) ?? d.inputDropout
        linearShare = try c.decodeIfPresent(Double.self, forKey: .linearShare) ?? d.linearShare
        hiddenMinExamplesPerIntent = try c.decodeIfPresent(Double.self, forKey: .hiddenMinExamplesPerIntent) ?? d.hiddenMinExamplesPerIntent
        minDocumentFrequency = try c.decodeIfPresent(Int.self, forKey: .minDocumentFrequency) ?? d.minDocumentFrequency
    }
}

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
        seed: UInt64 = 42
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
    }
}

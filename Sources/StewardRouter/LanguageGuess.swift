/// The language a ``LanguageDetector`` found for a message, with its confidence.
public struct LanguageGuess: Sendable, Hashable, CustomStringConvertible {
    /// Whether the guess counts.
    public enum Kind: String, Sendable, Hashable {
        /// The language was found with at least the detector's ``LanguageDetector/Settings/minConfidence``.
        case detected
        /// The message has fewer letters than ``LanguageDetector/Settings/minLength`` ("ok", an order number).
        case tooShort = "too_short"
        /// The message is long enough but no language is clearly ahead (or none of its words is known).
        case unclear
    }

    /// Whether the guess counts.
    public var kind: Kind
    /// The most likely language (an ISO 639-1 code), even when the guess does not count; nil when
    /// the message has nothing to go on (no letters, or only unknown ones).
    public var best: String?
    /// The probability-like confidence in ``best``, in [0, 1]; 1 for a script only one language uses (Hangul).
    public var confidence: Double
    /// The message's length as the detector counts it: letters of words without digits, a Hangul,
    /// kana or Han character counting as ``LanguageDetector/denseLetterWeight`` letters.
    public var length: Int

    /// Creates a guess.
    public init(kind: Kind, best: String?, confidence: Double, length: Int) {
        self.kind = kind
        self.best = best
        self.confidence = confidence
        self.length = length
    }

    /// The detected language, or nil for "unknown" (too short or unclear).
    public var language: String? { kind == .detected ? best : nil }

    /// `pl (0.97)`, or `unknown (too_short; best en 0.62)`.
    public var description: String {
        let confidence = (confidence * 100).rounded() / 100
        if let language { return "\(language) (\(confidence))" }
        return "unknown (\(kind.rawValue)\(best.map { "; best \($0) \(confidence)" } ?? ""))"
    }
}

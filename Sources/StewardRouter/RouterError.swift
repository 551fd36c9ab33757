/// Why a router could not be trained.
public enum RouterError: Error, CustomStringConvertible, Equatable {
    /// No examples other than out-of-scope ones were given.
    case noInScopeExamples
    /// A setting is out of its valid range.
    case invalidSetting(name: String, reason: String)

    public var description: String {
        switch self {
        case .noInScopeExamples:
            return "the training data has no in-scope examples; add examples labelled with intents other than \"\(TrainingData.outOfScopeIntent)\""
        case let .invalidSetting(name, reason):
            return "router setting \(name) \(reason)"
        }
    }
}

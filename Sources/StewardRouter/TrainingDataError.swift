/// Why a training or evaluation file could not be loaded.
public enum TrainingDataError: Error, CustomStringConvertible, Equatable {
    /// The file could not be read at all.
    case unreadable(path: String, reason: String)
    /// One line is not a `{"text": "...", "intent": "..."}` object.
    case malformedLine(source: String, line: Int, reason: String)
    /// The input holds no examples.
    case empty(source: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "cannot read training data at \(path): \(reason); check the path and permissions"
        case let .malformedLine(source, line, reason):
            return "\(source) line \(line): \(reason); each line must be {\"text\": \"...\", \"intent\": \"...\"}"
        case let .empty(source):
            return "\(source) holds no examples; add one {\"text\": \"...\", \"intent\": \"...\"} object per line"
        }
    }
}

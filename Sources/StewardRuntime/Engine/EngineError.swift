/// A message the engine refuses before any skill sees it.
public enum EngineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The channel is not among the configured `channels`.
    case channelNotEnabled(String)
    /// The message has neither text nor action.
    case emptyMessage
    /// An identifier breaks ``Identifier``'s rule; the text says which and why.
    case invalidIdentifier(String)

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .channelNotEnabled: "channel_not_enabled"
        case .emptyMessage: "empty_message"
        case .invalidIdentifier: "invalid_field"
        }
    }

    public var description: String {
        switch self {
        case .channelNotEnabled(let channel):
            "Steward is not configured to answer on the \(channel) channel; add it to `channels` in steward.yaml."
        case .emptyMessage: "The message has no text and no action; send one of them."
        case .invalidIdentifier(let problem): problem
        }
    }
}

/// Why a reply of the team was not delivered.
public enum TeamReplyError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The reply was delivered already (by this or another process), or there is no such reply.
    case notPending(sequence: Int64)

    public var description: String {
        switch self {
        case .notPending(let sequence):
            return "The team's reply #\(sequence) is not waiting for delivery: it was delivered already."
        }
    }
}

/// A quick reply offered to the customer; clicking it sends `action` (or `title` as text).
public struct Suggestion: Sendable, Hashable, Codable {
    /// The label shown, and the text sent when there is no action.
    public var title: String
    /// An action id sent back as the pipe's `action` field when clicked.
    public var action: String?

    public init(_ title: String, action: String? = nil) {
        self.title = title
        self.action = action
    }
}

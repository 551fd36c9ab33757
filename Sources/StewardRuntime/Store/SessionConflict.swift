/// A session changed in the store underneath the copy being saved (another process saved it, deleted it,
/// or delivered a team reply it was about to deliver), so the save wrote nothing.
///
/// The engine reloads the session from the store and answers the message again
/// (see ``ConversationEngine/respond(to:)-([IncomingMessage])``); it reaches the host only when that keeps failing.
public struct SessionConflict: Error, CustomStringConvertible, Sendable, Equatable {
    /// The session id.
    public var session: String
    /// The version this process loaded, and the one in the store (0: no stored session).
    public var expected: Int64
    public var found: Int64

    public init(session: String, expected: Int64, found: Int64) {
        self.session = session
        self.expected = expected
        self.found = found
    }

    public var description: String {
        "The session '\(session)' was changed by another process while this one answered it "
            + "(stored version \(found), expected \(expected)); it is read again and the message answered again."
    }
}

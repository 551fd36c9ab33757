/// A line of `steward pipe` input that could not be taken, with what to fix.
public struct PipeLineError: Error, Sendable, Hashable {
    /// A stable code: `invalid_json`, `invalid_utf8`, `line_too_long`, `duplicate_key`, `invalid_string`,
    /// `number_out_of_range`, `nesting_too_deep`, `missing_field`, `invalid_field`, …
    public var code: String
    /// What is wrong, in a sentence.
    public var message: String
    /// The input line number, counted from 1.
    public var line: Int
    /// The session, when it could be read.
    public var session: String?
    /// The message id, when it could be read.
    public var id: String?

    package init(code: String, message: String, line: Int, session: String? = nil, id: String? = nil) {
        self.code = code
        self.message = message
        self.line = line
        self.session = session
        self.id = id
    }
}

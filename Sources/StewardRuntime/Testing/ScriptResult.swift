/// How one conversation script went.
public struct ScriptResult: Sendable, Hashable {
    /// The first expectation a reply did not meet.
    public struct Failure: Sendable, Hashable {
        /// The turn, counted from 1.
        public var turn: Int
        /// The turn's line in the file.
        public var line: Int?
        /// What the customer said or clicked.
        public var message: String
        /// The expectation that failed, e.g. `outcome` or `cards[0]`.
        public var check: String
        public var expected: String
        public var actual: String
        /// The reply's text, when it helps to see it.
        public var reply: String?

        public init(
            turn: Int, line: Int? = nil, message: String, check: String, expected: String, actual: String,
            reply: String? = nil
        ) {
            self.turn = turn
            self.line = line
            self.message = message
            self.check = check
            self.expected = expected
            self.actual = actual
            self.reply = reply
        }
    }

    /// Passed, failed on a reply, or could not be run.
    public enum Outcome: Sendable, Hashable {
        case passed
        case failed(Failure)
        /// The script is malformed or its engine could not be built; the message says what to fix.
        case error(String)
    }

    /// The script's name (its file when it could not be read).
    public var name: String
    /// The script's file, if any.
    public var file: String?
    public var outcome: Outcome

    public init(name: String, file: String?, outcome: Outcome) {
        self.name = name
        self.file = file
        self.outcome = outcome
    }

    public var passed: Bool { outcome == .passed }

    /// The failure, when a reply did not meet an expectation.
    public var failure: Failure? {
        if case .failed(let failure) = outcome { return failure }
        return nil
    }

    /// `PASS name`, or `FAIL name (file)` followed by the first difference, indented.
    public var report: String {
        let title = file.map { "\(name) (\($0))" } ?? name
        switch outcome {
        case .passed:
            return "PASS \(name)"
        case .error(let message):
            return "FAIL \(title)\n" + Self.indent(message, by: "  ")
        case .failed(let f):
            var lines = ["FAIL \(title)"]
            lines.append("  turn \(f.turn)\(f.line.map { " (line \($0))" } ?? "") \(f.message): \(f.check)")
            lines.append(Self.indent("expected: \(f.expected)", by: "    ", continuation: "              "))
            lines.append(Self.indent("actual:   \(f.actual)", by: "    ", continuation: "              "))
            if let reply = f.reply, reply != f.actual {
                lines.append(Self.indent("reply:    \(reply)", by: "    ", continuation: "              "))
            }
            return lines.joined(separator: "\n")
        }
    }

    /// `N passed, M failed` for a list of results.
    public static func summary(_ results: [ScriptResult]) -> String {
        let passed = results.filter(\.passed).count
        return "\(passed) passed, \(results.count - passed) failed"
    }

    static func indent(_ text: String, by prefix: String, continuation: String? = nil) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            (index == 0 ? prefix : continuation ?? prefix) + line
        }.joined(separator: "\n")
    }
}

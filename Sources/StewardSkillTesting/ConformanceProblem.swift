/// One way a skill falls short of what every skill must do, found by ``SkillConformance``.
///
/// `description` reads as a sentence for the skill's author: which skill, which check, what to fix.
public struct ConformanceProblem: Sendable, Hashable, CustomStringConvertible {
    /// The skill's id (`order_tracking`), or its folder or type name when its manifest cannot be read.
    public var skill: String
    /// The check that failed: `list`, `manifest`, `examples`, `requirements`, `answer`, `channel` or `conversations`.
    public var check: String
    /// What is wrong and what to do about it.
    public var message: String

    public init(skill: String, check: String, message: String) {
        self.skill = skill
        self.check = check
        self.message = message
    }

    public var description: String { "\(skill) [\(check)]: \(message)" }
}

extension Array where Element == ConformanceProblem {
    /// The problems one per line, for a test failure message; "none" when there are none.
    public var report: String { isEmpty ? "none" : map(\.description).joined(separator: "\n") }
}

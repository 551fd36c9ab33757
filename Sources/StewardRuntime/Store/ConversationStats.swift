import Foundation

/// How conversations went: how many the agent resolved, how many went to the team, and per skill.
///
/// A conversation counts as resolved by the agent when it was not routed to the team. Rates are
/// fractions between 0 and 1, and 0 when there is nothing to divide.
public struct ConversationStats: Sendable, Hashable, Codable {
    /// The volume and resolution of one skill.
    public struct SkillStats: Sendable, Hashable, Codable {
        /// The skill's id.
        public var skill: String
        /// Conversations the skill answered in.
        public var conversations: Int
        /// Of those, the conversations not routed to the team.
        public var resolved: Int

        /// `resolved / conversations`, or 0.
        public var resolutionRate: Double { ConversationStats.rate(resolved, of: conversations) }

        /// Creates a skill's figures.
        public init(skill: String, conversations: Int, resolved: Int) {
            self.skill = skill
            self.conversations = conversations
            self.resolved = resolved
        }

        enum CodingKeys: String, CodingKey {
            case skill, conversations, resolved, resolutionRate
        }

        /// Reads the counts; the rate is derived from them.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                skill: try c.decode(String.self, forKey: .skill),
                conversations: try c.decode(Int.self, forKey: .conversations),
                resolved: try c.decode(Int.self, forKey: .resolved))
        }

        /// Writes the counts and the rate, for machine output.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(skill, forKey: .skill)
            try c.encode(conversations, forKey: .conversations)
            try c.encode(resolved, forKey: .resolved)
            try c.encode(resolutionRate, forKey: .resolutionRate)
        }
    }

    /// Conversations counted.
    public var conversations: Int
    /// Conversations not routed to the team.
    public var resolved: Int
    /// Conversations handed to the team.
    public var routedToTeam: Int
    /// Per skill, the busiest first (ties by name).
    public var skills: [SkillStats]

    /// `resolved / conversations`, or 0.
    public var resolutionRate: Double { Self.rate(resolved, of: conversations) }
    /// `routedToTeam / conversations`, or 0.
    public var routedToTeamRate: Double { Self.rate(routedToTeam, of: conversations) }

    /// Creates figures directly; use ``compute(_:)`` to derive them from sessions.
    public init(conversations: Int = 0, resolved: Int = 0, routedToTeam: Int = 0, skills: [SkillStats] = []) {
        self.conversations = conversations
        self.resolved = resolved
        self.routedToTeam = routedToTeam
        self.skills = skills
    }

    /// Counts the sessions: each is one conversation; a skill used several times in one counts once.
    ///
    /// - Parameter sessions: The conversations of the period, e.g. from
    ///   ``SessionStore/sessions(updatedFrom:to:)``.
    /// - Returns: The totals and the per-skill figures.
    public static func compute(_ sessions: [Session]) -> ConversationStats {
        var stats = ConversationStats()
        var perSkill: [String: SkillStats] = [:]
        for session in sessions {
            stats.conversations += 1
            if session.routedToTeam { stats.routedToTeam += 1 } else { stats.resolved += 1 }
            for skill in Set(session.skillsUsed) {
                perSkill[skill, default: SkillStats(skill: skill, conversations: 0, resolved: 0)].conversations += 1
                if !session.routedToTeam { perSkill[skill]?.resolved += 1 }
            }
        }
        stats.skills = perSkill.values.sorted {
            ($0.conversations, $1.skill) > ($1.conversations, $0.skill)
        }
        return stats
    }

    /// The figures as an aligned text table, for a terminal.
    public func renderTable() -> String {
        var lines = [
            "Conversations      \(conversations)",
            "Resolved by agent  \(resolved) (\(Self.percent(resolutionRate)))",
            "Routed to team     \(routedToTeam) (\(Self.percent(routedToTeamRate)))",
        ]
        guard !skills.isEmpty else { return lines.joined(separator: "\n") }
        let rows =
            [["Skill", "Conversations", "Resolved", "Resolution"]]
            + skills.map { ["\($0.skill)", "\($0.conversations)", "\($0.resolved)", Self.percent($0.resolutionRate)] }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        lines.append("")
        for row in rows {
            let cells = row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell  // names left, numbers right
            }
            lines.append(cells.joined(separator: "  "))
        }
        return lines.joined(separator: "\n")
    }

    enum CodingKeys: String, CodingKey {
        case conversations, resolved, resolutionRate, routedToTeam, routedToTeamRate, skills
    }

    /// Reads the counts; the rates are derived from them.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            conversations: try c.decode(Int.self, forKey: .conversations),
            resolved: try c.decode(Int.self, forKey: .resolved),
            routedToTeam: try c.decode(Int.self, forKey: .routedToTeam),
            skills: try c.decode([SkillStats].self, forKey: .skills))
    }

    /// Writes the counts and the rates, for machine output.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(conversations, forKey: .conversations)
        try c.encode(resolved, forKey: .resolved)
        try c.encode(resolutionRate, forKey: .resolutionRate)
        try c.encode(routedToTeam, forKey: .routedToTeam)
        try c.encode(routedToTeamRate, forKey: .routedToTeamRate)
        try c.encode(skills, forKey: .skills)
    }

    static func rate(_ part: Int, of whole: Int) -> Double {
        whole == 0 ? 0 : Double(part) / Double(whole)
    }

    static func percent(_ rate: Double) -> String {
        String(format: "%.1f%%", rate * 100)
    }
}

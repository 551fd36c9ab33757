import Foundation
import StewardCore
import StewardRuntime
import Testing

@Suite("Conversation stats")
struct ConversationStatsTests {
    static func session(_ id: String, skills: [String], routed: Bool) -> Session {
        var session = Session(id: id, now: Instant.base)
        session.skillsUsed = skills
        session.routedToTeam = routed
        return session
    }

    static let sessions = [
        session("1", skills: ["OrderTracking"], routed: false),
        session("2", skills: ["OrderTracking", "Returns", "OrderTracking"], routed: true),
        session("3", skills: ["Returns"], routed: false),
        session("4", skills: [], routed: true),
        session("5", skills: ["OrderTracking", "Coupons"], routed: false),
    ]

    @Test("Totals count resolved and routed conversations with their rates")
    func totals() {
        let stats = ConversationStats.compute(Self.sessions)
        #expect(stats.conversations == 5)
        #expect(stats.resolved == 3)
        #expect(stats.routedToTeam == 2)
        #expect(stats.resolutionRate == 0.6)
        #expect(stats.routedToTeamRate == 0.4)
    }

    @Test("Each skill counts the conversations it served once, and those resolved, busiest first")
    func perSkill() {
        let stats = ConversationStats.compute(Self.sessions)
        #expect(
            stats.skills == [
                .init(skill: "OrderTracking", conversations: 3, resolved: 2),
                .init(skill: "Returns", conversations: 2, resolved: 1),
                .init(skill: "Coupons", conversations: 1, resolved: 1),
            ])
        #expect(abs(stats.skills[0].resolutionRate - 2.0 / 3.0) < 1e-12)
        #expect(stats.skills[1].resolutionRate == 0.5)
    }

    @Test("No conversations give zeros, not a division by zero")
    func empty() {
        let stats = ConversationStats.compute([])
        #expect(stats == ConversationStats())
        #expect(stats.resolutionRate == 0 && stats.routedToTeamRate == 0)
        #expect(stats.renderTable().contains("Conversations      0"))
    }

    @Test("The table shows totals with percentages and one aligned row per skill")
    func table() {
        let table = ConversationStats.compute(Self.sessions).renderTable()
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Conversations      5")
        #expect(lines[1] == "Resolved by agent  3 (60.0%)")
        #expect(lines[2] == "Routed to team     2 (40.0%)")
        #expect(lines[4] == "Skill          Conversations  Resolved  Resolution")
        #expect(lines[5] == "OrderTracking              3         2       66.7%")
        #expect(lines.count == 8)
    }

    @Test("The JSON form carries the counts and the rates and reads back")
    func json() throws {
        let stats = ConversationStats.compute(Self.sessions)
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let data = try encoder.encode(stats)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["resolution_rate"] as? Double == 0.6)
        #expect(object["routed_to_team_rate"] as? Double == 0.4)
        let skills = try #require(object["skills"] as? [[String: Any]])
        #expect(skills.first?["resolution_rate"] as? Double == 2.0 / 3.0)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        #expect(try decoder.decode(ConversationStats.self, from: data) == stats)
    }
}

import Foundation
import StewardCore
import StewardRuntime
import Testing

/// A skill that answers with the time it was given.
struct ClockEchoSkill: Skill {
    var manifestURL: URL? { Bundle.module.url(forResource: "Fixtures/GiftCards/skill", withExtension: "yaml") }

    func handle(_ request: SkillRequest, context: SkillContext) async throws -> SkillResponse {
        .answer("now=\(context.now.formatted(Date.ISO8601FormatStyle()))")
    }
}

@Suite struct SkillClockTests {
    @Test func aSkillReadsTheEnginesClock() async throws {
        let fixed = try Date("2026-03-07T10:00:00Z", strategy: .iso8601)
        let engine = try ConversationEngine.make(
            configuration: StewardConfiguration(), skills: [ClockEchoSkill()], baseDirectory: repositoryRoot, clock: { fixed })
        let reply = try await Conversation(engine).say("how much is left on my gift card?")
        #expect(reply.text == "now=2026-03-07T10:00:00Z")
    }

    private let runner = ConversationRunner(skills: shippedSkills + [ClockEchoSkill()], baseDirectory: repositoryRoot)

    @Test func aScriptsNowIsTheSkillsNowAndATurnMovesIt() async throws {
        let script = try ConversationScript.parse(yaml: """
            name: The clock follows the script
            now: 2026-03-07T10:00:00Z
            turns:
              - say: how much is left on my gift card?
                expect: {text: "now=2026-03-07T10:00:00Z"}
              - say: what's the balance on my gift card
                now: 2026-03-09T08:30:00Z
                expect: {text: "now=2026-03-09T08:30:00Z"}
              - say: gift card balance please
                expect: {text: "now=2026-03-09T08:30:00Z"}
            """, file: "clock.yaml")
        #expect(script.now == (try Date("2026-03-07T10:00:00Z", strategy: .iso8601)))
        let result = await runner.run(script)
        #expect(result.passed, "\(result.report)")
        // A wrong time fails: the check can fail.
        let wrong = try ConversationScript.parse(yaml: """
            name: Wrong time
            now: 2026-03-07T10:00:00Z
            turns:
              - say: how much is left on my gift card?
                expect: {text: "now=2026-03-08T10:00:00Z"}
            """, file: "wrong.yaml")
        #expect(await runner.run(wrong).failure?.check == "text")
    }

    /// Business hours read the same clock: closed on Saturday, open on Monday morning.
    @Test func businessHoursFollowTheScriptsClock() async throws {
        func script(saturday: Bool) throws -> ConversationScript {
            try ConversationScript.parse(yaml: """
                name: Hours
                now: \(saturday ? "2026-03-07T10:00:00Z" : "2026-03-09T10:00:00Z")
                customer: {email: jane.doe@example.com, profile_id: 01HVJANE, authenticated: true}
                config:
                  handoff:
                    business_hours: {time_zone: UTC, mon: "09:00-17:00", sat: closed, sun: closed}
                turns:
                  - say: I want to talk to a person
                    expect: {outcome: handoff_offered}
                  - click: "handoff:yes"
                    title: Yes, talk to a person
                    expect: {outcome: handoff, text_contains: "\(saturday ? "closed right now" : "won't need to repeat yourself")"}
                """, file: "hours.yaml")
        }
        let closed = await runner.run(try script(saturday: true))
        #expect(closed.passed, "\(closed.report)")
        let open = await runner.run(try script(saturday: false))
        #expect(open.passed, "\(open.report)")
    }
}

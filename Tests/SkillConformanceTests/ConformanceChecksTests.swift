import Foundation
import StewardCore
import StewardSkillTesting
import StewardSkills
import Testing

/// A skill made in a test: its manifest is a file the test wrote, its answer a closure.
private struct MadeSkill: Skill {
    var manifestURL: URL?
    var answer: @Sendable (SkillRequest) async throws -> SkillResponse

    func handle(_ request: SkillRequest, context: SkillContext) async throws -> SkillResponse {
        try await answer(request)
    }
}

private struct Boom: Error, CustomStringConvertible {
    var description: String { "the till is closed" }
}

/// A repository in the temporary folder: the real demo store and knowledge base, and skill folders the test writes.
private struct Sandbox {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("steward-conformance-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Skills"), withIntermediateDirectories: true)
        for data in ["demo", "knowledge"] {
            try FileManager.default.createSymbolicLink(
                at: root.appendingPathComponent(data), withDestinationURL: SkillHarness.repositoryRoot.appendingPathComponent(data))
        }
    }

    /// Writes `files` (paths relative to `Skills/<folder>/`) and returns the folder's `skill.yaml`.
    @discardableResult
    func folder(_ folder: String, _ files: [String: String]) throws -> URL {
        let base = root.appendingPathComponent("Skills/\(folder)")
        for (path, text) in files {
            let url = base.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return base.appendingPathComponent("skill.yaml")
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// A manifest with one intent and its examples written in `skill.yaml`.
private func manifest(id: String, intent: String, example: String = "when do you open on sunday", extra: String = "") -> String {
    """
    id: \(id)
    name: Store hours
    summary: When the shop is open.
    channels: [webchat, sms, whatsapp, email]
    \(extra)
    intents:
      \(intent):
        keywords: [opening hours]
        examples:
          - \(example)
    """
}

private let passingScript = """
    name: Store hours - opening times
    turns:
      - say: when do you open on sunday
        expect: {skill: store_hours, text_contains: "10:00"}
    """

/// The conformance checks find each kind of fault, and pass a skill that has none.
@Suite struct ConformanceChecksTests {
    @Test func aSoundSkillHasNoProblems() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let url = try sandbox.folder("StoreHours", [
            "skill.yaml": manifest(id: "store_hours", intent: "store_hours_open"),
            "conversations/open.yaml": passingScript,
        ])
        let skill = MadeSkill(manifestURL: url) { _ in .answer("We open at 10:00 on Sundays.") }
        let problems = await SkillConformance(skills: [skill], baseDirectory: sandbox.root).problems(of: "store_hours")
        #expect(problems.isEmpty, "\(problems.report)")
    }

    @Test func aSkillFolderMissingFromTheListIsNamed() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        try sandbox.folder("StoreHours", ["skill.yaml": manifest(id: "store_hours", intent: "store_hours_open")])
        try "let skills = [\"Coupons\"]\n".write(to: sandbox.root.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        let problems = SkillConformance(skills: [], baseDirectory: sandbox.root).listProblems()
        #expect(problems.map(\.check) == ["list", "list"])
        #expect(problems.first?.message.contains("Skills/StoreHours/skill.yaml") == true)
        #expect(problems.first?.message.contains("ShippedSkills.all") == true)
        #expect(problems.last?.message == "Skills/StoreHours is not in `skills` in Package.swift; add \"StoreHours\" there")
    }

    @Test func aThrowingSkillAndAnOverlongReplyAreProblemsPerChannel() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let throwing = MadeSkill(manifestURL: try sandbox.folder("Throws", ["skill.yaml": manifest(id: "throws", intent: "throws_open")])) { _ in
            throw Boom()
        }
        let long = MadeSkill(manifestURL: try sandbox.folder("Long", ["skill.yaml": manifest(id: "long", intent: "long_open")])) { _ in
            .answer(String(repeating: "We are open every day. ", count: 100))
        }
        let conformance = SkillConformance(skills: [throwing, long], baseDirectory: sandbox.root)
        let thrown = await conformance.answerProblems(of: "throws")
        #expect(thrown.count == Channel.allCases.count)
        #expect(thrown.allSatisfy { $0.check == "answer" && $0.message.contains("the till is closed") })
        let overlong = await conformance.answerProblems(of: "long")
        // 2,300 characters: more than 10 SMS segments, within 4,096 characters elsewhere.
        #expect(overlong.map(\.check) == ["channel"])
        #expect(overlong.first?.message.contains("sms") == true)
    }

    @Test func anEmptyReplyIsAProblem() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let silent = MadeSkill(manifestURL: try sandbox.folder("Silent", ["skill.yaml": manifest(id: "silent", intent: "silent_open")])) { _ in
            .answer("  ")
        }
        let problems = await SkillConformance(skills: [silent], baseDirectory: sandbox.root).answerProblems(of: "silent")
        #expect(problems.count == Channel.allCases.count)
        #expect(problems.allSatisfy { $0.message.contains("empty") })
    }

    @Test func missingKnowledgeAndEnglishExamplesAreProblems() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let yaml = """
            id: store_hours
            name: Store hours
            summary: When the shop is open.
            knowledge: [opening-times]
            intents:
              store_hours_open:
                keywords: [öppettider]
            """
        let url = try sandbox.folder("StoreHours", ["skill.yaml": yaml, "examples/sv/store_hours_open.txt": "när öppnar ni på söndag\n"])
        let skill = MadeSkill(manifestURL: url) { _ in .answer("Vi öppnar 10:00.") }
        let conformance = SkillConformance(skills: [skill], baseDirectory: sandbox.root)
        let requirements = conformance.requirementProblems(of: "store_hours")
        #expect(requirements.count == 1)
        #expect(requirements.first?.message.contains("opening-times") == true)
        let examples = conformance.exampleProblems(of: "store_hours")
        #expect(examples.count == 1)
        #expect(examples.first?.message.contains("examples/en/store_hours_open.txt") == true)
    }

    @Test func duplicateIntentsAndBrokenManifestsAreProblems() throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let one = MadeSkill(manifestURL: try sandbox.folder("One", ["skill.yaml": manifest(id: "one", intent: "shared_open")])) { _ in .answer("1") }
        let two = MadeSkill(manifestURL: try sandbox.folder("Two", ["skill.yaml": manifest(id: "two", intent: "shared_open")])) { _ in .answer("2") }
        let broken = MadeSkill(manifestURL: try sandbox.folder("Broken", ["skill.yaml": "id: broken\nintents: [oops\n"])) { _ in .answer("") }
        let problems = SkillConformance(skills: [one, two, broken], baseDirectory: sandbox.root).manifestProblems()
        #expect(problems.count == 2)
        #expect(problems.contains { $0.skill == "two" && $0.message.contains("`shared_open`") && $0.message.contains("one") })
        #expect(problems.contains { $0.skill == "MadeSkill" && $0.check == "manifest" })
    }

    @Test func missingAndFailingConversationScriptsAreProblems() async throws {
        let sandbox = try Sandbox()
        defer { sandbox.remove() }
        let bare = MadeSkill(manifestURL: try sandbox.folder("Bare", ["skill.yaml": manifest(id: "bare", intent: "bare_open")])) { _ in
            .answer("We open at 10:00.")
        }
        let wrong = MadeSkill(
            manifestURL: try sandbox.folder("StoreHours", [
                "skill.yaml": manifest(id: "store_hours", intent: "store_hours_open", example: "what time do you open"),
                "conversations/open.yaml": passingScript,
            ])
        ) { _ in .answer("We open at noon.") }
        let conformance = SkillConformance(skills: [bare, wrong], baseDirectory: sandbox.root)
        let missing = await conformance.conversationProblems(of: "bare")
        #expect(missing.count == 1)
        #expect(missing.first?.message.contains("Skills/Bare/conversations/") == true)
        let failing = await conformance.conversationProblems(of: "store_hours")
        #expect(failing.count == 1)
        #expect(failing.first?.message.contains("FAIL Store hours - opening times") == true)
    }
}

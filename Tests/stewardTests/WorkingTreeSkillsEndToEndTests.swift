import Foundation
import Testing

/// A checkout-like folder: `Package.swift`, `Skills/Coupons` copied from the repository (so it can
/// be edited), and the repository's `demo/` and `knowledge/` linked. Removed by the caller.
private func checkout(editingCoupons edit: (String) -> String) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("steward-checkout-\(UUID().uuidString)")
    let files = FileManager.default
    try files.createDirectory(at: root.appendingPathComponent("Skills"), withIntermediateDirectories: true)
    try "// swift-tools-version: 6.1\n".write(to: root.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
    let coupons = root.appendingPathComponent("Skills/Coupons")
    try files.copyItem(at: repositoryRoot.appendingPathComponent("Skills/Coupons"), to: coupons)
    let manifest = coupons.appendingPathComponent("skill.yaml")
    try edit(try String(contentsOf: manifest, encoding: .utf8)).write(to: manifest, atomically: true, encoding: .utf8)
    for folder in ["demo", "knowledge"] {
        try files.createSymbolicLink(
            at: root.appendingPathComponent(folder), withDestinationURL: repositoryRoot.appendingPathComponent(folder))
    }
    return root
}

/// The line `knowlege: [faq]` is put on, after `name:`.
private func misspell(_ text: String) -> (text: String, line: Int) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let index = lines.firstIndex { $0.hasPrefix("name:") }!
    lines.insert("knowlege: [faq]", at: index + 1)
    return (lines.joined(separator: "\n"), index + 2)
}

/// Run from a checkout, `steward` reads `Skills/*/skill.yaml` from the working tree; a broken one
/// makes its skill Unavailable (chat, pipe) and fails `steward skills` and `steward test`.
@Suite struct WorkingTreeSkillsEndToEndTests {
    @Test func anEditToTheWorkingTreesManifestTakesEffectWithoutARebuild() throws {
        let root = try checkout { text in
            text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix("summary:") ? "summary: Edited here." : String($0) }.joined(separator: "\n")
        }
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try StewardProcess.run(["skills", "show", "coupons", "--db", temporaryDatabase()], input: Data(), directory: root)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("What it does  Edited here."))
    }

    @Test func aBrokenManifestFailsSkillsNamingTheWorkingTreeFileAndLine() throws {
        var line = 0
        let root = try checkout { text in
            let result = misspell(text)
            line = result.line
            return result.text
        }
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try StewardProcess.run(["skills", "--db", temporaryDatabase()], input: Data(), directory: root)
        #expect(output.status != 0)
        let place = "Skills/Coupons/skill.yaml:\(line): unknown key `knowlege`"
        let row = output.lines.first { $0.hasPrefix("Coupons ") }
        #expect(row?.contains("Unavailable (\(place))") == true, "\(output.stdout)")
        #expect(output.stderr.contains(place))
        #expect(output.stderr.contains("Did you mean `knowledge`?"))
        // The other skills are listed as usual.
        #expect(output.lines.first { $0.hasPrefix("order_tracking ") }?.contains("Live") == true)
    }

    @Test func aBrokenManifestFailsTheConversationTests() throws {
        let root = try checkout { misspell($0).text }
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try StewardProcess.run(["test", "Skills/Coupons/conversations/public-codes.yaml"], input: Data(), directory: root)
        #expect(output.status != 0)
        #expect(output.stdout.contains("FAIL Skill Coupons (Skills/Coupons/skill.yaml)"))
        #expect(output.stdout.contains("unknown key `knowlege`"))
    }

    @Test func inThePipeABrokenSkillTakesNoTrafficAndTheOthersWork() throws {
        let root = try checkout { misspell($0).text }
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try StewardProcess.run(
            ["pipe", "--db", temporaryDatabase()],
            input: Data((#"{"session": "s1", "id": "m1", "text": "where is my order #1001", "customer": {"email": "jane.doe@example.com", "authenticated": true}}"# + "\n"
                + #"{"session": "s2", "id": "m2", "text": "do you have any discount codes?"}"# + "\n").utf8),
            directory: root)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr.contains("skill Coupons is unavailable: Skills/Coupons/skill.yaml:"))
        let replies = try output.json()
        #expect(replies.count == 2)
        #expect(replies.first { $0["session"] as? String == "s1" }?["skill"] as? String == "order_tracking")
        #expect(replies.first { $0["session"] as? String == "s2" }?["skill"] as? String != "coupons")
    }

    @Test func classifyWarnsAndRoutesWithTheOtherSkills() throws {
        let root = try checkout { misspell($0).text }
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try StewardProcess.run(["classify", "where is my order"], input: Data(), directory: root)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("decision: match -> order_status"))
        #expect(output.stderr.contains("skill Coupons is unavailable: Skills/Coupons/skill.yaml:"))
    }
}

import Foundation
import Testing

/// A fresh folder in the temporary directory with the given files.
private func scriptFolder(_ files: [String: String]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("steward-conversations-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, text) in files {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return folder
}

/// `steward test` and `steward skills`, run as the built binary.
@Suite struct ConversationScriptTests {
    @Test func theOrderTrackingConversationsPass() throws {
        let output = try StewardProcess.run(["test", "Skills/OrderTracking/conversations"], input: Data())
        #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
        #expect(output.lines.filter { $0.hasPrefix("PASS ") }.count >= 2)
        #expect(!output.stdout.contains("FAIL"))
        #expect(output.lines.last?.hasSuffix("passed, 0 failed") == true)
    }

    @Test func aFailingScriptExitsNonZeroWithTheFirstDifference() throws {
        let folder = try scriptFolder([
            "a-passes.yaml": """
                name: Codes are offered
                turns:
                  - say: do you have any discount codes?
                    expect: {skill: coupons, text_contains: WELCOME10}
                """,
            "b-fails.yaml": """
                name: Codes from the wrong skill
                turns:
                  - say: do you have any discount codes?
                    expect: {skill: returns}
                """,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try StewardProcess.run(["test", folder.path], input: Data())
        #expect(output.status != 0)
        #expect(output.lines.contains("PASS Codes are offered"))
        #expect(output.stdout.contains("FAIL Codes from the wrong skill ("))
        #expect(output.stdout.contains("turn 1 (line 3) \"do you have any discount codes?\": skill"))
        #expect(output.stdout.contains("expected: returns"))
        #expect(output.stdout.contains("actual:   coupons"))
        #expect(output.lines.last == "1 passed, 1 failed")
    }

    @Test func aMalformedScriptFailsNamingTheFileAndTheProblem() throws {
        let folder = try scriptFolder(["typo.yaml": "name: Typo\nturns:\n  - say: hi\n    expect: {outcom: resolved}\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try StewardProcess.run(["test", folder.appendingPathComponent("typo.yaml").path], input: Data())
        #expect(output.status != 0)
        #expect(output.stdout.contains("FAIL "))
        #expect(output.stdout.contains("typo.yaml:4: unknown key `turns[0].expect.outcom`"))
        #expect(output.lines.last == "0 passed, 1 failed")
    }

    @Test func aMissingPathIsAnError() throws {
        let output = try StewardProcess.run(["test", "no/such/folder"], input: Data())
        #expect(output.status != 0)
        #expect(output.stderr.contains("No such file or folder: no/such/folder"))
    }
}

/// `steward skills`, run as the built binary.
@Suite struct SkillsCommandTests {
    @Test func theListShowsEverySkillWithItsStatusAndNoDatabaseIsCreated() throws {
        let db = temporaryDatabase()
        let output = try StewardProcess.run(["skills", "--db", db], input: Data())
        #expect(output.status == 0, "\(output.stderr)")
        let header = try #require(output.lines.first)
        #expect(header.hasPrefix("ID"))
        for column in ["NAME", "STATUS", "CHANNELS", "CONVERSATIONS"] { #expect(header.contains(column)) }
        for id in ["order_tracking", "returns", "coupons", "knowledge_base"] {
            let row = output.lines.first { $0.hasPrefix(id + " ") }
            #expect(row?.contains("Live") == true, "\(id)")
            #expect(row?.hasSuffix(" 0") == true, "\(id)")
        }
        #expect(output.stdout.contains("no database at \(db)"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func aSwitchedOffSkillIsUnavailableWithTheReason() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("steward-\(UUID().uuidString).yaml")
        try "skills:\n  disabled: [coupons]\n".write(to: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: config) }
        let output = try StewardProcess.run(["skills", "--config", config.path, "--db", temporaryDatabase()], input: Data())
        #expect(output.status == 0, "\(output.stderr)")
        let row = output.lines.first { $0.hasPrefix("coupons ") }
        #expect(row?.contains("Unavailable (switched off in the configuration)") == true)
    }

    @Test func conversationsAreCountedPerSkillFromTheDatabase() throws {
        let db = temporaryDatabase()
        let chat = try StewardProcess.run(
            ["pipe", "--db", db],
            lines: [
                #"{"session": "s1", "text": "do you have any discount codes?"}"#,
                #"{"session": "s2", "text": "is there a promo code"}"#,
                #"{"session": "s3", "text": "do you ship to canada?"}"#,
            ])
        #expect(chat.status == 0)
        let list = try StewardProcess.run(["skills", "--db", db], input: Data())
        #expect(list.lines.first { $0.hasPrefix("coupons ") }?.hasSuffix(" 2") == true, "\(list.stdout)")
        #expect(list.lines.first { $0.hasPrefix("knowledge_base ") }?.hasSuffix(" 1") == true)
        let show = try StewardProcess.run(["skills", "show", "coupons", "--db", db], input: Data())
        #expect(show.stdout.contains("2 conversation(s), 2 resolved without the team (resolution rate 100.0%)"))
    }

    @Test func showDescribesWhatASkillDoesWhenAndHow() throws {
        let output = try StewardProcess.run(["skills", "show", "order_tracking", "--db", temporaryDatabase()], input: Data())
        #expect(output.status == 0, "\(output.stderr)")
        let text = output.stdout
        #expect(text.hasPrefix("Order tracking (order_tracking)"))
        #expect(text.contains("Status        Live"))
        #expect(text.contains("What it does  Where your order is"))
        #expect(text.contains("order_status ("))
        #expect(text.contains("e.g. \"where is my order\""))
        #expect(text.contains("keywords: track, tracking"))
        #expect(text.contains("Identity    required"))
        #expect(text.contains("Tools       orders (configured)"))
        #expect(text.contains("0 conversations"))
    }

    @Test func anUnknownIdListsTheKnownOnes() throws {
        let output = try StewardProcess.run(["skills", "show", "teleport", "--db", temporaryDatabase()], input: Data())
        #expect(output.status != 0)
        #expect(output.stderr.contains("No skill has the id `teleport`. Skills: order_tracking, returns, coupons"))
    }
}

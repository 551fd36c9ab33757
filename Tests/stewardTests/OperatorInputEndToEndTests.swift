import Foundation
import GRDB
import Testing

/// Every `steward` command refuses control and invisible characters in its identifier, name, free-text and
/// file options (the pipe's identifier rule, `Identifier.swift`), naming the option and the character, with
/// exit status 64, and changes nothing; line breaks and tabs in a reply or note, and joiners in a name, are kept.
@Suite(.serialized) struct OperatorInputEndToEndTests {
    /// Characters that change how text looks without being seen, or move the cursor.
    static let hostile: [(String, String)] = [
        ("\u{202E}", "U+202E"), ("\u{200B}", "U+200B"), ("\u{2066}", "U+2066"), ("\u{FEFF}", "U+FEFF"),
        ("\u{00AD}", "U+00AD"), ("\u{0007}", "U+0007"), ("\u{001B}", "U+001B"), ("\u{007F}", "U+007F"),
        ("\u{0085}", "U+0085"), ("\u{2028}", "U+2028"), ("\u{2029}", "U+2029"), ("\u{E0041}", "U+E0041"),
        ("\u{2800}", "U+2800"), ("\u{3164}", "U+3164"),
    ]

    /// A command line with `X` where the hostile value goes, and the option the error must name.
    static let commands: [([String], String)] = [
        (["tickets", "reply", "ID", "Hello", "--as", "AnnX"], "--as"),
        (["tickets", "note", "ID", "Checked", "--as", "AnnX"], "--as"),
        (["tickets", "reply", "ID", "Hello X there"], "TEXT"),
        (["tickets", "note", "ID", "Called X back"], "TEXT"),
        (["tickets", "assign", "ID", "BobX"], "NAME"),
        (["tickets", "tag", "ID", "vipX"], "TAG"),
        (["tickets", "tag", "ID", "vipX", "--remove"], "TAG"),
        (["tickets", "close", "abcX"], "ID"),
        (["tickets", "show", "abcX"], "ID"),
        (["tickets", "snooze", "abcX"], "ID"),
        (["tickets", "reopen", "abcX"], "ID"),
        (["tickets", "reply", "abcX", "Hello"], "ID"),
        (["tickets", "list", "--db", "/tmp/aX.db"], "--db"),
        (["tickets", "list", "--config", "aX.yaml"], "--config"),
        (["stats", "--since", "2026-01-0X1"], "--since"),
        (["stats", "--until", "2026-01-0X1"], "--until"),
        (["misses", "--out", "/tmp/missesX.jsonl"], "--out"),
        (["store", "check", "--db", "/tmp/aX.db"], "--db"),
        (["store", "backup", "/tmp/copyX.db"], "FILE"),
        (["skills", "show", "order_trackingX"], "ID"),
        (["pipe", "--db", "/tmp/aX.db"], "--db"),
        (["chat", "--config", "aX.yaml"], "--config"),
        (["classify", "--file", "aX.txt"], "--file"),
        (["language", "--file", "aX.jsonl"], "--file"),
        (["eval", "--train", "aX.jsonl", "--test", "t.jsonl"], "--train"),
        (["replay", "--against", "aX.yaml", "x.jsonl"], "--against"),
        (["test", "Skills/X"], "PATH"),
    ]

    @Test(arguments: OperatorInputEndToEndTests.commands)
    func everyOptionRefusesInvisibleAndControlCharacters(_ command: [String], option: String) throws {
        let db = temporaryDatabase()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) } }
        for (character, code) in Self.hostile {
            var arguments = command.map { $0.replacingOccurrences(of: "X", with: character) }
            if command.first == "tickets" || command.first == "store" || command.first == "stats" || command.first == "misses",
                !arguments.contains("--db")
            {
                arguments += ["--db", db]
            }
            let output = try StewardProcess.run(arguments, input: Data())
            #expect(output.status == 64, "\(arguments): \(output.stderr)")
            #expect(output.stderr.contains("\(option):") && output.stderr.contains(code), "\(arguments): \(output.stderr)")
            #expect(output.stdout.isEmpty)
        }
        // Nothing was created or changed.
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test(arguments: [" Ann", "Ann ", "Ann\u{00A0}", "\u{3000}Ann", "\u{00A0}", "  "])
    func namesPaddedWithWhitespaceOrOnlyWhitespaceAreRefused(_ name: String) throws {
        let db = temporaryDatabase()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) } }
        for arguments in [["tickets", "reply", "ID", "Hello", "--as", name], ["tickets", "note", "ID", "Hi", "--as", name],
                          ["tickets", "assign", "ID", name]] {
            let output = try StewardProcess.run(arguments + ["--db", db], input: Data())
            #expect(output.status == 64, "\(arguments): \(output.stderr)")
            #expect(output.stderr.contains("whitespace"), "\(arguments): \(output.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func repliesAndNotesKeepLineBreaksTabsAndJoinersAndHostileOnesChangeNothing() throws {
        let db = temporaryDatabase()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) } }
        let first = try StewardProcess.run(["pipe", "--db", db], lines: [
            #"{"session": "op1", "id": "1", "text": "talk to a person", "customer": {"email": "ann@example.com", "authenticated": true}}"#,
            #"{"session": "op1", "id": "2", "text": "yes"}"#,
        ])
        #expect(try first.json().last?["outcome"] as? String == "handoff")
        let id = try TeamReplyQueueEndToEndTests.ticketID(db: db)
        let fine = [
            ["tickets", "reply", id, "Hi Ann,\n\tyour refund is on its way.\r\nMaya", "--as", "Maya 👩\u{200D}💻", "--wait", "0"],
            ["tickets", "note", id, "Called\tback\nall good ❤️", "--as", "\u{0645}\u{06CC}\u{200C}\u{062E}\u{0648}\u{0627}\u{0647}\u{0645}"],
            ["tickets", "assign", id, "Rāmin"],
            ["tickets", "tag", id, "refund"],
        ]
        for arguments in fine {
            let output = try StewardProcess.run(arguments + ["--db", db], input: Data())
            #expect(output.status == 0, "\(arguments): \(output.stderr)")
        }
        let before = try StewardProcess.run(["tickets", "show", id, "--db", db], input: Data()).stdout
        for arguments in [
            ["tickets", "reply", id, "Refund\u{202E}dnufer", "--wait", "0"], ["tickets", "note", id, "ok", "--as", "Maya\u{200B}"],
            ["tickets", "assign", id, "Bob\u{0007}"], ["tickets", "tag", id, "v\u{FEFF}ip"], ["tickets", "note", id, "x\u{001B}[2Jy"],
        ] {
            let output = try StewardProcess.run(arguments + ["--db", db], input: Data(), environment: ["USER": "ops"])
            #expect(output.status == 64, "\(arguments): \(output.stderr)")
        }
        let after = try StewardProcess.run(["tickets", "show", id, "--db", db], input: Data()).stdout
        #expect(before == after)
        #expect(after.contains("Rāmin") && after.contains("refund"))
        // $USER, the default author, is held to the same rule as --as.
        let user = try StewardProcess.run(
            ["tickets", "note", id, "from the shell", "--db", db], input: Data(), environment: ["USER": "ops\u{202E}"])
        #expect(user.status == 64 && user.stderr.contains("$USER") && user.stderr.contains("U+202E"), "\(user.stderr)")
    }

    @Test func chatLoginRefusesAnEmailWithInvisibleOrControlCharacters() throws {
        for (character, code) in Self.hostile {
            let output = try StewardProcess.run(["chat"], lines: ["/login ann\(character)@example.com", "/quit"])
            #expect(output.status == 0)
            #expect(output.stdout.contains("usage: /login EMAIL") && output.stdout.contains(code), "\(output.stdout)")
            #expect(!output.stdout.contains("(you are"))
        }
    }
}

import Foundation
import Testing

/// What the team types in `steward tickets reply` and `steward tickets note` is stored masked (issue 12).
@Suite struct TeamTextMaskingEndToEndTests {
    @Test func repliesAndNotesTypedByTheTeamKeepNoSecret() throws {
        let db = temporaryDatabase()
        let pipe = try LivePipe(database: db)
        pipe.send(#"{"session": "t", "text": "talk to a person", "customer": {"email": "tom@example.com", "authenticated": true}}"#)
        _ = try pipe.next()
        pipe.send(#"{"session": "t", "text": "yes"}"#)
        #expect(try pipe.next()["outcome"] as? String == "handoff")
        pipe.close()
        let list = try StewardProcess.run(["tickets", "list", "--db", db], lines: [])
        let id = try #require(list.stdout.split(separator: "\n").dropFirst().first?.split(separator: " ").first.map(String.init))
        let typed = "card 4111 1111 1111 1111 pin 4321, password: Blue-Moon-88"
        #expect(try StewardProcess.run(["tickets", "note", id, typed, "--as", "Maya", "--db", db], lines: []).status == 0)
        #expect(try StewardProcess.run(["tickets", "reply", id, typed, "--as", "Maya", "--wait", "0", "--db", db], lines: []).status == 0)
        let shown = try StewardProcess.run(["tickets", "show", id, "--db", db], lines: []).stdout
        #expect(shown.contains("card [card number removed] pin [removed], password: [removed]"))
        var stored = (try? Data(contentsOf: URL(fileURLWithPath: db))) ?? Data()
        stored += (try? Data(contentsOf: URL(fileURLWithPath: db + "-wal"))) ?? Data()
        let text = String(decoding: stored, as: UTF8.self)
        for secret in ["4111 1111 1111 1111", "Blue-Moon-88", "pin 4321"] {
            #expect(!text.contains(secret), "the database holds \(secret)")
            #expect(!shown.contains(secret), "tickets show prints \(secret)")
        }
    }
}

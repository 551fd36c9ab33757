import Foundation
import Testing

@Suite struct PipeEndToEndTests {
    @Test func answersEachLineWithOneJSONLine() throws {
        let output = try StewardProcess.run(["pipe"], lines: [
            #"{"session": "s1", "id": "m1", "text": "where is my order #1001", "customer": {"email": "jane.doe@example.com", "authenticated": true}}"#,
        ])
        #expect(output.status == 0)
        let replies = try output.json()
        try #require(replies.count == 1)
        let reply = replies[0]
        #expect(reply["session"] as? String == "s1")
        #expect(reply["reply_to"] as? String == "m1")
        #expect(reply["skill"] as? String == "order_tracking")
        #expect(reply["intent"] as? String == "order_status")
        #expect(reply["outcome"] as? String == "resolved")
        #expect((reply["text"] as? String)?.contains("1Z999AA10123456784") == true)
        #expect((reply["cards"] as? [[String: Any]])?.first?["kind"] as? String == "order")
        #expect(reply["confidence"] is Double)
        #expect(reply["suggestions"] is [Any])
    }

    @Test func repliesSayTheConversationsLanguageAndTheCustomersChoiceOverridesIt() throws {
        let output = try StewardProcess.run(["pipe"], lines: [
            #"{"session": "l1", "id": "1", "text": "Gdzie jest moja paczka? Czekam już od tygodnia."}"#,
            #"{"session": "l2", "id": "2", "text": "where is my order", "language": "de-DE"}"#,
            #"{"session": "l3", "id": "3", "text": "where is my order"}"#,
            #"{"session": "l4", "id": "4", "text": "hi", "language": "polish"}"#,
        ])
        #expect(output.status == 0)
        let objects = try output.json()
        func reply(_ id: String) -> [String: Any]? { objects.first { $0["reply_to"] as? String == id } }
        #expect(reply("1")?["language"] as? String == "pl")
        #expect(reply("2")?["language"] as? String == "de")
        #expect(reply("3")?["language"] as? String == "en")
        let error = objects.compactMap { $0["error"] as? [String: Any] }.first
        #expect(error?["code"] as? String == "invalid_field")
        #expect(error?["id"] as? String == "4")
        #expect((error?["message"] as? String)?.contains("`language`") == true)
    }

    @Test func interleavedSessionsAreAnsweredInPerSessionOrder() throws {
        var lines: [String] = []
        for turn in 0..<3 {
            for session in 0..<20 {
                let text = ["where is my order", "#100\(session % 9 + 1)", "jane.doe@example.com"][turn]
                lines.append(#"{"session": "s\#(session)", "id": "s\#(session)-\#(turn)", "text": "\#(text)"}"#)
            }
        }
        let output = try StewardProcess.run(["pipe"], lines: lines)
        #expect(output.status == 0)
        let replies = try output.json()
        #expect(replies.count == 60)
        for session in 0..<20 {
            let ids = replies.filter { $0["session"] as? String == "s\(session)" }.compactMap { $0["reply_to"] as? String }
            #expect(ids == ["s\(session)-0", "s\(session)-1", "s\(session)-2"])
        }
    }

    @Test func malformedLinesGetErrorsAndThePipeGoesOn() throws {
        var input = Data()
        input += Data(#"{"session": "a", "id": "1", "text": "hi"}"#.utf8) + Data([10])
        input += Data("this is not json\n".utf8)
        input += Data(#"{"id": "2", "text": "no session"}"#.utf8) + Data([10])
        input += Data(#"{"session": 42, "text": "wrong type"}"#.utf8) + Data([10])
        input += Data([0x7B, 0x22, 0x73, 0x22, 0x3A, 0xC3, 0x28, 0x7D, 10])  // invalid UTF-8
        input += Data(#"{"session": "b", "id": "4", "channel": "fax", "text": "hi"}"#.utf8) + Data([10])
        input += Data(#"{"session": "b", "id": "5", "text": ""}"#.utf8) + Data([10])
        input += Data("{\"session\": \"c\", \"text\": \"".utf8) + Data(repeating: 0x61, count: 70_000) + Data("\"}\n".utf8)
        input += Data(#"{"session": "a", "id": "6", "text": "thanks"}"#.utf8)  // no final newline
        let output = try StewardProcess.run(["pipe"], input: input)
        #expect(output.status == 0)
        let objects = try output.json()
        let errors = objects.compactMap { $0["error"] as? [String: Any] }
        let replies = objects.filter { $0["error"] == nil }
        #expect(replies.compactMap { $0["reply_to"] as? String } == ["1", "6"])
        let codes = errors.map { "\($0["line"] ?? "?"):\($0["code"] ?? "?")" }
        #expect(codes.contains("2:invalid_json"))
        #expect(codes.contains("3:missing_field"))
        #expect(codes.contains("4:invalid_field"))
        #expect(codes.contains("5:invalid_utf8"))
        #expect(codes.contains("6:invalid_field"))
        #expect(codes.contains("7:missing_field"))
        #expect(codes.contains("8:line_too_long"))
        #expect(errors.first { $0["line"] as? Int == 3 }?["id"] as? String == "2")
        #expect(errors.first { $0["line"] as? Int == 6 }?["session"] as? String == "b")
        #expect(errors.allSatisfy { ($0["message"] as? String)?.isEmpty == false })
    }

    @Test func logsNeverReachStandardOutput() throws {
        let output = try StewardProcess.run(["pipe", "--log-level", "trace"], lines: [
            #"{"session": "s", "text": "hello"}"#, #"{"session": "s", "text": "do you have discount codes"}"#,
        ])
        #expect(output.status == 0)
        #expect(try output.json().count == 2)
    }

    @Test func smsRepliesHaveNoCardsOrSuggestions() throws {
        let output = try StewardProcess.run(["pipe"], lines: [
            #"{"session": "s", "channel": "sms", "text": "any discount codes?"}"#,
        ])
        let reply = try #require(try output.json().first)
        #expect(reply["cards"] == nil)
        #expect(reply["suggestions"] == nil)
        #expect((reply["text"] as? String)?.contains("WELCOME10") == true)
    }

    @Test func aBadConfigurationStopsStartUpNamingTheKey() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("steward-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("bad.yaml")
        try "router:\n  treshold: 0.5\n".write(to: file, atomically: true, encoding: .utf8)
        let output = try StewardProcess.run(["pipe", "--config", file.path], lines: [])
        #expect(output.status != 0)
        #expect(output.stderr.contains("router.treshold"))
        #expect(output.stderr.contains("threshold"))
        #expect(output.stdout.isEmpty)
    }
}

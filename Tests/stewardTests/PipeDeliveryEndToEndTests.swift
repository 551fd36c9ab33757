import Foundation
import Testing

/// Re-sent messages, bursts and one ticket per person, through the built `steward pipe`.
@Suite struct PipeDeliveryEndToEndTests {
    static let kim = #""customer": {"email": "kim.park@example.com"}"#

    /// A configuration file in the temporary folder.
    static func config(_ yaml: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("steward-\(UUID().uuidString).yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The ticket lines of `steward tickets list` (the first line is the header).
    static func ticketLines(_ db: String) throws -> [String] {
        let list = try StewardProcess.run(["tickets", "list", "--db", db], lines: [])
        return list.stdout.split(separator: "\n").dropFirst().map(String.init).filter { !$0.isEmpty }
    }

    @Test func aResentMessageGetsTheSameReplyMarkedAndOpensNoSecondTicketEvenAfterARestart() throws {
        let db = temporaryDatabase()
        let line = #"{"session": "sms-kim", "id": "m1", "channel": "sms", "text": "agent please", \#(Self.kim)}"#
        let webLine = #"{"session": "web-1", "id": "w1", "text": "where is my order"}"#
        let first = try StewardProcess.run(["pipe", "--db", db], lines: [line, line, webLine, webLine])
        #expect(first.status == 0)
        let replies = try first.json()
        try #require(replies.count == 4)
        let sms = replies.filter { $0["session"] as? String == "sms-kim" }
        #expect(sms.map { $0["duplicate"] as? Bool } == [nil, true])
        #expect(sms.map { $0["reply_to"] as? String } == ["m1", "m1"])
        #expect(sms[0]["outcome"] as? String == "handoff")
        #expect(sms[0]["text"] as? String == sms[1]["text"] as? String)
        let web = replies.filter { $0["session"] as? String == "web-1" }
        #expect(web.map { $0["duplicate"] as? Bool } == [nil, true])
        #expect(web[0]["text"] as? String == web[1]["text"] as? String)
        #expect(try Self.ticketLines(db).count == 1)

        // A restart of `steward pipe` on the same file still knows the id.
        let second = try StewardProcess.run(["pipe", "--db", db], lines: [line])
        let again = try second.json()
        try #require(again.count == 1)
        #expect(again[0]["duplicate"] as? Bool == true)
        #expect(again[0]["text"] as? String == sms[0]["text"] as? String)
        #expect(try Self.ticketLines(db).count == 1)
        let show = try StewardProcess.run(
            ["tickets", "show", try #require(Self.ticketLines(db).first?.split(separator: " ").first.map(String.init)), "--db", db],
            lines: [])
        #expect(show.stdout.components(separatedBy: "customer: agent please").count == 2)  // the message once in the transcript
    }

    @Test func byDefaultEveryMessageIsAnsweredInTurnOnEveryChannel() throws {
        let lines = ["hi", "where's my order", "#1001"].enumerated().map { index, text in
            #"{"session": "sms-d", "id": "d\#(index)", "channel": "sms", "text": "\#(text)"}"#
        }
        let replies = try StewardProcess.run(["pipe"], lines: lines).json()
        #expect(replies.map { $0["reply_to"] as? String } == ["d0", "d1", "d2"])
        #expect(replies.allSatisfy { $0["merged"] == nil })
        #expect(Set(replies.compactMap { $0["text"] as? String }).count == 3)
    }

    @Test func anSMSBurstIsAnsweredOnceForEveryIdButWebChatAnswersEachMessage() throws {
        let customer = #""customer": {"email": "jane.doe@example.com", "authenticated": true}"#
        var lines: [String] = []
        for channel in ["sms", "webchat"] {
            for (index, text) in ["hi", "where's my order", "#1001"].enumerated() {
                lines.append(#"{"session": "\#(channel)-b", "id": "\#(channel)\#(index)", "channel": "\#(channel)", "text": "\#(text)", \#(customer)}"#)
            }
        }
        // Bursts are merged only where the configuration asks for it (off by default).
        let config = try Self.config("bursts:\n  sms: 1.5\n")
        let output = try StewardProcess.run(["pipe", "--config", config], lines: lines)
        #expect(output.status == 0)
        let replies = try output.json()
        let sms = replies.filter { $0["session"] as? String == "sms-b" }
        #expect(sms.map { $0["reply_to"] as? String } == ["sms0", "sms1", "sms2"])
        #expect(sms.allSatisfy { $0["merged"] as? Bool == true && $0["merged_ids"] as? [String] == ["sms0", "sms1", "sms2"] })
        #expect(Set(sms.compactMap { $0["text"] as? String }).count == 1)
        #expect((sms.first?["text"] as? String)?.contains("1Z999AA10123456784") == true)
        let web = replies.filter { $0["session"] as? String == "webchat-b" }
        #expect(web.map { $0["reply_to"] as? String } == ["webchat0", "webchat1", "webchat2"])
        #expect(web.allSatisfy { $0["merged"] == nil && $0["merged_ids"] == nil })
    }

    @Test func messagesFartherApartThanTheWindowAreNotMergedAndOtherSessionsAreNotDelayed() throws {
        let config = try Self.config("bursts:\n  sms: 0.4\n")
        let pipe = try LivePipe(database: temporaryDatabase(), arguments: ["--config", config])
        defer { pipe.close() }
        pipe.send(#"{"session": "slow", "id": "1", "channel": "sms", "text": "hi"}"#)
        let first = try pipe.next()
        #expect(first["reply_to"] as? String == "1" && first["merged"] == nil)
        pipe.send(#"{"session": "slow", "id": "2", "channel": "sms", "text": "any discount codes?"}"#)
        let second = try pipe.next()
        #expect(second["reply_to"] as? String == "2" && second["merged"] == nil)
        // A web chat session is answered while an SMS burst waits out its window.
        pipe.send(#"{"session": "slow", "id": "3", "channel": "sms", "text": "hello"}"#)
        pipe.send(#"{"session": "quick", "id": "q", "text": "any discount codes?"}"#)
        pipe.send(#"{"session": "slow", "id": "4", "channel": "sms", "text": "any discount codes?"}"#)
        let replies = [try pipe.next(), try pipe.next(), try pipe.next()]
        #expect(replies.map { $0["reply_to"] as? String } == ["q", "3", "4"])
        #expect(replies[1]["merged_ids"] as? [String] == ["3", "4"])
    }

    @Test func closingInputDuringABurstWindowAnswersWhatWasBuffered() throws {
        let config = try Self.config("bursts:\n  whatsapp: 8\n")
        let started = Date()
        let output = try StewardProcess.run(["pipe", "--config", config], lines: [
            #"{"session": "w", "id": "1", "channel": "whatsapp", "text": "hi"}"#,
            #"{"session": "w", "id": "2", "channel": "whatsapp", "text": "any discount codes?"}"#,
        ])
        #expect(output.status == 0)
        #expect(Date().timeIntervalSince(started) < 7)
        let replies = try output.json()
        #expect(replies.map { $0["reply_to"] as? String } == ["1", "2"])
        #expect(replies.allSatisfy { $0["merged_ids"] as? [String] == ["1", "2"] })
    }

    @Test func aBadBurstSettingIsRefusedNamingTheKey() throws {
        let config = try Self.config("bursts:\n  sms: 30\n")
        let output = try StewardProcess.run(["pipe", "--config", config], lines: [])
        #expect(output.status != 0)
        #expect(output.stderr.contains("bursts.sms"))
    }

    @Test func threeSessionsOfOnePersonInTwoProcessesOnOneFileShareOneTicket() throws {
        let db = temporaryDatabase()
        // Created (and migrated) once, so the two processes race on tickets rather than on the schema.
        _ = try StewardProcess.run(["pipe", "--db", db], lines: [#"{"session": "warm-up", "text": "hi"}"#])
        let a = try LivePipe(database: db), b = try LivePipe(database: db)
        let texts = ["agent please", "my parcel never came, agent please", "hello?? real person please"]
        // Kim, and a few more people doing the same at the same time, to give the race its chances;
        // each person's sessions are split over the two processes.
        let people = ["kim.park@example.com"] + (1..<5).map { "person\($0)@example.com" }
        // Sent together, the SMS messages wait out the same burst window and are answered at the same moment.
        // One person is one phone (the host's channel identity); the email is not verified.
        func customer(_ person: String) -> String {
            #""customer": {"email": "\#(person)", "phone": "+1555010000\#(people.firstIndex(of: person) ?? 9)"}"#
        }
        for person in people {
            for (index, text) in texts.enumerated() {
                let customer = customer(person)
                (index == 1 ? b : a).send(
                    #"{"session": "\#(person)-\#(index)", "id": "k\#(index)", "channel": "sms", "text": "\#(text)", \#(customer)}"#)
            }
        }
        for (pipe, count) in [(a, people.count * 2), (b, people.count)] {
            let replies = try (0..<count).map { _ in try pipe.next() }
            // A message read as "did you mean…?": the customer taps the person option.
            let unanswered = replies.filter { $0["outcome"] as? String != "handoff" }
            for reply in unanswered {
                let session = try #require(reply["session"] as? String)
                let person = try #require(session.split(separator: "-").first.map(String.init))
                pipe.send(#"{"session": "\#(session)", "action": "handoff", "channel": "sms", \#(customer(person))}"#)
            }
            for _ in unanswered { #expect(try pipe.next()["outcome"] as? String == "handoff") }
        }
        a.close()
        b.close()
        let tickets = try Self.ticketLines(db)
        #expect(tickets.count == people.count)
        for person in people { #expect(tickets.filter { $0.contains(person) }.count == 1, "\(person)") }
        let kim = try #require(tickets.first { $0.contains("kim.park@example.com") })
        let id = try #require(kim.split(separator: " ").first.map(String.init))
        let show = try StewardProcess.run(["tickets", "show", id, "--db", db], lines: [])
        for text in texts { #expect(show.stdout.contains("customer: " + text)) }
    }
}

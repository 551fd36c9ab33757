import Foundation
import GRDB
import Testing

/// `steward tickets reply` is a queue (README: "Local helpdesk"): delivered exactly once, at once to a running
/// session, else when the customer next writes, and the command says which happened.
@Suite(.serialized) struct TeamReplyQueueEndToEndTests {
    /// The local ticket's id, from `steward tickets list`.
    static func ticketID(db: String) throws -> String {
        let list = try StewardProcess.run(["tickets", "list", "--db", db], lines: [])
        return try #require(list.stdout.split(separator: "\n").dropFirst().first?.split(separator: " ").first.map(String.init))
    }

    /// The texts of the session's stored turns of the team (role `human`), oldest first.
    static func humanTurns(session: String, db: String) throws -> [String] {
        try DatabaseQueue(path: db).read { db in
            try String.fetchAll(db, sql: "SELECT json FROM turn_log WHERE session_id = ? ORDER BY id", arguments: [session])
                .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
                .filter { $0["role"] as? String == "human" }
                .compactMap { $0["text"] as? String }
        }
    }

    /// Lines of `pipe` up to and including the reply to message `id`.
    static func lines(of pipe: LivePipe, through id: String) throws -> [[String: Any]] {
        var lines: [[String: Any]] = []
        repeat { lines.append(try pipe.next()) } while lines.last?["reply_to"] as? String != id
        return lines
    }

    @Test func aReplyWrittenWhileNoPipeRunsIsDeliveredOnceWhenTheCustomerNextWrites() throws {
        let db = temporaryDatabase()
        let first = try StewardProcess.run(["pipe", "--db", db], lines: [
            #"{"session": "q1", "id": "1", "text": "talk to a person", "customer": {"email": "ann@example.com", "authenticated": true}}"#,
            #"{"session": "q1", "id": "2", "text": "yes"}"#,
        ])
        #expect(try first.json().last?["outcome"] as? String == "handoff")
        let reply = try StewardProcess.run(
            ["tickets", "reply", try Self.ticketID(db: db), "We refunded you.", "--as", "Maya", "--wait", "0.5", "--db", db], lines: [])
        #expect(reply.status == 0)
        #expect(reply.stdout.contains("queued, not delivered within"))
        #expect(!reply.stdout.contains("delivered to the running session"))
        #expect(try Self.humanTurns(session: "q1", db: db).isEmpty)

        // A pipe started later delivers it just before its answer to the customer's next message, once.
        let pipe = try LivePipe(database: db)
        defer { pipe.close() }
        pipe.send(#"{"session": "q1", "id": "3", "text": "any news?"}"#)
        let lines = try Self.lines(of: pipe, through: "3")
        #expect(lines.count == 2)
        #expect(lines.first?["from"] as? String == "human")
        #expect(lines.first?["outcome"] as? String == "human_reply")
        #expect(lines.first?["author"] as? String == "Maya")
        #expect(lines.first?["text"] as? String == "We refunded you.")
        pipe.send(#"{"session": "q1", "id": "4", "text": "thanks"}"#)
        #expect(try Self.lines(of: pipe, through: "4").count == 1)
        #expect(try Self.humanTurns(session: "q1", db: db) == ["We refunded you."])
    }

    @Test func twoPipesThatBothServedTheSessionDeliverTheReplyOnce() throws {
        let db = temporaryDatabase()
        let pipes = [try LivePipe(database: db), try LivePipe(database: db)]
        defer { for pipe in pipes { pipe.close() } }
        pipes[0].send(#"{"session": "d1", "id": "1", "text": "talk to a person", "customer": {"email": "dan@example.com", "authenticated": true}}"#)
        _ = try Self.lines(of: pipes[0], through: "1")
        pipes[0].send(#"{"session": "d1", "id": "2", "text": "yes"}"#)
        #expect(try Self.lines(of: pipes[0], through: "2").last?["outcome"] as? String == "handoff")
        pipes[1].send(#"{"session": "d1", "id": "3", "text": "hello?"}"#)
        #expect(try Self.lines(of: pipes[1], through: "3").last?["outcome"] as? String == "forwarded_to_team")

        let reply = try StewardProcess.run(["tickets", "reply", try Self.ticketID(db: db), "On it.", "--as", "Ana", "--db", db], lines: [])
        #expect(reply.status == 0)
        #expect(reply.stdout.contains("delivered to the running session"))
        // Each pipe answers one more message: whatever it printed before that answer is all it printed.
        pipes[0].send(#"{"session": "d1", "id": "4", "text": "ok"}"#)
        let firstLines = try Self.lines(of: pipes[0], through: "4")
        pipes[1].send(#"{"session": "d1", "id": "5", "text": "ok"}"#)
        let secondLines = try Self.lines(of: pipes[1], through: "5")
        let human = (firstLines + secondLines).filter { $0["from"] as? String == "human" }
        #expect(human.count == 1)
        #expect(human.first?["text"] as? String == "On it.")
        #expect(try Self.humanTurns(session: "d1", db: db) == ["On it."])
    }
}

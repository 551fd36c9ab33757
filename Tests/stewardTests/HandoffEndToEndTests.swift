import Foundation
import Testing

/// A `steward pipe` process whose input stays open, for conversations that wait on other processes.
final class LivePipe {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer = Data()

    init(database: String, arguments: [String] = []) throws {
        process.executableURL = StewardProcess.executable
        process.arguments = ["pipe", "--db", database] + arguments
        process.currentDirectoryURL = repositoryRoot
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// The next output line as a JSON object (blocks until it comes).
    func next() throws -> [String: Any] {
        while true {
            if let newline = buffer.firstIndex(of: 10) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                return try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { throw CocoaError(.fileReadUnknown) }
            buffer += chunk
        }
    }

    func close() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    func kill() {
        Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

@Suite struct HandoffEndToEndTests {
    @Test func missesThenAPersonThenAnEmailOpenATicketWithEveryTurn() throws {
        let db = temporaryDatabase()
        let output = try StewardProcess.run(["pipe", "--db", db], lines: [
            #"{"session": "h1", "id": "1", "text": "purple elephants juggling quantum bananas"}"#,
            #"{"session": "h1", "id": "2", "text": "zorblax frobnicate the quux"}"#,
            #"{"session": "h1", "id": "3", "action": "handoff:yes"}"#,
            #"{"session": "h1", "id": "4", "text": "my email is pat@example.com"}"#,
        ])
        let replies = try output.json()
        #expect(replies.map { $0["outcome"] as? String } == ["no_match", "handoff_offered", "needs_input", "handoff"])
        #expect((replies[0]["text"] as? String)?.contains("another way") == true)
        let list = try StewardProcess.run(["tickets", "list", "--db", db], lines: [])
        #expect(list.status == 0)
        #expect(list.stdout.contains("pat@example.com"))
        let id = try #require(list.stdout.split(separator: "\n").dropFirst().first?.split(separator: " ").first.map(String.init))
        let show = try StewardProcess.run(["tickets", "show", id, "--db", db], lines: [])
        #expect(show.stdout.contains("purple elephants juggling quantum bananas"))
        #expect(show.stdout.contains("zorblax frobnicate the quux"))
        #expect(show.stdout.contains("repeated_miss"))
    }

    @Test func aTicketSurvivesKillingTheProcessRightAfterTheHandoff() throws {
        let db = temporaryDatabase()
        let pipe = try LivePipe(database: db)
        pipe.send(#"{"session": "k1", "text": "talk to a human", "customer": {"email": "kim@example.com", "authenticated": true}}"#)
        #expect(try pipe.next()["outcome"] as? String == "handoff_offered")
        pipe.send(#"{"session": "k1", "text": "yes"}"#)
        #expect(try pipe.next()["outcome"] as? String == "handoff")
        pipe.kill()
        let list = try StewardProcess.run(["tickets", "list", "--db", db], lines: [])
        #expect(list.stdout.contains("kim@example.com"))
    }

    @Test func aPersonsReplyReachesTheRightSessionAndNoOther() throws {
        let db = temporaryDatabase()
        let pipe = try LivePipe(database: db)
        defer { pipe.close() }
        pipe.send(#"{"session": "a", "text": "talk to a person", "customer": {"email": "ann@example.com", "authenticated": true}}"#)
        _ = try pipe.next()
        pipe.send(#"{"session": "a", "text": "yes"}"#)
        #expect(try pipe.next()["outcome"] as? String == "handoff")
        pipe.send(#"{"session": "b", "text": "hello"}"#)
        _ = try pipe.next()
        let list = try StewardProcess.run(["tickets", "list", "--db", db], lines: [])
        let id = try #require(list.stdout.split(separator: "\n").dropFirst().first?.split(separator: " ").first.map(String.init))
        let reply = try StewardProcess.run(["tickets", "reply", id, "Hi Ann, I'm on it.", "--as", "Maya", "--db", db], lines: [])
        #expect(reply.status == 0)
        let line = try pipe.next()
        #expect(line["session"] as? String == "a")
        #expect(line["from"] as? String == "human")
        #expect(line["author"] as? String == "Maya")
        #expect(line["text"] as? String == "Hi Ann, I'm on it.")
        // Session b keeps talking to the bot and gets nothing of a's.
        pipe.send(#"{"session": "b", "id": "b2", "text": "thanks"}"#)
        let next = try pipe.next()
        #expect(next["session"] as? String == "b")
        #expect(next["from"] as? String == "agent")
    }
}

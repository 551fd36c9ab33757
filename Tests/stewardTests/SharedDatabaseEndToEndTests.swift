import Foundation
import GRDB
import Testing

/// Two `steward pipe` processes on one database file, serving the same sessions (README: "One writer per
/// session"): nothing is lost, doubled or linked wrongly, and each session gets at most one ticket.
@Suite(.serialized) struct SharedDatabaseEndToEndTests {
    static let texts = ["talk to a person", "hi there", "yes", "do you ship to Canada?", "my email is pat@example.com", "thanks"]

    /// Runs `steward pipe` processes on `db` at the same time, one per input, and returns their outputs.
    static func runTogether(_ inputs: [[String]], db: String) throws -> [StewardProcess.Output] {
        nonisolated(unsafe) var outputs = [Result<StewardProcess.Output, any Error>?](repeating: nil, count: inputs.count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            let result = Result { try StewardProcess.run(["pipe", "--db", db], lines: inputs[index]) }
            lock.withLock { outputs[index] = result }
        }
        return try outputs.map { try #require($0).get() }
    }

    @Test func twoPipesOnTheSameSessionsLoseNothingAndOpenOneTicketPerHandoff() throws {
        let db = temporaryDatabase()
        let sessions = (0..<200).map { "shared-\($0)" }
        // Message k of each session goes to process k % 2, so the processes alternate within every session;
        // each process takes its sessions round-robin, so both work on the same sessions at the same time.
        var inputs: [[String]] = [[], []]
        var sentBy: [String: [[String]]] = [:]  // session → ids each process received, in its order
        for round in 0..<(Self.texts.count / 2) {
            for session in sessions {
                for process in 0..<2 {
                    let k = round * 2 + process
                    let id = "\(session)-m\(k)"
                    inputs[process].append(#"{"session": "\#(session)", "id": "\#(id)", "text": "\#(Self.texts[k])"}"#)
                    sentBy[session, default: [[], []]][process].append(id)
                }
            }
        }
        let outputs = try Self.runTogether(inputs, db: db)
        var handoffs: [String: Int] = [:]
        for (index, output) in outputs.enumerated() {
            #expect(output.status == 0, "\(output.stderr)")
            let lines = try output.json()
            #expect(lines.count == inputs[index].count)
            #expect(lines.allSatisfy { $0["error"] == nil && $0["reply_to"] is String })
            for line in lines where line["outcome"] as? String == "handoff" {
                handoffs[line["session"] as? String ?? "", default: 0] += 1
            }
        }

        let queue = try DatabaseQueue(path: db)
        try queue.read { db in
            for session in sessions {
                let row = try #require(try Row.fetchOne(db, sql: "SELECT turn_count, last_turn FROM sessions WHERE id = ?", arguments: [session]))
                let count: Int = row["turn_count"]
                // The chain from the session's last turn back through `previous`: every link is a row of this session.
                var chain: [String] = []
                var next: Int64? = row["last_turn"]
                while let id = next {
                    let turn = try #require(try Row.fetchOne(db, sql: "SELECT session_id, previous, json FROM turn_log WHERE id = ?", arguments: [id]))
                    #expect(turn["session_id"] as String == session)
                    chain.append(turn["json"])
                    next = turn["previous"]
                }
                #expect(chain.count == count)
                #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM turn_log WHERE session_id = ?", arguments: [session]) == count)
                let turns = try chain.reversed().map {
                    try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
                }
                let customerIDs = turns.filter { $0["role"] as? String == "customer" }.compactMap { $0["messageID"] as? String }
                // Every replied message exactly once, each followed by the agent's answer.
                #expect(customerIDs.count == Self.texts.count)
                #expect(Set(customerIDs).count == Self.texts.count)
                #expect(count == 2 * Self.texts.count)
                for (position, turn) in turns.enumerated() where turn["role"] as? String == "customer" {
                    #expect(position + 1 < turns.count && turns[position + 1]["role"] as? String == "agent")
                }
                // In the order each process received them.
                for process in 0..<2 {
                    let own = Set(sentBy[session]![process])
                    #expect(customerIDs.filter { own.contains($0) } == sentBy[session]![process])
                }
                let tickets = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM tickets WHERE session_id = ?", arguments: [session]) ?? 0
                #expect(tickets <= 1)
                #expect(tickets == handoffs[session, default: 0])
            }
            // The conversations reached the team (the test would prove nothing about tickets otherwise).
            #expect(handoffs.count > 10)
            // Both processes gave their claims back.
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM session_claims") == 0)
        }
    }

    @Test func twoPipesOnDifferentSessionsBothAnswerEverything() throws {
        let db = temporaryDatabase()
        let inputs = (0..<2).map { process in
            (0..<600).map { n in #"{"session": "own-\#(process)-\#(n % 100)", "id": "m\#(n)", "text": "\#(Self.texts[n % 3])"}"# }
        }
        let outputs = try Self.runTogether(inputs, db: db)
        for output in outputs {
            #expect(output.status == 0, "\(output.stderr)")
            #expect(try output.json().filter { $0["reply_to"] is String }.count == 600)
        }
        let queue = try DatabaseQueue(path: db)
        let turns = try queue.read { try Int.fetchOne($0, sql: "SELECT SUM(turn_count) FROM sessions") }
        #expect(turns == 2 * 600 * 2)
    }
}

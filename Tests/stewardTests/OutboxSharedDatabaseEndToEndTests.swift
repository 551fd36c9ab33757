import Foundation
import GRDB
import StewardTesting
import Testing

/// Two `steward pipe` processes on one database, both delivering the outbox to one helpdesk (README: "Never
/// lost"): each handoff becomes exactly one ticket at the helpdesk, sent with exactly one POST, whichever
/// process's worker takes it.
@Suite(.serialized) struct OutboxSharedDatabaseEndToEndTests {
    enum Helpdesk: String, CaseIterable, Sendable {
        case gorgias, zendesk
    }

    /// `steward pipe` with its standard input left open (as a host keeps it), its output and errors in files.
    final class OpenPipe {
        let process = Process()
        let input = Pipe()
        let output: URL, errors: URL

        init(config: String, db: String, environment: [String: String], directory: URL, name: String) throws {
            output = directory.appendingPathComponent("\(name).out")
            errors = directory.appendingPathComponent("\(name).err")
            FileManager.default.createFile(atPath: output.path, contents: nil)
            FileManager.default.createFile(atPath: errors.path, contents: nil)
            process.executableURL = StewardProcess.executable
            process.arguments = ["pipe", "--config", config, "--db", db, "--log-level", "notice"]
            process.currentDirectoryURL = repositoryRoot
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
            process.standardInput = input
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = try FileHandle(forWritingTo: errors)
            try process.run()
        }

        func send(_ lines: [String]) {
            input.fileHandleForWriting.write(Data(lines.map { $0 + "\n" }.joined().utf8))
        }

        /// Stops it gracefully (SIGTERM: every line read is answered, the outbox worker finishes its delivery).
        func stop() -> (status: Int32, lines: [String], stderr: String) {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
            try? input.fileHandleForWriting.close()
            let out = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            let err = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            return (process.terminationStatus, out.split(separator: "\n").map(String.init), err)
        }
    }

    /// A customer on SMS asking for a person: a ticket at once, one per person (a phone of their own).
    static func handoff(_ index: Int) -> String {
        let phone = String(format: "+1555010%04d", index)
        return #"{"session": "h\#(index)", "id": "m\#(index)", "text": "I want to talk to a person", "channel": "sms", "#
            + #""customer": {"email": "p\#(index)@example.com", "authenticated": true, "phone": "\#(phone)"}}"#
    }

    @Test(arguments: Helpdesk.allCases)
    func twoPipesOnOneDatabaseDeliverEachHandoffOnceWithOnePost(_ helpdesk: Helpdesk) throws {
        let stub = HelpdeskStub()
        // A helpdesk takes a moment to answer (here 100 ms per request): long enough for the other process's
        // worker to look at the outbox while a delivery is under way.
        let server = try StubHTTPServer { request in
            .delay(0.1, then: helpdesk == .zendesk ? stub.zendesk(request) : stub.gorgias(request))
        }
        defer { server.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("steward.yaml").path
        try """
            integrations:
              zendesk: {subdomain: acme, email: agent@acme.example, base_url: "\(server.baseURLString)"}
              gorgias: {domain: acme, username: agent@acme.example, base_url: "\(server.baseURLString)"}
            handoff: {helpdesk: \(helpdesk.rawValue)}
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("steward.db").path
        let environment = ["ZENDESK_API_TOKEN": "zd_test", "GORGIAS_API_KEY": "gg_test"]
        let handoffs = 30

        let first = try OpenPipe(config: config, db: db, environment: environment, directory: directory, name: "a")
        let second = try OpenPipe(config: config, db: db, environment: environment, directory: directory, name: "b")
        // Both processes take handoffs, so each worker finds the other's tickets in the outbox as well as its own.
        first.send((0..<handoffs).filter { $0 % 3 != 2 }.map(Self.handoff))
        second.send((0..<handoffs).filter { $0 % 3 == 2 }.map(Self.handoff))
        // Wait until every handoff reached the helpdesk, then long enough for both workers to poll the outbox
        // again (every 2 s): a second delivery would happen now.
        let deadline = Date().addingTimeInterval(90)
        while stub.count < handoffs && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        Thread.sleep(forTimeInterval: 4.5)
        let results = [first.stop(), second.stop()]

        for result in results {
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("gg_test") && !result.stderr.contains("zd_test"))
        }
        let replies = results.flatMap(\.lines).compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(replies.count == handoffs)
        #expect(replies.allSatisfy { $0["outcome"] as? String == "handoff" })

        // Each delivery is logged once, by the process whose worker made it.
        let logged = results.map { $0.stderr.components(separatedBy: "ticket delivered").count - 1 }
        #expect(logged.reduce(0, +) == handoffs, "deliveries logged by each process: \(logged)")
        let posts = server.requests.filter { $0.method == "POST" }
        #expect(stub.count == handoffs, "tickets created at the helpdesk for \(handoffs) handoffs")
        #expect(posts.count == handoffs, "POSTs for \(handoffs) handoffs")
        let queue = try DatabaseQueue(path: db)
        let (tickets, waiting) = try queue.read { db in
            (
                try Row.fetchAll(db, sql: "SELECT id, external_provider, external_id FROM tickets"),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? -1
            )
        }
        #expect(waiting == 0)
        #expect(tickets.count == handoffs)
        // Each stored ticket was created once at the helpdesk (its id as `external_id`) and holds that ticket's reference.
        let createdFor = Dictionary(grouping: stub.created, by: { $0.externalID ?? "" })
        for ticket in tickets {
            let id: String = ticket["id"]
            #expect(createdFor[id]?.count == 1, "ticket \(id) created \(createdFor[id]?.count ?? 0) times")
            #expect(ticket["external_provider"] as String? == helpdesk.rawValue)
            #expect(ticket["external_id"] as String? == createdFor[id]?.first.map { String($0.id) })
        }
    }

    @Test func aTicketClaimedByAProcessThatDiedWaitsForTheLeaseThenIsDeliveredOnce() throws {
        let stub = HelpdeskStub()
        let down = LockedFlag()
        down.value = true
        let server = try StubHTTPServer { request in
            down.value ? .json(#"{"error":{"msg":"Service Unavailable"}}"#, status: 503) : stub.gorgias(request)
        }
        defer { server.stop() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("outbox-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("steward.yaml").path
        try """
            integrations:
              gorgias: {domain: acme, username: agent@acme.example, base_url: "\(server.baseURLString)"}
            handoff: {helpdesk: gorgias}
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("steward.db").path
        let environment = ["GORGIAS_API_KEY": "gg_test"]
        let pipe = ["pipe", "--config", config, "--db", db]
        // The helpdesk is down: the handoff's ticket waits in the outbox.
        let first = try StewardProcess.run(pipe, input: Data((Self.handoff(1) + "\n").utf8), environment: environment)
        #expect(try first.json().first?["outcome"] as? String == "handoff")
        #expect(stub.count == 0)

        // A process claimed it and died mid-delivery: its claim holds for the rest of its lease.
        let queue = try DatabaseQueue(path: db)
        let ticketID = try #require(try queue.read { try String.fetchOne($0, sql: "SELECT ticket_id FROM outbox") })
        let now = Date().timeIntervalSince1970
        try queue.write { db in
            try db.execute(
                sql: "UPDATE outbox SET claimed_by = 'pid 999999 gone', lease_until = ?, next_attempt_at = 0",
                arguments: [now + 300])
        }
        let pending = try StewardProcess.run(["tickets", "list", "--pending", "--db", db], lines: [])
        #expect(pending.stdout.contains("delivering"), "\(pending.stdout)")
        let shown = try StewardProcess.run(["tickets", "show", ticketID, "--db", db], lines: [])
        #expect(shown.stdout.contains("being delivered by pid 999999 gone"), "\(shown.stdout)")
        down.value = false
        _ = try StewardProcess.run(pipe, input: Data(), environment: environment)
        #expect(stub.count == 0)
        #expect(try queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM outbox") } == 1)

        // The lease has run out: the next process takes the ticket over and delivers it once.
        try queue.write { db in try db.execute(sql: "UPDATE outbox SET lease_until = ?", arguments: [now - 1]) }
        _ = try StewardProcess.run(pipe, input: Data(), environment: environment)
        _ = try StewardProcess.run(pipe, input: Data(), environment: environment)  // and a later process finds nothing to send
        #expect(stub.count == 1)
        #expect(stub.created.first?.externalID == ticketID)
        let (waiting, external) = try queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox"),
                try String.fetchOne(db, sql: "SELECT external_id FROM tickets WHERE id = ?", arguments: [ticketID])
            )
        }
        #expect(waiting == 0)
        #expect(external == stub.created.first.map { String($0.id) })
    }
}

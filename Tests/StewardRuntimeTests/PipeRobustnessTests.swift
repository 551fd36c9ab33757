import Foundation
import StewardCore
import StewardRuntime
import Testing

/// A failure of the database itself, as the SQLite store reports a full disk or a damaged file.
struct DiskFailure: StorageFailure, CustomStringConvertible {
    var isStorageFailure: Bool { true }
    var description: String { "Cannot save session in the database at test.db: the disk is full" }
}

/// A request the store refuses, which is not a storage failure.
struct RefusedRequest: StorageFailure {
    var isStorageFailure: Bool { false }
}

/// A session store in memory that records which sessions were loaded, and fails saves of messages
/// whose text contains `FAIL` (a storage failure) or `REFUSE` (not one).
final class ControlledStore: SessionStore, @unchecked Sendable {
    private let inner = InMemorySessionStore()
    private let lock = NSLock()  // guards `loads`
    private var loads: [String] = []

    var loaded: [String] { lock.withLock { loads } }

    func load(id: String) async throws -> Session? {
        lock.withLock { loads.append(id) }
        return try await inner.load(id: id)
    }
    func save(_ session: Session) async throws { try await save(session, answering: []) }
    func save(_ session: Session, answering answered: [AnsweredMessage]) async throws {
        let text = session.turns.last { $0.role == .customer }?.text ?? ""
        if text.contains("FAIL") { throw DiskFailure() }
        if text.contains("REFUSE") { throw RefusedRequest() }
        try await inner.save(session, answering: answered)
    }
    func answeredMessage(session: String, messageID: String) async throws -> AnsweredMessage? {
        try await inner.answeredMessage(session: session, messageID: messageID)
    }
    func turns(session id: String, before end: Int) async throws -> [Turn] { try await inner.turns(session: id, before: end) }
    func delete(id: String) async throws { try await inner.delete(id: id) }
    func sessions(updatedFrom from: Date, to: Date) async throws -> [Session] {
        try await inner.sessions(updatedFrom: from, to: to)
    }
}

@Suite(.serialized) struct PipeRobustnessTests {
    static let store = ControlledStore()
    static let engine = Result {
        try ConversationEngine.make(
            configuration: StewardConfiguration(), skills: shippedSkills, baseDirectory: repositoryRoot, store: store)
    }

    // MARK: - Identifiers

    @Test(arguments: ["s-42\u{0}x", "s-42\u{0}", "s-42\u{1}x", "s-42\u{1B}", "s-42\u{2028}x", "s-42\u{85}"])
    func aSessionIdWithAControlCharacterIsRefusedAtThePipeAndNeverLoadsTheSessionItWouldBeCutTo(_ session: String) async throws {
        let engine = try Self.engine.get()
        let owner = "s-42"
        let jane = Customer(email: "jane.doe@example.com", authenticated: true)
        _ = try await engine.respond(to: IncomingMessage(session: owner, id: "m0", text: "where is my order #1001?", customer: jane))
        let before = Self.store.loaded
        let line = try #require(String(data: try JSONSerialization.data(withJSONObject: ["session": session, "id": "m1", "text": "show my orders"]), encoding: .utf8))
        let run = await PipeHarness.run(lines: [line], engine: engine)
        #expect(run.stop == .endOfInput)
        let objects = run.objects
        #expect(objects.count == 1)
        let error = try #require(objects.first?["error"] as? [String: Any])
        #expect(error["code"] as? String == "invalid_field")
        #expect((error["message"] as? String)?.contains("`session`") == true)
        #expect(error["session"] == nil)
        #expect(objects.first?["reply_to"] == nil)
        // No session was loaded at all: neither the raw id nor the one before the control character.
        #expect(Self.store.loaded == before)
    }

    // MARK: - Valid JSON beyond the limits

    static func decode(_ line: String) -> Result<IncomingMessage, PipeLineError> {
        PipeRequestDecoder.decode(ArraySlice(Array(line.utf8)), line: 7)
    }

    @Test(arguments: [
        (#"{"session":"s1","id":"m1","text":"hi","unused":1e400}"#, "unused", "1e400"),
        (#"{"session":"s1","id":"m1","text":"hi","unused":-1E+999}"#, "unused", "-1E+999"),
        (#"{"session":"s1","id":"m1","text":"hi","customer":{"email":"a@b.co","age":1e400}}"#, "customer.age", "1e400"),
        (#"{"session":"s1","id":"m1","text":"hi","items":[1,2,{"price":[0,9e9999]}]}"#, "items[2].price[1]", "9e9999"),
        (#"{"id":"m1","session":"s1","explain":1e400,"text":"hi"}"#, "explain", "1e400"),
        (#"{"session":"s1","id":1e400,"text":"hi"}"#, "id", "1e400"),
        (#"{"session":"s1","text":"hi","n":123456789e400}"#, "n", "123456789e400"),
    ])
    func aNumberOutOfRangeInAnyFieldIsReportedAsSuch(_ line: String, _ field: String, _ literal: String) {
        guard case .failure(let error) = Self.decode(line) else {
            Issue.record("accepted: \(line)")
            return
        }
        #expect(error.code == "number_out_of_range")
        #expect(error.message.contains("`\(field)`"), "\(error.message)")
        #expect(error.message.contains(literal), "\(error.message)")
        #expect(error.message.contains("out of range"))
        #expect(error.line == 7)
        #expect(error.session == "s1")
    }

    @Test(arguments: [65, 100, 513, 2_000])
    func nestingDeeperThanTheLimitIsReportedAsSuch(_ depth: Int) {
        // The top-level object is level 1; the field's value adds `depth - 1` more.
        let inner = String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1)
        guard case .failure(let error) = Self.decode(#"{"session":"s1","text":"hi","x":\#(inner)}"#) else {
            Issue.record("accepted depth \(depth)")
            return
        }
        #expect(error.code == "nesting_too_deep")
        #expect(error.message.contains("deeper than 64 levels"), "\(error.message)")
        let objects = String(repeating: #"{"a":"#, count: depth - 1) + "1" + String(repeating: "}", count: depth - 1)
        guard case .failure(let other) = Self.decode(#"{"session":"s1","text":"hi","x":\#(objects)}"#) else {
            Issue.record("accepted depth \(depth) of objects")
            return
        }
        #expect(other.code == "nesting_too_deep")
    }

    @Test func nestingAtTheLimitAndSmallOrHugeButFiniteNumbersAreAccepted() {
        let inner = String(repeating: "[", count: 63) + String(repeating: "]", count: 63)
        let accepted = [
            #"{"session":"s1","text":"hi","x":\#(inner)}"#,
            #"{"session":"s1","text":"hi","x":1e-400}"#,
            #"{"session":"s1","text":"hi","x":1.7e308}"#,
            #"{"session":"s1","text":"hi","x":123456789012345678901234567890}"#,
            // Brackets and numbers inside strings are text.
            #"{"session":"s1","text":"\#(String(repeating: "[", count: 100)) 1e400"}"#,
        ]
        for line in accepted {
            guard case .success = Self.decode(line) else {
                Issue.record("refused: \(line.prefix(80))")
                continue
            }
        }
        // Not JSON, number or not: still invalid_json.
        for line in [#"{"session":"s1","text":"hi","x":1e400"#, #"{"session": 1e400 "text"}"#, "1e400 garbage"] {
            guard case .failure(let error) = Self.decode(line) else {
                Issue.record("accepted: \(line)")
                continue
            }
            #expect(error.code == "invalid_json", "\(line)")
        }
    }

    @Test func eachUnusualLineGetsOneErrorLineAndThePipeGoesOn() async throws {
        let engine = try Self.engine.get()
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let run = await PipeHarness.run(
            lines: [
                #"{"session":"u1","id":"a","text":"hi","x":1e400}"#,
                #"{"session":"u1","id":"b","text":"hi","x":\#(deep)}"#,
                #"{"session":"u1","id":"c","text":"do you ship to Canada?"}"#,
            ], engine: engine)
        let objects = run.objects
        #expect(objects.count == 3)
        let errors = objects.compactMap { $0["error"] as? [String: Any] }
        #expect(errors.map { $0["code"] as? String } == ["number_out_of_range", "nesting_too_deep"])
        #expect(errors.map { $0["line"] as? Int } == [1, 2])
        #expect(objects.contains { $0["reply_to"] as? String == "c" })
    }

    // MARK: - Storage failures

    @Test(.timeLimit(.minutes(1)))
    func aRunOfStorageFailuresStopsThePipeThoughInputNeverEnds() async throws {
        let engine = try Self.engine.get()
        let lines = (0..<8).map { #"{"session":"fail-run","id":"m\#($0)","text":"FAIL where is my order"}"# }
        // Standard input stays open: only the run of failures can end this.
        let run = await PipeHarness.run(lines: lines, engine: engine, keepInputOpen: true, maxStorageFailures: 5)
        guard case .storageFailures(let count, let lastError) = run.stop else {
            Issue.record("stopped for \(run.stop)")
            return
        }
        #expect(count >= 5)
        #expect(lastError.contains("disk is full"))
        #expect(run.stop.exitStatus == 3)
        // Every message read got its error line.
        #expect(run.objects.allSatisfy { ($0["error"] as? [String: Any])?["code"] as? String == "storage_failure" })
    }

    @Test func failuresBrokenBySuccessesOrThatAreNotStorageFailuresDoNotStopThePipe() async throws {
        let engine = try Self.engine.get()
        var lines: [String] = []
        for round in 0..<3 {
            for index in 0..<4 { lines.append(#"{"session":"mixed","id":"f\#(round)-\#(index)","text":"FAIL hello"}"#) }
            lines.append(#"{"session":"mixed","id":"ok\#(round)","text":"do you ship to Canada?"}"#)
        }
        for index in 0..<8 { lines.append(#"{"session":"mixed","id":"r\#(index)","text":"REFUSE hello"}"#) }
        let run = await PipeHarness.run(lines: lines, engine: engine, maxStorageFailures: 5)
        #expect(run.stop == .endOfInput)
        #expect(run.objects.count == lines.count)
    }

    @Test func withoutALimitEveryMessageIsAnsweredButAStreamWhereNothingCouldBeStoredStillFails() async throws {
        let engine = try Self.engine.get()
        let failing = (0..<12).map { #"{"session":"never","id":"n\#($0)","text":"FAIL hi"}"# }
        let unlimited = await PipeHarness.run(lines: failing, engine: engine, maxStorageFailures: 0)
        #expect(unlimited.objects.count == 12)
        guard case .storageFailures(let count, _) = unlimited.stop else {
            Issue.record("stopped for \(unlimited.stop)")
            return
        }
        #expect(count == 12)
        #expect(unlimited.stop.exitStatus == 3)
        // Below the limit too: a short stream of which nothing could be stored is no success.
        let short = await PipeHarness.run(lines: Array(failing.prefix(3)), engine: engine, maxStorageFailures: 50)
        #expect(short.stop.exitStatus == 3)
        #expect(short.objects.count == 3)
    }

    // MARK: - Standard output closed

    @Test(.timeLimit(.minutes(1)))
    func aClosedOutputStopsThePipeWithoutDyingAndWhatWasReadIsStored() async throws {
        let engine = try Self.engine.get()
        let session = "closed-\(UUID().uuidString.prefix(6))"
        let lines = (0..<20).map { #"{"session":"\#(session)","id":"m\#($0)","text":"do you ship to Canada?"}"# }
        // Input stays open: only the closed output can end this.
        let run = await PipeHarness.run(lines: lines, engine: engine, keepInputOpen: true, closeOutput: true)
        #expect(run.stop == .outputClosed)
        #expect(run.stop.exitStatus == 0)
        let stored = try #require(try await Self.store.load(id: session))
        #expect(stored.turns.filter { $0.role == .customer }.count >= 1)
    }

    @Test func aWriterWhoseReaderIsGoneCallsItsHandlerOnceAndDropsLaterLines() {
        signal(SIGPIPE, SIG_IGN)
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        close(fds[0])
        let calls = Counter()
        let writer = JSONLineWriter(fd: fds[1]) { calls.increment() }
        for index in 0..<5 { writer.write(#"{"n":\#(index)}"#) }
        #expect(writer.isClosed)
        #expect(calls.value == 1)
        close(fds[1])
    }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()  // guards `count`
    private var count = 0
    var value: Int { lock.withLock { count } }
    func increment() { lock.withLock { count += 1 } }
}

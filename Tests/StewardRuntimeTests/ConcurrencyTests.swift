import Foundation
import StewardCore
import StewardRuntime
import Testing

/// A skill whose "tool call" takes two seconds.
struct SlowSkill: Skill {
    var manifestURL: URL? { Bundle.module.url(forResource: "Fixtures/Slow/skill", withExtension: "yaml") }

    func handle(_ request: SkillRequest, context: SkillContext) async throws -> SkillResponse {
        try await Task.sleep(for: .seconds(2))
        return .answer("audit done")
    }
}

@Suite struct ConcurrencyTests {
    /// Runs the pipe server in-process over OS pipes and returns its output lines in write order.
    func serve(_ lines: [String], engine: ConversationEngine) async throws -> [[String: Any]] {
        var inFDs: [Int32] = [0, 0], outFDs: [Int32] = [0, 0]
        #expect(pipe(&inFDs) == 0)
        #expect(pipe(&outFDs) == 0)
        let payload = Array((lines.joined(separator: "\n") + "\n").utf8)
        _ = payload.withUnsafeBytes { write(inFDs[1], $0.baseAddress, $0.count) }
        close(inFDs[1])
        await PipeServer(engine: engine, input: inFDs[0], output: outFDs[1]).run()
        close(outFDs[1])
        close(inFDs[0])
        let handle = FileHandle(fileDescriptor: outFDs[0], closeOnDealloc: true)
        let data = handle.readDataToEndOfFile()
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    @Test func aSlowToolInOneSessionDoesNotDelayTheOthers() async throws {
        let engine = try makeEngine(skills: shippedSkills + [SlowSkill()])
        let started = ContinuousClock.now
        let replies = try await serve([
            #"{"session": "slow", "id": "s1", "text": "run the warehouse inventory audit"}"#,
            #"{"session": "slow", "id": "s2", "text": "thanks"}"#,
            #"{"session": "fast", "id": "f1", "text": "do you have discount codes"}"#,
            #"{"session": "fast", "id": "f2", "text": "what is your return policy"}"#,
        ], engine: engine)
        let order = replies.compactMap { $0["reply_to"] as? String }
        #expect(order.count == 4)
        // The fast session's replies are written before the slow session's first one…
        #expect(order.firstIndex(of: "f2")! < order.firstIndex(of: "s1")!)
        // …and each session keeps its own order.
        #expect(order.firstIndex(of: "s1")! < order.firstIndex(of: "s2")!)
        #expect(order.firstIndex(of: "f1")! < order.firstIndex(of: "f2")!)
        #expect(replies.first { $0["reply_to"] as? String == "s1" }?["text"] as? String == "audit done")
        #expect(ContinuousClock.now - started >= .seconds(2))
    }
}

import Foundation
import StewardCore
import StewardRuntime
import Testing

/// Identifiers are checked at the boundary, never shortened: a NUL in a session id must not reach
/// another customer's conversation.
@Suite struct IdentifierTests {
    static func decode(_ json: String) -> Result<IncomingMessage, PipeLineError> {
        PipeRequestDecoder.decode(ArraySlice(Array(json.utf8)), line: 1)
    }

    @Test(arguments: [
        (#"{"session":"s-42\u0000x","text":"hi"}"#, "session"),
        (#"{"session":"s-42\u0001","text":"hi"}"#, "session"),
        (#"{"session":"s\u2028x","text":"hi"}"#, "session"),
        (#"{"session":"s1","id":"m\u0000","text":"hi"}"#, "id"),
        (#"{"session":"s1","action":"skill:x\n:confirm"}"#, "action"),
        (#"{"session":"s1","text":"hi","customer":{"profile_id":"p\u0000q"}}"#, "customer.profile_id"),
        (#"{"session":"s1","text":"hi","customer":{"name":"Ann\u007f"}}"#, "customer.name"),
        (#"{"session":"s1","text":"hi","customer":{"email":"jane.doe@example.com\u0000x"}}"#, "customer.email"),
    ])
    func aControlCharacterInAnIdentifierIsAnErrorNamingTheField(_ line: String, _ field: String) {
        guard case .failure(let error) = Self.decode(line) else {
            Issue.record("accepted: \(line)")
            return
        }
        #expect(error.code == "invalid_field")
        #expect(error.message.contains("`\(field)`"), "\(error.message)")
    }

    @Test func anIdentifierLongerThanTheLimitIsAnError() {
        let long = String(repeating: "é", count: 129)  // 258 bytes
        guard case .failure(let error) = Self.decode(#"{"session":"\#(long)","text":"hi"}"#) else {
            Issue.record("accepted")
            return
        }
        #expect(error.message.contains("256 bytes"))
        guard case .success = Self.decode(#"{"session":"\#(String(repeating: "é", count: 128))","text":"hi"}"#) else {
            Issue.record("256 bytes refused")
            return
        }
    }

    @Test func aSessionIdWithANulNeverReadsTheSessionItWouldBeCutTo() async throws {
        let engine = try makeEngine()
        let owner = "s-\(UUID().uuidString.prefix(6))"
        let jane = Customer(email: "jane.doe@example.com", authenticated: true)
        _ = try await engine.respond(to: IncomingMessage(session: owner, text: "where is my order #1001?", customer: jane))
        await #expect(throws: EngineError.self) {
            try await engine.respond(to: IncomingMessage(session: owner + "\u{0}x", text: "show my orders"))
        }
    }
}

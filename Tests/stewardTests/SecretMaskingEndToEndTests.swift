import Foundation
import Testing

/// Secrets typed into the built binary: never on stdout (the pipe's replies, the piped chat's echo),
/// stderr at trace level, or in the database file and its WAL.
@Suite struct SecretMaskingEndToEndTests {
    /// Each message, and what of it must never be seen (short codes with their context: a bare "482"
    /// may be part of a timestamp).
    static let secrets: [(message: String, leaks: [String])] = [
        ("my card is 4111  1111.1111/1111, please refund", ["4111111111111111", "1111/1111", "1111.1111"]),
        ("my pin number is 4321", ["is 4321"]),
        ("the security code (CVV) is 482", ["is 482"]),
        ("my password for the account is zqvx blorpt kwendy", ["zqvx", "blorpt", "kwendy"]),
        ("IBAN: GB82 WEST 1234 5698 7654 32", ["GB82 WEST", "GB82WEST", "WEST 1234"]),
        ("ssn 123-45-6789", ["123-45-6789"]),
    ]

    static func check(_ text: String, _ place: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (message, leaks) in secrets {
            for leak in leaks {
                #expect(!text.contains(leak), "\(place) shows \(leak) of \(message.debugDescription)", sourceLocation: sourceLocation)
            }
        }
    }

    static func files(_ database: String) -> String {
        ["", "-wal"].compactMap { try? Data(contentsOf: URL(fileURLWithPath: database + $0)) }
            .map { String(decoding: $0, as: UTF8.self) }.joined()
    }

    @Test func thePipeKeepsNoSecretInRepliesLogsOrTheDatabase() throws {
        let database = temporaryDatabase()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) } }
        var lines: [String] = []
        for (index, secret) in Self.secrets.enumerated() {
            let object: [String: Any] = [
                "session": "e2e-\(index)", "id": "m1", "text": secret.message,
                "customer": ["email": "sam\(index)@example.com", "name": "Sam"],
            ]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
            lines.append(#"{"session":"e2e-\#(index)","id":"m2","text":"talk to a human"}"#)
            lines.append(#"{"session":"e2e-\#(index)","id":"m3","text":"yes"}"#)
        }
        lines.append(#"{"session":"e2e-action","id":"a1","text":"Pay","action":"4111 1111 1111 1111"}"#)
        let output = try StewardProcess.run(
            ["pipe", "--db", database, "--log-level", "trace"], input: Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(output.status == 0)
        #expect(output.lines.count == lines.count)
        Self.check(output.stdout, "stdout")
        Self.check(output.stderr, "stderr")
        Self.check(Self.files(database), "the database")
    }

    @Test func thePipedChatEchoesTypedSecretsMasked() throws {
        let output = try StewardProcess.run(["chat", "--log-level", "trace"], lines: Self.secrets.map(\.message))
        #expect(output.stdout.contains("you: my card is [card number removed], please refund"))
        #expect(output.stdout.contains("you: the security code (CVV) is [removed]"))
        Self.check(output.stdout, "the chat's stdout")
        Self.check(output.stderr, "the chat's stderr")
    }
}

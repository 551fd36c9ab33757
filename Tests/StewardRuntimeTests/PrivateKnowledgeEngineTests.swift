import Foundation
import StewardCore
import StewardRuntime
import Testing

/// The general-questions skill and the knowledge fallback never quote a private knowledge file.
@Suite struct PrivateKnowledgeEngineTests {
    /// An engine over a copy of `knowledge/` with one more file, `staff.md`.
    static func engine(staffFile: String) throws -> ConversationEngine {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("steward-knowledge-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("knowledge"), to: folder)
        try staffFile.write(to: folder.appendingPathComponent("staff.md"), atomically: true, encoding: .utf8)
        var configuration = StewardConfiguration()
        configuration.data.knowledgeDirectory = folder.path
        return try makeEngine(configuration: configuration)
    }

    static let staff = """
        # Staff
        ## Employee perks
        Employees of the warehouse get a quarterly wardrobe allowance; ask HR for the form STAFF40.
        > Q: do warehouse employees get a wardrobe allowance?
        """

    @Test func aPrivateFileIsNotQuotedToCustomers() async throws {
        let question = "do warehouse employees get a wardrobe allowance?"
        // Without the mark the passage is quoted: the question reaches it.
        let open = try await Conversation(try Self.engine(staffFile: Self.staff)).say(question)
        #expect(open.text.contains("STAFF40"), "\(open.text)")
        let closed = try await Conversation(try Self.engine(staffFile: "---\nprivate: true\n---\n" + Self.staff)).say(question)
        #expect(!closed.text.contains("STAFF40"), "\(closed.text)")
    }
}

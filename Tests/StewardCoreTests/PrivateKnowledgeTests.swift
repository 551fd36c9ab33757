import Foundation
import StewardCore
import Testing

/// Knowledge files marked `private: true` are read by the skill that names their topic, never by a search of every topic.
@Suite struct PrivateKnowledgeTests {
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("steward-knowledge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return folder
    }

    static let staff = "# Staff\n## Staff discount\nEmployees get 40% off with the code STAFF40.\n> Q: what is the staff discount for employees?\n"
    static let shipping = "# Shipping\n## Delivery times\nWe ship in 2 to 4 working days.\n"

    @Test func aPrivateFileIsFoundOnlyByNamingItsTopic() throws {
        let open = try KnowledgeBase(directory: try Self.folder(["staff.md": Self.staff, "shipping.md": Self.shipping]))
        let question = "what is the staff discount for employees?"
        // The same file without the mark: any search finds it.
        #expect(open.answer(question)?.passage.topic == "staff")
        let closed = try KnowledgeBase(
            directory: try Self.folder(["staff.md": "---\nprivate: true\n---\n" + Self.staff, "shipping.md": Self.shipping]))
        #expect(closed.answer(question) == nil)
        #expect(closed.search(question).allSatisfy { !$0.passage.isPrivate })
        #expect(closed.answer(question, topics: ["staff"])?.passage.text.contains("STAFF40") == true)
        #expect(closed.has(topic: "staff"))
        #expect(closed.passages(topic: "staff").map(\.heading) == ["Staff discount"])
        #expect(!closed.passages(language: "en").contains { $0.topic == "staff" })
        #expect(closed.search("delivery times").first?.passage.topic == "shipping")
    }

    @Test func badFrontMatterNamesTheFileAndLine() throws {
        let cases: [(String, KnowledgeError)] = [
            ("---\nprivat: true\n---\n# Staff\n", .invalidFrontMatter(file: "staff.md", line: 2, reason: "unknown key `privat`; allowed: private")),
            ("---\nprivate: yes\n---\n# Staff\n", .invalidFrontMatter(file: "staff.md", line: 2, reason: "`private` must be true or false, not \"yes\"")),
            ("---\nprivate: true\n# Staff\n", .invalidFrontMatter(file: "staff.md", line: 1, reason: "the front matter opened with `---` is not closed by a `---` line")),
        ]
        for (text, error) in cases {
            let folder = try Self.folder(["staff.md": text])
            #expect(throws: error) { try KnowledgeBase(directory: folder) }
        }
    }
}

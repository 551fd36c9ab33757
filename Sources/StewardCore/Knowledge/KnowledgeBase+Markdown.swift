import Foundation

extension KnowledgeBase {
    /// The marker of an example question line: `> Q: how long does delivery take?`.
    static let questionMarker = "q:"

    /// Splits a knowledge file into passages, one per `## ` section.
    ///
    /// A line `> Q: question` inside a section is one of the section's example questions: it is
    /// searched with the section but left out of the text a customer is quoted. The `# ` title
    /// line is not part of any passage; text before the first `## ` becomes a passage headed by
    /// the title.
    package static func sections(of markdown: String, topic: String, language: String = "en", file: String? = nil) -> [Passage] {
        var result: [Passage] = []
        var heading: String?
        var title = topic
        var lines: [String] = []
        var questions: [String] = []
        func flush() {
            let text = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty {
                result.append(
                    Passage(topic: topic, heading: heading ?? title, text: text, questions: questions, language: language, file: file))
            }
            lines = []
            questions = []
        }
        // Split on the newline byte: splitting a String by Character walks grapheme clusters, slowly.
        for bytes in markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            let line = Substring(bytes)
            if line.hasPrefix("## ") {
                flush()
                heading = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
            } else if line.hasPrefix("# ") {
                flush()
                title = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
            } else if let question = exampleQuestion(in: line) {
                questions.append(question)
            } else {
                lines.append(String(line))
            }
        }
        flush()
        return result
    }

    /// The question of a `> Q: ...` line, or nil for any other line.
    private static func exampleQuestion(in line: Substring) -> String? {
        // Most lines are prose: look at the first non-blank byte before any trimming.
        guard line.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }) == UInt8(ascii: ">") else { return nil }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(">") else { return nil }
        let quoted = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
        guard quoted.lowercased().hasPrefix(questionMarker) else { return nil }
        let question = quoted.dropFirst(questionMarker.count).trimmingCharacters(in: .whitespaces)
        return question.isEmpty ? nil : question
    }
}

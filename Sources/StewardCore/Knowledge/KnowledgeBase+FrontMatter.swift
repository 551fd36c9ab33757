import Foundation

extension KnowledgeBase {
    /// The keys a knowledge file's front matter may have.
    static let frontMatterKeys = ["private"]

    /// Reads a knowledge file's optional front matter and returns whether the file is private, and
    /// the text after the front matter.
    ///
    /// Front matter is the file's first lines between two `---` lines, one `key: value` a line:
    ///
    /// ```markdown
    /// ---
    /// private: true
    /// ---
    /// # Store hours (notes for the store-hours skill)
    /// ```
    ///
    /// `private: true` keeps the file's passages out of every search that does not name its topic, so
    /// the general-questions skill and the knowledge fallback never quote it; the skill that lists the
    /// topic under `knowledge:` in its `skill.yaml` reads it by naming the topic. `private: false` or
    /// no front matter: a file any search finds. A file not opening with `---` has no front matter.
    ///
    /// - Throws: ``KnowledgeError/invalidFrontMatter(file:line:reason:)`` for an unknown key (the allowed
    ///   ones listed), a value other than `true` or `false`, a line without `:` or a missing closing `---`.
    static func frontMatter(of text: String, file: String) throws -> (isPrivate: Bool, body: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else { return (false, text) }
        var isPrivate = false
        for index in lines.indices.dropFirst() {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            if line == "---" {
                return (isPrivate, lines[(index + 1)...].joined(separator: "\n"))
            }
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw KnowledgeError.invalidFrontMatter(file: file, line: index + 1, reason: "expected `key: value`, found \"\(line)\"")
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard frontMatterKeys.contains(key) else {
                throw KnowledgeError.invalidFrontMatter(
                    file: file, line: index + 1, reason: "unknown key `\(key)`; allowed: \(frontMatterKeys.joined(separator: ", "))")
            }
            switch value {
            case "true": isPrivate = true
            case "false": isPrivate = false
            default:
                throw KnowledgeError.invalidFrontMatter(file: file, line: index + 1, reason: "`private` must be true or false, not \"\(value)\"")
            }
        }
        throw KnowledgeError.invalidFrontMatter(file: file, line: 1, reason: "the front matter opened with `---` is not closed by a `---` line")
    }
}

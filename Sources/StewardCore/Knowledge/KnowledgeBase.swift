import Foundation
import StewardRouter

/// The shop's knowledge base: markdown files split into sections, searched by BM25.
///
/// Each `## heading` of a file under `knowledge/` is one passage. A topic is a file's name
/// without `.md` (`shipping`, `returns`, `faq`).
public struct KnowledgeBase: Sendable {
    /// One section of a knowledge file.
    public struct Passage: Sendable, Hashable {
        /// The file name without extension, e.g. `returns`.
        public var topic: String
        /// The section heading.
        public var heading: String
        /// The section text (markdown).
        public var text: String
        /// Where it comes from, e.g. `returns.md › Return window`.
        public var source: String { "\(topic).md › \(heading)" }
    }

    /// A passage found for a question, with how well it matches.
    public struct Match: Sendable, Hashable {
        public var passage: Passage
        /// The BM25 score.
        public var score: Double
        /// The share of the question's informative words (idf-weighted) that the passage contains, in [0, 1].
        public var coverage: Double
    }

    /// Every passage, in file and section order.
    public let passages: [Passage]
    private let index: BM25Index

    /// An empty knowledge base.
    public init() {
        self.init(passages: [])
    }

    /// A knowledge base over the given passages.
    public init(passages: [Passage]) {
        self.passages = passages
        self.index = BM25Index(documents: passages.map { KnowledgeBase.terms(in: "\($0.heading) \($0.heading) \($0.text)") })
    }

    /// Loads every `.md` file in a folder except `README.md`.
    ///
    /// - Throws: ``KnowledgeError`` when the folder cannot be read.
    public init(directory: URL) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw KnowledgeError.missingDirectory(directory.path)
        }
        let files = try fm.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".md") && $0.lowercased() != "readme.md" }.sorted()
        var passages: [Passage] = []
        for file in files {
            let url = directory.appendingPathComponent(file)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw KnowledgeError.unreadable(url.path)
            }
            passages += KnowledgeBase.sections(of: text, topic: String(file.dropLast(3)))
        }
        self.init(passages: passages)
    }

    /// The topics present (file names without `.md`).
    public var topics: Set<String> { Set(passages.map(\.topic)) }

    /// True when a topic has at least one passage.
    public func has(topic: String) -> Bool { passages.contains { $0.topic == topic } }

    /// The passages of one topic.
    public func passages(topic: String) -> [Passage] { passages.filter { $0.topic == topic } }

    /// The best matching passages for a question, best first.
    ///
    /// - Parameters:
    ///   - question: The customer's words.
    ///   - topics: Only search these topics; nil searches all.
    ///   - limit: How many matches at most.
    public func search(_ question: String, topics: Set<String>? = nil, limit: Int = 3) -> [Match] {
        let query = KnowledgeBase.terms(in: question)
        guard !query.isEmpty else { return [] }
        let scored = index.score(query: query)
        return scored.compactMap { (doc, score, coverage) -> Match? in
            let passage = passages[doc]
            if let topics, !topics.contains(passage.topic) { return nil }
            return Match(passage: passage, score: score, coverage: coverage)
        }
        .prefix(limit).map { $0 }
    }

    /// The best passage when it matches well enough to quote, else nil ("I don't know").
    ///
    /// - Parameter minimumCoverage: The share of the question's informative words that must match.
    public func answer(_ question: String, topics: Set<String>? = nil, minimumCoverage: Double = 0.5) -> Match? {
        guard let best = search(question, topics: topics, limit: 1).first, best.coverage >= minimumCoverage else {
            return nil
        }
        return best
    }

    static func sections(of markdown: String, topic: String) -> [Passage] {
        var result: [Passage] = []
        var heading: String?
        var title = topic
        var lines: [String] = []
        func flush() {
            let text = lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { result.append(Passage(topic: topic, heading: heading ?? title, text: text)) }
            lines = []
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                flush()
                heading = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
            } else if line.hasPrefix("# ") {
                flush()
                title = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
            } else {
                lines.append(String(line))
            }
        }
        flush()
        return result
    }

    private static let tokenizer = Tokenizer()

    static func terms(in text: String) -> [String] {
        tokenizer.words(text).filter { !stopWords.contains($0) }.map(stem)
    }

    /// A light English suffix stripper: "shipping" → "ship", "returns" → "return".
    static func stem(_ word: String) -> String {
        guard word.count > 4, word.allSatisfy({ $0.isLetter }) else { return word }
        for suffix in ["ings", "ing", "ies", "ied", "es", "ed", "s", "ly"] where word.hasSuffix(suffix) {
            var base = String(word.dropLast(suffix.count))
            if suffix == "ies" || suffix == "ied" { base += "y" }
            if base.count >= 3 {
                if let last = base.last, let prev = base.dropLast().last, last == prev, !"lsz".contains(last) {
                    base.removeLast()
                }
                return base
            }
        }
        return word
    }

    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for", "with", "by", "from",
        "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "i", "me", "my", "you", "your",
        "we", "our", "us", "it", "its", "this", "that", "these", "those", "can", "could", "would", "should",
        "will", "shall", "may", "might", "what", "which", "who", "whom", "how", "when", "where", "why",
        "there", "here", "have", "has", "had", "any", "some", "please", "hi", "hello", "hey", "thanks",
        "thank", "about", "get", "as", "so", "not", "no", "yes", "just", "know", "want", "like", "tell",
        "need", "much", "many", "long", "much", "there", "then", "than", "up", "out", "into", "also", "too",
    ]
}

/// A problem loading the knowledge base.
public enum KnowledgeError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingDirectory(String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .missingDirectory(let path):
            "The knowledge folder \(path) does not exist; create it or set `knowledge_dir` in steward.yaml."
        case .unreadable(let path): "The knowledge file \(path) could not be read as UTF-8 text."
        }
    }
}

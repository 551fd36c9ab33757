import Foundation
import Synchronization

/// The shop's knowledge base: markdown files split into sections, searched by BM25, in one
/// or more languages.
///
/// Each `## heading` of a file under `knowledge/` is one passage. A topic is a file's name
/// without `.md` (`shipping`, `returns`, `faq`). The files directly in `knowledge/` are in the
/// shop's default language; `knowledge/<lang>/` (an ISO 639-1 code: `pl`, `sv`, `ko`, ...) holds
/// another language's files, named like the default ones so topics match across languages.
///
/// A search stems the question and the passages with Snowball where it has the language (see
/// ``Stemmer``), widens the question with the language's glossary (see ``Glossary``) and also
/// matches each section's example questions (lines `> Q: ...`, indexed but never quoted).
public struct KnowledgeBase: Sendable {
    /// One section of a knowledge file.
    public struct Passage: Sendable, Hashable {
        /// The file name without extension, e.g. `returns`.
        public var topic: String
        /// The section heading.
        public var heading: String
        /// The section text (markdown), without its example questions: what a customer is quoted.
        public var text: String
        /// Questions customers ask that this section answers (the `> Q:` lines); searched, never quoted.
        public var questions: [String]
        /// The ISO 639-1 code of the passage's language, e.g. `en` or `pl`.
        public var language: String
        /// The file, relative to `knowledge/`, e.g. `returns.md` or `pl/returns.md`.
        public var file: String
        /// True for a passage of a file marked `private: true` in its front matter: a skill that
        /// names its topic reads it (``search(_:language:topics:limit:)`` with `topics`,
        /// ``passages(topic:)``), a search of every topic (general questions, the knowledge fallback) never finds it.
        public var isPrivate: Bool
        /// Where it comes from, e.g. `returns.md › Return window`.
        public var source: String { "\(file) › \(heading)" }

        /// A passage.
        ///
        /// - Parameters:
        ///   - topic: The file name without `.md`.
        ///   - heading: The section heading.
        ///   - text: What a customer is quoted.
        ///   - questions: Example questions the section answers.
        ///   - language: The passage's language; `en` unless given.
        ///   - file: The file relative to `knowledge/`; `<topic>.md` unless given.
        ///   - isPrivate: Whether only a search naming its topic finds it.
        public init(
            topic: String, heading: String, text: String, questions: [String] = [], language: String = "en", file: String? = nil,
            isPrivate: Bool = false
        ) {
            self.isPrivate = isPrivate
            self.topic = topic
            self.heading = heading
            self.text = text
            self.questions = questions
            self.language = language
            self.file = file ?? "\(topic).md"
        }
    }

    /// A passage found for a question, with how well it matches.
    public struct Match: Sendable, Hashable {
        public var passage: Passage
        /// The BM25 score.
        public var score: Double
        /// The share of the question's informative words (idf-weighted) that the passage, its example
        /// questions or a glossary synonym of the word contain, in [0, 1]. A word no passage contains
        /// counts as informative, so a question about something the knowledge does not cover scores low.
        public var coverage: Double
    }

    /// The coverage a passage needs before it is quoted, chosen on
    /// `Benchmarks/knowledge/validation.jsonl` by this rule: of the thresholds 0.20, 0.25, ... 0.80,
    /// the one with the most right passages minus wrong ones (a wrong quote costs as much as a right
    /// one helps; "not sure" costs nothing), the higher one on a tie, so that "not sure" wins when
    /// in doubt.
    public static let defaultMinimumCoverage = 0.45

    /// The weight of a glossary synonym in the score, relative to the customer's own word.
    public static let synonymWeight = 0.5

    /// How a search weighs its evidence. The values were compared on the validation set together
    /// with the minimum coverage (`KnowledgeBenchmarkTests`); others changed accuracy by a line or two.
    struct Tuning: Sendable, Hashable {
        /// How synonyms and unknown words count.
        var weights = BM25Index.Weights(synonymScore: KnowledgeBase.synonymWeight, synonymCoverage: 1, unknownWord: 1)
        /// The weight of the best-matching example question's score, added to the passage's.
        var questionWeight = 1.0
        /// How many times the heading is indexed with the section.
        var headingRepeats = 1
        /// BM25's term-frequency saturation and length normalisation.
        var k1 = 1.4
        var b = 0.6
    }

    /// The language of the files directly in `knowledge/`.
    public let defaultLanguage: String
    /// The default language's passages, in file and section order.
    public let passages: [Passage]
    /// Each language's passages and glossary; its search index is built on first use (``Libraries``),
    /// so start-up does not analyse languages no customer has written in yet.
    private let sources: [String: (passages: [Passage], glossary: Glossary)]
    private let libraries: Libraries
    private let tuning: Tuning

    /// An empty knowledge base.
    public init() {
        self.init(passages: [])
    }

    /// A knowledge base over the given passages, grouped by their language.
    ///
    /// - Parameters:
    ///   - passages: Every passage, in any language.
    ///   - glossaries: Each language's synonyms.
    ///   - defaultLanguage: The language searched when a question's language has no passages.
    public init(passages: [Passage], glossaries: [String: Glossary] = [:], defaultLanguage: String = "en") {
        self.init(passages: passages, glossaries: glossaries, defaultLanguage: defaultLanguage, tuning: Tuning())
    }

    init(passages: [Passage], glossaries: [String: Glossary], defaultLanguage: String, tuning: Tuning) {
        let defaultLanguage = Self.languageCode(defaultLanguage)
        var byLanguage: [String: [Passage]] = [:]
        for passage in passages { byLanguage[Self.languageCode(passage.language), default: []].append(passage) }
        var sources: [String: (passages: [Passage], glossary: Glossary)] = [:]
        for (language, passages) in byLanguage { sources[language] = (passages, glossaries[language] ?? Glossary()) }
        self.defaultLanguage = defaultLanguage
        self.passages = byLanguage[defaultLanguage] ?? []
        self.sources = sources
        self.tuning = tuning
        self.libraries = Libraries()
    }

    /// Loads every `.md` file in a folder except `README.md`, the optional `glossary.txt`, and
    /// the same from each language subfolder (`pl/`, `sv/`, ...). A file may open with front matter
    /// (`---`, `private: true`, `---`): see ``frontMatter(of:file:)``.
    ///
    /// - Parameters:
    ///   - directory: The `knowledge/` folder.
    ///   - defaultLanguage: The language of the files directly in the folder.
    /// - Throws: ``KnowledgeError`` when the folder or a file cannot be read.
    public init(directory: URL, defaultLanguage: String = "en") throws {
        try self.init(directory: directory, defaultLanguage: defaultLanguage, tuning: Tuning())
    }

    init(directory: URL, defaultLanguage: String, tuning: Tuning) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw KnowledgeError.missingDirectory(directory.path)
        }
        let defaultLanguage = Self.languageCode(defaultLanguage)
        var folders: [(language: String, prefix: String)] = [(defaultLanguage, "")]
        for name in try fm.contentsOfDirectory(atPath: directory.path).sorted() where Self.isLanguageFolder(name) {
            var isFolder: ObjCBool = false
            if fm.fileExists(atPath: directory.appendingPathComponent(name).path, isDirectory: &isFolder), isFolder.boolValue {
                folders.append((name, "\(name)/"))
            }
        }
        var passages: [Passage] = []
        var glossaries: [String: Glossary] = [:]
        for (language, prefix) in folders {
            let folder = prefix.isEmpty ? directory : directory.appendingPathComponent(language)
            let files = try fm.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".md") && $0.lowercased() != "readme.md" }.sorted()
            for file in files {
                let (isPrivate, text) = try Self.frontMatter(of: try Self.read(folder.appendingPathComponent(file)), file: prefix + file)
                passages += Self.sections(of: text, topic: String(file.dropLast(3)), language: language, file: prefix + file)
                    .map { passage in
                        var passage = passage
                        passage.isPrivate = isPrivate
                        return passage
                    }
            }
            let glossaryURL = folder.appendingPathComponent("glossary.txt")
            if fm.fileExists(atPath: glossaryURL.path) {
                glossaries[language] = Glossary(parsing: try Self.read(glossaryURL))
            }
        }
        self.init(passages: passages, glossaries: glossaries, defaultLanguage: defaultLanguage, tuning: tuning)
    }

    /// The topics present in the default language (file names without `.md`).
    public var topics: Set<String> { Set(passages.map(\.topic)) }

    /// The languages that have passages, the default one included.
    public var languages: Set<String> { Set(sources.keys) }

    /// One language's search library, built once on first use.
    private func library(_ language: String) -> Library? {
        guard let source = sources[language] else { return nil }
        return libraries.get(language) {
            Library(language: language, passages: source.passages, glossary: source.glossary, tuning: tuning)
        }
    }

    /// True when a topic has at least one passage in the default language.
    public func has(topic: String) -> Bool { passages.contains { $0.topic == topic } }

    /// The passages of one topic in the default language.
    public func passages(topic: String) -> [Passage] { passages.filter { $0.topic == topic } }

    /// The passages of one language, or of the default language when that one has none; private ones left out.
    public func passages(language: String) -> [Passage] {
        (sources[resolvedLanguage(language)]?.passages ?? []).filter { !$0.isPrivate }
    }

    /// The language whose passages answer a customer writing in `language`: that language when
    /// its folder has passages, else the default language.
    ///
    /// - Parameter language: An ISO 639-1 code (`pl`, or a tag such as `pt-BR`); nil for the default.
    public func resolvedLanguage(_ language: String?) -> String {
        guard let language else { return defaultLanguage }
        let code = Self.languageCode(language)
        return sources[code] == nil ? defaultLanguage : code
    }

    /// The best matching passages for a question, best first.
    ///
    /// - Parameters:
    ///   - question: The customer's words.
    ///   - language: The customer's language (ISO 639-1); its passages are searched when there
    ///     are any, else the default language's. Nil searches the default language.
    ///   - topics: Only search these topics (private ones included); nil searches every topic but private ones.
    ///   - limit: How many matches at most.
    public func search(_ question: String, language: String? = nil, topics: Set<String>? = nil, limit: Int = 3) -> [Match] {
        guard let library = library(resolvedLanguage(language)) else { return [] }
        return library.search(question, topics: topics, limit: limit)
    }

    /// The best passage when it matches well enough to quote, else nil ("I don't know").
    ///
    /// - Parameters:
    ///   - question: The customer's words.
    ///   - language: The customer's language, as in ``search(_:language:topics:limit:)``.
    ///   - topics: Only search these topics (private ones included); nil searches every topic but private ones.
    ///   - minimumCoverage: The share of the question's informative words that must match.
    public func answer(
        _ question: String, language: String? = nil, topics: Set<String>? = nil,
        minimumCoverage: Double = KnowledgeBase.defaultMinimumCoverage
    ) -> Match? {
        guard let best = search(question, language: language, topics: topics, limit: 1).first, best.coverage >= minimumCoverage else {
            return nil
        }
        return best
    }

    /// `pl` from `pl`, `PL`, `pl-PL` or `pl_PL`.
    static func languageCode(_ language: String) -> String {
        String(language.lowercased().prefix { $0 != "-" && $0 != "_" })
    }

    /// A folder name that is an ISO 639-1 (or 639-2/3) code.
    static func isLanguageFolder(_ name: String) -> Bool {
        (2...3).contains(name.count) && name.allSatisfy { $0.isASCII && $0.isLowercase }
    }

    private static func read(_ url: URL) throws -> String {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { throw KnowledgeError.unreadable(url.path) }
        return text
    }
}

extension KnowledgeBase {
    /// One language's passages, indexes and glossary.
    struct Library: Sendable {
        let passages: [Passage]
        let analyzer: TextAnalyzer
        let glossary: CompiledGlossary
        /// Each passage's heading and text: the passage's own score.
        let textIndex: BM25Index
        /// Each passage with its example questions: what share of a question it covers.
        let coverageIndex: BM25Index
        /// Each example question alone, and the passage it belongs to.
        let questionIndex: BM25Index
        let questionPassage: [Int]
        let tuning: Tuning

        init(language: String, passages: [Passage], glossary: Glossary, tuning: Tuning) {
            let analyzer = TextAnalyzer(language: language)
            self.passages = passages
            self.analyzer = analyzer
            self.tuning = tuning
            self.glossary = CompiledGlossary(glossary, analyzer: analyzer)
            let texts = passages.map { passage in
                analyzer.terms(in: (Array(repeating: passage.heading, count: tuning.headingRepeats) + [passage.text]).joined(separator: "\n"))
            }
            let questions = passages.enumerated().flatMap { doc, passage in passage.questions.map { (doc, analyzer.terms(in: $0)) } }
            var withQuestions = texts
            for (doc, terms) in questions { withQuestions[doc] += terms }
            self.textIndex = BM25Index(documents: texts, k1: tuning.k1, b: tuning.b)
            self.coverageIndex = BM25Index(documents: withQuestions, k1: tuning.k1, b: tuning.b)
            self.questionIndex = BM25Index(documents: questions.map(\.1), k1: tuning.k1, b: tuning.b)
            self.questionPassage = questions.map(\.0)
        }

        /// Passages ranked by the score of their heading and text plus `questionWeight` times the
        /// score of their best-matching example question; coverage counts the example questions too.
        func search(_ question: String, topics: Set<String>?, limit: Int) -> [Match] {
            let slots = analyzer.slots(in: question)
            guard !slots.isEmpty else { return [] }
            let query = glossary.expand(slots)
            var textScores: [Int: Double] = [:]
            for result in textIndex.score(query: query, weights: tuning.weights) {
                textScores[result.doc] = result.score
            }
            var questionScores: [Int: Double] = [:]
            for result in questionIndex.score(query: query, weights: tuning.weights) {
                let doc = questionPassage[result.doc]
                questionScores[doc] = max(questionScores[doc] ?? 0, result.score)
            }
            var ranked: [(doc: Int, match: Match)] = []
            for result in coverageIndex.score(query: query, weights: tuning.weights) {
                let passage = passages[result.doc]
                if let topics {
                    if !topics.contains(passage.topic) { continue }
                } else if passage.isPrivate {
                    continue
                }
                let score = (textScores[result.doc] ?? 0) + tuning.questionWeight * (questionScores[result.doc] ?? 0)
                ranked.append((result.doc, Match(passage: passage, score: score, coverage: result.coverage)))
            }
            ranked.sort { $0.match.score != $1.match.score ? $0.match.score > $1.match.score : $0.doc < $1.doc }
            return ranked.prefix(limit).map(\.match)
        }
    }
}

/// A problem loading the knowledge base.
public enum KnowledgeError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingDirectory(String)
    case unreadable(String)
    /// A file's front matter that cannot be read: the file (relative to `knowledge/`), the line, what is wrong.
    case invalidFrontMatter(file: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .missingDirectory(let path):
            "The knowledge folder \(path) does not exist; create it or set `knowledge_dir` in steward.yaml."
        case .unreadable(let path): "The knowledge file \(path) could not be read as UTF-8 text."
        case .invalidFrontMatter(let file, let line, let reason): "knowledge/\(file):\(line): \(reason)"
        }
    }
}

extension KnowledgeBase {
    /// The search libraries built so far, by language; shared by copies of a knowledge base.
    final class Libraries: Sendable {
        private let built = Mutex<[String: Library]>([:])

        /// The library of `language`, building it with `make` the first time.
        func get(_ language: String, make: () -> Library) -> Library {
            if let library = built.withLock({ $0[language] }) { return library }
            let library = make()
            return built.withLock { built in
                if let existing = built[language] { return existing }
                built[language] = library
                return library
            }
        }
    }
}

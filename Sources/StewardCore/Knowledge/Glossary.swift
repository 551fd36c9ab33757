import Foundation

/// Groups of words the shop treats as meaning the same thing, used to widen a question.
///
/// A glossary is a text file beside the knowledge files (`knowledge/glossary.txt`, and
/// `knowledge/<lang>/glossary.txt` for another language), with one group per line, terms
/// separated by commas:
///
/// ```
/// # Lines starting with # are comments.
/// parcel, package, order, delivery, shipment
/// refund, reimbursement, money back
/// ```
///
/// A term may be several words ("money back"); it matches when the question has those words
/// next to each other, once stop words are dropped. Terms are stemmed like the knowledge, so
/// "packages" matches "package". When a question contains a term, the other terms of its group
/// are searched too, with a lower weight than the customer's own words
/// (``KnowledgeBase/synonymWeight``); a several-word term counts in full only in a passage that
/// has all its words. The glossary is never quoted to a customer.
public struct Glossary: Sendable, Hashable {
    /// The groups of equivalent terms, as written.
    public var groups: [[String]]

    /// A glossary with the given groups.
    public init(groups: [[String]] = []) {
        self.groups = groups
    }

    /// Parses a glossary file's text: one comma-separated group per line; blank lines and lines
    /// starting with `#` are skipped, and so are groups of fewer than two terms.
    public init(parsing text: String) {
        var groups: [[String]] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let terms = trimmed.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if terms.count >= 2 { groups.append(terms) }
        }
        self.init(groups: groups)
    }
}

/// A glossary whose terms have been analysed for one language, ready to expand questions.
struct CompiledGlossary: Sendable {
    /// A term as analysed: its words, each as the terms that stand for it.
    typealias Phrase = [[String]]

    /// Each group's terms.
    private let groups: [[Phrase]]

    init(_ glossary: Glossary, analyzer: TextAnalyzer) {
        groups = glossary.groups.map { group in
            var seen: Set<Phrase> = []
            return group.map { analyzer.slots(in: $0) }.filter { !$0.isEmpty && seen.insert($0).inserted }
        }
        .filter { $0.count >= 2 }
        var index: [[String]: [(group: Int, entry: Int)]] = [:]
        for (g, group) in groups.enumerated() {
            for (e, entry) in group.enumerated() { index[entry[0], default: []].append((g, e)) }
        }
        byFirstWord = index
    }

    /// Where each term starts: its first analysed word → (group, term) positions.
    private let byFirstWord: [[String]: [(group: Int, entry: Int)]]

    /// The question's words with their alternatives: where a word is part of a glossary term,
    /// the group's other terms stand in for it.
    func expand(_ slots: [[String]]) -> [BM25Index.QueryTerm] {
        var query = slots.map { BM25Index.QueryTerm(terms: $0) }
        for (start, slot) in slots.enumerated() {
            // Only the terms that begin with this word can start here.
            for (g, e) in byFirstWord[slot] ?? [] {
                let entry = groups[g][e]
                guard start + entry.count <= slots.count, entry.indices.allSatisfy({ slots[start + $0] == entry[$0] }) else {
                    continue
                }
                for other in groups[g] where other != entry {
                    let words = other.flatMap { $0 }
                    for position in start..<(start + entry.count) { query[position].add(words) }
                }
            }
        }
        return query
    }
}

import Foundation

/// Okapi BM25 over pre-tokenised documents, with weighted alternatives for each query term.
struct BM25Index: Sendable {
    /// How synonyms and unknown words count.
    struct Weights: Sendable, Hashable {
        /// A synonym's weight in the score, relative to the customer's own word.
        var synonymScore: Double
        /// How much of the customer's word a synonym covers.
        var synonymCoverage: Double
        /// The weight in coverage of a word no passage contains, relative to a word of one passage.
        var unknownWord: Double
    }

    /// One word of a question: the terms that stand for it (its stem, or a dense-script word's
    /// bigrams) and the glossary synonyms that may stand in for it, each a phrase of one or more
    /// terms. A document scores the best of them, never their sum; a phrase scores the mean of its
    /// terms, so it counts fully only when the document has all of them.
    struct QueryTerm: Sendable, Hashable {
        var terms: [String]
        var alternatives: Set<[String]> = []

        init(terms: [String]) {
            self.terms = terms
        }

        mutating func add(_ phrase: [String]) {
            guard !phrase.isEmpty, phrase.count > 1 || !terms.contains(phrase[0]) else { return }
            alternatives.insert(phrase)
        }
    }

    private let postings: [String: [(doc: Int, tf: Int)]]
    private let lengths: [Int]
    private let averageLength: Double
    private let count: Int
    private let k1: Double
    private let b: Double

    /// An index over documents given as their terms; `k1` and `b` are BM25's term-frequency
    /// saturation and length normalisation.
    init(documents: [[String]], k1: Double = 1.4, b: Double = 0.6) {
        self.k1 = k1
        self.b = b
        var postings: [String: [(doc: Int, tf: Int)]] = [:]
        for (doc, terms) in documents.enumerated() {
            var counts: [String: Int] = [:]
            for term in terms { counts[term, default: 0] += 1 }
            for (term, tf) in counts { postings[term, default: []].append((doc, tf)) }
        }
        self.postings = postings
        self.lengths = documents.map(\.count)
        self.count = documents.count
        self.averageLength = documents.isEmpty ? 1 : max(1, Double(lengths.reduce(0, +)) / Double(documents.count))
    }

    /// Each document containing the term, with the term's BM25 contribution.
    private func termScores(_ term: String) -> [(doc: Int, score: Double)] {
        guard let list = postings[term] else { return [] }
        let termIDF = idf(term)
        return list.map { doc, tf in
            let norm = Double(tf) * (k1 + 1) / (Double(tf) + k1 * (1 - b + b * Double(lengths[doc]) / averageLength))
            return (doc, termIDF * norm)
        }
    }

    func idf(_ term: String) -> Double {
        let df = Double(postings[term]?.count ?? 0)
        return log(1 + (Double(count) - df + 0.5) / (df + 0.5))
    }

    /// Documents with a positive score: (document, score, coverage), best first.
    ///
    /// Coverage is the idf-weighted share of the query's words the document contains, a synonym
    /// counting `weights.synonymCoverage`; a word no document contains counts as informative (the
    /// knowledge does not cover it) with `weights.unknownWord` times the idf of a term of one document.
    func score(query: [QueryTerm], weights: Weights) -> [(doc: Int, score: Double, coverage: Double)] {
        var merged: [[String]: QueryTerm] = [:]
        var order: [[String]] = []
        for slot in query {
            if var existing = merged[slot.terms] {
                for phrase in slot.alternatives { existing.add(phrase) }
                merged[slot.terms] = existing
            } else {
                merged[slot.terms] = slot
                order.append(slot.terms)
            }
        }
        let unknownIDF = weights.unknownWord * log(1 + (Double(count) - 0.5) / 1.5)
        var totalIDF = 0.0
        var scores: [Int: Double] = [:]
        var matched: [Int: Double] = [:]
        for key in order {
            guard let slot = merged[key] else { continue }
            let slotIDF = slot.terms.filter { postings[$0] != nil }.map(idf).max() ?? unknownIDF
            totalIDF += slotIDF
            var best: [Int: (score: Double, coverage: Double)] = [:]
            func keep(_ doc: Int, _ score: Double, _ coverage: Double) {
                let current = best[doc] ?? (0, 0)
                best[doc] = (max(current.score, score), max(current.coverage, coverage))
            }
            for term in slot.terms {
                for (doc, value) in termScores(term) { keep(doc, value, 1) }
            }
            for phrase in slot.alternatives {
                var seen: Set<String> = []
                let words = phrase.filter { seen.insert($0).inserted }
                var sum: [Int: (score: Double, words: Int)] = [:]
                for term in words {
                    for (doc, value) in termScores(term) {
                        let current = sum[doc] ?? (0, 0)
                        sum[doc] = (current.score + value, current.words + 1)
                    }
                }
                let length = Double(words.count)
                for (doc, total) in sum {
                    keep(doc, weights.synonymScore * total.score / length, weights.synonymCoverage * Double(total.words) / length)
                }
            }
            for (doc, value) in best {
                scores[doc, default: 0] += value.score
                matched[doc, default: 0] += value.coverage * slotIDF
            }
        }
        return scores.filter { $0.value > 0 }
            .map { (doc: $0.key, score: $0.value, coverage: totalIDF > 0 ? (matched[$0.key] ?? 0) / totalIDF : 0) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.doc < $1.doc }
    }
}

import Foundation

/// Okapi BM25 over pre-tokenised documents.
struct BM25Index: Sendable {
    private let postings: [String: [(doc: Int, tf: Int)]]
    private let lengths: [Int]
    private let averageLength: Double
    private let count: Int
    private let k1 = 1.4
    private let b = 0.6

    init(documents: [[String]]) {
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

    func idf(_ term: String) -> Double {
        let df = Double(postings[term]?.count ?? 0)
        return log(1 + (Double(count) - df + 0.5) / (df + 0.5))
    }

    /// Documents with a positive score: (document, score, idf-weighted share of query terms matched), best first.
    func score(query: [String]) -> [(Int, Double, Double)] {
        let unique = Array(Set(query))
        // Unknown words count as informative (the knowledge base does not cover them).
        let totalIDF = unique.reduce(0.0) { $0 + (postings[$1] == nil ? log(1 + Double(count) + 0.5) : idf($1)) }
        var scores: [Int: Double] = [:]
        var matched: [Int: Double] = [:]
        for term in unique {
            guard let list = postings[term] else { continue }
            let weight = idf(term)
            for (doc, tf) in list {
                let norm = Double(tf) * (k1 + 1)
                    / (Double(tf) + k1 * (1 - b + b * Double(lengths[doc]) / averageLength))
                scores[doc, default: 0] += weight * norm
                matched[doc, default: 0] += weight
            }
        }
        return scores.map { ($0.key, $0.value, totalIDF > 0 ? (matched[$0.key] ?? 0) / totalIDF : 0) }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }
}

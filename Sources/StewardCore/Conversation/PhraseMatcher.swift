/// Cuts a list of normalised words into known phrases, covering as many words as it can.
///
/// Phrases are written as text and normalised with ``ConfirmationReader/words(_:)``, so they match
/// messages whatever their case, accents or apostrophes. A word ending in `*` matches any word that
/// starts with it, one starting with `*` any word that ends with it, and one starting and ending in
/// `*` any word that contains it. When phrases of the same length match at the same place, the
/// smallest label wins (labels are ordered by precedence).
struct PhraseMatcher<Label: Comparable & Sendable>: Sendable {
    /// One word of a phrase.
    enum Pattern: Sendable, Hashable {
        case exact(String), prefix(String), suffix(String), contains(String)

        init(_ word: String) {
            let starts = word.hasPrefix("*"), ends = word.hasSuffix("*") && word.count > 1
            let core = String(word.dropFirst(starts ? 1 : 0).dropLast(ends ? 1 : 0))
            switch (starts, ends) {
            case (true, true): self = .contains(core)
            case (true, false): self = .suffix(core)
            case (false, true): self = .prefix(core)
            case (false, false): self = .exact(core)
            }
        }

        /// Compares UTF-8 bytes: words and patterns are normalised the same way, and this runs for
        /// every word of every message (String's Unicode-aware `hasSuffix`/`contains` cost ~10× more).
        func matches(_ word: String) -> Bool {
            switch self {
            case .exact(let core): return word == core
            case .prefix(let core): return word.utf8.starts(with: core.utf8)
            case .suffix(let core):
                let (w, c) = (word.utf8, core.utf8)
                return w.count >= c.count && w.suffix(c.count).elementsEqual(c)
            case .contains(let core):
                let (w, c) = (word.utf8, core.utf8)
                guard let first = c.first else { return true }
                guard w.count >= c.count else { return false }
                var start = w.startIndex
                let last = w.index(w.endIndex, offsetBy: -c.count)
                while start <= last {
                    if w[start] == first, w[start...].starts(with: c) { return true }
                    start = w.index(after: start)
                }
                return false
            }
        }
    }

    /// A phrase and what it means.
    struct Entry: Sendable {
        var patterns: [Pattern]
        var label: Label
    }

    /// A run of message words: a known phrase with its label, or one unknown word (label nil).
    struct Unit: Sendable {
        var words: ArraySlice<String>
        var label: Label?
    }

    /// Every phrase; the indexes below point into it.
    private let entries: [Entry]
    /// Every exact word of every phrase, and the wildcard patterns: a word matching neither is in no phrase.
    private let vocabulary: Set<String>
    private let wildcards: [Pattern]
    /// Entries by their first word when it is exact, and the entries whose first word is a wildcard.
    private let byFirstWord: [String: [Int]]
    private let wildcardFirst: [Int]

    /// - Parameter phrases: Phrases as written ("don't", "d'accord", "stornier*", "*해 주세요") with their labels.
    init(_ phrases: [(String, Label)]) {
        var entries: [Entry] = []
        var byFirstWord: [String: [Int]] = [:]
        var wildcardFirst: [Int] = []
        for (text, label) in phrases {
            let patterns = Self.patterns(text)
            guard let first = patterns.first else { continue }
            entries.append(Entry(patterns: patterns, label: label))
            if case .exact(let word) = first {
                byFirstWord[word, default: []].append(entries.count - 1)
            } else {
                wildcardFirst.append(entries.count - 1)
            }
        }
        self.entries = entries
        self.byFirstWord = byFirstWord
        self.wildcardFirst = wildcardFirst
        var vocabulary: Set<String> = []
        var wildcards: Set<Pattern> = []
        for entry in entries {
            for pattern in entry.patterns {
                if case .exact(let word) = pattern { vocabulary.insert(word) } else { wildcards.insert(pattern) }
            }
        }
        self.vocabulary = vocabulary
        self.wildcards = Array(wildcards)
    }

    /// False when no phrase has this word (so a message that must be all phrases cannot be).
    func mayMatch(_ word: String) -> Bool {
        vocabulary.contains(word) || wildcards.contains { $0.matches(word) }
    }

    /// The patterns of a phrase: each word normalised, wildcards kept on the first and last pieces.
    static func patterns(_ text: String) -> [Pattern] {
        var patterns: [Pattern] = []
        for raw in text.split(separator: " ") {
            let leading = raw.hasPrefix("*"), trailing = raw.hasSuffix("*")
            let pieces = ConfirmationReader.words(String(raw.filter { $0 != "*" }))
            for (index, piece) in pieces.enumerated() {
                let star = (leading && index == 0 ? "*" : "") + piece + (trailing && index == pieces.count - 1 ? "*" : "")
                patterns.append(Pattern(star))
            }
        }
        return patterns
    }

    /// The words cut into known phrases so that as few words as possible are left unknown (then with
    /// as few phrases as possible, preferring the longer phrase first); an unknown word is a unit of its own.
    ///
    /// "no, no hace falta" is "no" + "no hace falta", not "no no" + two unknown words.
    func segment(_ words: [String]) -> [Unit] {
        let count = words.count
        // cost[i]: (unknown words, units) for words[i...]; choice[i]: the entry taken at i, -1 for an unknown word.
        var cost = [(unknown: Int, units: Int)](repeating: (0, 0), count: count + 1)
        var choice = [Int](repeating: -1, count: count + 1)
        var index = count - 1
        while index >= 0 {
            var best = (unknown: cost[index + 1].unknown + 1, units: cost[index + 1].units + 1)
            var bestEntry = -1
            // The entries starting with this exact word, then those starting with a wildcard (walked in
            // turn without building a combined list, and without a closure capturing `best`).
            let exact = byFirstWord[words[index]] ?? []
            for position in 0..<(exact.count + wildcardFirst.count) {
                let candidate = position < exact.count ? exact[position] : wildcardFirst[position - exact.count]
                let length = entries[candidate].patterns.count
                guard matches(candidate, words, at: index) else { continue }
                let rest = cost[index + length]
                let option = (unknown: rest.unknown, units: rest.units + 1)
                let better: Bool
                if option.unknown != best.unknown {
                    better = option.unknown < best.unknown
                } else if option.units != best.units {
                    better = option.units < best.units
                } else if bestEntry >= 0 {
                    let current = entries[bestEntry].patterns.count
                    better = length > current || (length == current && entries[candidate].label < entries[bestEntry].label)
                } else {
                    better = true
                }
                if better {
                    best = option
                    bestEntry = candidate
                }
            }
            cost[index] = best
            choice[index] = bestEntry
            index -= 1
        }
        var units: [Unit] = []
        index = 0
        while index < count {
            let entry = choice[index]
            let length = entry >= 0 ? entries[entry].patterns.count : 1
            units.append(Unit(words: words[index..<(index + length)], label: entry >= 0 ? entries[entry].label : nil))
            index += length
        }
        return units
    }

    private func matches(_ entry: Int, _ words: [String], at index: Int) -> Bool {
        let patterns = entries[entry].patterns
        guard index + patterns.count <= words.count else { return false }
        for offset in patterns.indices where !patterns[offset].matches(words[index + offset]) {
            return false
        }
        return true
    }
}

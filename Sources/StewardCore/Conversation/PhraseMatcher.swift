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

        func matches(_ word: String) -> Bool {
            switch self {
            case .exact(let core): word == core
            case .prefix(let core): word.hasPrefix(core)
            case .suffix(let core): word.hasSuffix(core)
            case .contains(let core): word.contains(core)
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

    /// Entries by their first word when it is exact, and the entries whose first word is a wildcard.
    private let byFirstWord: [String: [Entry]]
    private let wildcardFirst: [Entry]

    /// - Parameter phrases: Phrases as written ("don't", "d'accord", "stornier*", "*해 주세요") with their labels.
    init(_ phrases: [(String, Label)]) {
        var byFirstWord: [String: [Entry]] = [:]
        var wildcardFirst: [Entry] = []
        for (text, label) in phrases {
            let patterns = Self.patterns(text)
            guard let first = patterns.first else { continue }
            let entry = Entry(patterns: patterns, label: label)
            if case .exact(let word) = first {
                byFirstWord[word, default: []].append(entry)
            } else {
                wildcardFirst.append(entry)
            }
        }
        self.byFirstWord = byFirstWord
        self.wildcardFirst = wildcardFirst
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
        // cost[i]: (unknown words, units) for words[i...]; choice[i]: the phrase taken at i, nil for an unknown word.
        var cost = [(unknown: Int, units: Int)](repeating: (0, 0), count: count + 1)
        var choice = [Entry?](repeating: nil, count: count + 1)
        var index = count - 1
        while index >= 0 {
            var best = (unknown: cost[index + 1].unknown + 1, units: cost[index + 1].units + 1)
            var bestEntry: Entry?
            for entry in (byFirstWord[words[index]] ?? []) + wildcardFirst where matches(entry, words, at: index) {
                let rest = cost[index + entry.patterns.count]
                let option = (unknown: rest.unknown, units: rest.units + 1)
                let better: Bool
                if option.unknown != best.unknown {
                    better = option.unknown < best.unknown
                } else if option.units != best.units {
                    better = option.units < best.units
                } else if let current = bestEntry {
                    better = entry.patterns.count > current.patterns.count
                        || (entry.patterns.count == current.patterns.count && entry.label < current.label)
                } else {
                    better = true
                }
                if better {
                    best = option
                    bestEntry = entry
                }
            }
            cost[index] = best
            choice[index] = bestEntry
            index -= 1
        }
        var units: [Unit] = []
        index = 0
        while index < count {
            let length = choice[index]?.patterns.count ?? 1
            units.append(Unit(words: words[index..<(index + length)], label: choice[index]?.label))
            index += length
        }
        return units
    }

    private func matches(_ entry: Entry, _ words: [String], at index: Int) -> Bool {
        guard index + entry.patterns.count <= words.count else { return false }
        for (offset, pattern) in entry.patterns.enumerated() where !pattern.matches(words[index + offset]) {
            return false
        }
        return true
    }
}

/// The allowed key a misspelt one was most likely meant to be.
///
/// Rule: the allowed key with the smallest edit distance (insertions, deletions, substitutions and
/// swaps of two neighbouring letters, each 1), ignoring case, when that distance is at most a third
/// of the longer word's length (at least 1) and at most 3 (`knowlege` → `knowledge`, `keyword` → `keywords`); ties go to the
/// key listed first. A path's index (`turns[0]`) is ignored.
public enum KeySuggestion {
    /// The closest allowed key, or nil when none is close enough.
    public static func closest(to key: String, among allowed: [String]) -> String? {
        let word = Array(strippingIndex(key).lowercased())
        var best: (name: String, distance: Int)?
        for name in allowed {
            let candidate = Array(name.lowercased())
            let distance = editDistance(word, candidate)
            let limit = min(3, max(1, max(word.count, candidate.count) / 3))
            guard distance <= limit, distance < (best?.distance ?? .max) else { continue }
            best = (name, distance)
        }
        return best?.name
    }

    static func strippingIndex(_ key: String) -> Substring {
        key.firstIndex(of: "[").map { key[..<$0] } ?? Substring(key)
    }

    /// The edit distance of two words: insertions, deletions, substitutions and swaps of two
    /// neighbouring letters (`emial` → `email`) count 1 each (optimal string alignment).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}

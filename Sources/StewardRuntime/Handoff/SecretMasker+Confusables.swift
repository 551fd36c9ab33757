/// Cyrillic and Greek letters that look like Latin ones ("раssword" with a Cyrillic `р`), folded to the
/// Latin letter when ``SecretMasker`` matches its *keywords* and in its prefilter — never elsewhere, so a
/// Russian or Greek word is otherwise read as written.
///
/// Source: a subset of Unicode's confusables (UTS #39, `confusables.txt`, the MA mappings of Cyrillic
/// and Greek letters to single Latin letters), lowercase as ``NormalisedText`` gives them; capitals that
/// look Latin (`В`, `Н`, `М`, `Т`, `К`, Greek `Η`) are mapped by their lowercase form to the Latin letter
/// the capital looks like.
extension SecretMasker {
    /// Look-alike → Latin letter, for lowercase and capital forms.
    static let confusables: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs: [(String, Unicode.Scalar)] = [
            // Cyrillic
            ("аА", "a"), ("вВ", "b"), ("сС", "c"), ("ԁ", "d"), ("еЕ", "e"), ("һН", "h"), ("н", "h"), ("іІ", "i"),
            ("јЈ", "j"), ("кК", "k"), ("ӏ", "l"), ("мМ", "m"), ("оО", "o"), ("рР", "p"), ("ԛԚ", "q"), ("ѕЅ", "s"),
            ("тТ", "t"), ("уУ", "y"), ("ԝԜ", "w"), ("хХ", "x"),
            // Greek
            ("αΑ", "a"), ("βΒ", "b"), ("εΕ", "e"), ("ζΖ", "z"), ("Η", "h"), ("η", "n"), ("ιΙ", "i"), ("κΚ", "k"),
            ("μΜ", "m"), ("ν", "v"), ("Ν", "n"), ("οΟ", "o"), ("ρΡ", "p"), ("τΤ", "t"), ("υΥ", "u"), ("χΧ", "x"),
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (letters, latin) in pairs {
            for letter in letters.unicodeScalars { table[letter] = latin }
        }
        return table
    }()

    /// Whether `unit` of a message matches `letter` of a keyword: the same, or its look-alike. Greek `ν` and
    /// `η` match both the letter their capital looks like (`Ν` N, `Η` H) and the one they look like (v, n).
    static func keywordUnitMatches(_ unit: Unicode.Scalar, _ letter: Unicode.Scalar) -> Bool {
        if unit == letter { return true }
        if unit.value < 0x80 { return false }
        switch unit {
        case "ν": return letter == "n" || letter == "v"
        case "η": return letter == "n" || letter == "h"
        default: return confusables[unit] == letter
        }
    }

    /// The unit as keywords are matched: a Cyrillic or Greek look-alike as its Latin letter, anything else as itself.
    @inline(__always)
    static func keywordFold(_ unit: Unicode.Scalar) -> Unicode.Scalar {
        unit.value < 0x80 ? unit : confusables[unit] ?? unit
    }
}

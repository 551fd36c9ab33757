/// Digits written as words ("my pin is four three two one", "visa four one one one …"), which
/// ``SecretMasker`` reads after a PIN, security code, SSN or card keyword.
extension SecretMasker {
    /// The words for the digits 0–9 in the languages Steward serves, as they look in the ``NormalisedText``
    /// view (lowercase, no diacritics): en, pl, sv, de, es, fr.
    static let digitWords: Set<String> = [
        "zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
        "jeden", "dwa", "trzy", "cztery", "piec", "szesc", "siedem", "osiem", "dziewiec",
        "noll", "ett", "en", "tva", "tre", "fyra", "fem", "sex", "sju", "atta", "nio",
        "null", "eins", "zwei", "drei", "vier", "funf", "sechs", "sieben", "acht", "neun",
        "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve",
        "un", "deux", "trois", "quatre", "cinq", "sept", "huit", "neuf",
    ]

    /// The run of digit words starting at `start` (words of ``digitWords`` joined by spaces, commas or
    /// dashes): how many digits it spells and the unit after its last word; 0 digits when `start` opens none.
    static func spelledDigits(at start: Int, _ units: [Unicode.Scalar]) -> (count: Int, end: Int) {
        var count = 0
        var end = start
        var cursor = start
        while cursor < units.count, units[cursor].isMaskWordLetter {
            var wordEnd = cursor
            while wordEnd < units.count, units[wordEnd].isMaskWordLetter { wordEnd += 1 }
            guard digitWords.contains(String(String.UnicodeScalarView(units[cursor..<wordEnd]))) else { break }
            count += 1
            end = wordEnd
            cursor = wordEnd
            while cursor < units.count, cursor - wordEnd < 3, units[cursor] == " " || units[cursor] == "," || units[cursor] == "-" {
                cursor += 1
            }
        }
        return (count, end)
    }

    /// The first letters of the card keywords, so most words are passed over without building a string.
    static let cardKeywordFirstUnits: Set<Unicode.Scalar> = Set(cardKeywordWords.compactMap(\.unicodeScalars.first))

    /// Card numbers spelled out after a card keyword (``isCardKeyword(_:)``), within five words: a run of
    /// 13–19 digit words ("my visa is four one one one one …").
    static func spelledCardNumbers(in text: NormalisedText) -> [Span] {
        let units = text.units
        // Thirteen words at least: most messages are shorter, and skip the scan.
        var breaks = 0
        for unit in units where unit == " " || unit == "\n" { breaks += 1 }
        guard breaks >= 12 else { return [] }
        var spans: [Span] = []
        var index = 0
        var wordsSinceKeyword = Int.max
        while index < units.count {
            guard units[index].isMaskWordLetter, index == 0 || !units[index - 1].isMaskAlphanumeric else {
                index += 1
                continue
            }
            if wordsSinceKeyword <= 5 {
                let run = spelledDigits(at: index, units)
                if (13...19).contains(run.count) {
                    spans.append(Span(units: index..<run.end, placeholder: cardPlaceholder))
                    index = run.end
                    wordsSinceKeyword = Int.max
                    continue
                }
            }
            var end = index
            while end < units.count, units[end].isMaskWordLetter { end += 1 }
            if end - index <= 16, cardKeywordFirstUnits.contains(units[index]),
                isCardKeyword(String(String.UnicodeScalarView(units[index..<end])))
            {
                wordsSinceKeyword = 0
            } else if wordsSinceKeyword != Int.max {
                wordsSinceKeyword += 1
            }
            index = end
        }
        return spans
    }
}

/// The words that name a payment card, read by ``SecretMasker`` where digits alone could be something
/// else: a card glued to its brand ("visa4111…", "mc5555…", "cc#4111…"), groups joined by commas or
/// colons ("card 4111;1111;1111;1111"), groups of one or two digits (which dates and times have), and card
/// numbers spelled out in words.
extension SecretMasker {
    /// Card brands and words for a card, as whole words in the ``NormalisedText`` view (lowercase, no
    /// diacritics), in every language Steward serves (en, pl, sv, de, es, fr, ko).
    static let cardKeywordWords: Set<String> = [
        "visa", "mastercard", "master", "mc", "amex", "americanexpress", "discover", "jcb", "diners", "dinersclub",
        "unionpay", "maestro", "rupay", "card", "cards", "cc", "credit", "debit", "creditcard", "debitcard", "cardnumber",
        "cardno", "karta", "karty", "karte", "kartennummer", "kreditkarte", "kort", "kortet", "kortnummer",
        "kortnumret", "kreditkort", "tarjeta", "carte", "cb", "kredytowa", "debetowa", "카드", "카드번호",
    ]

    /// Prefixes of compound words naming a card ("creditcardnumber", "kreditkartennummer", "카드번호로").
    private static let cardKeywordPrefixes: [String] = ["card", "creditcard", "debitcard", "kreditkart", "karten", "kortnum", "카드"]

    /// Whether `word` (normalised, letters only) names a card.
    static func isCardKeyword(_ word: String) -> Bool {
        cardKeywordWords.contains(word) || cardKeywordPrefixes.contains(where: word.hasPrefix)
    }

    /// Whether the letters glued before a number ("visa", "myvisa", "mc", "cc") end with a card keyword;
    /// other letters ("1Z…", "JD…") are a tracking number's prefix.
    static func isCardKeyword(glued letters: ArraySlice<Unicode.Scalar>) -> Bool {
        let word = String(String.UnicodeScalarView(letters))
        if isCardKeyword(word) { return true }
        return ["visa", "mastercard", "amex", "card", "cc", "mc", "debit", "credit"].contains { word.count > $0.count && word.hasSuffix($0) }
    }

    /// How far before a number (in normalised units) a card keyword counts: about a short sentence
    /// ("my card number for the order is …").
    static let cardKeywordReach = 30

    /// Whether a word naming a card (``isCardKeyword(_:)``) ends within ``cardKeywordReach`` units before `index`.
    static func hasCardKeyword(before index: Int, units: [Unicode.Scalar]) -> Bool {
        let floor = max(0, index - cardKeywordReach)
        var end = index
        while end > floor {
            while end > floor, !units[end - 1].isMaskAlphanumeric { end -= 1 }
            var start = end
            while start > 0, units[start - 1].isMaskAlphanumeric { start -= 1 }
            guard start < end else { return false }
            let letters = units[start..<end]
            if letters.allSatisfy({ !$0.isMaskDigit }), isCardKeyword(String(String.UnicodeScalarView(letters))) { return true }
            end = start
        }
        return false
    }
}

import StewardRouter

/// Word splitting for skills, the same the router trains and routes with, so a skill compares
/// words as the router sees them.
///
/// Words are normalised: NFKC, lower case, diacritics folded on Latin, Greek and Cyrillic letters
/// ("Zwrót" → "zwrot"), every script's decimal digits as ASCII digits; order numbers (`#1001`),
/// email addresses and numbers stay whole; a run of Han, kana, Hangul or Thai letters is one word.
/// The rules are in the router's `Tokenizer`.
public enum Words {
    /// The message's words in normal form, in order: `"Where is Order #1001?"` → `["where", "is", "order", "#1001"]`.
    public static func split(_ text: String) -> [String] {
        Tokenizer().words(text)
    }

    /// The text in normal form (NFKC, lower case, folded diacritics, ASCII digits, single spaces).
    public static func normalize(_ text: String) -> String {
        Tokenizer().normalize(text)
    }

    /// Code-like words as a customer types them, upper-cased: runs of letters, digits and hyphens
    /// ("my code trail-20 fails" → `["MY", "CODE", "TRAIL-20", "FAILS"]`), for matching discount,
    /// gift card or reward codes, which are compared without regard to case. Letters keep their
    /// accents (unlike ``split(_:)``): a code is matched as written.
    public static func codes(in text: String) -> [String] {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" }).map { $0.uppercased() }
    }
}

/// Phone numbers as hosts send them for SMS and WhatsApp customers, normalised to one form.
///
/// The rule (E.164-ish): any Unicode decimal digits (full-width, Arabic-Indic …) count as their ASCII
/// digit; spaces, NBSP, dots, dashes, slashes and parentheses between them are dropped; a leading `+`
/// or `00` marks an international number and becomes `+`; what is left must be 6 to 15 digits
/// (E.164 allows at most 15). `"+1 (555) 010-0200"`, `"001 555 010 0200"` and `"+1.555.010.0200"`
/// are all `+15550100200`; a national number without a prefix keeps its digits (`"555 0100"` is
/// `5550100`). Letters, a `+` anywhere but first, or too few or too many digits are not a phone number.
public enum PhoneNumber {
    /// The fewest digits accepted.
    public static let minDigits = 6
    /// The most digits accepted (E.164).
    public static let maxDigits = 15

    /// The normalised number (`+` and digits, or digits), or nil when `text` is not a phone number.
    public static func normalised(_ text: String) -> String? {
        var digits = ""
        var international = false
        var seenDigit = false
        let separators: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\u{2007}", ".", "-", "‐", "‑", "–", "/", "(", ")"]
        for character in text.trimmingWhitespace() {
            if character == "+" || character == "＋" {
                guard !seenDigit, !international else { return nil }
                international = true
            } else if character.isNumber, let value = character.wholeNumberValue, value < 10, character.unicodeScalars.count == 1,
                character.unicodeScalars.first!.properties.numericType == .decimal
            {
                digits += String(value)
                seenDigit = true
            } else if separators.contains(character) {
                continue
            } else {
                return nil
            }
        }
        if !international, digits.hasPrefix("00") {
            international = true
            digits.removeFirst(2)
        }
        guard (minDigits...maxDigits).contains(digits.count) else { return nil }
        return international ? "+" + digits : digits
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}

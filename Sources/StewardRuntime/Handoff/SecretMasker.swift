import Foundation

/// Masks secrets a customer types (card numbers, passwords, security codes) before a message
/// is stored, logged or put on a ticket.
public enum SecretMasker {
    /// The text with card numbers, passwords and security codes replaced by placeholders.
    public static func mask(_ text: String) -> String {
        var result = maskCardNumbers(text)
        result = maskAfterKeywords(result)
        return result
    }

    /// Replaces runs of 13–19 digits (spaces or dashes allowed between) that pass the Luhn check.
    static func maskCardNumbers(_ text: String) -> String {
        guard mayContainCardNumber(text) else { return text }
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            if chars[i].isDigitASCII, i == 0 || !chars[i - 1].isDigitASCII {
                var j = i
                var digits: [Int] = []
                var lastDigitEnd = i
                while j < chars.count, chars[j].isDigitASCII || ((chars[j] == " " || chars[j] == "-") && j + 1 < chars.count && chars[j + 1].isDigitASCII) {
                    if let d = chars[j].wholeNumberValue, chars[j].isDigitASCII {
                        digits.append(d)
                        lastDigitEnd = j + 1
                    }
                    j += 1
                    if digits.count > 19 { break }
                }
                if (13...19).contains(digits.count), luhn(digits) {
                    out += "[card number removed]"
                    i = lastDigitEnd
                    continue
                }
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }

    static func luhn(_ digits: [Int]) -> Bool {
        var sum = 0
        for (index, digit) in digits.reversed().enumerated() {
            if index % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }

    static let keywords = ["password", "passcode", "pin", "cvv", "cvc", "security code", "hasło", "passwort", "contraseña", "mot de passe"]

    /// Replaces the word that follows "password is", "password:", "cvv" and the like.
    static func maskAfterKeywords(_ text: String) -> String {
        guard mayContainKeyword(text) else { return text }
        var result = text
        let lower = text.lowercased()
        var replacements: [(Range<String.Index>, String)] = []
        for keyword in keywords {
            var searchStart = lower.startIndex
            while let range = lower.range(of: keyword, range: searchStart..<lower.endIndex) {
                searchStart = range.upperBound
                // Whole word only.
                if let before = lower[..<range.lowerBound].last, before.isLetter { continue }
                if range.upperBound < lower.endIndex, lower[range.upperBound].isLetter { continue }
                var cursor = range.upperBound
                func skip(_ predicate: (Character) -> Bool) {
                    while cursor < lower.endIndex, predicate(lower[cursor]) { cursor = lower.index(after: cursor) }
                }
                skip { $0 == " " || $0 == ":" || $0 == "=" || $0 == "-" }
                for filler in ["is ", "was ", "to be ", "jest ", "ist ", "es ", "est "] where lower[cursor...].hasPrefix(filler) {
                    cursor = lower.index(cursor, offsetBy: filler.count)
                    skip { $0 == " " || $0 == ":" }
                }
                let start = cursor
                skip { !$0.isWhitespace }
                guard start < cursor else { continue }
                var end = cursor
                // Keep trailing sentence punctuation.
                while end > start, ".,!?;".contains(lower[lower.index(before: end)]) { end = lower.index(before: end) }
                if start < end { replacements.append((start..<end, "[removed]")) }
            }
        }
        for (range, replacement) in replacements.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
            // `lower` and `text` share indices only when lowercasing kept lengths; fall back safely.
            let offsetStart = lower.distance(from: lower.startIndex, to: range.lowerBound)
            let offsetEnd = lower.distance(from: lower.startIndex, to: range.upperBound)
            guard offsetEnd <= result.count else { continue }
            let s = result.index(result.startIndex, offsetBy: offsetStart)
            let e = result.index(result.startIndex, offsetBy: offsetEnd)
            result.replaceSubrange(s..<e, with: replacement)
        }
        return result
    }
}

extension Character {
    var isDigitASCII: Bool { isASCII && isNumber }
}

import Foundation

extension Entities {
    /// An amount of money written in a message: a number with a currency sign, code or word
    /// before or after it.
    ///
    /// Forms read: "$80", "$ 80", "80 dollars", "80 bucks", "USD 45", "45.99$", "45 €", "€45",
    /// "45 euros", "120 zł", "120zł", "120 PLN", "300 kr", "300 SEK", "30000원", "30,000 원",
    /// "3만원" (30 000), "₩30,000", "1.299,00 €", "1 299 kr", "C$ 20".
    ///
    /// The number's separators are read by these rules: when both "." and "," appear, the last
    /// one is the decimal separator ("1,299.00" and "1.299,00" are both 1299); a single separator
    /// followed by exactly three digits groups thousands ("30,000" is 30000, "1.299" is 1299);
    /// one followed by one, two or four or more digits is the decimal separator ("45,99" is 45.99);
    /// a separator used twice groups thousands ("1.000.000"). Digits grouped by spaces
    /// ("1 299,00 zł") count as one number when a currency follows or precedes them.
    ///
    /// Signs shared by several currencies are read as the one customers most often mean:
    /// "$", "dollars" and "bucks" as USD (C$, CA$, A$, AU$, NZ$ and HK$ name theirs), "kr" and
    /// "kronor" as SEK (NOK and DKK name theirs), "¥" and "yen" as JPY.
    public struct Amount: Sendable, Hashable {
        /// The amount, e.g. 1299.00 for "1.299,00 €".
        public var value: Decimal
        /// The ISO 4217 currency code: "USD", "EUR", "PLN", "SEK", "KRW", "GBP", …
        public var currency: String
        /// The number as written, with ASCII digits and without the currency: "1.299,00", "30,000", "3".
        public var written: String

        /// Creates an amount.
        ///
        /// - Parameters:
        ///   - value: The amount, e.g. 45.99.
        ///   - currency: The ISO 4217 currency code, e.g. "EUR".
        ///   - written: The number as written in the message; the value's description when not given.
        public init(_ value: Decimal, currency: String, written: String? = nil) {
            self.value = value
            self.currency = currency
            self.written = written ?? "\(value)"
        }

        /// Reads a number as written in an amount by the separator rules above.
        ///
        /// - Parameter written: ASCII digits with "." or "," separators, e.g. "1.299,00".
        /// - Returns: The value, or nil when `written` is not digits and separators.
        public static func value(of written: String) -> Decimal? {
            let characters = Array(written)
            guard !characters.isEmpty, characters.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }),
                characters.first?.isNumber == true, characters.last?.isNumber == true
            else { return nil }
            let dots = characters.filter { $0 == "." }.count, commas = characters.filter { $0 == "," }.count
            var decimalSeparator: Character?
            if dots > 0, commas > 0 {
                decimalSeparator = characters.lastIndex(of: ".")! > characters.lastIndex(of: ",")! ? "." : ","
                if characters.filter({ $0 == decimalSeparator }).count > 1 { return nil }
            } else if dots + commas == 1 {
                let separator: Character = dots == 1 ? "." : ","
                let after = characters.count - characters.firstIndex(of: separator)! - 1
                decimalSeparator = after == 3 ? nil : separator
            }
            // Thousands groups: one to three digits, then groups of exactly three.
            let grouping = characters.filter { $0 != decimalSeparator && !$0.isNumber }
            if let groupSeparator = grouping.first {
                let integer = decimalSeparator.flatMap { d in characters.lastIndex(of: d) }.map { characters[..<$0] } ?? characters[...]
                let groups = integer.split(separator: groupSeparator, omittingEmptySubsequences: false)
                guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            }
            var plain = ""
            for character in characters {
                if character.isNumber {
                    plain.append(character)
                } else if character == decimalSeparator {
                    plain.append(".")
                }
            }
            return Decimal(string: plain, locale: Locale(identifier: "en_US_POSIX"))
        }
    }
}

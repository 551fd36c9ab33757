/// The secrets ``SecretMasker`` recognises by their shape alone: card numbers, IBANs and US social
/// security numbers, read on the ``NormalisedText`` view.
extension SecretMasker {
    /// One thing to replace: normalised units `units` of the message, by `placeholder`.
    struct Span: Sendable {
        var units: Range<Int>
        var placeholder: String
    }

    /// Separators that may stand between the digit groups of a card number anywhere: white space (one `" "`
    /// or `"\n"` after normalisation, control characters included), dots (`.`, `·`, `•`, `∙`), dashes (every
    /// dash folds to `-`) and slashes (`/`, `\`, `⁄`, `∕`). Commas, colons, `#`, `+` and brackets separate the
    /// numbers of a list, a time or a phone number: they join a card's groups only next to a card keyword
    /// (``isLooseDigitSeparator(_:)``).
    static func isDigitSeparator(_ unit: Unicode.Scalar) -> Bool {
        switch unit.value {
        case 0x20, 0x0A, 0x2E, 0x2D, 0x2F, 0x5C, 0xB7, 0x2022, 0x2219, 0x2044, 0x2215, 0x30FB, 0xFF65: return true
        default: return false
        }
    }

    /// Separators that join a card's groups only when a card keyword stands near before them
    /// (``hasCardKeyword(before:units:)``): any other punctuation or symbol (Unicode categories P* and S*:
    /// `,`, `;`, `:`, `|`, `*`, `~`, `_`, brackets …) but `#` (an order number) and `+` (a phone number).
    static func isLooseDigitSeparator(_ unit: Unicode.Scalar) -> Bool {
        if isDigitSeparator(unit) { return true }
        if unit.value < 0x80 {
            switch unit.value {
            case 0x23, 0x2B: return false  // `#`, `+`
            case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return true
            default: return false
            }
        }
        switch unit.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// Whether `digits` may open a payment card number: the Major Industry Identifier (first digit) of
    /// ISO/IEC 7812-1 is 2–6 (2: Mastercard 2-series; 3: Amex, Diners, JCB; 4: Visa; 5: Mastercard,
    /// Maestro; 6: Discover, UnionPay, Maestro, RuPay), or the number opens with 81 or 82 (RuPay).
    /// Order numbers (`1001`), phone numbers (`0044 …`, `+44 …`) and tracking numbers (`9400 …`, `1Z…`)
    /// open otherwise.
    static func hasCardIssuerPrefix(_ digits: [Int]) -> Bool {
        guard let first = digits.first else { return false }
        if (2...6).contains(first) { return true }
        return first == 8 && digits.count > 1 && (digits[1] == 1 || digits[1] == 2)
    }

    /// Card numbers: 13–19 digits opening with a card issuer's prefix (``hasCardIssuerPrefix(_:)``) and
    /// passing the Luhn check, written in groups with up to three separator characters between groups:
    /// white space, dots, dashes, slashes (``isDigitSeparator(_:)``) anywhere (`4111 1111 1111 1111`,
    /// `4111.1111.1111.1111`, line breaks, NUL); after a card keyword also other punctuation
    /// (``isLooseDigitSeparator(_:)``: "card 4111;1111;1111;1111").
    ///
    /// Groups that add up to a card by chance are not one: a chain of several groups with a group of one or
    /// two digits before its last (a date `2024-05-12 2024/06/01`, a time, `12.05.2024`) or a year next to one
    /// (``looksLikeDates(_:units:)``) is a card only after a card keyword (``hasCardKeyword(before:units:)``);
    /// one run of digits and groups of three or more (4-4-4-4, 4-4-4-4-3, 4-6-5, 4-6-4, and a short last group
    /// 4-4-4-1) need none.
    ///
    /// A chain of groups longer than 19 digits (a card after an order number, say) is searched for
    /// consecutive whole groups that make a card; a single group must itself be 13–19 digits.
    static func cardNumbers(in text: NormalisedText) -> [Span] {
        let units = text.units
        var spans: [Span] = []
        var index = 0
        while index < units.count {
            guard units[index].isMaskDigit else {
                index += 1
                continue
            }
            // Letters glued before the digits: a card keyword ("visa4111…", "mc5555…") or a tracking number's
            // prefix ("1Z…", "JD…").
            var glued = index
            while glued > 0, units[glued - 1].isMaskWordLetter { glued -= 1 }
            let gluedKeyword = glued < index && isCardKeyword(glued: units[glued..<index])
            // Whether a card keyword stands before the number: read only when a loose separator or a
            // date-like run needs it.
            var knownKeyword: Bool? = gluedKeyword ? true : nil
            func keyword() -> Bool {
                if let knownKeyword { return knownKeyword }
                let found = hasCardKeyword(before: glued, units: units)
                knownKeyword = found
                return found
            }
            // One chain: digit groups and the separators between them.
            var groups: [Range<Int>] = []
            var strongBreaks: Set<Int> = []  // groups after a `,`, `;` or line break
            var cursor = index
            while cursor < units.count, units[cursor].isMaskDigit {
                let start = cursor
                while cursor < units.count, units[cursor].isMaskDigit { cursor += 1 }
                groups.append(start..<cursor)
                var gap = cursor
                var strong = false
                while gap < units.count, gap - cursor < 4,
                    isDigitSeparator(units[gap]) || (isLooseDigitSeparator(units[gap]) && keyword())
                {
                    if units[gap] == "," || units[gap] == ";" || units[gap] == "\n" { strong = true }
                    gap += 1
                }
                guard gap > cursor, gap - cursor <= 3, gap < units.count, units[gap].isMaskDigit else { break }
                if strong { strongBreaks.insert(groups.count) }
                cursor = gap
            }
            // A chain opening like a phone (`0…`, `+…`), a tracking number (`9…`) or glued to letters
            // (`1Z999AA1…`) is that number: a card inside it counts only after a `,`, `;` or line break.
            let before: Unicode.Scalar? = index > 0 ? units[index - 1] : nil
            let foreign = units[index] == "0" || units[index] == "9" || before == "+"
                || (before.map { $0.isMaskWordLetter } == true && !gluedKeyword)
            spans += cards(in: groups, units: units, startsAt: foreign ? strongBreaks : nil, keyword: keyword)
            index = cursor
        }
        return spans
    }

    /// The cards among a chain's digit groups: the longest run of consecutive groups from each start
    /// (every group, or only those in `startsAt` when given) that holds 13–19 digits opening with an
    /// issuer prefix and passes Luhn; without a card `keyword`, a run that reads like dates
    /// (``looksLikeDates(_:units:)``) is none.
    private static func cards(
        in groups: [Range<Int>], units: [Unicode.Scalar], startsAt: Set<Int>?, keyword: () -> Bool
    ) -> [Span] {
        let total = groups.reduce(0) { $0 + $1.count }
        guard total >= 13 else { return [] }
        var spans: [Span] = []
        var first = 0
        while first < groups.count {
            if let startsAt, !startsAt.contains(first) {
                first += 1
                continue
            }
            var digits: [Int] = []
            var found: Int?
            for last in first..<groups.count {
                digits += units[groups[last]].map(\.maskDigitValue)
                if digits.count > 19 { break }
                if digits.count >= 13, hasCardIssuerPrefix(digits), luhn(digits),
                    !looksLikeDates(groups[first...last], units: units) || keyword()
                {
                    found = last
                }
            }
            if let found {
                spans.append(Span(units: groups[first].lowerBound..<groups[found].upperBound, placeholder: cardPlaceholder))
                first = found + 1
            } else {
                first += 1
            }
        }
        return spans
    }

    /// Whether a run of digit groups reads like dates, times or a list rather than a card's groups: a group
    /// of one or two digits before the last group (`2024-05-12 2024/06/01`, `12.05.2024 …`), or, in a run of
    /// up to three groups, a year (a four-digit group 19xx or 20xx) next to a group of one or two digits up
    /// to 31. A card's remainder group may be short at the end (`4111 1111 1111 1`, `6011 1111 1111 1111 11`,
    /// `4071 8176 1966 8`).
    static func looksLikeDates(_ groups: ArraySlice<Range<Int>>, units: [Unicode.Scalar]) -> Bool {
        guard groups.count > 1 else { return false }
        if groups.dropLast().contains(where: { $0.count <= 2 }) { return true }
        func value(_ group: Range<Int>) -> Int { units[group].reduce(0) { $0 * 10 + $1.maskDigitValue } }
        let list = Array(groups)
        // A card of 13 digits ends 4-4-4-1 and may hold "2019 3": four groups or more are no date pair.
        guard list.count <= 3 else { return false }
        for (index, group) in list.enumerated() where group.count == 4 && (1900...2099).contains(value(group)) {
            for neighbour in [index - 1, index + 1] where list.indices.contains(neighbour) {
                if list[neighbour].count <= 2, value(list[neighbour]) <= 31 { return true }
            }
        }
        return false
    }

    /// The Luhn (mod 10) check of ISO/IEC 7812-1, as card numbers carry it.
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

    /// IBANs (ISO 13616): two letters, two check digits, then letters and digits to 15–34 characters in
    /// all, with single spaces, dashes or dots allowed between characters (the usual groups of four),
    /// passing the mod-97 check (ISO 7064). Any case.
    static func ibans(in text: NormalisedText) -> [Span] {
        let units = text.units
        var spans: [Span] = []
        var index = 0
        while index + 4 <= units.count {
            guard units[index].isMaskASCIILetter, units[index + 1].isMaskASCIILetter,
                units[index + 2].isMaskDigit, units[index + 3].isMaskDigit,
                index == 0 || !units[index - 1].isMaskAlphanumeric
            else {
                index += 1
                continue
            }
            // The characters, and where a group ends (a separator or the end follows).
            var positions: [Int] = []
            var groupEnds: Set<Int> = []
            var cursor = index
            while cursor < units.count, positions.count < 34 {
                let unit = units[cursor]
                if unit.isMaskASCIILetter || unit.isMaskDigit {
                    positions.append(cursor)
                    cursor += 1
                } else if unit == " " || unit == "-" || unit == ".", !positions.isEmpty, cursor + 1 < units.count,
                    units[cursor + 1].isMaskASCIILetter || units[cursor + 1].isMaskDigit
                {
                    groupEnds.insert(positions.count)
                    cursor += 1
                } else {
                    break
                }
            }
            let wholeEnd = cursor >= units.count || !units[cursor].isMaskAlphanumeric
            if wholeEnd { groupEnds.insert(positions.count) }
            var matched = false
            for length in stride(from: positions.count, through: 15, by: -1) where groupEnds.contains(length) {
                if mod97(positions.prefix(length).map { units[$0] }) == 1 {
                    spans.append(Span(units: index..<(positions[length - 1] + 1), placeholder: ibanPlaceholder))
                    index = positions[length - 1] + 1
                    matched = true
                    break
                }
            }
            if !matched { index += 1 }
        }
        return spans
    }

    /// The IBAN check: the first four characters moved to the end, letters as 10–35, the number mod 97.
    static func mod97(_ characters: [Unicode.Scalar]) -> Int {
        guard characters.count > 4 else { return 0 }
        var remainder = 0
        for unit in characters.dropFirst(4) + characters.prefix(4) {
            if unit.isMaskDigit {
                remainder = (remainder * 10 + unit.maskDigitValue) % 97
            } else {
                let value = Int(unit.value) - 0x61 + 10
                remainder = (remainder * 100 + value) % 97
            }
        }
        return remainder
    }

    /// Whether an SSN's parts are in the ranges the SSA issues: not area 000, 666 or 900–999, group 00
    /// or serial 0000 (SSA, "Social Security Number Randomization").
    static func isIssuable(area: Int, group: Int, serial: Int) -> Bool {
        area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
    }

    /// ``isIssuable(area:group:serial:)`` for nine digits.
    static func isIssuable(socialSecurityDigits digits: [Int]) -> Bool {
        guard digits.count == 9 else { return false }
        let value = digits.reduce(0) { $0 * 10 + $1 }
        return isIssuable(area: value / 1_000_000, group: value / 10_000 % 100, serial: value % 10_000)
    }

    /// US social security numbers written `###-##-####` (or with spaces or dots between the parts), not
    /// part of a longer number (no digit group joined before or after), and not in the ranges the SSA never issues: area 000, 666 or 900–999,
    /// group 00, serial 0000 (SSA, "Social Security Number Randomization").
    static func socialSecurityNumbers(in text: NormalisedText) -> [Span] {
        let units = text.units
        var spans: [Span] = []
        var index = 0
        while index + 11 <= units.count {
            defer { index += 1 }
            guard index == 0 || !(units[index - 1].isMaskDigit || units[index - 1] == "-" || units[index - 1] == ".")
            else { continue }
            // Not the tail of a longer number written in groups ("0044 909 149 71.9115").
            if index >= 2, units[index - 1] == " ", units[index - 2].isMaskDigit { continue }
            let shape = units[index..<(index + 11)]
            func digits(_ range: Range<Int>) -> Int? {
                var value = 0
                for offset in range {
                    let unit = shape[index + offset]
                    guard unit.isMaskDigit else { return nil }
                    value = value * 10 + unit.maskDigitValue
                }
                return value
            }
            let separators: Set<Unicode.Scalar> = ["-", " ", "."]
            guard let area = digits(0..<3), separators.contains(shape[index + 3]), let group = digits(4..<6),
                separators.contains(shape[index + 6]), let serial = digits(7..<11)
            else { continue }
            let after = index + 11
            if after < units.count, units[after].isMaskDigit { continue }
            if after + 1 < units.count, separators.contains(units[after]), units[after + 1].isMaskDigit { continue }
            guard isIssuable(area: area, group: group, serial: serial) else { continue }
            spans.append(Span(units: index..<after, placeholder: removedPlaceholder))
            index = after - 1
        }
        return spans
    }
}

/// The secrets ``SecretMasker`` recognises by the words before them: PINs, card security codes,
/// passwords and passphrases (see ``KeywordKind`` and the lexicon).
extension SecretMasker {
    /// Spans of values introduced by a keyword.
    static func introducedSecrets(in text: NormalisedText, original: [UInt8], passwordsOnly: Bool = false) -> [Span] {
        let units = text.units
        var spans: [Span] = []
        var index = 0
        while index < units.count {
            defer { index += 1 }
            guard let candidates = keywordsByFirstUnit[keywordFold(units[index])] else { continue }
            let leftOpen = index == 0 || !(units[index - 1].isMaskWordLetter || units[index - 1].isMaskDigit)
            for keyword in candidates where leftOpen || keyword.attaches {
                if passwordsOnly, keyword.kind != .password, keyword.kind != .passwordAfterColon { continue }
                let end = index + keyword.units.count
                guard end <= units.count, units[index..<end].elementsEqual(keyword.units, by: keywordUnitMatches) else { continue }
                if !keyword.attaches, end < units.count, units[end].isMaskWordLetter { continue }
                let value: Range<Int>?
                switch keyword.kind {
                case .code:
                    value = codeValue(after: end, units: units, maxWords: 5)
                case .socialSecurity:
                    value = socialSecurityValue(after: end, units: units)
                case .password, .passwordAfterColon:
                    value = passwordValue(after: end, keyword: keyword, view: text, original: original)
                }
                if let value {
                    spans.append(Span(units: value, placeholder: removedPlaceholder))
                    break
                }
            }
        }
        return spans
    }

    /// Characters skipped between a keyword and its value.
    private static func isSkippable(_ unit: Unicode.Scalar) -> Bool {
        unit == " " || unit == ":" || unit == "=" || unit == "-" || unit == "(" || unit == ")" || unit == ","
            || unit == "'" || unit == "\"" || unit == "*" || unit == ">" || unit == "`" || unit == "«" || unit == "»"
            || unit == "“" || unit == "”" || unit == "[" || unit == "]"
    }

    /// True when `index` ends a sentence: `.`, `!`, `?`, `;` or `。` followed by white space or the end, or a line break.
    static func endsSentence(_ units: [Unicode.Scalar], at index: Int) -> Bool {
        let unit = units[index]
        if unit == "\n" { return true }
        guard unit == "." || unit == "!" || unit == "?" || unit == ";" || unit == "。" || unit == "？" || unit == "！" else {
            return false
        }
        return index + 1 >= units.count || units[index + 1] == " " || units[index + 1] == "\n"
    }

    /// The word starting at `index` (letters of any script, digits and inner apostrophes) and where it ends.
    private static func word(at index: Int, _ units: [Unicode.Scalar]) -> (text: String, end: Int) {
        var end = index
        var text = String.UnicodeScalarView()
        while end < units.count, units[end].isMaskAlphanumeric || (units[end] == "'" && end > index && end + 1 < units.count && units[end + 1].isMaskAlphanumeric) {
            text.append(units[end])
            end += 1
        }
        return (String(text), end)
    }

    /// A PIN or security code after its keyword: the first run of `lengths` digits (3–8; groups of digits
    /// joined by single spaces, dashes or dots count together), or of as many digit words ("four three two
    /// one", ``digitWords``), within `maxWords` words, in the same sentence, not after `#` or another symbol
    /// (but a `#` straight after the keyword: "PIN#1234") and not after a word that names an order ("pin
    /// for order 1001"). A run with more digits than `lengths` allows is no code.
    static func codeValue(
        after start: Int, units: [Unicode.Scalar], maxWords: Int, lengths: ClosedRange<Int> = 3...8
    ) -> Range<Int>? {
        var cursor = start
        var words = 0
        while cursor < units.count {
            let unit = units[cursor]
            // "my pin is\n4321", "cvv:\n\n737": line breaks straight after the keyword (at most one word such as
            // "is" between) lead to the value when the next line opens with a digit.
            if unit == "\n", words <= 1 {
                var next = cursor
                while next < units.count, units[next] == "\n" || units[next] == " " { next += 1 }
                if next < units.count, units[next].isMaskDigit {
                    cursor = next
                    continue
                }
            }
            if endsSentence(units, at: cursor) { return nil }
            if unit.isMaskDigit {
                var end = cursor
                var digits = 0
                var groupEnd = cursor
                while end < units.count, units[end].isMaskDigit {
                    var next = end
                    while next < units.count, units[next].isMaskDigit { next += 1 }
                    guard digits + (next - end) <= lengths.upperBound else {
                        if lengths.lowerBound == lengths.upperBound { return nil }
                        break
                    }
                    digits += next - end
                    groupEnd = next
                    guard next + 1 < units.count, units[next] == " " || units[next] == "-" || units[next] == ".",
                        units[next + 1].isMaskDigit
                    else { break }
                    end = next + 1
                }
                if lengths.lowerBound == lengths.upperBound, groupEnd < units.count, units[groupEnd].isMaskDigit { return nil }
                return digits >= lengths.lowerBound ? cursor..<groupEnd : nil
            }
            if isSkippable(unit) {
                cursor += 1
                continue
            }
            // "PIN#1234", "pin # 1234": a `#` straight after the keyword belongs to it.
            if unit == "#", units[start..<cursor].allSatisfy({ $0 == " " }) {
                cursor += 1
                continue
            }
            guard unit.isMaskAlphanumeric else { return nil }  // `#`, `$`, `@` …: not a code
            // Digits spelled out ("four three two one").
            let spelled = spelledDigits(at: cursor, units)
            if lengths.contains(spelled.count) { return cursor..<spelled.end }
            let (text, end) = word(at: cursor, units)
            if codeStopWords.contains(text) { return nil }
            words += 1
            if words > maxWords { return nil }
            cursor = end
        }
        return nil
    }

    /// A social security number after its keyword ("ssn", "social security number" …): within five words in
    /// the same sentence, 9 digits, contiguous or in groups joined by one to three white space, dash, dot or
    /// slash characters ("123-45-6789", "123-45 -6789" from a burst's join, "123 45 6789"), with no further
    /// digit group joined after them. Any 9 digits: the keyword says it is an SSN, so the SSA's unissued
    /// ranges (area 000, 666, 9xx) are masked too. "#" may stand before them ("SSN #123456789").
    static func socialSecurityValue(after start: Int, units: [Unicode.Scalar]) -> Range<Int>? {
        func isSeparator(_ unit: Unicode.Scalar) -> Bool { unit == " " || unit == "\n" || unit == "-" || unit == "." || unit == "/" }
        var cursor = start
        var words = 0
        while cursor < units.count {
            let unit = units[cursor]
            if unit.isMaskDigit {
                var digits = 0
                var groupStart = cursor
                var last = cursor
                while true {
                    var next = groupStart
                    while next < units.count, units[next].isMaskDigit { next += 1 }
                    digits += next - groupStart
                    if digits > 9 { return nil }
                    last = next
                    var gap = next
                    while gap < units.count, gap - next < 3, isSeparator(units[gap]) { gap += 1 }
                    guard gap > next, gap < units.count, units[gap].isMaskDigit else { break }
                    if digits == 9 { return nil }  // a longer number
                    groupStart = gap
                }
                return digits == 9 ? cursor..<last : nil
            }
            if endsSentence(units, at: cursor) { return nil }
            if isSkippable(unit) || unit == "#" {
                cursor += 1
                continue
            }
            guard unit.isMaskAlphanumeric else { return nil }
            let spelled = spelledDigits(at: cursor, units)
            if spelled.count == 9 { return cursor..<spelled.end }
            let (text, end) = word(at: cursor, units)
            if codeStopWords.contains(text) { return nil }
            words += 1
            if words > 5 { return nil }
            cursor = end
        }
        return nil
    }

    /// A password's value: after the keyword, an optional qualifier starting with a preposition ("for the
    /// account"), an introduction (`:`, `=`, " - ", "is", "was", "will be", "'s", a Korean particle, or the
    /// language's copula: "jest"/"to", "är", "ist"/"lautet", "es", "est"), optional fillers (whole words:
    /// "now", "reset to"), then everything to the end of the phrase (``phraseEnd(from:_:)``), unless it is
    /// an ordinary statement (``isStatement(_:view:original:)``: "is not working", "ist falsch",
    /// "Password: forgotten.") or opens like a Korean one.
    /// A token holding a digit straight after the keyword ("password 1234", "password hunter2!") is a
    /// value too: the whole run of non-space characters.
    static func passwordValue(after start: Int, keyword: Keyword, view: NormalisedText, original: [UInt8]) -> Range<Int>? {
        let units = view.units
        var cursor = start
        var introduced = false
        // Korean particle attached to the keyword.
        if keyword.attaches, cursor < units.count, koreanParticles.contains(units[cursor]) {
            cursor += 1
            introduced = true
        }
        func skipSpaces() { while cursor < units.count, units[cursor] == " " { cursor += 1 } }
        if !introduced {
            skipSpaces()
            if keyword.kind != .passwordAfterColon, cursor < units.count, units[cursor].isMaskDigit {
                guard let code = codeValue(after: cursor, units: units, maxWords: 0) else { return nil }
                return cursor..<max(code.upperBound, tokenEnd(from: cursor, units))
            }
            // A token of letters and digits straight after the keyword is a password ("password hunter2",
            // "pass hunter2").
            if cursor < units.count, units[cursor].isMaskAlphanumeric {
                let end = tokenEnd(from: cursor, units)
                let token = units[cursor..<end]
                if token.contains(where: \.isMaskDigit), token.contains(where: \.isMaskWordLetter) {
                    return cursor..<end
                }
            }
            var qualifierWords = 0
            var inQualifier = false
            scan: while cursor < units.count, !introduced {
                let unit = units[cursor]
                if endsSentence(units, at: cursor) { return nil }
                switch unit {
                case ":", "=", "→", "⇒", "⟶", "➔", "➜", "⟹":
                    cursor += 1
                    introduced = true
                    break scan
                case "-", "–":
                    // "password -> x"
                    if cursor + 1 < units.count, units[cursor + 1] == ">" {
                        cursor += 2
                        introduced = true
                        break scan
                    }
                    guard cursor + 1 < units.count, units[cursor + 1] == " ", cursor > start, units[cursor - 1] == " " else { return nil }
                    cursor += 1
                    introduced = true
                    break scan
                case "\"", "“", "”", "«", "»", "`":
                    // JSON-ish `"password":"x"`
                    cursor += 1
                    continue
                case " ", ",":
                    cursor += 1
                    continue
                case "'":
                    // "password's …"
                    if cursor + 1 < units.count, units[cursor + 1] == "s", cursor == start, keyword.kind != .passwordAfterColon {
                        cursor += 2
                        introduced = true
                        break scan
                    }
                    // A closing quote: `'password': 'x'`.
                    guard cursor == start else { return nil }
                    cursor += 1
                    continue
                default:
                    // Inside a qualifier, punctuation within a name ("for amazon.com is …").
                    if inQualifier, unit == "." || unit == "/" || unit == "@" || unit == "_" || unit == "'" {
                        cursor += 1
                        continue
                    }
                    guard unit.isMaskAlphanumeric, keyword.kind != .passwordAfterColon else { return nil }
                    let (text, end) = word(at: cursor, units)
                    if introducers.contains(text), text != "to" || keyword.units.starts(with: ["h", "a", "s", "l"]) {
                        cursor = end
                        introduced = true
                        break scan
                    }
                    if auxiliaries.contains(text) {
                        cursor = end
                        skipSpaces()
                        let (next, nextEnd) = word(at: cursor, units)
                        guard next == "be" || next == "been" || next == "sein" else { return nil }
                        cursor = nextEnd
                        introduced = true
                        break scan
                    }
                    if !inQualifier {
                        guard qualifierStarts.contains(text) else { return nil }
                        inQualifier = true
                    }
                    qualifierWords += 1
                    if qualifierWords > 6 { return nil }
                    cursor = end
                }
            }
        }
        guard introduced else { return nil }
        // A colon may follow the word ("is: …"); then fillers, whole words followed by a space ("is now …",
        // "was reset to …"; "is Reset#77" is a value).
        // The value may stand on the next line ("my password is⏎hunter2").
        if cursor < units.count, units[cursor] == "\n" { cursor += 1 }
        while cursor < units.count {
            let unit = units[cursor]
            if unit == " " || unit == ":" || unit == "=" || unit == ">" {
                cursor += 1
                continue
            }
            guard unit.isMaskAlphanumeric else { break }
            let (text, end) = word(at: cursor, units)
            guard end < units.count, units[end] == " " else { break }
            if fillers.contains(text) {
                cursor = end
                continue
            }
            // "was reset to …", "has been set to …": a verb is a filler only before "to" ("is Reset #77" is a value).
            guard fillerVerbs.contains(text) else { break }
            var next = end
            while next < units.count, units[next] == " " { next += 1 }
            let (following, followingEnd) = word(at: next, units)
            if following == "to" {
                cursor = followingEnd
            } else if fillerVerbs.contains(following) {
                cursor = end
            } else {
                break
            }
        }
        guard cursor < units.count, !endsSentence(units, at: cursor) else { return nil }
        // An earlier mask's placeholder is not a value.
        if units[cursor] == "[" { return nil }
        let rest = String(String.UnicodeScalarView(units[cursor..<min(units.count, cursor + 8)]))
        if koreanStatePrefixes.contains(where: rest.hasPrefix) { return nil }
        // A quoted value is what the quotes hold (`"password":"x"`, `password: "x y"`).
        if let close = closingQuote(units[cursor]), let quoted = quotedValue(from: cursor, close: close, units) {
            return isStatement(quoted, view: view, original: original) || isOpenedStatement(quoted, view: view, original: original)
                ? nil : quoted
        }
        let end = phraseEnd(from: cursor, units)
        guard end > cursor, !isStatement(cursor..<end, view: view, original: original),
            !isOpenedStatement(cursor..<end, view: view, original: original)
        else { return nil }
        return cursor..<end
    }

    /// The quote that closes one opening at `unit`, when it is an opening quote.
    private static func closingQuote(_ unit: Unicode.Scalar) -> Unicode.Scalar? {
        switch unit {
        case "\"": "\""
        case "'": "'"
        case "“": "”"
        case "«": "»"
        case "`": "`"
        default: nil
        }
    }

    /// The units between the quote at `start` and its `close` on the same line; nil when it is not closed there or holds nothing.
    private static func quotedValue(from start: Int, close: Unicode.Scalar, _ units: [Unicode.Scalar]) -> Range<Int>? {
        var end = start + 1
        while end < units.count, units[end] != close, units[end] != "\n" { end += 1 }
        guard end < units.count, units[end] == close, end > start + 1 else { return nil }
        return (start + 1)..<end
    }

    /// Where a password's phrase ends: before a line break, before `.`, `;` or `。` followed by white
    /// space or the end of the text, or before `!` or `?` followed by white space — so `Working2024!` at
    /// the end of a message is all value, and "hunter2. Thanks" keeps its full stop. Trailing spaces excluded.
    static func phraseEnd(from start: Int, _ units: [Unicode.Scalar]) -> Int {
        var end = start
        while end < units.count {
            let unit = units[end]
            if unit == "\n" { break }
            if unit == "." || unit == ";" || unit == "。", end + 1 >= units.count || units[end + 1] == " " { break }
            if unit == "!" || unit == "?" || unit == "？" || unit == "！", end + 1 < units.count, units[end + 1] == " " { break }
            end += 1
        }
        while end > start, units[end - 1] == " " { end -= 1 }
        return end
    }

    /// The end of the run of non-space characters at `start`, without a trailing `.`, `,`, `;` or `:`,
    /// and before a `[` (an earlier mask's placeholder is never cut).
    static func tokenEnd(from start: Int, _ units: [Unicode.Scalar]) -> Int {
        var end = start
        while end < units.count, units[end] != " ", units[end] != "\n", units[end] != "[" { end += 1 }
        while end > start + 1, [".", ",", ";", ":"].contains(units[end - 1]) { end -= 1 }
        return end
    }
}

/// The secrets ``SecretMasker`` recognises by the words before them: PINs, card security codes,
/// passwords and passphrases (see ``KeywordKind`` and the lexicon).
extension SecretMasker {
    /// Spans of values introduced by a keyword.
    static func introducedSecrets(in text: NormalisedText) -> [Span] {
        let units = text.units
        var spans: [Span] = []
        var index = 0
        while index < units.count {
            defer { index += 1 }
            guard let candidates = keywordsByFirstUnit[units[index]] else { continue }
            let leftOpen = index == 0 || !(units[index - 1].isMaskWordLetter || units[index - 1].isMaskDigit)
            for keyword in candidates where leftOpen || keyword.attaches {
                let end = index + keyword.units.count
                guard end <= units.count, units[index..<end].elementsEqual(keyword.units) else { continue }
                if !keyword.attaches, end < units.count, units[end].isMaskWordLetter { continue }
                let value: Range<Int>?
                switch keyword.kind {
                case .code:
                    value = codeValue(after: end, units: units, maxWords: 5)
                case .password, .passwordAfterColon:
                    value = passwordValue(after: end, keyword: keyword, units: units)
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

    /// A PIN or security code after its keyword: the first run of 3–8 digits (groups of digits joined by
    /// single spaces, dashes or dots count together) within `maxWords` words, in the same sentence, not
    /// after `#` or another symbol and not after a word that names an order ("pin for order 1001").
    static func codeValue(after start: Int, units: [Unicode.Scalar], maxWords: Int) -> Range<Int>? {
        var cursor = start
        var words = 0
        while cursor < units.count {
            let unit = units[cursor]
            if endsSentence(units, at: cursor) { return nil }
            if unit.isMaskDigit {
                var end = cursor
                var digits = 0
                var groupEnd = cursor
                while end < units.count, units[end].isMaskDigit {
                    var next = end
                    while next < units.count, units[next].isMaskDigit { next += 1 }
                    guard digits + (next - end) <= 8 else { break }
                    digits += next - end
                    groupEnd = next
                    guard next + 1 < units.count, units[next] == " " || units[next] == "-" || units[next] == ".",
                        units[next + 1].isMaskDigit
                    else { break }
                    end = next + 1
                }
                return digits >= 3 ? cursor..<groupEnd : nil
            }
            if isSkippable(unit) {
                cursor += 1
                continue
            }
            guard unit.isMaskAlphanumeric else { return nil }  // `#`, `$`, `@` …: not a code
            let (text, end) = word(at: cursor, units)
            if codeStopWords.contains(text) { return nil }
            words += 1
            if words > maxWords { return nil }
            cursor = end
        }
        return nil
    }

    /// A password's value: after the keyword, an optional qualifier starting with a preposition ("for the
    /// account"), an introduction (`:`, `=`, " - ", "is", "was", "will be", "'s", a Korean particle, or the
    /// language's copula: "jest"/"to", "är", "ist"/"lautet", "es", "est"), optional fillers ("now"), then
    /// everything to the end of the phrase (sentence end, line break or end of text), unless a word
    /// introduced it and it opens with a word that makes the phrase an ordinary statement ("is not
    /// working", "ist falsch"; after `:` or `=` any value counts).
    /// Digits, or a word mixing letters and digits, straight after the keyword ("password 1234",
    /// "password hunter2") are a value too.
    static func passwordValue(after start: Int, keyword: Keyword, units: [Unicode.Scalar]) -> Range<Int>? {
        var cursor = start
        var introduced = false
        var sawColon = false
        // Korean particle attached to the keyword.
        if keyword.attaches, cursor < units.count, koreanParticles.contains(units[cursor]) {
            cursor += 1
            introduced = true
        }
        func skipSpaces() { while cursor < units.count, units[cursor] == " " { cursor += 1 } }
        if !introduced {
            skipSpaces()
            if keyword.kind != .passwordAfterColon, cursor < units.count, units[cursor].isMaskDigit {
                return codeValue(after: cursor, units: units, maxWords: 0)
            }
            // A word of letters and digits straight after the keyword is a password ("password hunter2").
            if keyword.kind != .passwordAfterColon, cursor < units.count, units[cursor].isMaskAlphanumeric {
                let (text, end) = word(at: cursor, units)
                if text.unicodeScalars.contains(where: \.isMaskDigit), text.unicodeScalars.contains(where: \.isMaskWordLetter) {
                    return cursor..<end
                }
            }
            var qualifierWords = 0
            var inQualifier = false
            scan: while cursor < units.count, !introduced {
                let unit = units[cursor]
                if endsSentence(units, at: cursor) { return nil }
                switch unit {
                case ":", "=":
                    cursor += 1
                    introduced = true
                    sawColon = true
                    break scan
                case "-", "–":
                    guard cursor + 1 < units.count, units[cursor + 1] == " ", cursor > start, units[cursor - 1] == " " else { return nil }
                    cursor += 1
                    introduced = true
                    break scan
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
                    return nil
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
        // A colon may follow the word ("is: …"); then fillers.
        while cursor < units.count {
            let unit = units[cursor]
            if unit == " " || unit == ":" || unit == "=" {
                if unit != " " { sawColon = true }
                cursor += 1
                continue
            }
            guard unit.isMaskAlphanumeric else { break }
            let (text, end) = word(at: cursor, units)
            guard fillers.contains(text) else { break }
            cursor = end
        }
        guard cursor < units.count, !endsSentence(units, at: cursor) else { return nil }
        // An earlier mask's placeholder is not a value.
        if units[cursor] == "[" { return nil }
        let (first, _) = word(at: cursor, units)
        // After `:` or `=` the value is explicit ("passphrase: correct horse battery staple").
        if !sawColon, stateWords.contains(first) { return nil }
        let rest = String(String.UnicodeScalarView(units[cursor..<min(units.count, cursor + 8)]))
        if koreanStatePrefixes.contains(where: rest.hasPrefix) { return nil }
        var end = cursor
        while end < units.count, !endsSentence(units, at: end) { end += 1 }
        while end > cursor, units[end - 1] == " " { end -= 1 }
        return end > cursor ? cursor..<end : nil
    }
}

import Foundation

/// A message as ``SecretMasker`` reads it: one unit per normalised character, each remembering the
/// UTF-8 byte range of the original text it came from, so that a match found here replaces exactly
/// the original span.
///
/// The view is built scalar by scalar:
/// - every Unicode decimal digit (full-width `４`, Arabic-Indic `٤`, Devanagari `४` …) becomes its ASCII digit;
/// - letters are compatibility-decomposed (NFKD, so NFKC's foldings apply: `ﬁ` → `fi`, `Ｐ` → `p`), lowercased,
///   and stripped of combining marks (`contraseña` → `contrasena`, `säkerhetskod` → `sakerhetskod`); a few
///   letters without a decomposition are folded by hand (`ł` → `l`, `ø` → `o`, `ß` → `ss`, `đ` → `d`);
///   Hangul syllables are kept whole;
/// - any run of Unicode white space (spaces, tabs, NBSP, U+2000–U+200A, U+3000 …) and of other control
///   characters (Unicode category Cc: NUL, BS, ESC, DEL, C1 controls) becomes one `" "`, and one `"\n"` when
///   the run holds a line break (LF, CR, NEL, U+2028, U+2029);
/// - dashes (U+2010–U+2015, U+2212, full-width and small hyphen-minus) become `-`, and typographic
///   apostrophes `'`;
/// - combining marks and format characters (zero-width space and joiners, soft hyphen) add nothing but
///   are covered by the unit before them, so a replaced span never leaves half a character behind.
struct NormalisedText {
    /// The normalised characters.
    private(set) var units: [Unicode.Scalar] = []
    /// For each unit, the first UTF-8 byte of the original text it covers.
    private(set) var starts: [Int] = []
    /// For each unit, one past the last UTF-8 byte of the original text it covers.
    private(set) var ends: [Int] = []

    init(_ text: String) {
        units.reserveCapacity(text.utf8.count)
        starts.reserveCapacity(text.utf8.count)
        ends.reserveCapacity(text.utf8.count)
        var offset = 0
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            append(scalar, from: offset, to: offset + width)
            offset += width
        }
    }

    /// The number of units.
    var count: Int { units.count }

    private mutating func append(_ scalar: Unicode.Scalar, from start: Int, to end: Int) {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x20, 0x09, 0x0B, 0x0C: addSpace(newline: false, start, end)
            case 0x0A, 0x0D: addSpace(newline: true, start, end)
            // Other control characters (NUL, BS, ESC, DEL …) separate like white space.
            case 0x00...0x08, 0x0E...0x1F, 0x7F: addSpace(newline: false, start, end)
            case 0x41...0x5A: add(Unicode.Scalar(value | 0x20)!, start, end)
            default: add(scalar, start, end)
            }
            return
        }
        if (0xAC00...0xD7A3).contains(value) {  // Hangul syllables: kept whole
            add(scalar, start, end)
            return
        }
        let properties = scalar.properties
        if properties.numericType == .decimal, let number = properties.numericValue, (0...9).contains(number) {
            add(Unicode.Scalar(UInt8(ascii: "0") + UInt8(number)), start, end)
            return
        }
        if value == 0x85 || value == 0x2028 || value == 0x2029 {
            addSpace(newline: true, start, end)
            return
        }
        if properties.isWhitespace || properties.generalCategory == .control {
            addSpace(newline: false, start, end)
            return
        }
        switch value {
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D:
            add("-", start, end)
            return
        case 0x2018, 0x2019, 0x201B, 0x2032, 0xFF07:
            add("'", start, end)
            return
        default: break
        }
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark, .format:
            extendLast(to: end)
            return
        default: break
        }
        var added = false
        for part in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars {
            switch part.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: continue
            default: break
            }
            if part.value < 0x80 {
                let byte = part.value
                add(Unicode.Scalar((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)!, start, end)
            } else if let folded = Self.folds[part] {
                for letter in folded.unicodeScalars { add(letter, start, end) }
            } else {
                for letter in part.properties.lowercaseMapping.unicodeScalars { add(letter, start, end) }
            }
            added = true
        }
        if !added { extendLast(to: end) }
    }

    /// Letters with no decomposition that readers still take for their base letter.
    private static let folds: [Unicode.Scalar: String] = [
        "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ß": "ss", "ẞ": "ss", "đ": "d", "Đ": "d", "æ": "ae", "Æ": "ae",
        "œ": "oe", "Œ": "oe", "ı": "i",
    ]

    private mutating func add(_ unit: Unicode.Scalar, _ start: Int, _ end: Int) {
        units.append(unit)
        starts.append(start)
        ends.append(end)
    }

    private mutating func addSpace(newline: Bool, _ start: Int, _ end: Int) {
        if let last = units.last, last == " " || last == "\n" {
            if newline { units[units.count - 1] = "\n" }
            ends[ends.count - 1] = end
            return
        }
        add(newline ? "\n" : " ", start, end)
    }

    private mutating func extendLast(to end: Int) {
        guard !ends.isEmpty else { return }
        ends[ends.count - 1] = end
    }
}

extension Unicode.Scalar {
    /// An ASCII digit of the normalised view.
    var isMaskDigit: Bool { value >= 0x30 && value <= 0x39 }
    /// The ASCII digit's value.
    var maskDigitValue: Int { Int(value) - 0x30 }
    /// A lowercase ASCII letter of the normalised view.
    var isMaskASCIILetter: Bool { value >= 0x61 && value <= 0x7A }
    /// A Hangul syllable or jamo.
    var isHangul: Bool { (0xAC00...0xD7A3).contains(value) || (0x1100...0x11FF).contains(value) || (0x3130...0x318F).contains(value) }
    /// A letter of a word for the masker's word boundaries: any alphabetic character but Hangul, whose
    /// particles attach straight to a keyword (`비밀번호는`).
    var isMaskWordLetter: Bool {
        if value < 0x80 { return isMaskASCIILetter }
        return !isHangul && properties.isAlphabetic
    }
    /// A letter or digit of any script.
    var isMaskAlphanumeric: Bool {
        if value < 0x80 { return isMaskASCIILetter || isMaskDigit }
        return properties.isAlphabetic
    }
}

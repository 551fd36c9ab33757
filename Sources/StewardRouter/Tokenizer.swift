import Foundation

/// Unicode-aware normaliser and tokenizer shared by training and routing.
///
/// Normalisation applies NFKC, lower-cases, folds diacritics on Latin, Greek and Cyrillic letters
/// ("Zwrót" becomes "zwrot"), writes every script's decimal digits as ASCII digits (full-width
/// "１００１" and Arabic-Indic "١٠٠١" both become "1001"), and collapses whitespace. Tokens keep order numbers (`#1001`),
/// email addresses and plain numbers whole so skills can recognise them; runs of Han, kana, Hangul
/// and Thai letters become single tokens that the features split into character n-grams.
public struct Tokenizer: Sendable {
    /// Creates a tokenizer.
    public init() {}

    /// Returns the message in normal form: NFKC, lower-cased, diacritics folded, ASCII digits, whitespace collapsed.
    public func normalize(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        appendNormalized(text, to: &scalars)
        return String(scalars)
    }

    /// Returns the message's tokens as normalised strings: words, numbers, `#`-order numbers and emails.
    public func words(_ text: String) -> [String] {
        tokens(text).map(\.text)
    }

    // MARK: - Internal

    /// One token of a normalised message.
    struct Token: Sendable, Hashable {
        enum Kind: UInt8, Sendable, Hashable {
            case word, number, orderNumber, email
            /// A run of a script written without spaces between words (Han, kana, Thai) or Hangul.
            case dense
        }
        var text: String
        var kind: Kind
    }

    /// Splits a message into typed tokens.
    func tokens(_ text: String) -> [Token] {
        var normalized = String.UnicodeScalarView()
        appendNormalized(text, to: &normalized)
        var result: [Token] = []
        var chunk: [Unicode.Scalar] = []
        chunk.reserveCapacity(32)
        for scalar in normalized {
            if scalar == " " {
                if !chunk.isEmpty { tokenizeChunk(chunk, into: &result); chunk.removeAll(keepingCapacity: true) }
            } else {
                chunk.append(scalar)
            }
        }
        if !chunk.isEmpty { tokenizeChunk(chunk, into: &result) }
        return result
    }

    private func tokenizeChunk(_ chunk: [Unicode.Scalar], into result: inout [Token]) {
        if chunk.contains("@"), let email = Self.email(in: chunk) {
            result.append(Token(text: email, kind: .email))
            return
        }
        var index = 0
        let count = chunk.count
        while index < count {
            let scalar = chunk[index]
            if scalar == "#", index + 1 < count, Self.isDigit(chunk[index + 1]) {
                var end = index + 1
                while end < count, Self.isDigit(chunk[end]) { end += 1 }
                result.append(Token(text: Self.string(chunk[index..<end]), kind: .orderNumber))
                index = end
            } else if Self.isDense(scalar) {
                var end = index + 1
                while end < count, Self.isDense(chunk[end]) || Self.isMark(chunk[end]) { end += 1 }
                result.append(Token(text: Self.string(chunk[index..<end]), kind: .dense))
                index = end
            } else if Self.isDigit(scalar) {
                var end = index + 1
                var allDigits = true
                while end < count {
                    let next = chunk[end]
                    if Self.isDigit(next) {
                        end += 1
                    } else if (next == "." || next == ","), end + 1 < count, Self.isDigit(chunk[end + 1]) {
                        end += 2
                    } else if Self.isWordScalar(next), !Self.isDense(next) {
                        allDigits = false
                        end += 1
                    } else {
                        break
                    }
                }
                let text = Self.string(chunk[index..<end])
                if allDigits {
                    result.append(Token(text: text, kind: .number))
                } else {
                    result.append(Token(text: text.filter { $0 != "." && $0 != "," }, kind: .word))
                }
                index = end
            } else if Self.isWordScalar(scalar) {
                var word = String.UnicodeScalarView()
                var end = index
                while end < count {
                    let next = chunk[end]
                    if Self.isWordScalar(next), !Self.isDense(next) {
                        word.append(next)
                        end += 1
                    } else if Self.isApostrophe(next), end + 1 < count, Self.isWordScalar(chunk[end + 1]), !Self.isDense(chunk[end + 1]) {
                        end += 1  // "don't" -> "dont"
                    } else {
                        break
                    }
                }
                result.append(Token(text: String(word), kind: .word))
                index = end
            } else {
                index += 1
            }
        }
    }

    /// Appends the normal form of `text`: NFKC, lower case, folded diacritics, ASCII digits, single spaces.
    func appendNormalized(_ text: String, to output: inout String.UnicodeScalarView) {
        var pendingSpace = false
        func emit(_ scalar: Unicode.Scalar) {
            if scalar.properties.isWhitespace || scalar.value < 0x20 {
                pendingSpace = true
                return
            }
            if pendingSpace, !output.isEmpty { output.append(" ") }
            pendingSpace = false
            output.append(scalar)
        }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 {
                let lowered = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
                emit(Unicode.Scalar(lowered))
            }
            return
        }
        let composed = text.precomposedStringWithCompatibilityMapping
        for scalar in composed.unicodeScalars {
            if scalar.value < 0x80 {
                let value = scalar.value
                emit((value >= 0x41 && value <= 0x5A) ? Unicode.Scalar(value + 0x20)! : scalar)
                continue
            }
            let lower = scalar.properties.changesWhenLowercased ? scalar.properties.lowercaseMapping : nil
            if let lower {
                for piece in lower.unicodeScalars { emitFolded(piece, emit) }
            } else {
                emitFolded(scalar, emit)
            }
        }
    }

    private func emitFolded(_ scalar: Unicode.Scalar, _ emit: (Unicode.Scalar) -> Void) {
        if let folded = Self.foldTable[scalar.value] {
            for piece in folded { emit(piece) }
        } else if scalar.value >= 0x300 && scalar.value <= 0x36F {
            return  // a stray combining diacritic
        } else if !Self.hasNoDigits(scalar), scalar.properties.numericType == .decimal,
            let value = scalar.properties.numericValue
        {
            emit(Unicode.Scalar(UInt8(0x30 + Int(value))))  // "١" (Arabic-Indic), "१" (Devanagari) -> "1"
        } else {
            emit(scalar)
        }
    }

    /// Diacritic folding for Latin, Greek and Cyrillic letters: canonical decomposition without
    /// combining marks, plus letters that have no decomposition (ł, ø, ß, æ, ...).
    static let foldTable: [UInt32: [Unicode.Scalar]] = {
        var table: [UInt32: [Unicode.Scalar]] = [:]
        let ranges: [ClosedRange<UInt32>] = [0xC0...0x24F, 0x370...0x3FF, 0x400...0x4FF, 0x1E00...0x1FFF]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                let kept = decomposed.filter { !($0.value >= 0x300 && $0.value <= 0x36F) }
                if kept.count != decomposed.count, !kept.isEmpty {
                    table[value] = Array(kept)
                }
            }
        }
        let special: [(Character, String)] = [
            ("ł", "l"), ("ø", "o"), ("ß", "ss"), ("æ", "ae"), ("œ", "oe"), ("đ", "d"), ("ð", "d"),
            ("þ", "th"), ("ħ", "h"), ("ı", "i"), ("ŧ", "t"), ("ƒ", "f"), ("ς", "σ"),
        ]
        for (letter, replacement) in special {
            table[letter.unicodeScalars.first!.value] = Array(replacement.unicodeScalars)
        }
        return table
    }()

    /// True for blocks without decimal digits that messages use a lot (kana, Han, Hangul): no property lookup needed.
    @inline(__always)
    static func hasNoDigits(_ scalar: Unicode.Scalar) -> Bool {
        (0x3000..<0xA620).contains(scalar.value) || (0xAC00..<0xD7B0).contains(scalar.value)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value >= 0x30 && scalar.value <= 0x39 }
        return scalar.properties.numericType == .decimal
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || isMark(scalar)
    }

    /// Scripts written without spaces between words, and Hangul, whose syllables carry morphemes.
    static func isDense(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x0E00 { return false }
        return (0x0E00...0x0EFF).contains(value)      // Thai, Lao
            || (0x1000...0x109F).contains(value)      // Myanmar
            || (0x1100...0x11FF).contains(value)      // Hangul Jamo
            || (0x1780...0x17FF).contains(value)      // Khmer
            || (0x3040...0x30FF).contains(value)      // Hiragana, Katakana
            || (0x3130...0x318F).contains(value)      // Hangul compatibility Jamo
            || (0x3400...0x4DBF).contains(value)      // CJK extension A
            || (0x4E00...0x9FFF).contains(value)      // CJK unified ideographs
            || (0xAC00...0xD7AF).contains(value)      // Hangul syllables
            || (0xF900...0xFAFF).contains(value)      // CJK compatibility ideographs
            || (0x20000...0x3134F).contains(value)    // CJK extensions B-G
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "`"
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The email address in a whitespace-free chunk, trimmed of surrounding punctuation, if it is one.
    private static func email(in chunk: [Unicode.Scalar]) -> String? {
        emailRange(in: chunk).map { string(chunk[$0]) }
    }

    /// Where the email address in a whitespace-free chunk is, trimmed of surrounding punctuation
    /// (brackets, quotes, a trailing full stop), if there is one.
    static func emailRange(in chunk: [Unicode.Scalar]) -> Range<Int>? {
        func isLocal(_ s: Unicode.Scalar) -> Bool {
            isWordScalar(s) || s == "." || s == "_" || s == "%" || s == "+" || s == "-" || s == "'"
        }
        func isDomain(_ s: Unicode.Scalar) -> Bool { isWordScalar(s) || s == "." || s == "-" }
        guard let at = chunk.firstIndex(of: "@") else { return nil }
        var start = at
        while start > 0, isLocal(chunk[start - 1]) { start -= 1 }
        var end = at + 1
        while end < chunk.count, isDomain(chunk[end]) { end += 1 }
        while end > at + 1, chunk[end - 1] == "." || chunk[end - 1] == "-" { end -= 1 }
        while start < at, chunk[start] == "." || chunk[start] == "'" { start += 1 }
        guard start < at, end > at + 1 else { return nil }
        let domain = chunk[(at + 1)..<end]
        guard let dot = domain.lastIndex(of: "."), dot > at + 1, dot < end - 1 else { return nil }
        return start..<end
    }
}

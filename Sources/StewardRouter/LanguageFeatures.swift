import Foundation

/// Turns a message into the features the ``LanguageDetector`` counts, without allocating per feature.
///
/// The text is lower-cased and apostrophes unified, but diacritics are kept: they are what tells
/// "zwrot" from "zwrót" and Swedish from German. Whitespace-separated chunks that hold a digit, an
/// `@` or a URL (order numbers, tracking codes, emails, links) are skipped: they belong to no
/// language. Each remaining word (a run of letters, with apostrophes inside it) gives its
/// character n-grams, padded with a space at both ends (" ok", "ok ", …), and itself as a whole.
///
/// A feature is a `UInt64`: an n-gram of up to three scalars packed 21 bits each (never 0, top bit
/// clear), or a word's FNV-1a hash with the top bit set.
struct LanguageFeatures {
    /// The largest n-gram the packing holds exactly.
    static let maxOrder = 3

    /// What a scan found besides the features.
    struct Scan {
        /// Letters of the kept words, dense scripts weighted (see ``LanguageDetector/denseLetterWeight``).
        var length = 0
        /// Weighted letters per ``Script``, for the script shortcut.
        var scriptLetters = [Int](repeating: 0, count: Script.allCases.count)

        /// The language a script spells alone, when letters of that script make up more than half the message.
        var scriptLanguage: String? {
            guard length > 0 else { return nil }
            var counts = scriptLetters
            let kana = Script.kana.rawValue, han = Script.han.rawValue
            if counts[kana] > 0 {  // Japanese mixes kana and kanji.
                counts[kana] += counts[han]
                counts[han] = 0
            }
            guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] * 2 > length else { return nil }
            return Script(rawValue: best)?.language
        }
    }

    /// Scripts that one language alone writes (as far as a shop's customers go).
    enum Script: Int, CaseIterable {
        case hangul, kana, han, greek, hebrew, thai, georgian, armenian

        var language: String {
            switch self {
            case .hangul: "ko"
            case .kana: "ja"
            case .han: "zh"
            case .greek: "el"
            case .hebrew: "he"
            case .thai: "th"
            case .georgian: "ka"
            case .armenian: "hy"
            }
        }

        /// Every language a script shortcut can name.
        static let languages = Set(allCases.map(\.language))

        init?(scalar value: UInt32) {
            switch value {
            case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xD7B0...0xD7FF: self = .hangul
            case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: self = .kana
            case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x3134F: self = .han
            case 0x370...0x3FF, 0x1F00...0x1FFF: self = .greek
            case 0x590...0x5FF: self = .hebrew
            case 0xE00...0xE7F: self = .thai
            case 0x10A0...0x10FF: self = .georgian
            case 0x530...0x58F: self = .armenian
            default: return nil
            }
        }

        /// Hangul, kana and Han characters spell a syllable or a word each.
        var isDense: Bool { self == .hangul || self == .kana || self == .han }
    }

    /// Scans `text`, calling `emit` with each feature, and returns its length and script counts.
    ///
    /// - Parameters:
    ///   - maxOrder: Character n-grams of 1 to `maxOrder` scalars (at most ``maxOrder``).
    ///   - words: Whether each whole word is a feature too.
    static func scan(_ text: String, maxOrder: Int, words: Bool, emit: (UInt64) -> Void) -> Scan {
        let scalars = lowercasedScalars(text)
        var scan = Scan()
        let count = scalars.count
        var start = 0
        while start < count {
            // One whitespace-separated chunk: [start, end).
            while start < count, isSpace(scalars[start]) { start += 1 }
            var end = start
            var skip = false
            while end < count, !isSpace(scalars[end]) {
                let v = scalars[end]
                if v == 0x40 || isDigit(v) || (v == 0x3A && end + 2 < count && scalars[end + 1] == 0x2F && scalars[end + 2] == 0x2F) {
                    skip = true
                }
                end += 1
            }
            if !skip, end - start >= 4, scalars[start] == 0x77, scalars[start + 1] == 0x77, scalars[start + 2] == 0x77,
                scalars[start + 3] == 0x2E
            {
                skip = true  // www.
            }
            if !skip { scanWords(in: scalars, start, end, maxOrder: maxOrder, words: words, scan: &scan, emit: emit) }
            start = end
        }
        return scan
    }

    /// The words of one chunk: runs of letters, apostrophes allowed between letters.
    private static func scanWords(
        in scalars: [UInt32], _ start: Int, _ end: Int, maxOrder: Int, words: Bool, scan: inout Scan,
        emit: (UInt64) -> Void
    ) {
        var index = start
        while index < end {
            guard isLetter(scalars[index]) else {
                index += 1
                continue
            }
            var wordEnd = index + 1
            while wordEnd < end {
                if isLetter(scalars[wordEnd]) {
                    wordEnd += 1
                } else if scalars[wordEnd] == 0x27, wordEnd + 1 < end, isLetter(scalars[wordEnd + 1]) {
                    wordEnd += 2
                } else {
                    break
                }
            }
            word(scalars, index, wordEnd, maxOrder: maxOrder, whole: words, scan: &scan, emit: emit)
            index = wordEnd
        }
    }

    /// One word's features: n-grams of the word padded with a space at each end, and the word.
    private static func word(
        _ scalars: [UInt32], _ start: Int, _ end: Int, maxOrder: Int, whole: Bool, scan: inout Scan,
        emit: (UInt64) -> Void
    ) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in start..<end {
            let v = scalars[index]
            if v >= 0x370, let script = Script(scalar: v) {
                let weight = script.isDense ? LanguageDetector.denseLetterWeight : 1
                scan.scriptLetters[script.rawValue] += weight
                scan.length += weight
            } else if v != 0x27 {
                scan.length += 1
            }
            hash = (hash ^ UInt64(v)) &* 0x0000_0100_0000_01B3
        }
        // Positions -1 and `end - start` are the padding spaces.
        let length = end - start
        for first in -1..<(length + 1) {
            var key: UInt64 = 0
            for n in 1...maxOrder {
                let position = first + n - 1
                if position > length { break }
                let scalar: UInt32 = (position < 0 || position == length) ? 0x20 : scalars[start + position]
                key = (key << 21) | UInt64(scalar)
                if n == 1 && scalar == 0x20 { continue }
                emit(key)
            }
        }
        if whole { emit(hash | (1 << 63)) }
    }

    /// The text's scalars, lower-cased, apostrophes unified; compatibility-composed (NFKC) when it
    /// holds combining marks, full-width forms or conjoining jamo.
    static func lowercasedScalars(_ text: String) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(text.utf8.count)
        var needsComposition = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                result.append((v >= 0x41 && v <= 0x5A) ? v + 0x20 : (v == 0x60 ? 0x27 : v))
                continue
            }
            switch v {
            case 0x300...0x36F, 0x1100...0x11FF, 0xFB00...0xFB4F, 0xFF00...0xFFEF: needsComposition = true
            default: break
            }
            if v == 0x2019 || v == 0x2BC || v == 0xB4 || v == 0x2018 {
                result.append(0x27)
            } else if scalar.properties.changesWhenLowercased {
                for piece in scalar.properties.lowercaseMapping.unicodeScalars { result.append(piece.value) }
            } else {
                result.append(v)
            }
        }
        if needsComposition {
            let composed = text.precomposedStringWithCompatibilityMapping
            if composed != text { return lowercasedScalars(composed) }
        }
        return result
    }

    @inline(__always) static func isSpace(_ v: UInt32) -> Bool {
        if v < 0x80 { return v <= 0x20 }
        return Unicode.Scalar(v)?.properties.isWhitespace ?? false
    }

    @inline(__always) static func isDigit(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        return Unicode.Scalar(v)?.properties.numericType == .decimal
    }

    @inline(__always) static func isLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        guard let scalar = Unicode.Scalar(v) else { return false }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark: return true
        default: return false
        }
    }
}

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
        var scriptLetters = SIMD16<Int32>()

        /// The language a script spells alone, when letters of that script make up more than half the message.
        var scriptLanguage: String? {
            guard length > 0 else { return nil }
            var counts = scriptLetters
            let kana = Script.kana.rawValue, han = Script.han.rawValue
            if counts[kana] > 0 {  // Japanese mixes kana and kanji.
                counts[kana] += counts[han]
                counts[han] = 0
            }
            var best = 0
            for index in 1..<Script.allCases.count where counts[index] > counts[best] { best = index }
            guard Int(counts[best]) * 2 > length else { return nil }
            return Script(rawValue: best)?.language
        }
    }

    /// Scripts that one language alone writes (as far as a shop's customers go), and scripts that only
    /// languages Steward does not serve write (Cyrillic, Arabic, Devanagari).
    enum Script: Int, CaseIterable {
        case hangul, kana, han, greek, hebrew, thai, georgian, armenian, cyrillic, arabic, devanagari

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
            // Several languages write these; none is one Steward serves, so the most common one names
            // the script, and the customer is offered a person like any unserved language.
            case .cyrillic: "ru"
            case .arabic: "ar"
            case .devanagari: "hi"
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
            case 0x400...0x52F: self = .cyrillic
            case 0x600...0x6FF, 0x750...0x77F: self = .arabic
            case 0x900...0x97F: self = .devanagari
            default: return nil
            }
        }

        /// Hangul, kana and Han characters spell a syllable or a word each.
        var isDense: Bool { self == .hangul || self == .kana || self == .han }
    }

    /// Scratch space, reused from one scan to the next when building profiles.
    private var scalars: [UInt32] = []
    private var classes: [Class] = []
    private var scalarCount = 0
    /// The features of the last scan: `features[0..<featureCount]`.
    private(set) var features: [UInt64] = []
    private(set) var featureCount = 0

    /// What a scalar is, worked out once per scalar.
    enum Class: UInt8 {
        case letter, apostrophe, space, digit, at, colon, slash, dot, other
    }

    /// Scans `text` into ``features`` and returns its length and script counts.
    ///
    /// - Parameters:
    ///   - orders: Character n-grams of these lengths (within 1...``maxOrder``).
    ///   - words: Whether each whole word is a feature too.
    mutating func scan(_ text: String, orders: ClosedRange<Int>, words: Bool) -> Scan {
        lowercase(text)
        let count = scalarCount
        // A word of n letters gives at most (n + 2) n-grams per order, plus itself.
        let bound = count * 3 * orders.count + count + 8
        if features.count < bound { features = [UInt64](repeating: 0, count: bound) }
        var scan = Scan()
        var written = 0
        scalars.withUnsafeBufferPointer { scalars in
            classes.withUnsafeBufferPointer { classes in
                features.withUnsafeMutableBufferPointer { out in
                    var start = 0
                    while start < count {
                        // One whitespace-separated chunk: [start, end).
                        while start < count, classes[start] == .space { start += 1 }
                        var end = start
                        var skip = false
                        while end < count, classes[end] != .space {
                            switch classes[end] {
                            case .digit, .at: skip = true
                            case .colon where end + 2 < count && classes[end + 1] == .slash && classes[end + 2] == .slash: skip = true
                            default: break
                            }
                            end += 1
                        }
                        if !skip, end - start >= 4, scalars[start] == 0x77, scalars[start + 1] == 0x77,
                            scalars[start + 2] == 0x77, classes[start + 3] == .dot
                        {
                            skip = true  // www.
                        }
                        if !skip {
                            Self.scanWords(scalars, classes, start, end, orders: orders, words: words, scan: &scan, out: out, written: &written)
                        }
                        start = end
                    }
                }
            }
        }
        featureCount = written
        return scan
    }

    /// The words of one chunk: runs of letters, apostrophes allowed between letters.
    private static func scanWords(
        _ scalars: UnsafeBufferPointer<UInt32>, _ classes: UnsafeBufferPointer<Class>, _ start: Int, _ end: Int,
        orders: ClosedRange<Int>, words: Bool, scan: inout Scan, out: UnsafeMutableBufferPointer<UInt64>, written: inout Int
    ) {
        var index = start
        while index < end {
            guard classes[index] == .letter else {
                index += 1
                continue
            }
            var wordEnd = index + 1
            while wordEnd < end {
                if classes[wordEnd] == .letter {
                    wordEnd += 1
                } else if classes[wordEnd] == .apostrophe, wordEnd + 1 < end, classes[wordEnd + 1] == .letter {
                    wordEnd += 2
                } else {
                    break
                }
            }
            word(scalars, index, wordEnd, orders: orders, whole: words, scan: &scan, out: out, written: &written)
            index = wordEnd
        }
    }

    /// One word's features: n-grams of the word padded with a space at each end, and the word.
    private static func word(
        _ scalars: UnsafeBufferPointer<UInt32>, _ start: Int, _ end: Int, orders: ClosedRange<Int>, whole: Bool,
        scan: inout Scan, out: UnsafeMutableBufferPointer<UInt64>, written: inout Int
    ) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in start..<end {
            let v = scalars[index]
            if v >= 0x370, let script = Script(scalar: v) {
                let weight = script.isDense ? LanguageDetector.denseLetterWeight : 1
                scan.scriptLetters[script.rawValue] += Int32(weight)
                scan.length += weight
            } else if v != 0x27 {
                scan.length += 1
            }
            hash = (hash ^ UInt64(v)) &* 0x0000_0100_0000_01B3
        }
        // Positions -1 and `length` are the padding spaces.
        let length = end - start
        let maxOrder = orders.upperBound, minOrder = orders.lowerBound
        for first in -1..<(length + 1) {
            var key: UInt64 = 0
            for n in 1...maxOrder {
                let position = first + n - 1
                if position > length { break }
                let scalar: UInt32 = (position < 0 || position == length) ? 0x20 : scalars[start + position]
                key = (key << 21) | UInt64(scalar)
                if n < minOrder || (n == 1 && scalar == 0x20) { continue }
                out[written] = key
                written += 1
            }
        }
        if whole {
            out[written] = hash | (1 << 63)
            written += 1
        }
    }

    /// Fills ``scalars`` and ``classes`` with the text's scalars, lower-cased, apostrophes unified,
    /// and their classes; compatibility-composed (NFKC) first when it holds combining marks,
    /// full-width forms or conjoining jamo.
    private mutating func lowercase(_ text: String) {
        // Lower-casing never gives more scalars than the text has UTF-8 bytes (İ, 2 bytes, gives 2).
        let capacity = text.utf8.count
        if scalars.count < capacity {
            scalars = [UInt32](repeating: 0, count: capacity * 2)
            classes = [Class](repeating: .other, count: capacity * 2)
        }
        var needsComposition = false
        var written = 0
        scalars.withUnsafeMutableBufferPointer { result in
            classes.withUnsafeMutableBufferPointer { classes in
                var pending: UInt32 = 0  // a multi-byte scalar being decoded
                var remaining = 0
                for byte in text.utf8 {
                    if byte < 0x80 {
                        let v = UInt32(byte)
                        let lower = (v >= 0x41 && v <= 0x5A) ? v + 0x20 : (v == 0x60 ? 0x27 : v)
                        result[written] = lower
                        classes[written] = Self.asciiClasses[Int(lower)]
                        written += 1
                        continue
                    }
                    if byte >= 0xC0 {
                        remaining = byte >= 0xF0 ? 3 : (byte >= 0xE0 ? 2 : 1)
                        pending = UInt32(byte) & (byte >= 0xF0 ? 0x07 : (byte >= 0xE0 ? 0x0F : 0x1F))
                        continue
                    }
                    pending = (pending << 6) | (UInt32(byte) & 0x3F)
                    remaining -= 1
                    guard remaining == 0 else { continue }
                    let v = pending
                    switch v {
                    case 0x300...0x36F, 0x1100...0x11FF, 0xFB00...0xFB4F, 0xFF00...0xFFEF: needsComposition = true
                    default: break
                    }
                    if v < Self.latinEnd {
                        let index = Int(v - 0x80)
                        result[written] = Self.latinLowercase[index]
                        classes[written] = Self.latinClasses[index]
                        written += 1
                    } else if v == 0x2019 || v == 0x2018 || v == 0x2BC {
                        result[written] = 0x27
                        classes[written] = .apostrophe
                        written += 1
                    } else if (0xAC00...0xD7A3).contains(v) || (0x4E00...0x9FFF).contains(v) || (0x3041...0x30FA).contains(v) {
                        result[written] = v  // Hangul, Han, kana: letters without case
                        classes[written] = .letter
                        written += 1
                    } else if let scalar = Unicode.Scalar(v) {
                        let properties = scalar.properties
                        let pieces = properties.changesWhenLowercased ? Array(properties.lowercaseMapping.unicodeScalars) : [scalar]
                        for piece in pieces where written < result.count {
                            result[written] = piece.value
                            classes[written] = Self.classify(piece)
                            written += 1
                        }
                    }
                }
            }
        }
        scalarCount = written
        if needsComposition {
            let composed = text.precomposedStringWithCompatibilityMapping
            // Compared by bytes: `!=` on strings would find the two canonically equal.
            if !composed.utf8.elementsEqual(text.utf8) { lowercase(composed) }
        }
    }

    /// The class of a scalar outside the tables, from its Unicode properties.
    private static func classify(_ scalar: Unicode.Scalar) -> Class {
        let properties = scalar.properties
        if properties.isWhitespace { return .space }
        if properties.numericType == .decimal { return .digit }
        if properties.isAlphabetic { return .letter }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark: return .letter
        default: return .other
        }
    }

    /// Classes of ASCII, by (lower-cased) value.
    private static let asciiClasses: [Class] = (0..<0x80).map { (v: UInt32) -> Class in
        switch v {
        case 0x61...0x7A: .letter
        case 0x30...0x39: .digit
        case 0...0x20: .space
        case 0x27: .apostrophe
        case 0x40: .at
        case 0x3A: .colon
        case 0x2F: .slash
        case 0x2E: .dot
        default: .other
        }
    }

    /// Latin-1 and Latin Extended-A/B (up to U+024F) are looked up in tables, not in Unicode properties.
    private static let latinEnd: UInt32 = 0x250

    /// Lower case of U+0080..<U+0250 (one scalar each in this range), with ´ read as an apostrophe.
    private static let latinLowercase: [UInt32] = (0x80..<latinEnd).map { value in
        if value == 0xB4 { return 0x27 }
        let scalar = Unicode.Scalar(value)!
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        return lower.count == 1 ? lower.first!.value : value
    }

    /// Classes of U+0080..<U+0250 (after lower-casing).
    private static let latinClasses: [Class] = (0x80..<latinEnd).map { value in
        value == 0xB4 ? .apostrophe : classify(Unicode.Scalar(latinLowercase[Int(value - 0x80)])!)
    }
}

/// Cheap scans over a message's UTF-8 that tell ``SecretMasker`` when a pass has nothing to do.
///
/// Each answers false only when its pass would return the text unchanged; true just means the
/// full, Character-level pass runs. Most messages hold no secret, so they skip both passes.
extension SecretMasker {
    /// False when `text` has no run of 13 or more ASCII digits (a single space or dash allowed
    /// between two digits), so ``maskCardNumbers(_:)`` cannot find a card number in it.
    static func mayContainCardNumber(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var digits = 0
            for index in bytes.indices {
                let byte = bytes[index]
                if byte.isASCIIDigit {
                    digits += 1
                    if digits >= 13 { return true }
                } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-"),
                    index + 1 < bytes.count, bytes[index + 1].isASCIIDigit
                {
                    continue
                } else {
                    digits = 0
                }
            }
            return false
        }
    }

    /// False when no keyword occurs in `text` as a whole word, ignoring case, so
    /// ``maskAfterKeywords(_:)`` would return it unchanged.
    ///
    /// Looking at bytes is enough: lowercasing makes ASCII letters only from ASCII letters (and
    /// from the Kelvin sign and "İ", which no keyword can use), and a keyword's non-ASCII letter
    /// is written precomposed (non-ASCII bytes) or as its ASCII base letter and a combining mark.
    static func mayContainKeyword(_ text: String) -> Bool {
        let anchors = keywordAnchors
        let firstBytes = keywordFirstBytes
        var text = text
        return text.withUTF8 { bytes in
            for start in bytes.indices where firstBytes[Int(bytes[start])] {
                for anchor in anchors where anchor.matches(bytes, at: start) { return true }
            }
            return false
        }
    }

    /// A keyword as looked for in UTF-8: its lowercase ASCII letters up to its first non-ASCII one.
    struct KeywordAnchor: Sendable {
        let bytes: [UInt8]
        /// True when the keyword goes on with a non-ASCII letter ("hasło", "contraseña").
        let isTruncated: Bool

        init(_ keyword: String) {
            bytes = Array(keyword.utf8.prefix { $0 < 0x80 })
            isTruncated = bytes.count < keyword.utf8.count
        }

        /// True when the anchor starts at `start` (ignoring ASCII case) and the bytes around it
        /// do not prove it part of a longer word.
        func matches(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
            let end = start + bytes.count
            guard end <= text.count else { return false }
            for offset in bytes.indices where text[start + offset].asciiLowercased != bytes[offset] { return false }
            // An ASCII letter just before rules the match out only when it is a character of its own
            // (first, or after ASCII), not the end of one such as a prepend mark and a letter.
            if start > 0, text[start - 1].isASCIILetter, start == 1 || text[start - 2] < 0x80 { return false }
            guard isTruncated else { return end == text.count || !text[end].isASCIILetter }
            // The non-ASCII letter that follows: precomposed, or a base letter and a combining mark.
            guard end < text.count else { return false }
            return text[end] >= 0x80 || (text[end].isASCIILetter && end + 1 < text.count && text[end + 1] >= 0x80)
        }
    }

    static let keywordAnchors = keywords.map(KeywordAnchor.init)

    /// For each byte value, true when a keyword can start with it (either case).
    static let keywordFirstBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for anchor in keywordAnchors {
            let first = anchor.bytes[0]
            table[Int(first)] = true
            if first.isASCIILetter { table[Int(first & 0xDF)] = true }
        }
        return table
    }()
}

extension UInt8 {
    fileprivate var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    fileprivate var isASCIILetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }
    fileprivate var asciiLowercased: UInt8 { self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z") ? self | 0x20 : self }
}

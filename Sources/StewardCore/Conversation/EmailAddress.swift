/// Checks and finds email addresses.
public enum EmailAddress {
    /// True when `text` is a plausible email address: one `@`, a local part, a dotted domain.
    public static func isValid(_ text: String) -> Bool {
        var text = text
        let ascii = text.withUTF8 { bytes in bytes.allSatisfy { $0 < 0x80 } ? isValidASCII(bytes) : nil }
        return ascii ?? isValidUnicode(text)
    }

    /// The characters a local part may use.
    static let allowedLocal = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")

    /// ``allowedLocal`` by ASCII byte value.
    static let allowedLocalBytes: [Bool] = (0..<128).map { allowedLocal.contains(Character(Unicode.Scalar(UInt8($0)))) }

    /// The checks for all-ASCII text, on bytes.
    ///
    /// A byte is a character here, except CR LF (one character), whose bytes are allowed nowhere:
    /// counting bytes instead of characters changes no answer.
    static func isValidASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let dot = UInt8(ascii: "."), hyphen = UInt8(ascii: "-")
        guard bytes.count <= 254, let at = bytes.firstIndex(of: UInt8(ascii: "@")) else { return false }
        let local = bytes[..<at], domain = bytes[(at + 1)...]
        let allowed = allowedLocalBytes
        guard !local.isEmpty, local.count <= 64, local.allSatisfy({ allowed[Int($0)] }),
            local.first != dot, local.last != dot
        else { return false }
        // Letters, digits, dots and hyphens only (so no second "@"), and at least two labels.
        guard domain.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || $0 == dot || $0 == hyphen }),
            let lastDot = domain.lastIndex(of: dot)
        else { return false }
        let tld = domain[(lastDot + 1)...]
        guard tld.count >= 2, tld.allSatisfy(\.isASCIILetter) else { return false }
        // No empty label, and none starting or ending with a hyphen (the TLD ends with a letter).
        var previous = dot
        for byte in domain {
            if byte == dot, previous == dot || previous == hyphen { return false }
            if byte == hyphen, previous == dot { return false }
            previous = byte
        }
        return true
    }

    /// The checks on characters, for text with non-ASCII letters (allowed in the domain).
    static func isValidUnicode(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64, text.count <= 254 else { return false }
        let domain = parts[1]
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }),
            let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter)
        else { return false }
        guard parts[0].allSatisfy({ allowedLocal.contains($0) }), !parts[0].hasPrefix("."), !parts[0].hasSuffix(".") else {
            return false
        }
        return domain.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
    }
}

extension UInt8 {
    fileprivate var isASCIILetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }
    fileprivate var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}

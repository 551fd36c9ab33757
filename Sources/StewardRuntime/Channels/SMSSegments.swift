/// Counts SMS segments: 160 GSM-7 characters (153 when split), or 70 UCS-2 (67 when split).
public enum SMSSegments {
    private static let gsm: Set<Character> = Set(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
    )
    private static let gsmExtended: Set<Character> = Set("^{}\\[~]|€")

    /// GSM-7 units of each ASCII byte: 1, 2 for the extension table's characters, 0 when not GSM-7.
    private static let asciiUnits: [Int] = (0..<128).map { value in
        let character = Character(Unicode.Scalar(UInt8(value)))
        return gsmExtended.contains(character) ? 2 : gsm.contains(character) ? 1 : 0
    }

    /// True when the text can be sent in GSM-7.
    public static func isGSM7(_ text: String) -> Bool {
        gsmUnits(text) != nil
    }

    /// The number of segments the text needs.
    public static func count(_ text: String) -> Int {
        if let units = gsmUnits(text) {
            return units <= 160 ? 1 : (units + 152) / 153
        }
        let units = text.utf16.count
        return units <= 70 ? 1 : (units + 66) / 67
    }

    /// The text's length in GSM-7 units (extension characters take two); nil when it is not GSM-7.
    ///
    /// ASCII text is read byte by byte; from the first non-ASCII byte on, a character can be several
    /// scalars ("e" and a combining accent is "é"), so the whole text is read by characters.
    static func gsmUnits(_ text: String) -> Int? {
        let table = asciiUnits
        var copy = text
        return copy.withUTF8 { bytes in
            var units = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x80 else { return characterUnits(text) }
                // CR LF is one character, and not a GSM-7 one.
                let isCRLF = byte == UInt8(ascii: "\n") && index > 0 && bytes[index - 1] == UInt8(ascii: "\r")
                guard table[Int(byte)] > 0, !isCRLF else { return nil }
                units += table[Int(byte)]
            }
            return units
        }
    }

    /// ``gsmUnits(_:)`` counted on characters.
    private static func characterUnits(_ text: String) -> Int? {
        guard text.allSatisfy({ gsm.contains($0) || gsmExtended.contains($0) }) else { return nil }
        return text.reduce(0) { $0 + (gsmExtended.contains($1) ? 2 : 1) }
    }
}

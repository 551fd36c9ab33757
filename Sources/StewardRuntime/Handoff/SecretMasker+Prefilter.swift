/// A cheap scan over a message's UTF-8 that tells ``SecretMasker`` when the normalised pass has nothing to do.
///
/// It answers false only when the full pass would return the text unchanged; true just means the full
/// pass runs. Most messages are ASCII with no keyword and fewer than nine digits, and skip it.
extension SecretMasker {
    /// False when `text` is ASCII, holds fewer than 9 digits (the fewest any number-shaped secret has: an
    /// SSN) and no word starting like a keyword; true otherwise (any non-ASCII text goes to the full
    /// pass, which folds Unicode digits, spaces and letters).
    static func mayContainSecret(_ text: String) -> Bool {
        let anchors = anchorBytes
        let firstBytes = anchorFirstBytes
        var text = text
        return text.withUTF8 { bytes in
            var digits = 0
            var previousIsWordByte = false
            for start in bytes.indices {
                let byte = bytes[start]
                if byte >= 0x80 { return true }
                let lower = byte | 0x20
                let isLetter = lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
                let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
                if isDigit {
                    digits += 1
                    if digits >= 9 { return true }
                } else if isLetter, !previousIsWordByte, firstBytes[Int(lower)] {
                    for anchor in anchors where anchor.count <= bytes.count - start {
                        var matches = true
                        for offset in anchor.indices where bytes[start + offset] | 0x20 != anchor[offset] {
                            matches = false
                            break
                        }
                        if matches { return true }
                    }
                }
                previousIsWordByte = isLetter || isDigit
            }
            return false
        }
    }

    /// How every ASCII keyword of the lexicon begins (lowercase); a word starting so sends the text to the full pass.
    static let anchorBytes: [[UInt8]] = [
        "pin", "cv", "cid", "csc", "secur", "card", "verif", "kod", "sakerhet", "geheim", "sicher", "pruf", "kartenpruf",
        "nip", "codigo", "code", "crypto", "pw", "pswd", "pass", "hasl", "losen", "kennw", "zugang", "contrasen", "clave",
        "frase", "mot", "mdp", "phrase",
    ].map { Array($0.utf8) }

    /// For each lowercase byte, true when an anchor starts with it.
    static let anchorFirstBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for anchor in anchorBytes { table[Int(anchor[0])] = true }
        return table
    }()
}

/// A cheap scan that tells ``SecretMasker`` when the normalised pass has nothing to do.
///
/// It answers false only when the full pass would return the text unchanged; true just means the full
/// pass runs. Most messages hold no keyword and fewer than nine digits, and skip it.
extension SecretMasker {
    /// False when `text` holds fewer than 9 digits of any script (the fewest any number-shaped secret
    /// has: an SSN), no word starting like a keyword (``anchorBytes``, read through the same case and
    /// diacritic folding as ``NormalisedText``, and Cyrillic or Greek look-alikes as Latin letters,
    /// ``confusables``) and no Hangul syllable a Korean keyword starts with.
    static func mayContainSecret(_ text: String) -> Bool {
        var text = text
        let ascii: Bool? = text.withUTF8 { bytes in
            var digits = 0
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { digits += 1 }
            }
            return digits >= 9 || hasAnchor(bytes)
        }
        if let ascii { return ascii }
        return mayContainSecretInUnicode(text)
    }

    /// The scan for text with non-ASCII characters: each scalar folded to ASCII letters where it is a
    /// Latin letter (`ł` → `l`, `é` → `e`, `Ｐ` → `p`), digits of every script counted, combining marks
    /// skipped, anything else a word break.
    private static func mayContainSecretInUnicode(_ text: String) -> Bool {
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        var digits = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value >= 0x30, value <= 0x39 { digits += 1 }
                folded.append(UInt8(value))
                continue
            }
            if (0xAC00...0xD7A3).contains(value) {
                if koreanKeywordStarts.contains(scalar) { return true }
                folded.append(0x20)
                continue
            }
            if let letters = latinFolds[scalar] {
                folded += letters
                continue
            }
            if let latin = confusables[scalar] {
                folded.append(UInt8(latin.value))
                continue
            }
            let properties = scalar.properties
            if properties.numericType == .decimal || properties.numericType == .digit {
                digits += 1
                folded.append(UInt8(ascii: "0"))
                continue
            }
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .format: continue
            default: folded.append(0x20)
            }
        }
        if digits >= 9 { return true }
        return folded.withUnsafeBufferPointer(hasAnchor)
    }

    /// True when a word of `bytes` (ASCII; a word starts after a byte that is not a letter or digit)
    /// starts with one of ``anchorBytes``, ignoring case.
    private static func hasAnchor(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let anchors = anchorBytes
        let firstBytes = anchorFirstBytes
        var previousIsWordByte = false
        for start in bytes.indices {
            let byte = bytes[start]
            let lower = byte | 0x20
            let isLetter = lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
            if isLetter, !previousIsWordByte, firstBytes[Int(lower)] {
                for anchor in anchors where anchor[0] == lower && anchor.count <= bytes.count - start {
                    var matches = true
                    for offset in anchor.indices where bytes[start + offset] | 0x20 != anchor[offset] {
                        matches = false
                        break
                    }
                    if matches { return true }
                }
            }
            previousIsWordByte = isLetter || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        return false
    }

    /// How every Latin keyword of the lexicon begins (lowercase, without diacritics); a word starting
    /// so sends the text to the full pass.
    static let anchorBytes: [[UInt8]] = [
        "pin", "cv", "cid", "csc", "secur", "card", "verif", "kod", "sakerhet", "geheim", "sicher", "pruf", "kartenpruf",
        "nip", "codigo", "code", "crypto", "pw", "pswd", "pass", "hasl", "losen", "kennw", "zugang", "contrasen", "clave",
        "frase", "mot", "mdp", "phrase", "p.i.n", "c.v.v", "c.v.c",
        // Card keywords, for card numbers spelled out in words (digits trigger the full pass on their own).
        "visa", "master", "amex", "debit", "credit", "kort", "karta", "karte", "tarjeta", "carte",
    ].map { Array($0.utf8) }

    /// For each lowercase byte, true when an anchor starts with it.
    static let anchorFirstBytes: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for anchor in anchorBytes { table[Int(anchor[0])] = true }
        return table
    }()

    /// The first syllables of the Korean keywords.
    static let koreanKeywordStarts: Set<Unicode.Scalar> = Set(keywords.compactMap { $0.units.first { $0.isHangul } })

    /// Latin letters beyond ASCII (Latin-1, Extended-A and B, Extended Additional, letterlike, circled,
    /// full-width, mathematical) as
    /// ``NormalisedText`` folds them, when that is ASCII letters only.
    static let latinFolds: [Unicode.Scalar: [UInt8]] = {
        var table: [Unicode.Scalar: [UInt8]] = [:]
        for range in [0xC0...0x24F, 0x1E00...0x1EFF, 0x2100...0x214F, 0x24B6...0x24E9, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0x1D400...0x1D6A5] {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let units = NormalisedText(String(scalar)).units
                guard !units.isEmpty, units.allSatisfy(\.isMaskASCIILetter) else { continue }
                table[scalar] = units.map { UInt8($0.value) }
            }
        }
        return table
    }()
}

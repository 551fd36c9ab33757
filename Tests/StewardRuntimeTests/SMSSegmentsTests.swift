import StewardRuntime
import StewardRouter
import Testing

/// `SMSSegments` reads ASCII text byte by byte; these check it counts exactly as the
/// Character-level implementation it started from (kept below as the reference).
@Suite struct SMSSegmentsTests {
    static let edgeCases: [String] = [
        "", "a", "`", "\t", "\r", "\n", "\r\n", "a\r\nb", "\n\r", "\r\r\n", "^", "{}[]~|\\", "€", "é", "e\u{301}", "E\u{301}",
        "Ç", "C\u{327}", "ñ", "n\u{303}", "Δ", "ş", "¤", "😀", "\u{0600}x", "x\u{301}", "^\u{301}", "`\u{301}", "a\u{0600}",
        String((0..<0x80).map { Character(Unicode.Scalar(UInt8($0))) }),
        String(repeating: "a", count: 160), String(repeating: "a", count: 161), String(repeating: "a", count: 306),
        String(repeating: "a", count: 307), String(repeating: "^", count: 80), String(repeating: "^", count: 81),
        String(repeating: "a", count: 159) + "^", String(repeating: "a", count: 70) + "`", String(repeating: "a", count: 69) + "`",
        String(repeating: "é", count: 160), String(repeating: "e\u{301}", count: 161), String(repeating: "😀", count: 35),
        String(repeating: "😀", count: 36), String(repeating: "a", count: 200) + "\r\n", String(repeating: "a", count: 200) + "😀",
    ]

    @Test(arguments: edgeCases)
    func edgeCasesCountAsBefore(text: String) {
        #expect(SMSSegments.count(text) == Self.referenceCount(text))
        #expect(SMSSegments.isGSM7(text) == Self.referenceIsGSM7(text))
    }

    @Test func randomTextsCountAsBefore() {
        var generator = SplitMix64(seed: 13)
        let fragments = Self.fragments
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            let length = [1, 5, 40, 80, 200].randomElement(using: &generator)!
            // Mostly plain text, so that long ASCII-only texts come up often.
            let plain = Int.random(in: 0..<3, using: &generator) > 0
            let text = (0..<Int.random(in: 0...length, using: &generator)).map { _ in
                plain && Int.random(in: 0..<50, using: &generator) > 0 ? "abc de 12.".randomElement(using: &generator)!.description
                    : fragments.randomElement(using: &generator)!
            }.joined()
            if SMSSegments.count(text) != Self.referenceCount(text) || SMSSegments.isGSM7(text) != Self.referenceIsGSM7(text) {
                mismatches.append(text)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10).map(\.debugDescription))")
    }

    static let fragments: [String] = (0..<0x80).map { String(Character(Unicode.Scalar(UInt8($0)))) } + [
        "\r\n", "€", "é", "e\u{301}", "E\u{301}", "Ç", "C\u{327}", "ñ", "n\u{303}", "Δ", "ş", "¤", "😀", "\u{0600}", "\u{301}",
        "£", "¥", "ß", "Ä", "ü", "à", "§", "¿", "¡", "ł", "’",
    ]

    // MARK: - The implementation before the byte-level fast path

    static let gsm: Set<Character> = Set(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
    )
    static let gsmExtended: Set<Character> = Set("^{}\\[~]|€")

    static func referenceIsGSM7(_ text: String) -> Bool {
        text.allSatisfy { gsm.contains($0) || gsmExtended.contains($0) }
    }

    static func referenceCount(_ text: String) -> Int {
        if referenceIsGSM7(text) {
            let units = text.reduce(0) { $0 + (gsmExtended.contains($1) ? 2 : 1) }
            return units <= 160 ? 1 : (units + 152) / 153
        }
        let units = text.utf16.count
        return units <= 70 ? 1 : (units + 66) / 67
    }
}

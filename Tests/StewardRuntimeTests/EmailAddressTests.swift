import StewardCore
import StewardRouter
import Testing

/// `EmailAddress.isValid` checks ASCII text on bytes; these check it decides exactly as the
/// Character-level implementation it started from (kept below as the reference).
@Suite struct EmailAddressTests {
    static let edgeCases: [String] = [
        "", "@", "a@", "@b.co", "a@b", "a@b.c", "a@b.co", "a@b.co.", "a@.b.co", "a@b..co", "a@-b.co", "a@b-.co", "a@b.-co",
        "a@b.co-", "a@b.c0", "a@b.co1", "a@b-c.co", "a@1.co", "a@@b.co", "a@b@c.co", ".a@b.co", "a.@b.co", "a..b@c.co",
        "a.b@c.co", "a+tag@b.co", "!#$%&'*+/=?^_`{|}~-@b.co", "a b@c.co", "a@b c.co", "a@b_c.co", "a\"b@c.co", "a(b)@c.co",
        "A@B.CO", "a@b.Co", "a\r\n@b.co", "a@b.co\r\n", "a@b\r\n.co", "a@b.c\r\n", "a\n@b.co", "a@b.co\n", "a\t@b.co",
        "a@münchen.de", "a@b.côm", "a@b.co\u{301}", "a@b.c\u{301}o", "é@b.co", "e\u{301}@b.co", "a@日本.jp", "a@b.日本",
        "a@١٢.co", "a@b.١٢", "a@²³.co", "a@Ⅻ.co", "a@b.ⅫⅫ", "a@\u{0600}b.co", "a@b.c\u{0600}", "a@😀.co", "a@b.😀😀",
        "a@İ.co", "a@\u{212A}.co", "a@b.\u{212A}\u{212A}", "a@ａ.co", "ａ@b.co", "a@b.ｃｏ", "@\u{301}@b.co", "a@\u{301}b.co",
        "a@b.\u{301}co", "a@b\u{301}.co", String(repeating: "a", count: 64) + "@b.co", String(repeating: "a", count: 65) + "@b.co",
        "a@" + String(repeating: "b", count: 249) + ".co", "a@" + String(repeating: "b", count: 248) + ".co",
        String(repeating: "a", count: 63) + "\r\n@b.co", "a@" + String(repeating: "ü", count: 249) + ".co",
        "a@" + String(repeating: "ü", count: 248) + ".co", "a@" + String(repeating: "u\u{308}", count: 249) + ".co",
    ]

    @Test(arguments: edgeCases)
    func edgeCasesDecideAsBefore(text: String) {
        #expect(EmailAddress.isValid(text) == Self.referenceIsValid(text))
    }

    @Test func plainAddressesAreValid() {
        #expect(EmailAddress.isValid("jane.doe+orders@example.co.uk"))
        #expect(EmailAddress.isValid("a@münchen.de"))
        #expect(!EmailAddress.isValid("jane@example"))
        #expect(!EmailAddress.isValid("jane@@example.com"))
    }

    @Test func randomTextsDecideAsBefore() {
        var generator = SplitMix64(seed: 11)
        var mismatches: [String] = []
        var valid = 0
        for _ in 0..<30_000 {
            let text = Self.randomText(using: &generator)
            let expected = Self.referenceIsValid(text)
            if expected { valid += 1 }
            if EmailAddress.isValid(text) != expected { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10).map(\.debugDescription))")
        // Enough valid addresses that both answers are exercised.
        #expect(valid > 1_000)
    }

    @Test func everyShortTextOverASmallAlphabetDecidesAsBefore() {
        let alphabet: [String] = ["a", "B", "1", ".", "-", "@"]
        var texts = [""]
        var mismatches: [String] = []
        for _ in 1...6 {
            texts = texts.flatMap { text in alphabet.map { text + $0 } }
            for text in texts where EmailAddress.isValid(text) != Self.referenceIsValid(text) { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    static let fragments: [String] = [
        "a", "Z", "jane", "0", "9", ".", "-", "_", "+", "!", "#", "~", "`", "{", "|", "}", "'", "\"", "(", " ", "\t", "\n",
        "\r\n", "example", "com", "co", "c", "uk", "x", "münchen", "é", "e\u{301}", "\u{301}", "ß", "日本", "١٢", "²", "Ⅻ",
        "\u{0600}", "😀", "İ", "\u{212A}", "ａ", "ü", "@",
    ]

    /// A local part, "@" and dotted labels built from fragments, with the odd "@" or "." moved or repeated.
    static func randomText(using generator: inout SplitMix64) -> String {
        func piece(_ generator: inout SplitMix64) -> String {
            (0..<Int.random(in: 0...3, using: &generator)).map { _ in fragments.randomElement(using: &generator)! }.joined()
        }
        let local = Bool.random(using: &generator) ? "jane.doe" : piece(&generator)
        let labels = (0..<Int.random(in: 1...4, using: &generator)).map { _ in
            Int.random(in: 0..<3, using: &generator) == 0 ? piece(&generator) : ["shop", "b-c", "co", "com", "x1", "de"].randomElement(using: &generator)!
        }
        var text = local + "@" + labels.joined(separator: ".")
        if Int.random(in: 0..<8, using: &generator) == 0 { text += [".", "-", "@", "@x.co", ".c", "1"].randomElement(using: &generator)! }
        return text
    }

    // MARK: - The implementation before the byte-level fast path

    static func referenceIsValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64, text.count <= 254 else { return false }
        let domain = parts[1]
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }),
            let tld = labels.last, tld.count >= 2, tld.allSatisfy(\.isLetter)
        else { return false }
        let allowedLocal = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
        guard parts[0].allSatisfy({ allowedLocal.contains($0) }), !parts[0].hasPrefix("."), !parts[0].hasSuffix(".") else {
            return false
        }
        return domain.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
    }
}

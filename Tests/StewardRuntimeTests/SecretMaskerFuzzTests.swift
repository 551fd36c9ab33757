import Foundation
import StewardRouter
import StewardRuntime
import Testing

/// Random mixes of keywords, digits in several scripts, separators, combining marks, emoji and
/// placeholders: the masker never traps, and masking its output again never cuts a placeholder
/// (today's bug: "the security code (CVV) is 482" became `[removed]removed] is 482`).
@Suite struct SecretMaskerFuzzTests {
    static let fragments: [String] = [
        "password", "PIN", "pin", "cvv2", "security code", "hasło", "lösenord", "비밀번호", "는 ", "mot de passe", "pass",
        " is ", ": ", "=", " ", "  ", "\u{00A0}", "\n", "\r\n", ".", "-", "/", "(", ")", "#", "[removed]", "[card number removed]",
        "4111", "1111", "٤١١١", "４１１１", "123", "45", "6789", "GB82", "WEST", "1234", "5698", "7654", "32", "hunter2",
        "e\u{301}", "\u{301}", "\u{200B}", "\u{0}", "\u{1B}", "\u{7F}", "visa", "раss", "→", "\"", "four", "ssn", "2024-05-12", "😀", "👩‍👩‍👧", "ß", "İ", "\u{0600}", "x", "order", "is", "not",
    ]

    /// True when `text` holds a piece of a placeholder outside whole placeholders.
    static func hasCutPlaceholder(_ text: String) -> Bool {
        var rest = text
        for placeholder in [SecretMasker.cardPlaceholder, SecretMasker.ibanPlaceholder, SecretMasker.removedPlaceholder] {
            rest = rest.replacingOccurrences(of: placeholder, with: " ")
        }
        return ["removed]", "[removed", "[card number", "[account number"].contains(where: rest.contains)
    }

    @Test func randomTextIsMaskedWithoutTrappingOrCuttingAPlaceholder() {
        var random = SplitMix64(seed: 31)
        var cut: [String] = []
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...14, using: &random) { text += Self.fragments.randomElement(using: &random)! }
            let once = SecretMasker.mask(text)
            let twice = SecretMasker.mask(once)
            if Self.hasCutPlaceholder(once) && !Self.hasCutPlaceholder(text) || Self.hasCutPlaceholder(twice) && !Self.hasCutPlaceholder(once) {
                cut.append(text)
            }
        }
        #expect(cut.isEmpty, "\(cut.count): \(cut.prefix(8).map(\.debugDescription))")
    }
}

/// Masking a text that arrives in parts (an SMS or WhatsApp burst: "my card is 4111 1111", then
/// "1111 1111"), where a secret may be split between two parts that each look harmless.
extension SecretMasker {
    /// The parts, each masked as a piece of the whole: the parts are read joined with `separator`, and
    /// every stretch of a part that falls inside a secret of the joined text is replaced by that
    /// secret's placeholder; the part is then masked on its own as well. So "my password is" +
    /// "Hunter2zz" gives "my password is" + "[removed]", and the card split above gives
    /// "my card is [card number removed]" + "[card number removed]".
    ///
    /// - Parameters:
    ///   - parts: The texts, in the order they were written.
    ///   - separator: What stands between two parts when they are read together (the engine joins a
    ///     burst's texts with one space).
    /// - Returns: One masked text per part, in the same order.
    /// The text, masked before, with a password's value reopened when it ends the text: a passphrase masked
    /// to the end of one message ("my password is [removed]") may go on in the next ("… zc9bfkhc! Where is my
    /// order?"). The final placeholder is replaced by a stand-in value when it is a password's (not a PIN's or
    /// card's), so that masking the text joined with the next part masks the rest of the phrase there too.
    /// - Returns: The text with its final password placeholder replaced by ``passwordStandIn``, or nil.
    static func reopeningPassword(_ masked: String) -> String? {
        let trimmed = masked.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasSuffix(removedPlaceholder) else { return nil }
        let reopened = String(trimmed.dropLast(removedPlaceholder.count)) + passwordStandIn
        let view = NormalisedText(reopened)
        let standIn = view.count - passwordStandIn.count
        let spans = introducedSecrets(in: view, original: Array(reopened.utf8), passwordsOnly: true)
        return spans.contains { $0.units.contains(standIn) } ? reopened : nil
    }

    /// Whether `text` opens with a token shaped like a password rather than a word: letters with digits, a
    /// symbol inside, or mixed case (`zc9bfkhc!`, `Pzjjv7Rj`, `x-y`). A message opening with a plain word ("ok
    /// thanks", "not working") after a masked password is a new message, not the rest of the passphrase.
    static func opensWithValueToken(_ text: String) -> Bool {
        let token = text.drop { $0.isWhitespace }.prefix { !$0.isWhitespace }
        let core = token.reversed().drop { ".,!?;:".contains($0) }.reversed()
        guard core.contains(where: \.isLetter) else { return false }
        if core.contains(where: \.isNumber) { return true }
        if core.dropFirst().contains(where: { !$0.isLetter && $0 != "'" }) { return true }
        let letters = core.filter(\.isLetter)
        return letters.dropFirst().contains(where: \.isUppercase) && letters.contains(where: \.isLowercase)
    }

    /// What stands for a masked password's value while a text is read with the next part (letters and digits:
    /// always a value, never a statement).
    static let passwordStandIn = "Zq9Xv7Wk"

    public static func mask(parts: [String], separator: String = " ") -> [String] {
        guard parts.count > 1 else { return parts.map(mask) }
        // A password masked to the end of the first part may go on in the next.
        if let reopened = reopeningPassword(parts[0]), opensWithValueToken(parts[1]) {
            var masked = mask(parts: [reopened] + parts.dropFirst(), separator: separator)
            masked[0] = masked[0] == mask(reopened) ? parts[0] : masked[0]
            return masked
        }
        let joined = parts.joined(separator: separator)
        guard mayContainSecret(joined) else { return parts }
        let view = NormalisedText(joined)
        let secrets = spans(in: joined, view: view).map { span in
            (bytes: view.starts[span.units.lowerBound]..<view.ends[span.units.upperBound - 1], placeholder: span.placeholder)
        }
        var offset = 0
        return parts.map { part in
            let bytes = Array(part.utf8)
            let range = offset..<(offset + bytes.count)
            offset += bytes.count + separator.utf8.count
            var out: [UInt8] = []
            var position = 0
            for secret in secrets.sorted(by: { $0.bytes.lowerBound < $1.bytes.lowerBound }) where secret.bytes.overlaps(range) {
                let start = max(secret.bytes.lowerBound, range.lowerBound) - range.lowerBound
                let end = min(secret.bytes.upperBound, range.upperBound) - range.lowerBound
                guard start >= position else { continue }
                out += bytes[position..<start]
                out += secret.placeholder.utf8
                position = end
            }
            out += bytes[position...]
            return mask(String(decoding: out, as: UTF8.self))
        }
    }
}

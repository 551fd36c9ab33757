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
    public static func mask(parts: [String], separator: String = " ") -> [String] {
        guard parts.count > 1 else { return parts.map(mask) }
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

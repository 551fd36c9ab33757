/// The rule for identifiers a host hands Steward (session ids, message ids, profile ids, actions, names):
/// UTF-8 text of at most ``maxBytes`` bytes without control characters.
///
/// Checked at every boundary, so that no store, C library or log ever shortens or splits one: a session id
/// `"s-42\u{0}x"` would otherwise be stored as `s-42`, another customer's conversation.
public enum Identifier {
    /// The longest identifier accepted, in UTF-8 bytes.
    public static let maxBytes = 256

    /// What is wrong with `value` as the identifier `field`, in words a host developer understands; nil when it is fine.
    public static func problem(_ value: String, field: String) -> String? {
        if value.utf8.count > maxBytes {
            return "`\(field)` is \(value.utf8.count) bytes long; the limit is \(maxBytes) bytes of UTF-8."
        }
        if let bad = value.unicodeScalars.first(where: isForbidden) {
            let code = String(bad.value, radix: 16, uppercase: true)
            return "`\(field)` contains the control character U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code); identifiers are text without control characters."
        }
        return nil
    }

    /// Control characters (C0, DEL, C1) and the line and paragraph separators.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}

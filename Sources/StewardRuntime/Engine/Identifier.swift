/// The rules for identifiers and codes a host hands Steward (session ids, message ids, actions, channel
/// and language codes, customer fields): UTF-8 text of at most ``maxBytes`` bytes that looks like what it is.
///
/// Checked at every boundary, so that no store, C library or log ever shortens or splits one (a session id
/// `"s-42\u{0}x"` would otherwise be stored as `s-42`, another customer's conversation), and so that no
/// identifier can look like another in `steward tickets list` or a log.
///
/// Each ``Rule`` refuses, in one pass over the value's scalars:
/// - control characters (Unicode general category Cc: C0, DEL, C1) and the line and paragraph separators
///   (U+2028, U+2029);
/// - invisible format characters (general category Cf: U+200B zero-width space, U+200E/U+200F and
///   U+202A–U+202E direction marks and overrides, U+2066–U+2069 isolates, U+FEFF, U+00AD soft hyphen,
///   tag characters …) and the other default-ignorable code points (U+3164 Hangul filler, U+034F,
///   variation selectors …), which change how text looks without being seen. ``Rule/name`` allows the
///   joiners U+200C and U+200D between other characters: Persian and Indic names and emoji need them;
/// - for ``Rule/strict``: the empty string and whitespace (Unicode White_Space) at either end, so `" "`
///   and `"s1 "` are not ids.
public enum Identifier {
    /// The longest identifier accepted, in UTF-8 bytes.
    public static let maxBytes = 256

    /// Which characters a field may hold beyond the common rule.
    public enum Rule: Sendable {
        /// Session and message ids, profile ids, actions, channel and language codes: not empty, no
        /// whitespace at either end, no control or invisible character.
        case strict
        /// Fields the host may pad, trimmed after the check (`customer.email`, `customer.phone`): no
        /// control or invisible character.
        case padded
        /// A person's name (`customer.name`): no control or invisible character except the joiners
        /// U+200C and U+200D between other characters.
        case name
    }

    /// What is wrong with `value` as the identifier `field` under ``Rule/strict``, in words a host
    /// developer understands; nil when it is fine.
    public static func problem(_ value: String, field: String) -> String? {
        problem(value, field: field, rule: .strict)
    }

    /// What is wrong with `value` as the field `field` under `rule`; nil when it is fine.
    /// Characters that draw nothing although they are neither whitespace nor Cf: U+2800 BRAILLE PATTERN BLANK,
    /// U+3164 HANGUL FILLER, U+FFA0 HALFWIDTH HANGUL FILLER, U+115F/U+1160 HANGUL CHOSEONG/JUNGSEONG FILLER
    /// (the ones Unicode's confusables and UTS #39 list as rendering blank). They are refused like invisible characters.
    public static let blankLooking: Set<UInt32> = [0x2800, 0x3164, 0xFFA0, 0x115F, 0x1160]

    public static func problem(_ value: String, field: String, rule: Rule) -> String? {
        let count = value.utf8.count
        if count > maxBytes {
            return "`\(field)` is \(count) bytes long; the limit is \(maxBytes) bytes of UTF-8."
        }
        if rule == .strict, count == 0 {
            return "`\(field)` is empty; send a non-empty identifier."
        }
        var position = 0
        var last: Unicode.Scalar?
        for scalar in value.unicodeScalars {
            defer {
                position += 1
                last = scalar
            }
            if scalar.value < 0x7F {
                if scalar.value >= 0x20 { continue }
                return "`\(field)` contains the control character \(named(scalar)); identifiers are text without control characters."
            }
            if scalar.value <= 0x9F || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0x7F {
                return "`\(field)` contains the control character \(named(scalar)); identifiers are text without control characters."
            }
            if rule == .name, scalar.value == 0x200C || scalar.value == 0x200D, position > 0,
                position < value.unicodeScalars.count - 1
            {
                continue
            }
            if scalar.properties.generalCategory == .format || scalar.properties.isDefaultIgnorableCodePoint
                || blankLooking.contains(scalar.value)
            {
                return "`\(field)` contains the invisible character \(named(scalar)); identifiers may not hold characters "
                    + "that change how text looks without being seen (Unicode format characters, category Cf)."
            }
        }
        if rule == .strict, let first = value.unicodeScalars.first, let last {
            if first.properties.isWhitespace {
                return value.unicodeScalars.allSatisfy(\.properties.isWhitespace)
                    ? "`\(field)` is only whitespace; send a non-empty identifier."
                    : "`\(field)` begins with the whitespace \(named(first)); identifiers may not begin or end with whitespace."
            }
            if last.properties.isWhitespace {
                return "`\(field)` ends with the whitespace \(named(last)); identifiers may not begin or end with whitespace."
            }
        }
        return nil
    }

    /// `U+202E (RIGHT-TO-LEFT OVERRIDE)`.
    private static func named(_ scalar: Unicode.Scalar) -> String {
        let code = String(scalar.value, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
        guard let name = scalar.properties.name ?? scalar.properties.nameAlias else { return "U+\(padded)" }
        return "U+\(padded) (\(name))"
    }
}

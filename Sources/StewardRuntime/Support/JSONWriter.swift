import Foundation

/// Appends compact JSON to a byte buffer, without `JSONEncoder`'s boxing or the small strings a
/// string-concatenating builder allocates.
///
/// Values are written in call order; commas between members and elements are added automatically.
/// A member is a ``key(_:)`` followed by one value (a scalar, or a whole object or array):
///
///     var json = JSONWriter()
///     json.beginObject()
///     json.key("id"); json.string("s1")
///     json.key("tags"); json.beginArray(); json.string("a"); json.string("b"); json.endArray()
///     json.endObject()
///     json.string  // {"id":"s1","tags":["a","b"]}
///
/// The writer does not check nesting: unbalanced begin/end calls or a key outside an object give
/// invalid JSON.
package struct JSONWriter {
    /// The UTF-8 JSON written so far.
    package private(set) var bytes: [UInt8]
    /// True when the next member or element needs a comma before it.
    private var needsComma = false

    /// An empty writer with room for `capacity` bytes before it grows.
    package init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The JSON written so far, as a string.
    package var string: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Objects and arrays

    /// Opens an object: `{`.
    package mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Closes the innermost object: `}`.
    package mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Opens an array: `[`.
    package mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    /// Closes the innermost array: `]`.
    package mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Starts an object member: the quoted, escaped name and a colon. One value must follow.
    package mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A member with a string value: `"name":"value"`, or `"name":null` when `value` is nil.
    package mutating func field(_ name: String, _ value: String?) {
        key(name)
        string(value)
    }

    /// A member with a string value, left out when `value` is nil (as `encodeIfPresent` does).
    package mutating func fieldIfPresent(_ name: String, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    // MARK: Scalars

    /// A string, escaped.
    package mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
        needsComma = true
    }

    /// A string, or `null` when `value` is nil.
    package mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// An integer.
    package mutating func int(_ value: Int) {
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(UInt64(value.magnitude), minimumCount: 1)
        needsComma = true
    }

    /// `true` or `false`.
    package mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: value ? Self.trueBytes : Self.falseBytes)
        needsComma = true
    }

    /// `null`.
    package mutating func null() {
        separate()
        bytes.append(contentsOf: Self.nullBytes)
        needsComma = true
    }

    /// A number in the shortest form that reads back as the same `Double` (Swift's `description`,
    /// e.g. `0.1`, `1.0`, `1e-05`), so `JSONDecoder` restores the identical bit pattern.
    ///
    /// JSON has no NaN or infinity: a non-finite value is written as `null`, which a decoder
    /// expecting a number rejects (where `JSONEncoder` would have refused to encode it).
    package mutating func double(_ value: Double) {
        guard value.isFinite else { return null() }
        separate()
        bytes.append(contentsOf: value.description.utf8)
        needsComma = true
    }

    /// A number with exactly `fractionDigits` digits after the point, rounded as
    /// `String(format: "%.<fractionDigits>f", value)` rounds it: to nearest, ties to even, on the
    /// exact binary value (so `0.12345` gives `0.1235` with four digits, and `0.03125` gives `0.0312`).
    ///
    /// Up to 9 digits and magnitudes below 2⁵⁰ / 10^`fractionDigits` (about 10¹¹ with four digits)
    /// take a fast path; the rest fall back to `String(format:)`. A non-finite value is written as
    /// `null` (where `String(format:)` gives `nan` or `inf`, which is not JSON).
    package mutating func fixed(_ value: Double, fractionDigits: Int) {
        guard value.isFinite else { return null() }
        separate()
        if !appendFixed(value, fractionDigits: fractionDigits) {
            bytes.append(contentsOf: String(format: "%.\(fractionDigits)f", value).utf8)
        }
        needsComma = true
    }

    /// A JSON fragment written as is, e.g. an object encoded elsewhere; it must be valid JSON.
    package mutating func raw(_ json: String) {
        separate()
        bytes.append(contentsOf: json.utf8)
        needsComma = true
    }

    // MARK: Internals

    private static let trueBytes: [UInt8] = Array("true".utf8)
    private static let falseBytes: [UInt8] = Array("false".utf8)
    private static let nullBytes: [UInt8] = Array("null".utf8)
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Writes the comma a member or element needs after a previous one.
    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    /// Appends `s` in quotes, escaping `"`, `\`, control characters and U+2028/U+2029 (line and
    /// paragraph separators, which JavaScript does not allow in string literals).
    private mutating func appendQuoted(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            if !utf8.contains(where: Self.mayNeedEscape) {
                bytes.append(contentsOf: utf8)
            } else {
                appendEscaped(utf8)
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }

    /// True for a byte that needs an escape, or may start one (0xE2 leads U+2028 and U+2029).
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2
    }

    /// Appends UTF-8 with escapes, copying runs of bytes that need none.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var i = 0
        while i < utf8.count {
            let byte = utf8[i]
            let escape: StaticString
            var length = 1
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "\n"): escape = "\\n"
            case UInt8(ascii: "\r"): escape = "\\r"
            case UInt8(ascii: "\t"): escape = "\\t"
            case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && utf8[i + 2] == 0xA8:
                escape = "\\u2028"
                length = 3
            case 0xE2 where i + 2 < utf8.count && utf8[i + 1] == 0x80 && utf8[i + 2] == 0xA9:
                escape = "\\u2029"
                length = 3
            case 0..<0x20:
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
                ("\\u00" as StaticString).withUTF8Buffer { bytes.append(contentsOf: $0) }
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
                i += 1
                runStart = i
                continue
            default:
                i += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
            escape.withUTF8Buffer { bytes.append(contentsOf: $0) }
            i += length
            runStart = i
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }

    /// Appends the decimal digits of `value`, zero-padded on the left to `minimumCount` (at most 20) digits.
    private mutating func appendDigits(_ value: UInt64, minimumCount: Int) {
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for UInt64.max's 20 digits
        withUnsafeMutableBytes(of: &buffer) { digits in
            var rest = value
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest != 0
            while digits.count - start < minimumCount && start > 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0")
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: digits[start...]))
        }
    }

    /// The fast path of ``fixed(_:fractionDigits:)``; false when the value is out of its range.
    ///
    /// With `scale` = 10^digits, `|value| * scale` is split into its rounded product `p` and the
    /// product's exact error `e = fma(|value|, scale, -p)`, so the exact fraction past the last
    /// digit is `f + e` with `f = p - floor(p)`. Comparing that with ½ exactly decides the rounding
    /// as printf does, ties going to the even neighbour. Below p = 2⁵⁰, |e| ≤ 1/16, so a fraction
    /// `f` under ¼ always rounds down (including the product just under an integer that rounded up
    /// to it: `f` = 0, `e` < 0, and the nearest integer is `floor(p)`).
    private mutating func appendFixed(_ value: Double, fractionDigits: Int) -> Bool {
        guard (0...9).contains(fractionDigits) else { return false }
        var scale: UInt64 = 1
        for _ in 0..<fractionDigits { scale *= 10 }
        let magnitude = value.magnitude
        let product = magnitude * Double(scale)
        guard product < 0x1p50 else { return false }
        let error = (-product).addingProduct(magnitude, Double(scale))
        let whole = product.rounded(.down)
        let fraction = product - whole
        var units = UInt64(whole)
        if fraction >= 0.25 {
            // `fraction - 0.5` is exact (Sterbenz), so the rounded sum has the exact sum's sign.
            let past = (fraction - 0.5) + error
            if past > 0 || (past == 0 && units % 2 == 1) { units += 1 }
        }
        if value.sign == .minus { bytes.append(UInt8(ascii: "-")) }
        appendDigits(units / scale, minimumCount: 1)
        if fractionDigits > 0 {
            bytes.append(UInt8(ascii: "."))
            appendDigits(units % scale, minimumCount: fractionDigits)
        }
        return true
    }
}

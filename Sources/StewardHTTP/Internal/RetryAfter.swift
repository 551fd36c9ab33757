import Foundation

/// Parses a `Retry-After` header value (RFC 9110 §10.2.3) without ever trapping.
///
/// Accepted: delay-seconds (`1*DIGIT`, RFC 9110 §10.2.3), also with a fractional part of digits as
/// Shopify sends it (`2.0`), and an HTTP-date (IMF-fixdate, plus the obsolete RFC 850 and asctime forms).
/// Anything else (`1e20`, `0x7f…`, `-1`, `+5`, `inf`, `nan`, words) is ignored (`nil`). A delay longer
/// than ``maximum`` (one day), however many digits it has (`9223372036854775807`,
/// `18446744073709551616`, 400 nines), is clamped to ``maximum``; dates in the past give zero.
enum RetryAfter {
    /// The longest delay a `Retry-After` can ask for: 86,400 s (one day). Longer values are clamped.
    static let maximum: Duration = .seconds(86_400)

    /// The delay the value asks for, at most ``maximum``, or `nil` when it is not delay-seconds or an HTTP-date.
    static func delay(from value: String, now: Date = Date()) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if let seconds = delaySeconds(trimmed) { return seconds }
        guard trimmed.utf8.count <= 64 else { return nil }  // no HTTP-date is longer
        let date = HTTPDate.parse(trimmed)
        guard let date else { return nil }
        let interval = date.timeIntervalSince(now)
        guard interval.isFinite else { return nil }
        return clamp(interval)
    }

    /// `digits [ "." digits ]`, read without any conversion that could overflow.
    private static func delaySeconds(_ text: String) -> Duration? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        guard !whole.isEmpty, whole.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        var fraction: Double = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            fraction = Double("0." + digits.prefix(9)) ?? 0
        }
        let significant = whole.drop { $0 == "0" }
        // More than 6 significant digits is more than a day already.
        guard significant.count <= 6, let seconds = Int(significant.isEmpty ? "0" : String(significant)) else { return maximum }
        return clamp(Double(seconds) + fraction)
    }

    private static func clamp(_ seconds: Double) -> Duration {
        guard seconds > 0 else { return .zero }
        guard seconds < 86_400 else { return maximum }
        return .seconds(seconds)
    }
}

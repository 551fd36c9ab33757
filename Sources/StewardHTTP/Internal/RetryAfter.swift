import Foundation
import Synchronization

/// Parses a `Retry-After` header value (RFC 9110 §10.2.3).
///
/// Accepts delay-seconds, including the fractional form Shopify sends (`2.0`), and an
/// HTTP-date (IMF-fixdate, plus the obsolete RFC 850 and asctime forms).
enum RetryAfter {
    /// The delay the value asks for, or `nil` when it cannot be parsed. Dates in the past give zero.
    static func delay(from value: String, now: Date = Date()) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if let seconds = Double(trimmed) {
            guard seconds.isFinite, seconds >= 0 else { return nil }
            return .seconds(seconds)
        }
        let date = formatters.withLock { formatters in
            formatters.lazy.compactMap { $0.date(from: trimmed) }.first
        }
        return date.map { .seconds(max(0, $0.timeIntervalSince(now))) }
    }

    /// DateFormatter is not Sendable; the mutex serialises its (rare) use.
    private static let formatters = Mutex<[DateFormatter]>([
        "EEE, dd MMM yyyy HH:mm:ss zzz",  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        "EEEE, dd-MMM-yy HH:mm:ss zzz",  // RFC 850
        "EEE MMM d HH:mm:ss yyyy",  // asctime
    ].map { format in
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = format
        return formatter
    })
}

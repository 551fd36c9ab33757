import Foundation

/// Dates as skills write them in replies.
public enum DateText {
    /// A day such as "Mon 3 Nov 2026" (UTC).
    public static func day(_ date: Date) -> String {
        var style = Date.FormatStyle(date: .omitted, time: .omitted, locale: Locale(identifier: "en_US_POSIX"), timeZone: TimeZone(identifier: "UTC")!)
        style = style.weekday(.abbreviated).day(.defaultDigits).month(.abbreviated).year(.defaultDigits)
        return date.formatted(style)
    }
}

import Foundation

/// Dates as skills write them in replies.
public enum DateText {
    /// A day such as "Mon, Nov 3, 2026" (UTC, English).
    public static func day(_ date: Date) -> String {
        guard let day = GregorianDay(date) else { return date.formatted(style) }
        return "\(weekdays[day.weekday]), \(months[day.month - 1]) \(day.day), \(day.year)"
    }

    /// The formatter that defines the output; used as is for the dates ``GregorianDay`` leaves out.
    static let style = Date.FormatStyle(
        date: .omitted, time: .omitted, locale: Locale(identifier: "en_US_POSIX"), timeZone: TimeZone(identifier: "UTC")!
    ).weekday(.abbreviated).day(.defaultDigits).month(.abbreviated).year(.defaultDigits)

    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}

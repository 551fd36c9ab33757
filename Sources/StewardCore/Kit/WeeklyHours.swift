import Foundation

/// Weekly opening hours in a time zone: the shop's, a store's, the support team's.
///
/// Periods are minutes since local midnight by weekday (1 = Sunday … 7 = Saturday, as `Calendar`
/// numbers them); a period `540...1020` is 09:00–17:00 and is open from its first minute up to,
/// not including, its last (`09:00 <= t < 17:00`); `24:00` is the end of a day. A day without
/// periods is closed. Written as in `steward.yaml`:
///
/// ```swift
/// let hours = try WeeklyHours(days: ["mon": "09:00-17:00", "fri": "09:00-12:00,13:00-17:00", "sun": "closed"],
///                             timeZone: TimeZone(identifier: "America/New_York")!)
/// hours.isOpen(at: context.now)
/// ```
///
/// The engine uses the same type for the team's hours (`handoff.business_hours`, `BusinessHours`).
public struct WeeklyHours: Sendable, Hashable {
    /// Opening periods by weekday (1 = Sunday … 7 = Saturday), minutes since midnight.
    public var periods: [Int: [ClosedRange<Int>]]
    /// The time zone the hours are kept in.
    public var timeZone: TimeZone

    /// Always open.
    public static let always = WeeklyHours(
        periods: Dictionary(uniqueKeysWithValues: (1...7).map { ($0, [0...(24 * 60)]) }), timeZone: .gmt)

    /// The day keys of ``init(days:timeZone:)`` and `steward.yaml`, with their weekday numbers.
    public static let dayNames = ["sun": 1, "mon": 2, "tue": 3, "wed": 4, "thu": 5, "fri": 6, "sat": 7]

    public init(periods: [Int: [ClosedRange<Int>]], timeZone: TimeZone) {
        self.periods = periods
        self.timeZone = timeZone
    }

    /// Hours written by day: keys `mon` … `sun`, values `"HH:MM-HH:MM"` (comma-separated for several
    /// periods) or `"closed"`; a day not given is closed.
    ///
    /// - Throws: ``WeeklyHoursError`` naming the day and what is allowed.
    public init(days: [String: String], timeZone: TimeZone) throws(WeeklyHoursError) {
        var periods: [Int: [ClosedRange<Int>]] = [:]
        for (day, text) in days.sorted(by: { $0.key < $1.key }) {
            guard let weekday = Self.dayNames[day] else { throw .unknownDay(day) }
            if text.lowercased() == "closed" { continue }
            var ranges: [ClosedRange<Int>] = []
            for part in text.split(separator: ",") {
                guard let range = Self.period(String(part)) else { throw .invalidPeriods(day: day, text: text) }
                ranges.append(range)
            }
            periods[weekday] = ranges
        }
        self.init(periods: periods, timeZone: timeZone)
    }

    /// True when `date` falls inside an opening period (in ``timeZone``).
    public func isOpen(at date: Date) -> Bool {
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: date)
        guard let weekday = parts.weekday, let hour = parts.hour, let minute = parts.minute else { return true }
        let now = hour * 60 + minute
        return periods[weekday, default: []].contains { $0.lowerBound <= now && now < $0.upperBound }
    }

    /// The opening periods of the local day `date` falls on, earliest first; empty when closed that day.
    public func periods(on date: Date) -> [ClosedRange<Int>] {
        let weekday = calendar.component(.weekday, from: date)
        return periods[weekday, default: []].sorted { $0.lowerBound < $1.lowerBound }
    }

    /// The next moment an opening period starts strictly after `date`, looking up to 8 days ahead;
    /// nil when the hours have no periods.
    public func nextOpening(after date: Date) -> Date? {
        let calendar = calendar
        let today = calendar.startOfDay(for: date)
        for offset in 0...8 {
            guard let day = calendar.date(byAdding: .day, value: offset, to: today) else { continue }
            for period in periods(on: day) {
                let parts = DateComponents(hour: period.lowerBound / 60, minute: period.lowerBound % 60)
                guard period.lowerBound < 24 * 60, let start = calendar.date(byAdding: parts, to: day) else { continue }
                if start > date { return start }
            }
        }
        return nil
    }

    /// A period as the configuration writes it: `540...1020` → `"09:00-17:00"`.
    public static func text(_ period: ClosedRange<Int>) -> String {
        func clock(_ minutes: Int) -> String {
            let hours = minutes / 60, rest = minutes % 60
            return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
        }
        return "\(clock(period.lowerBound))-\(clock(period.upperBound))"
    }

    /// Reads `"09:00-17:00"` into minutes since midnight (`540...1020`); nil unless it is two
    /// `HH:MM` times from 00:00 to 24:00, the first earlier.
    public static func period(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let a = minutes(parts[0]), let b = minutes(parts[1]), a < b else { return nil }
        return a...b
    }

    /// Reads `"HH:MM"` into minutes since midnight; nil unless from 00:00 to 24:00.
    public static func minutes(_ text: String) -> Int? {
        let hm = text.split(separator: ":")
        guard hm.count == 2, let h = Int(hm[0]), let m = Int(hm[1]), (0...24).contains(h), (0...59).contains(m),
            h * 60 + m <= 24 * 60
        else { return nil }
        return h * 60 + m
    }

    /// A Gregorian calendar in ``timeZone``.
    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}

/// Weekly hours that cannot be read.
public enum WeeklyHoursError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A day key other than `mon` … `sun`.
    case unknownDay(String)
    /// A day's value that is not `"HH:MM-HH:MM"` periods or `"closed"`.
    case invalidPeriods(day: String, text: String)

    public var description: String {
        switch self {
        case .unknownDay(let day):
            "`\(day)` is not a day; use mon, tue, wed, thu, fri, sat or sun"
        case .invalidPeriods(let day, let text):
            "`\(day)`: \"\(text)\" is not opening hours; use \"HH:MM-HH:MM\" (comma-separated for several), or \"closed\""
        }
    }
}

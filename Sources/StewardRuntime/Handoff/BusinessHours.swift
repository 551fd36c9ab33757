import Foundation

/// The team's weekly opening hours in a time zone.
public struct BusinessHours: Sendable, Hashable {
    /// Opening periods by weekday (1 = Sunday … 7 = Saturday, as in `Calendar`), minutes since midnight.
    public var periods: [Int: [ClosedRange<Int>]]
    public var timeZone: TimeZone

    /// Always open.
    public static let always = BusinessHours(
        periods: Dictionary(uniqueKeysWithValues: (1...7).map { ($0, [0...(24 * 60)]) }), timeZone: .gmt)

    public init(periods: [Int: [ClosedRange<Int>]], timeZone: TimeZone) {
        self.periods = periods
        self.timeZone = timeZone
    }

    /// True when `date` falls inside an opening period.
    public func isOpen(at date: Date) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: date)
        guard let weekday = parts.weekday, let hour = parts.hour, let minute = parts.minute else { return true }
        let now = hour * 60 + minute
        return periods[weekday, default: []].contains { $0.lowerBound <= now && now < $0.upperBound }
    }

    static let dayNames = ["sun": 1, "mon": 2, "tue": 3, "wed": 4, "thu": 5, "fri": 6, "sat": 7]

    /// Parses "09:00-17:00" (or "closed") into minutes.
    static func parsePeriod(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let a = minutes(parts[0]), let b = minutes(parts[1]), a < b else { return nil }
        return a...b
    }

    static func minutes(_ text: String) -> Int? {
        let hm = text.split(separator: ":")
        guard hm.count == 2, let h = Int(hm[0]), let m = Int(hm[1]), (0...24).contains(h), (0...59).contains(m),
            h * 60 + m <= 24 * 60
        else { return nil }
        return h * 60 + m
    }
}

extension BusinessHours {
    /// Reads `time_zone` and `mon`…`sun` ("09:00-17:00" or "closed") from the configuration.
    static func parse(_ node: ConfigNode) throws -> BusinessHours {
        try node.allow(["time_zone"] + ["mon", "tue", "wed", "thu", "fri", "sat", "sun"])
        var zone = TimeZone.gmt
        if let name = try node.string("time_zone") {
            guard let z = TimeZone(identifier: name) else {
                throw ConfigurationError.invalidValue(key: node.path("time_zone"), expected: "an IANA time zone such as America/New_York")
            }
            zone = z
        }
        var periods: [Int: [ClosedRange<Int>]] = [:]
        for (day, weekday) in dayNames {
            guard let text = try node.string(day) else { continue }
            if text.lowercased() == "closed" { continue }
            var ranges: [ClosedRange<Int>] = []
            for part in text.split(separator: ",") {
                guard let range = parsePeriod(String(part)) else {
                    throw ConfigurationError.invalidValue(key: node.path(day), expected: "\"HH:MM-HH:MM\" (comma-separated for several), or \"closed\"")
                }
                ranges.append(range)
            }
            periods[weekday] = ranges
        }
        return BusinessHours(periods: periods, timeZone: zone)
    }
}

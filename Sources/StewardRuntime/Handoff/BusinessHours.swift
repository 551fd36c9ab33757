import Foundation
import StewardCore

/// The team's weekly opening hours in a time zone (`handoff.business_hours`): the skill kit's
/// ``WeeklyHours``, which skills use for their own hours too.
public typealias BusinessHours = WeeklyHours

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
                guard let range = period(String(part)) else {
                    throw ConfigurationError.invalidValue(key: node.path(day), expected: "\"HH:MM-HH:MM\" (comma-separated for several), or \"closed\"")
                }
                ranges.append(range)
            }
            periods[weekday] = ranges
        }
        return BusinessHours(periods: periods, timeZone: zone)
    }
}

import Foundation
import StewardCore
import StewardRouter
import Testing

/// `DateText.day` works the day out arithmetically; these check it writes exactly what the
/// formatter it started from writes (kept below as the reference).
@Suite struct DateTextTests {
    static let day = 86_400.0

    @Test func writesWeekdayMonthDayAndYear() {
        #expect(DateText.day(Date(timeIntervalSince1970: 1_795_446_000)) == "Mon, Nov 23, 2026")
        #expect(DateText.day(Date(timeIntervalSince1970: 0)) == "Thu, Jan 1, 1970")
    }

    @Test func everyDayFrom1970To2100MatchesTheFormatter() {
        var generator = SplitMix64(seed: 3)
        var mismatches: [String] = []
        for day in 0..<47_847 {  // 1970-01-01 ... 2100-12-31
            let midnight = Double(day) * Self.day
            var times = [midnight, midnight + Double.random(in: 0..<Self.day, using: &generator)]
            if day % 7 == 0 { times += [midnight + 0.001, midnight + Self.day - 0.001, midnight - 0.0005] }
            for time in times { check(Date(timeIntervalSince1970: time), &mismatches) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test func sampledDaysFrom1500To10000MatchTheFormatter() {
        var generator = SplitMix64(seed: 5)
        var mismatches: [String] = []
        for day in stride(from: -171_000, through: 2_933_000, by: 61) {
            check(Date(timeIntervalSince1970: Double(day) * Self.day + Double.random(in: 0..<Self.day, using: &generator)), &mismatches)
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test func awkwardTimestampsMatchTheFormatter() {
        var mismatches: [String] = []
        var sinceReferenceDate: [Double] = [
            0, -0.0, 1e-300, -1e-300, .nan, .infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude,
            -978_307_200, -978_307_200.0001, -978_307_199.9999, -1e15, 1e15,
        ]
        var since1970: [Double] = [
            -0.0001, -0.001, -0.0011, -0.0009, -1, -0.5, 0.0001, 0.0009, 0.001, Self.day - 0.001, Self.day - 0.0009,
            1.7e9 + 0.123_456, -1e-10, 1e-10,
        ]
        // Just around the ends of the arithmetic range (1600-01-01, 10000-01-01) and the calendar change of 1582.
        for day in [-135_141.0, -135_140, -135_139, 2_932_896, 2_932_897, -141_428, -141_427, -141_438] {
            since1970 += [day * Self.day, day * Self.day - 0.000_5, day * Self.day + 0.000_5, (day + 0.5) * Self.day]
        }
        // Within an ulp, a microsecond and a millisecond of midnight.
        for day in [-135_000.0, -1, 0, 1, 11_323, 20_000, 20_454, 47_846, 2_932_000] {
            let midnight = day * Self.day
            since1970 += [midnight.nextUp, midnight.nextDown, midnight + 1e-6, midnight - 1e-6]
            since1970 += [midnight + 0.001, midnight - 0.001, (midnight + 0.001).nextDown, (midnight - 0.001).nextUp]
            let reference = midnight - 978_307_200
            sinceReferenceDate += [reference.nextUp, reference.nextDown, reference.nextUp.nextUp, reference.nextDown.nextDown]
        }
        for time in since1970 { check(Date(timeIntervalSince1970: time), &mismatches) }
        for time in sinceReferenceDate { check(Date(timeIntervalSinceReferenceDate: time), &mismatches) }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    func check(_ date: Date, _ mismatches: inout [String]) {
        let got = DateText.day(date), expected = Self.referenceDay(date)
        if got != expected { mismatches.append("\(date.timeIntervalSinceReferenceDate): \(got) != \(expected)") }
    }

    // MARK: - The implementation before the arithmetic one

    static func referenceDay(_ date: Date) -> String {
        var style = Date.FormatStyle(date: .omitted, time: .omitted, locale: Locale(identifier: "en_US_POSIX"), timeZone: TimeZone(identifier: "UTC")!)
        style = style.weekday(.abbreviated).day(.defaultDigits).month(.abbreviated).year(.defaultDigits)
        return date.formatted(style)
    }
}

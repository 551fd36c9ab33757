import Foundation
import StewardCore
import Testing

/// The skill kit's weekly hours: reading them, open or closed, the day's periods and the next opening.
@Suite struct WeeklyHoursTests {
    static let newYork = TimeZone(identifier: "America/New_York")!
    // Monday 2026-11-23 15:00 UTC = 10:00 in New York.
    static let mondayTen = Date(timeIntervalSince1970: 1_795_446_000)

    @Test func hoursWrittenByDayFollowTheTimeZone() throws {
        let hours = try WeeklyHours(days: ["mon": "09:00-12:00,13:00-17:00", "sun": "closed"], timeZone: Self.newYork)
        #expect(hours.isOpen(at: Self.mondayTen))
        #expect(!hours.isOpen(at: Self.mondayTen.addingTimeInterval(2.5 * 3600)))  // 12:30, the lunch break
        #expect(!hours.isOpen(at: Self.mondayTen.addingTimeInterval(7 * 3600)))  // 17:00: the end is not open
        #expect(hours.periods(on: Self.mondayTen).map(WeeklyHours.text) == ["09:00-12:00", "13:00-17:00"])
        #expect(hours.periods(on: Self.mondayTen.addingTimeInterval(-86_400)).isEmpty)
    }

    @Test func theNextOpeningIsTheNextPeriodStart() throws {
        let hours = try WeeklyHours(days: ["mon": "09:00-12:00,13:00-17:00", "tue": "08:30-10:00"], timeZone: Self.newYork)
        // From 10:00 Monday: 13:00 Monday (18:00 UTC).
        #expect(hours.nextOpening(after: Self.mondayTen) == Self.mondayTen.addingTimeInterval(3 * 3600))
        // From 18:00 Monday: 08:30 Tuesday.
        #expect(hours.nextOpening(after: Self.mondayTen.addingTimeInterval(8 * 3600)) == Self.mondayTen.addingTimeInterval(22.5 * 3600))
        #expect(WeeklyHours(periods: [:], timeZone: Self.newYork).nextOpening(after: Self.mondayTen) == nil)
    }

    @Test func badHoursNameTheDay() {
        #expect(throws: WeeklyHoursError.unknownDay("monday")) { try WeeklyHours(days: ["monday": "09:00-17:00"], timeZone: .gmt) }
        #expect(throws: WeeklyHoursError.invalidPeriods(day: "fri", text: "9-5")) {
            try WeeklyHours(days: ["fri": "9-5"], timeZone: .gmt)
        }
        #expect(WeeklyHours.period("17:00-09:00") == nil)
        #expect(WeeklyHours.period("00:00-24:00") == 0...1440)
        #expect(WeeklyHours.minutes("24:01") == nil)
    }
}

/// The skill kit's word splitting and entity helpers.
@Suite struct SkillKitTextTests {
    @Test func wordsAreTheRoutersNormalisedWords() {
        #expect(Words.split("Where is Zamówienie #1001?") == ["where", "is", "zamowienie", "#1001"])
        #expect(Words.normalize("ＯＲＤＥＲ  １００１") == "order 1001")
        #expect(Words.codes(in: "my code trail-20, fails!") == ["MY", "CODE", "TRAIL-20", "FAILS"])
    }

    @Test func entitiesAreFoundInAnyText() {
        #expect(TextEntities.orderNumbers(in: "order no. 1001 and #1002") == ["1001", "1002"])
        #expect(TextEntities.emails(in: "write to Jane.Doe@Example.com") == ["jane.doe@example.com"])
        #expect(
            TextEntities.links(in: "See https://shop.example/rewards. Or (http://a.example/x), not https:// alone")
                == ["https://shop.example/rewards", "http://a.example/x"])
        let entities: MessageEntities = .extract(from: "under $80")
        #expect(entities.amounts.map { $0.value } == [80])
    }

    @Test func aSkillsOwnCardKindEncodesAsItsName() throws {
        let card = Card(kind: "store_hours", title: "Opening hours")
        #expect(String(decoding: try JSONEncoder().encode(card.kind), as: UTF8.self) == #""store_hours""#)
        #expect(try JSONDecoder().decode(Card.Kind.self, from: Data(#""order""#.utf8)) == .order)
        #expect(!Card.Kind.builtIn.contains(card.kind))
    }
}

import Foundation

/// The UTC calendar day of a date, worked out arithmetically (proleptic Gregorian) for ``DateText``.
struct GregorianDay: Equatable {
    var year: Int
    /// 1 = January.
    var month: Int
    var day: Int
    /// 0 = Sunday.
    var weekday: Int

    /// 1600-01-01 ... 9999-12-31 in days since 1970: where the formatter's calendar is Gregorian
    /// (it is Julian before 1582) and years have four digits.
    static let supportedDays = -135_140.0...2_932_896.0

    /// The day `date` falls on in UTC; nil outside ``supportedDays``, and within a millisecond of
    /// midnight but not on it, where rounding could tip the formatter to the other day.
    init?(_ date: Date) {
        // Milliseconds since 1970, as the formatter (ICU) gets them.
        let milliseconds = date.timeIntervalSince1970 * 1000
        let days = (milliseconds / 86_400_000).rounded(.down)
        let intoDay = milliseconds - days * 86_400_000
        guard Self.supportedDays.contains(days), intoDay == 0 || (1...86_399_999).contains(intoDay) else { return nil }
        self.init(daysSince1970: Int(days))
    }

    /// Howard Hinnant's `civil_from_days`: eras of 400 years, years starting on March 1.
    init(daysSince1970 days: Int) {
        let shifted = days + 719_468  // days since 0000-03-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097  // 0...146096
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365  // 0...399
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)  // 0...365
        let monthFromMarch = (5 * dayOfYear + 2) / 153  // 0...11
        day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        // 1970-01-01 was a Thursday.
        weekday = (days % 7 + 11) % 7
    }
}

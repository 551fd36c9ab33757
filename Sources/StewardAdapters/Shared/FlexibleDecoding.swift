import Foundation

// Decoding helpers shared by every adapter: vendors disagree on how to write money, ids, tags
// and timestamps (see api-contracts.md §6), so the wire types below accept every documented form
// and throw a `DecodingError` (surfaced as `HTTPClientError.decode`) for anything else.

/// An amount written as a JSON string (`"12.50"`, Shopify, Recharge, Loop) or a number (`12.5`).
///
/// Parsed with `Decimal`, never through `Double`, so `"0.10"` stays exact.
struct FlexibleDecimal: Decodable, Sendable, Hashable {
    var value: Decimal

    init(_ value: Decimal) {
        self.value = value
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard let parsed = Self.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(text.prefix(40))' is not an amount of money")
            }
            value = parsed
        } else if let number = try? container.decode(Decimal.self) {
            value = number
        } else {
            throw DecodingError.typeMismatch(
                Decimal.self, .init(codingPath: decoder.codingPath, debugDescription: "Expected an amount as a string or a number"))
        }
    }

    /// Parses `"12.50"`, `"-10.0"`, `"1e2"`; `nil` for anything else (including `""`).
    static func parse(_ text: String) -> Decimal? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty,
            trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
            trimmed.contains(where: \.isNumber)
        else { return nil }
        return Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX"))
    }
}

/// An identifier written as a JSON integer (Shopify, Zendesk) or string (Klaviyo, Loop lists).
struct FlexibleID: Decodable, Sendable, Hashable, CustomStringConvertible {
    var value: String

    init(_ value: String) {
        self.value = value
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int64.self) {
            value = String(number)
        } else if let number = try? container.decode(UInt64.self) {
            value = String(number)
        } else if let text = try? container.decode(String.self) {
            value = text
        } else {
            throw DecodingError.typeMismatch(
                String.self, .init(codingPath: decoder.codingPath, debugDescription: "Expected an id as an integer or a string"))
        }
    }

    var description: String { value }
}

/// Tags as one comma-separated string (Shopify REST), an array of strings (Zendesk, Shopify
/// GraphQL), or an array of `{"name": …}` objects (Gorgias).
struct FlexibleTags: Decodable, Sendable, Hashable {
    var values: [String]

    private struct Named: Decodable {
        var name: String?
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            values = []
        } else if let text = try? container.decode(String.self) {
            values = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        } else if let strings = try? container.decode([String].self) {
            values = strings
        } else if let objects = try? container.decode([Named].self) {
            values = objects.compactMap(\.name)
        } else {
            throw DecodingError.typeMismatch(
                [String].self,
                .init(codingPath: decoder.codingPath, debugDescription: "Expected tags as a string or an array"))
        }
    }
}

/// A timestamp in any of the forms the vendors use, read as UTC when it has no zone:
///
/// - `2008-01-10T11:00:00-05:00` (Shopify), `2025-07-02T16:29:59Z` (Zendesk)
/// - `2025-07-02T16:29:59.186726+00:00` and `2025-07-02T16:29:59.186726` (Gorgias)
/// - `2023-08-22 14:08:31` (Loop details), `2025-08-01` (Recharge `next_charge_scheduled_at`)
/// - a number of seconds since 1970.
struct FlexibleDate: Decodable, Sendable, Hashable {
    var value: Date

    init(_ value: Date) {
        self.value = value
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard let date = Self.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(text.prefix(40))' is not a recognised timestamp")
            }
            value = date
        } else if let seconds = try? container.decode(Double.self) {
            value = Date(timeIntervalSince1970: seconds)
        } else {
            throw DecodingError.typeMismatch(
                Date.self, .init(codingPath: decoder.codingPath, debugDescription: "Expected a timestamp"))
        }
    }

    /// Parses the forms listed on the type; `nil` when the text is none of them.
    static func parse(_ text: String) -> Date? {
        var scanner = DigitScanner(Array(text.trimmingCharacters(in: .whitespaces).utf8))
        guard let year = scanner.number(digits: 4), scanner.skip("-"),
            let month = scanner.number(digits: 2), scanner.skip("-"),
            let day = scanner.number(digits: 2), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offsetSeconds = 0
        if !scanner.atEnd {
            guard scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
                let h = scanner.number(digits: 2), scanner.skip(":"), let m = scanner.number(digits: 2)
            else { return nil }
            hour = h
            minute = m
            if scanner.skip(":") {
                guard let s = scanner.number(digits: 2) else { return nil }
                second = s
                if scanner.skip(".") || scanner.skip(",") {
                    let digits = scanner.digits()
                    guard !digits.isEmpty else { return nil }
                    fraction = Double("0." + digits) ?? 0
                }
            }
            guard hour < 24, minute < 60, second < 61 else { return nil }
            if scanner.skip("Z") || scanner.skip("z") {
                offsetSeconds = 0
            } else if let sign = scanner.sign() {
                guard let oh = scanner.number(digits: 2) else { return nil }
                var om = 0
                if scanner.skip(":") {
                    guard let value = scanner.number(digits: 2) else { return nil }
                    om = value
                } else if let value = scanner.number(digits: 2) {
                    om = value
                }
                offsetSeconds = sign * (oh * 3600 + om * 60)
            }
            guard scanner.atEnd else { return nil }
        }
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        components.hour = hour
        components.minute = minute
        components.second = second
        guard let base = Self.utcCalendar.date(from: components) else { return nil }
        return base.addingTimeInterval(fraction - Double(offsetSeconds))
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// Formats a date as `YYYY-MM-DD` in UTC, as Recharge expects for `set_next_charge_date`.
    static func dayString(_ date: Date) -> String {
        let parts = utcCalendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}

/// A tiny cursor over ASCII bytes for ``FlexibleDate/parse(_:)``.
private struct DigitScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { index >= bytes.count }

    mutating func number(digits count: Int) -> Int? {
        guard index + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<(index + count)] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += count
        return value
    }

    mutating func digits() -> String {
        let start = index
        while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    mutating func skip(_ character: Character) -> Bool {
        guard let ascii = character.asciiValue, index < bytes.count, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    mutating func sign() -> Int? {
        if skip("+") { return 1 }
        if skip("-") { return -1 }
        return nil
    }
}

extension JSONDecoder {
    /// The decoder every adapter uses: snake_case keys to camelCase properties; unknown keys ignored.
    static var adapters: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}

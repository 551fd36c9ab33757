import Foundation

/// Reads the demo data's dates: ISO 8601, or relative to load time like `now-5d`, `now+2h`, `now`.
enum RelativeDate {
    static func parse(_ text: String, now: Date) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "now" { return now }
        if trimmed.hasPrefix("now"), trimmed.count >= 5 {
            let body = trimmed.dropFirst(3)
            guard let sign = body.first, sign == "+" || sign == "-", let unit = body.last,
                let amount = Double(body.dropFirst().dropLast())
            else { return nil }
            let seconds: Double
            switch unit {
            case "d": seconds = amount * 86_400
            case "h": seconds = amount * 3_600
            case "m": seconds = amount * 60
            default: return nil
            }
            return now.addingTimeInterval(sign == "-" ? -seconds : seconds)
        }
        return ISO8601.parse(trimmed)
    }

    static func decoder(now: Date) -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parse(text, now: now) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "`\(text)` is not a date (use ISO 8601 or now-5d / now+2h)")
            }
            return date
        }
        return decoder
    }
}

/// ISO 8601 timestamps with or without fractional seconds and offsets.
enum ISO8601 {
    static func parse(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let d = plain.date(from: text) { return d }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let d = fractional.date(from: text) { return d }
        let dateOnly = ISO8601DateFormatter()
        dateOnly.formatOptions = [.withFullDate]
        return dateOnly.date(from: text)
    }
}

import Foundation

/// An amount of money in a currency.
public struct Money: Sendable, Hashable, Codable, Comparable {
    /// The amount, e.g. 89.90.
    public var amount: Decimal
    /// The ISO 4217 currency code, e.g. "USD".
    public var currency: String

    public init(_ amount: Decimal, currency: String = "USD") {
        self.amount = amount
        self.currency = currency
    }

    /// The amount as people read it: "$89.90", "€12.00", or "12.00 PLN".
    public var formatted: String {
        var value = amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .bankers)
        let number = NSDecimalNumber(decimal: rounded).doubleValue
        let digits = String(format: "%.2f", number)
        switch currency.uppercased() {
        case "USD": return "$\(digits)"
        case "EUR": return "€\(digits)"
        case "GBP": return "£\(digits)"
        default: return "\(digits) \(currency.uppercased())"
        }
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.amount < rhs.amount }
}

import Foundation
@testable import Recommendations
import StewardRouter
import Testing

/// The recommendations skill reads price ranges, never an order number's digits, and reads an
/// amount's number as `Entities.amounts` does.
@Suite struct PriceRangeTests {
    func range(_ text: String) -> PriceRange {
        PriceRange(Tokenizer().words(text), entities: Entities.extract(from: text))
    }

    @Test(arguments: [
        ("a warm jacket under $80", nil, "80"),
        ("something under 80 bucks", nil, "80"),
        ("tents over $250", "250", nil),
        ("shoes between 100 and 150", "100", "150"),
        ("jackets under 1.299,00 €", nil, "1299"),
        ("jackets under 1,299.00 USD", nil, "1299"),
        ("kurtka poniżej 1 299 zł", nil, "1299"),
        ("boots under 45,99 EUR", nil, "45.99"),
        ("like order 1001 but under $80", nil, "80"),
        ("order 1001 and 1002", nil, nil),
        ("#1001 or #1002", nil, nil),
        ("purchase 370795561790 under 50", nil, "50"),
        ("a restitution of 80 dollars", nil, nil),
    ] as [(String, String?, String?)])
    func pricesAreReadAndOrderNumbersAreNot(text: String, minimum: String?, maximum: String?) {
        let range = range(text)
        #expect(range.minimum == minimum.flatMap { Decimal(string: $0) }, "\(text)")
        #expect(range.maximum == maximum.flatMap { Decimal(string: $0) }, "\(text)")
    }
}

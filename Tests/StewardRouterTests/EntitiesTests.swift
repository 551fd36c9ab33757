import Testing
import StewardRouter

@Suite struct EntitiesTests {
    @Test(arguments: [
        ("where is my order #1001", ["1001"]),
        ("order 1001 hasn't arrived", ["1001"]),
        ("Order no. 1001 please", ["1001"]),
        ("order number 55 and #77", ["55", "77"]),
        ("Zamówienie nr 123", ["123"]),
        ("I want 2 pairs", []),
    ])
    func orderNumbersAreDigitsOnly(text: String, expected: [String]) {
        #expect(Entities.extract(from: text).orderNumbers == expected)
    }

    @Test func emailsAreLowerCasedAndDeduplicated() {
        let entities = Entities.extract(from: "Write to Anna@Shop.PL or anna@shop.pl.")
        #expect(entities.emails == ["anna@shop.pl"])
    }

    @Test func numbersIncludeOrderNumbersAndDecimals() {
        let entities = Entities.extract(from: "#1001 cost 19.99 for 3")
        #expect(entities.numbers == ["1001", "19.99", "3"])
    }

    @Test func textWithoutEntitiesGivesEmptyLists() {
        #expect(Entities.extract(from: "talk to a human") == Entities())
    }
}

import Foundation
import StewardRouter
import Testing

@Suite struct EntitiesTests {
    // MARK: - Order numbers

    @Test(arguments: [
        // English forms
        ("where is my order #1001", ["1001"]),
        ("where is # 1001", ["1001"]),
        ("order#1001 please", ["1001"]),
        ("order 1001 hasn't arrived", ["1001"]),
        ("Order no. 1001 please", ["1001"]),
        ("order No 1001", ["1001"]),
        ("order number: 1001", ["1001"]),
        ("order nr 1001", ["1001"]),
        ("order id 1001", ["1001"]),
        ("order ID: 1001", ["1001"]),
        ("order ref 1001", ["1001"]),
        ("my order number is 1001", ["1001"]),
        ("the order was 1001", ["1001"]),
        ("current status of purchase 552093871146 please", ["552093871146"]),
        ("ETA for purchase 804417265519", ["804417265519"]),
        ("purchase 370795561790", ["370795561790"]),
        ("my package 1003 is late", ["1003"]),
        ("parcel 1003?", ["1003"]),
        ("order (1001)", ["1001"]),
        ("order \"1001\"", ["1001"]),
        ("order “1001”", ["1001"]),
        ("ORDER-1001", ["1001"]),
        ("order number is: #1001", ["1001"]),
        ("ORDER 1001", ["1001"]),
        ("order number 55 and #77", ["55", "77"]),
        ("orders 1001 and 1002", ["1001", "1002"]),
        ("order 1001, 1002", ["1001", "1002"]),
        ("order 1001 and order 1001 again", ["1001"]),
        // platform ids and leading zeros
        ("order 5551234567890", ["5551234567890"]),
        ("order 12345678901234567890", ["12345678901234567890"]),
        ("order #001001", ["001001"]),
        ("order 0001001", ["0001001"]),
        // other digit systems
        ("order １００１", ["1001"]),
        ("ｏｒｄｅｒ　＃１００１", ["1001"]),
        ("order ١٠٠١", ["1001"]),
        ("طلب #١٠٠١", ["1001"]),
        ("order ۱۰۰۱", ["1001"]),
        // Polish
        ("Zamówienie nr 123", ["123"]),
        ("gdzie jest moje zamówienie 1001", ["1001"]),
        ("status zamowienia 1001", ["1001"]),
        ("numer zamówienia: 1001", ["1001"]),
        ("numer zamówienia to 1001", ["1001"]),
        ("moja paczka 1003 nie dotarła", ["1003"]),
        // Swedish
        ("var är min order 1001", ["1001"]),
        ("min beställning 1001", ["1001"]),
        ("ordernummer 1001", ["1001"]),
        ("mitt ordernummer är 1001", ["1001"]),
        ("ordernr: 1001", ["1001"]),
        ("paket 1003 har inte kommit", ["1003"]),
        // Korean
        ("주문 1001 어디 있어요?", ["1001"]),
        ("주문번호 1001번", ["1001"]),
        ("주문 번호 1001 배송 조회", ["1001"]),
        ("주문번호는 1001입니다", ["1001"]),
        ("1001번 주문 언제 와요?", ["1001"]),
        // German
        ("wo ist meine Bestellung 1001", ["1001"]),
        ("Bestellnummer 1001", ["1001"]),
        ("Bestellnummer: 55", ["55"]),
        ("meine Bestellnummer ist 1001", ["1001"]),
        ("Auftrag 1001", ["1001"]),
        ("Bestellung Nr. 1001", ["1001"]),
        // Spanish
        ("¿dónde está mi pedido 1001?", ["1001"]),
        ("número de pedido 1001", ["1001"]),
        ("mi número de pedido es 1001", ["1001"]),
        ("pedido nº 1001", ["1001"]),
        ("mi compra 1001", ["1001"]),
        // French
        ("où est ma commande 1001", ["1001"]),
        ("numéro de commande : 1001", ["1001"]),
        ("commande n° 1001", ["1001"]),
        ("commande n°1001", ["1001"]),
    ])
    func orderNumbersInEveryCommonForm(text: String, expected: [String]) {
        #expect(Entities.extract(from: text).orderNumbers == expected, "\(text)")
    }

    @Test(arguments: [
        "I want 2 pairs",
        "I'd like to order 2 more",
        "can I order 100 pieces",
        "order 3 jackets",
        "refund of $1001",
        "a restitution of 80 dollars",
        "order 100 dollars worth",
        "my order of 45 € was wrong",
        "card 4111 1111 1111 1111 was charged",
        "order 4111-1111-1111-1111",
        "order 3782 822463 10005",
        "order 1.001",
        "order 10,5",
        "order 123456789012345678901",
        "ticket #1001",
        "invoice #1001",
        "iphone13 order",
        "order at 10am",
        "order 1001kg",
        "order 100%",
        "1001",
        "it's 1001",
        "nr 1001",
        "call me at 555 123 4567",
        "2번 주문했어요",
        "I ordered 2 weeks ago",
        "my order is 2 days late",
        "my order is 120 days late",
        "order placed on may 5 2024",
    ])
    func numbersThatAreNotOrderNumbers(text: String) {
        #expect(Entities.extract(from: text).orderNumbers.isEmpty, "\(text)")
    }

    @Test(arguments: [
        ("1001", ["1001"]),
        ("it's 1001", ["1001"]),
        ("#1001", ["1001"]),
        ("１００１", ["1001"]),
        ("١٠٠١", ["1001"]),
        ("1001번이요", ["1001"]),
        ("001001", ["001001"]),
        ("5551234567890", ["5551234567890"]),
        ("12345678901234567890", ["12345678901234567890"]),
        ("order 1001, not 1002", ["1001", "1002"]),
        ("$80", []),
        ("80 dollars", []),
        ("19.99", []),
        ("20%", []),
        ("iphone13", []),
        ("10am", []),
        ("4111 1111 1111 1111", []),
        ("4111111111111111", []),
        ("123456789012345678901", []),
        ("i don't know", []),
    ])
    func possibleOrderNumbersAreWholeNumbersThatCouldAnswerTheQuestion(text: String, expected: [String]) {
        #expect(Entities.extract(from: text).possibleOrderNumbers == expected, "\(text)")
    }

    @Test func possibleOrderNumbersKeepMessageOrderAndIncludeOrderNumbers() {
        let entities = Entities.extract(from: "3 items from order 1001")
        #expect(entities.orderNumbers == ["1001"])
        #expect(entities.possibleOrderNumbers == ["3", "1001"])
    }

    @Test func aLongIdAfterAnOrderWordIsAnOrderNumberEvenWhenItPassesTheCardCheck() {
        // 4111111111111111 passes the Luhn check; introduced as an order it is still the order's.
        #expect(Entities.extract(from: "order 4111111111111111").orderNumbers == ["4111111111111111"])
        #expect(Entities.extract(from: "4111111111111111").possibleOrderNumbers.isEmpty)
    }

    @Test func anOrderNumberAndAnAmountInOneMessageAreTold() {
        let entities = Entities.extract(from: "I was charged $80 twice for order #1001")
        #expect(entities.orderNumbers == ["1001"])
        #expect(entities.amounts == [Entities.Amount(80, currency: "USD", written: "80")])
    }

    // MARK: - Amounts

    @Test(arguments: [
        ("$80", "80", "USD"),
        ("$ 80", "80", "USD"),
        ("80 dollars", "80", "USD"),
        ("80 bucks", "80", "USD"),
        ("USD 45", "45", "USD"),
        ("usd45", "45", "USD"),
        ("45.99$", "45.99", "USD"),
        ("45 €", "45", "EUR"),
        ("45€", "45", "EUR"),
        ("€45", "45", "EUR"),
        ("45 euros", "45", "EUR"),
        ("45,99 EUR", "45.99", "EUR"),
        ("1.299,00 €", "1299", "EUR"),
        ("1,299.00 USD", "1299", "USD"),
        ("$1,299", "1299", "USD"),
        ("120 zł", "120", "PLN"),
        ("120zł", "120", "PLN"),
        ("120 PLN", "120", "PLN"),
        ("49,99 zł", "49.99", "PLN"),
        ("1 299,00 zł", "1299", "PLN"),
        ("300 kr", "300", "SEK"),
        ("300kr", "300", "SEK"),
        ("300 SEK", "300", "SEK"),
        ("1 299 kr", "1299", "SEK"),
        ("250 NOK", "250", "NOK"),
        ("30000원", "30000", "KRW"),
        ("30,000 원", "30000", "KRW"),
        ("30000원이에요", "30000", "KRW"),
        ("3만원", "30000", "KRW"),
        ("5천 원", "5000", "KRW"),
        ("₩30,000", "30000", "KRW"),
        ("￦30,000", "30000", "KRW"),
        ("80달러", "80", "USD"),
        ("£20", "20", "GBP"),
        ("C$20", "20", "CAD"),
        ("20 canadian dollars", "20", "CAD"),
        ("＄８０", "80", "USD"),
        ("٨٠ $", "80", "USD"),
    ])
    func amountsWithTheirCurrency(text: String, value: String, currency: String) throws {
        let amounts = Entities.extract(from: text).amounts
        try #require(amounts.count == 1, "\(text): \(amounts)")
        #expect(amounts[0].value == Decimal(string: value), "\(text)")
        #expect(amounts[0].currency == currency, "\(text)")
    }

    @Test(arguments: [
        "I want 2 pairs",
        "order 1001",
        "under 80",
        "call 555 123 4567",
        "I won the lottery",
        "10am",
        "4111 1111 1111 1111",
        "size 42",
    ])
    func numbersWithoutACurrencyAreNotAmounts(text: String) {
        #expect(Entities.extract(from: text).amounts.isEmpty, "\(text)")
    }

    @Test func aCurrencySignBelongsToTheNumberItTouches() {
        let entities = Entities.extract(from: "order 1001 €80")
        #expect(entities.orderNumbers == ["1001"])
        #expect(entities.amounts.map(\.value) == [80])
    }

    @Test func severalAmountsAreReadInOrder() {
        let entities = Entities.extract(from: "I paid $45.50 but was refunded only 20 dollars")
        #expect(entities.amounts == [
            Entities.Amount(Decimal(string: "45.50")!, currency: "USD", written: "45.50"),
            Entities.Amount(20, currency: "USD", written: "20"),
        ])
    }

    @Test(arguments: [
        ("1,299.00", "1299"), ("1.299,00", "1299"), ("30,000", "30000"), ("1.299", "1299"), ("45,99", "45.99"),
        ("45.9", "45.9"), ("1.000.000", "1000000"), ("0.1234", "0.1234"), ("80", "80"),
    ])
    func amountNumbersAreReadBySeparatorRules(written: String, expected: String) {
        #expect(Entities.Amount.value(of: written) == Decimal(string: expected))
    }

    @Test(arguments: ["1,2,3", "1.2.3,4.5", "", "abc", "12,34,56", ",5"])
    func malformedAmountNumbersAreNotRead(written: String) {
        #expect(Entities.Amount.value(of: written) == nil)
    }

    // MARK: - Emails

    @Test(arguments: [
        ("Write to Anna@Shop.PL or anna@shop.pl.", ["anna@shop.pl"]),
        ("jan.kowalski+orders@example.com", ["jan.kowalski+orders@example.com"]),
        ("JANE.DOE@EXAMPLE.COM", ["jane.doe@example.com"]),
        ("me@mail.eu.example.co.uk", ["me@mail.eu.example.co.uk"]),
        ("<jane_doe-1@x-y.example.org>", ["jane_doe-1@x-y.example.org"]),
        ("email:jane@example.com,thanks", ["jane@example.com"]),
        ("'o'brien@example.ie'", ["o'brien@example.ie"]),
        ("order 1001, jane1001@example.com", ["jane1001@example.com"]),
        ("jane at example dot com", []),
        ("@handle", []),
        ("jane@localhost", []),
    ])
    func emailsAreLowerCasedAndDeduplicated(text: String, expected: [String]) {
        #expect(Entities.extract(from: text).emails == expected, "\(text)")
    }

    @Test func digitsInAnEmailAreNotNumbers() {
        let entities = Entities.extract(from: "order 1001, jane1001@example.com")
        #expect(entities.orderNumbers == ["1001"])
        #expect(entities.numbers == ["1001"])
    }

    // MARK: - Numbers

    @Test func numbersIncludeOrderNumbersAndDecimals() {
        let entities = Entities.extract(from: "#1001 cost 19.99 for 3")
        #expect(entities.numbers == ["1001", "19.99", "3"])
    }

    @Test func digitsInsideWordsAreNotNumbers() {
        #expect(Entities.extract(from: "iphone13 at 10am").numbers.isEmpty)
    }

    @Test func textWithoutEntitiesGivesEmptyLists() {
        #expect(Entities.extract(from: "talk to a human") == Entities())
        #expect(Entities.extract(from: "") == Entities())
    }
}

import Testing
@testable import StewardRouter

@Suite struct TokenizerTests {
    let tokenizer = Tokenizer()

    @Test(arguments: [
        ("Zwrót", "zwrot"),
        ("ZAMÓWIENIE", "zamowienie"),
        ("Straße", "strasse"),
        ("Łódź", "lodz"),
        ("Crème Brûlée", "creme brulee"),
        ("ＦＵＬＬＷＩＤＴＨ　１２３", "fullwidth 123"),
        ("ﬁle", "file"),
        ("  many   spaces\there ", "many spaces here"),
        ("Ёлка", "елка"),
        ("ΟΔΟΣ", "οδοσ"),
        ("order ١٠٠١", "order 1001"),
        ("سفارش ۱۰۰۱", "سفارش 1001"),
        ("क्रम १००१", "क्रम 1001"),
    ])
    func normalizationAppliesNFKCCaseAndDiacriticFolding(input: String, expected: String) {
        #expect(tokenizer.normalize(input) == expected)
    }

    @Test func combiningAccentsFoldLikePrecomposedOnes() {
        let decomposed = "Zwro\u{301}t"
        #expect(tokenizer.normalize(decomposed) == tokenizer.normalize("Zwrót"))
    }

    @Test func hangulIsNotDecomposedIntoJamo() {
        #expect(tokenizer.normalize("주문 배송") == "주문 배송")
        #expect(tokenizer.words("내 주문은 어디에 있나요?") == ["내", "주문은", "어디에", "있나요"])
    }

    @Test func hanAndKanaRunsBecomeDenseTokens() {
        let tokens = tokenizer.tokens("我的订单在哪里? order")
        #expect(tokens.map(\.text) == ["我的订单在哪里", "order"])
        #expect(tokens.first?.kind == .dense)
    }

    @Test(arguments: [
        ("Where is my order #1001?", ["where", "is", "my", "order", "#1001"]),
        ("Email me at Jan.Kowalski+shop@Example.COM, thanks", ["email", "me", "at", "jan.kowalski+shop@example.com", "thanks"]),
        ("I paid 12.50 for 2 items", ["i", "paid", "12.50", "for", "2", "items"]),
        ("don't won’t", ["dont", "wont"]),
        ("iPhone13 / 10am", ["iphone13", "10am"]),
    ])
    func wordsKeepOrderNumbersEmailsAndNumbersWhole(input: String, expected: [String]) {
        #expect(tokenizer.words(input) == expected)
    }

    @Test func tokenKindsMarkNumbersOrderNumbersAndEmails() {
        let kinds = tokenizer.tokens("order #1001 costs 20 mail a@b.io").map(\.kind)
        #expect(kinds == [.word, .orderNumber, .word, .number, .word, .email])
    }

    @Test func emptyAndPunctuationOnlyTextsHaveNoWords() {
        #expect(tokenizer.words("").isEmpty)
        #expect(tokenizer.words("?!... --").isEmpty)
    }
}

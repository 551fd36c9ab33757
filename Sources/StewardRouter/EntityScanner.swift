import Foundation

/// Reads the entities of one message by the rules documented on ``Entities``.
///
/// The normalised message is cut into lexemes (words, numbers, single symbols, emails) that
/// remember whether whitespace came before them; amounts are read first, then card-like digit
/// runs, then order numbers, so a number that is part of an amount or a card is never an order number.
struct EntityScanner {
    struct Lexeme {
        enum Kind { case word, number, symbol, email }
        var kind: Kind
        var text: String
        /// True when whitespace separates this lexeme from the one before.
        var spaced: Bool
        /// True for a word in a script written without spaces (Han, kana, Thai) or in Hangul.
        var dense = false
        /// For a number: ASCII digits only, no separators.
        var isWhole: Bool { kind == .number && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    }

    let lexemes: [Lexeme]

    init(_ text: String) {
        var normalized = String.UnicodeScalarView()
        Tokenizer().appendNormalized(text, to: &normalized)
        lexemes = Self.lex(Array(normalized))
    }

    func entities() -> Entities {
        var amounts: [Entities.Amount] = []
        var inAmount = Set<Int>()
        for i in lexemes.indices where lexemes[i].kind == .number && !inAmount.contains(i) {
            if let (amount, range) = amount(at: i) {
                amounts.append(amount)
                inAmount.formUnion(range)
            }
        }
        let inCard = cardLikeRuns(excluding: inAmount)
        var orderIndices = Set<Int>()
        var result = Entities(amounts: amounts)
        for i in lexemes.indices {
            let lexeme = lexemes[i]
            switch lexeme.kind {
            case .email:
                result.emails.append(lexeme.text)
            case .number:
                let partOfWord = gluedToWordBefore(i) || (gluedToWordAfter(i) && !inAmount.contains(i))
                if !partOfWord { result.numbers.append(lexeme.text) }
                guard lexeme.isWhole, lexeme.text.utf8.count <= 20, !inAmount.contains(i), !inCard.contains(i) else { continue }
                if isOrderNumber(at: i, previousOrderNumbers: orderIndices) {
                    orderIndices.insert(i)
                    result.orderNumbers.append(lexeme.text)
                    result.possibleOrderNumbers.append(lexeme.text)
                } else if !partOfWord, !isPercentage(i), !Self.isCardNumber(lexeme.text) {
                    result.possibleOrderNumbers.append(lexeme.text)
                }
            case .word, .symbol:
                break
            }
        }
        result.orderNumbers = Self.unique(result.orderNumbers)
        result.possibleOrderNumbers = Self.unique(result.possibleOrderNumbers)
        result.emails = Self.unique(result.emails)
        return result
    }

    // MARK: - Order numbers

    /// True when the number at `index` is introduced as an order's (see ``Entities``).
    func isOrderNumber(at index: Int, previousOrderNumbers: Set<Int>) -> Bool {
        let digits = lexemes[index].text.utf8.count
        if followedByQuantity(index) || isPercentage(index) || gluedToWordAfter(index) { return false }
        // Backwards: [order word] [number word]* [copula]? [punctuation or #]* NUMBER
        var j = index - 1
        var explicit = false, sawCopula = false
        var hash: Int?
        scan: while j >= 0, index - j <= 6 {
            let lexeme = lexemes[j]
            switch lexeme.kind {
            case .symbol where lexeme.text == "#":
                explicit = true
                hash = hash ?? j
            case .symbol where Self.joiningSymbols.contains(lexeme.text):
                break
            case .symbol where Self.listSymbols.contains(lexeme.text):
                if j > 0, previousOrderNumbers.contains(j - 1) { return true }
                break scan
            case .word:
                let word = lexeme.text
                if Self.isOrderNumberWord(word) { return true }
                if Self.isOrderWord(word) { return explicit || digits >= Self.minimumDigitsAfterOrderWord }
                if Self.isNumberWord(word) {
                    explicit = true
                } else if Self.copulas.contains(word), !sawCopula, !explicit {
                    sawCopula = true
                } else if Self.listWords.contains(word), j > 0, previousOrderNumbers.contains(j - 1) {
                    return true
                } else {
                    break scan
                }
            default:
                break scan
            }
            j -= 1
        }
        if let hash {
            // "#1001" on its own, but not "ticket #1001".
            guard hash > 0, lexemes[hash - 1].kind == .word else { return true }
            return !Self.otherReferenceWords.contains(lexemes[hash - 1].text)
        }
        // Korean puts the number first: "1001번 주문", "1001 주문".
        var k = index + 1
        if k < lexemes.count, lexemes[k].kind == .word, lexemes[k].text.hasPrefix("번") { k += 1 }
        if k < lexemes.count, lexemes[k].kind == .word, lexemes[k].text.hasPrefix("주문") {
            return digits >= Self.minimumDigitsAfterOrderWord
        }
        return false
    }

    /// An order word directly before a number needs this many digits: "order 2 more" is no order.
    static let minimumDigitsAfterOrderWord = 3

    /// Words for an order, a purchase or a package, in the languages Steward serves (normalised).
    static let orderWords: Set<String> = [
        "order", "orders", "purchase", "purchases", "package", "parcel",
        "zamowienie", "zamowienia", "zamowieniu", "zamowieniem", "zamowien", "zakup", "zakupu", "paczka", "paczki", "paczke",
        "przesylka", "przesylki", "przesylke",
        "ordern", "bestallning", "bestallningen", "paket", "paketet", "kop", "kopet",
        "bestellung", "auftrag", "auftrags", "auftrages",
        "pedido", "compra", "paquete", "orden",
        "commande", "achat", "colis",
        "ordine", "заказ", "заказа",
    ]

    /// One word for "order number": introduces an order number of any length.
    static let orderNumberWords: Set<String> = [
        "ordernumber", "orderno", "ordernum", "orderid", "ordernummer", "ordernumret", "ordernr",
        "bestallningsnummer", "bestallningsnumret", "bestellnummer", "bestellnr", "auftragsnummer", "auftragsnr",
    ]

    /// Words for "number" between an order word and the number: "order no. 1001", "commande n° 1001".
    static let numberWords: Set<String> = [
        "no", "nr", "nro", "n", "number", "num", "id", "ref", "reference", "referencia",
        "numer", "numeru", "nummer", "numret", "numero",
    ]

    /// "order number is 1001", "Bestellnummer ist 1001", "numer zamówienia to 1001", "ordernummer är 1001".
    static let copulas: Set<String> = ["is", "was", "ist", "war", "lautet", "es", "era", "est", "etait", "to", "jest", "byl", "ar", "var"]

    /// Punctuation allowed between the words and the number: "order no. 1001", "order number: 1001", "n° 1001",
    /// `order "1001"`.
    static let joiningSymbols: Set<String> = [
        ":", ".", "-", "°", "=", "(", "[", "\u{2013}", "\u{2014}", "\"", "'", "\u{2018}", "\u{201C}", "\u{201E}", "\u{AB}",
    ]

    /// "order 1001 and 1002", "zamówienia 1001, 1002".
    static let listSymbols: Set<String> = [",", "&", "/", "+"]
    static let listWords: Set<String> = ["and", "or", "i", "lub", "och", "eller", "und", "oder", "y", "o", "et", "ou"]

    /// Words after which a number counts something rather than naming an order: "order 100 pieces",
    /// "my order is 100 days late".
    static let quantityWords: Set<String> = [
        "more", "pcs", "pc", "pieces", "piece", "units", "unit", "items", "item", "x", "times",
        "szt", "sztuk", "sztuki", "st", "stk", "stuck", "unidades", "uds", "piezas", "exemplaires",
        "days", "day", "weeks", "week", "hours", "months", "dni", "dagar", "tage", "dias", "jours",
    ]

    /// Words whose `#` numbers are not orders: "ticket #1001".
    static let otherReferenceWords: Set<String> = ["ticket", "case", "sku", "item", "tracking", "invoice", "faktura", "rechnung", "factura", "facture"]

    static func isOrderWord(_ word: String) -> Bool {
        orderWords.contains(word) || word.hasPrefix("주문")
    }

    static func isOrderNumberWord(_ word: String) -> Bool {
        orderNumberWords.contains(word) || word.hasPrefix("주문번호")
    }

    static func isNumberWord(_ word: String) -> Bool {
        numberWords.contains(word) || word.hasPrefix("번호")
    }

    func followedByQuantity(_ index: Int) -> Bool {
        index + 1 < lexemes.count && lexemes[index + 1].kind == .word && Self.quantityWords.contains(lexemes[index + 1].text)
    }

    func isPercentage(_ index: Int) -> Bool {
        index + 1 < lexemes.count && lexemes[index + 1].kind == .symbol && lexemes[index + 1].text == "%"
    }

    /// Digits written straight after a Latin (or similar) letter: "iphone13", "abc123".
    func gluedToWordBefore(_ index: Int) -> Bool {
        index > 0 && !lexemes[index].spaced && lexemes[index - 1].kind == .word && !lexemes[index - 1].dense
    }

    /// Digits written straight before a Latin (or similar) letter: "10am", "2nd", "120zł".
    func gluedToWordAfter(_ index: Int) -> Bool {
        index + 1 < lexemes.count && !lexemes[index + 1].spaced && lexemes[index + 1].kind == .word && !lexemes[index + 1].dense
    }

    // MARK: - Card-like digit runs

    /// Indices of numbers in runs written like a card number: three or more groups of 3–6 digits,
    /// 13–19 digits in all, separated by spaces or hyphens ("4111 1111 1111 1111", "3782-822463-10005").
    func cardLikeRuns(excluding taken: Set<Int>) -> Set<Int> {
        func isGroup(_ i: Int) -> Bool {
            lexemes[i].isWhole && (3...6).contains(lexemes[i].text.utf8.count) && !taken.contains(i)
        }
        var result = Set<Int>()
        var i = 0
        while i < lexemes.count {
            guard isGroup(i), !gluedToWordBefore(i) else { i += 1; continue }
            var run = [i]
            var k = i
            while true {
                if k + 1 < lexemes.count, lexemes[k + 1].spaced, isGroup(k + 1) {
                    k += 1
                } else if k + 2 < lexemes.count, lexemes[k + 1].kind == .symbol, lexemes[k + 1].text == "-", isGroup(k + 2) {
                    k += 2
                } else {
                    break
                }
                run.append(k)
            }
            let digits = run.reduce(0) { $0 + lexemes[$1].text.utf8.count }
            if run.count >= 3, (13...19).contains(digits) { result.formUnion(run) }
            i = k + 1
        }
        return result
    }

    /// True for 15–19 digits that pass the Luhn check card numbers carry.
    static func isCardNumber(_ digits: String) -> Bool {
        let values = digits.utf8.map { Int($0) - 0x30 }
        guard (15...19).contains(values.count) else { return false }
        var sum = 0
        for (offset, value) in values.reversed().enumerated() {
            let doubled = offset % 2 == 1 ? value * 2 : value
            sum += doubled > 9 ? doubled - 9 : doubled
        }
        return sum % 10 == 0
    }

    // MARK: - Amounts

    /// The amount whose number starts at `index`, and the indices of its numbers.
    func amount(at index: Int) -> (Entities.Amount, ClosedRange<Int>)? {
        var end = index
        // "1 299,00 zł", "30 000 원": a number of 1–3 digits followed by spaced groups of three.
        if lexemes[index].isWhole, (1...3).contains(lexemes[index].text.utf8.count) {
            var k = index
            while k + 1 < lexemes.count, lexemes[k + 1].kind == .number, lexemes[k + 1].spaced,
                Self.isThousandsGroup(lexemes[k + 1].text)
            {
                k += 1
                if !lexemes[k].isWhole { break }
            }
            if k > index, currencyBefore(index) != nil || currencyAfter(k) != nil { end = k }
        }
        guard let (currency, multiplier) = currencyBefore(index).map({ ($0, Decimal(1)) }) ?? currencyAfter(end) else {
            return nil
        }
        if gluedToWordBefore(index), !(index > 0 && Self.currencyCodes[lexemes[index - 1].text] != nil) { return nil }
        let written = lexemes[index...end].map(\.text).joined(separator: " ")
        guard let value = Entities.Amount.value(of: written.replacingOccurrences(of: " ", with: "")) else { return nil }
        return (Entities.Amount(value * multiplier, currency: currency, written: written), index...end)
    }

    static func isThousandsGroup(_ text: String) -> Bool {
        let digits = text.prefix { $0.isNumber }
        guard digits.count == 3 else { return false }
        let rest = text.dropFirst(3)
        return rest.isEmpty || ((rest.first == "," || rest.first == ".") && (2...3).contains(rest.count))
    }

    /// The currency named just before the number at `index`: "$80", "€ 45", "USD 45", "C$20".
    func currencyBefore(_ index: Int) -> String? {
        guard index > 0 else { return nil }
        let previous = lexemes[index - 1]
        switch previous.kind {
        case .symbol:
            guard let currency = Self.currencySymbols[previous.text] else { return nil }
            // A sign between two numbers belongs to the one it touches: "1001 €80" is 80 euros.
            if lexemes[index].spaced, !previous.spaced, index >= 2, lexemes[index - 2].kind == .number { return nil }
            if index >= 2, !previous.spaced, lexemes[index - 2].kind == .word, previous.text == "$" {
                return Self.dollarPrefixes[lexemes[index - 2].text] ?? currency
            }
            return currency
        case .word:
            return Self.currencyCodes[previous.text]
        default:
            return nil
        }
    }

    /// The currency named just after the number at `index`, and what it multiplies the number by
    /// ("3만원" is 30 000 won): "45 €", "45.99$", "80 dollars", "120 zł", "30000원", "80 US dollars".
    func currencyAfter(_ index: Int) -> (String, Decimal)? {
        guard index + 1 < lexemes.count else { return nil }
        let next = lexemes[index + 1]
        switch next.kind {
        case .symbol:
            guard let currency = Self.currencySymbols[next.text] else { return nil }
            if !next.spaced { return (currency, 1) }
            // "80 €90": the sign touches the next number.
            if index + 2 < lexemes.count, lexemes[index + 2].kind == .number, !lexemes[index + 2].spaced { return nil }
            return (currency, 1)
        case .word where next.dense:
            for (prefix, currency) in Self.koreanCurrencyWords where next.text.hasPrefix(prefix) { return (currency, 1) }
            for (unit, multiplier) in [("만", Decimal(10_000)), ("천", Decimal(1_000))] where next.text.hasPrefix(unit) {
                let rest = next.text.dropFirst()
                if rest.hasPrefix("원") { return ("KRW", multiplier) }
                if rest.isEmpty, index + 2 < lexemes.count, lexemes[index + 2].text.hasPrefix("원") { return ("KRW", multiplier) }
            }
            return nil
        case .word:
            if let currency = Self.currencyCodes[next.text] ?? Self.currencyWords[next.text] { return (currency, 1) }
            if let currency = Self.dollarAdjectives[next.text], index + 2 < lexemes.count,
                ["dollar", "dollars"].contains(lexemes[index + 2].text)
            {
                return (currency, 1)
            }
            return nil
        default:
            return nil
        }
    }

    static let currencySymbols: [String: String] = [
        "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₹": "INR", "₽": "RUB", "₺": "TRY", "₴": "UAH", "₪": "ILS",
    ]

    /// "C$20", "A$ 15", "US$45".
    static let dollarPrefixes: [String: String] = [
        "us": "USD", "c": "CAD", "ca": "CAD", "can": "CAD", "a": "AUD", "au": "AUD", "nz": "NZD", "hk": "HKD", "s": "SGD", "sg": "SGD",
    ]

    /// "80 US dollars", "20 Canadian dollars".
    static let dollarAdjectives: [String: String] = [
        "us": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD",
    ]

    /// ISO 4217 codes, before or after the number: "USD 45", "120 PLN".
    static let currencyCodes: [String: String] = Dictionary(uniqueKeysWithValues: [
        "usd", "eur", "gbp", "pln", "sek", "nok", "dkk", "krw", "chf", "cad", "aud", "nzd", "jpy", "cny", "czk", "huf",
        "inr", "mxn", "brl", "uah", "isk", "bgn", "hkd", "sgd",
    ].map { ($0, $0.uppercased()) })

    /// Currency names and signs written as letters, after the number (normalised: "zł" is "zl").
    static let currencyWords: [String: String] = [
        "dollar": "USD", "dollars": "USD", "buck": "USD", "bucks": "USD", "dolar": "USD", "dolares": "USD", "dolary": "USD",
        "dolarow": "USD", "dollaro": "USD", "dollari": "USD",
        "euro": "EUR", "euros": "EUR", "eurot": "EUR", "evro": "EUR",
        "zl": "PLN", "zloty": "PLN", "zlotys": "PLN", "zlote": "PLN", "zlotych": "PLN", "zlotego": "PLN", "zlotowek": "PLN",
        "kr": "SEK", "kronor": "SEK", "krona": "SEK", "kronur": "SEK",
        "won": "KRW", "yen": "JPY", "pound": "GBP", "pounds": "GBP", "quid": "GBP", "franken": "CHF",
    ]

    /// Korean currency words, which may carry a particle: "30000원이에요", "80달러".
    static let koreanCurrencyWords: KeyValuePairs<String, String> = ["원": "KRW", "달러": "USD", "불": "USD", "유로": "EUR", "엔": "JPY"]

    // MARK: - Lexing

    static func lex(_ scalars: [Unicode.Scalar]) -> [Lexeme] {
        var result: [Lexeme] = []
        var start = 0
        for index in 0...scalars.count where index == scalars.count || scalars[index] == " " {
            if index > start { lexChunk(scalars[start..<index], into: &result) }
            start = index + 1
        }
        return result
    }

    /// Lexes a whitespace-free chunk; an email in it is one lexeme.
    private static func lexChunk(_ slice: ArraySlice<Unicode.Scalar>, into result: inout [Lexeme]) {
        let chunk = Array(slice)
        if chunk.contains("@"), let range = Tokenizer.emailRange(in: chunk) {
            lexPart(chunk[..<range.lowerBound], spaced: true, into: &result)
            result.append(Lexeme(kind: .email, text: string(chunk[range]), spaced: range.lowerBound == 0))
            lexPart(chunk[range.upperBound...], spaced: false, into: &result)
        } else {
            lexPart(chunk[...], spaced: true, into: &result)
        }
    }

    private static func lexPart(_ part: ArraySlice<Unicode.Scalar>, spaced: Bool, into result: inout [Lexeme]) {
        var index = part.startIndex
        var spaced = spaced
        while index < part.endIndex {
            let scalar = part[index]
            var end = index + 1
            if Tokenizer.isDigit(scalar) {
                while end < part.endIndex {
                    if Tokenizer.isDigit(part[end]) {
                        end += 1
                    } else if part[end] == "." || part[end] == ",", end + 1 < part.endIndex, Tokenizer.isDigit(part[end + 1]) {
                        end += 2
                    } else {
                        break
                    }
                }
                result.append(Lexeme(kind: .number, text: string(part[index..<end]), spaced: spaced))
            } else if Tokenizer.isWordScalar(scalar) {
                let dense = Tokenizer.isDense(scalar)
                var word = String.UnicodeScalarView([scalar])
                while end < part.endIndex {
                    let next = part[end]
                    if Tokenizer.isDigit(next) { break }
                    if Tokenizer.isWordScalar(next), Tokenizer.isDense(next) == dense || Tokenizer.isMark(next) {
                        word.append(next)
                        end += 1
                    } else if !dense, Tokenizer.isApostrophe(next), end + 1 < part.endIndex,
                        Tokenizer.isWordScalar(part[end + 1]), !Tokenizer.isDense(part[end + 1]), !Tokenizer.isDigit(part[end + 1])
                    {
                        end += 1  // "don't" -> "dont"
                    } else {
                        break
                    }
                }
                result.append(Lexeme(kind: .word, text: String(word), spaced: spaced, dense: dense))
            } else {
                result.append(Lexeme(kind: .symbol, text: String(scalar), spaced: spaced))
            }
            index = end
            spaced = false
        }
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}

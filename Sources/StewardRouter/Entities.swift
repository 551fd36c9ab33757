/// Structured values found in a message that skills can use: order numbers, emails and plain numbers.
public struct Entities: Sendable, Hashable {
    /// Order numbers as digits only: `#1001`, `order 1001` and `order no. 1001` all give `"1001"`.
    public var orderNumbers: [String]
    /// Email addresses, lower-cased.
    public var emails: [String]
    /// Every number in the message, order numbers included, as written (after Unicode normalisation).
    public var numbers: [String]

    /// Creates entities.
    public init(orderNumbers: [String] = [], emails: [String] = [], numbers: [String] = []) {
        self.orderNumbers = orderNumbers
        self.emails = emails
        self.numbers = numbers
    }

    /// Extracts the entities of a message.
    public static func extract(from text: String) -> Entities {
        let tokens = Tokenizer().tokens(text)
        var result = Entities()
        var previousWords: [String] = []
        for token in tokens {
            switch token.kind {
            case .email:
                result.emails.append(token.text)
            case .orderNumber:
                let digits = String(token.text.drop(while: { $0 == "#" }))
                result.orderNumbers.append(digits)
                result.numbers.append(digits)
            case .number:
                result.numbers.append(token.text)
                if isOrderReference(previousWords), token.text.allSatisfy(\.isASCIIDigit) {
                    result.orderNumbers.append(token.text)
                }
            case .word, .dense:
                break
            }
            previousWords.append(token.kind == .word ? token.text : "")
            if previousWords.count > 3 { previousWords.removeFirst() }
        }
        result.orderNumbers = unique(result.orderNumbers)
        result.emails = unique(result.emails)
        return result
    }

    /// Words that introduce an order number: "order 1001", "order no 1001", "order number 1001", "zamówienie 1001".
    private static let orderWords: Set<String> = ["order", "orders", "zamowienie", "zamowienia", "bestellung", "commande", "pedido", "ordine", "заказ"]
    private static let numberWords: Set<String> = ["no", "nr", "number", "num", "id", "numer", "nummer", "numero"]

    private static func isOrderReference(_ previous: [String]) -> Bool {
        guard let last = previous.last else { return false }
        if orderWords.contains(last) { return true }
        if numberWords.contains(last), previous.count >= 2, orderWords.contains(previous[previous.count - 2]) { return true }
        return false
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

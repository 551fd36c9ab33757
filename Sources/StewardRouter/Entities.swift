/// Structured values found in a message that skills can use: order numbers, emails, amounts of
/// money and plain numbers.
///
/// The message is normalised first (see ``Tokenizer``): NFKC, lower case, folded diacritics, and
/// every script's decimal digits as ASCII digits, so "ＯＲＤＥＲ １００１", "zamówienie ١٠٠١" and
/// "order 1001" read alike.
///
/// **Order numbers** are digits introduced as an order's:
/// - after `#`, with or without a space: "#1001", "# 1001", "order#1001" (any length), but not
///   after a word for another kind of reference ("ticket #1001", "invoice #1001");
/// - after an order word, optionally followed by a number word, a copula and punctuation:
///   "order 1001", "order no. 1001", "order number: 1001", "order nr 1001", "order id 1001",
///   "my order number is 1001", `order "1001"`, "purchase 370795561790", "my package 1003",
///   "zamówienie nr 1001", "numer zamówienia to 1001", "beställning 1001", "ordernummer 1001",
///   "Bestellnummer 1001", "Auftrag 1001", "número de pedido 1001", "compra 1001",
///   "commande n° 1001", "주문번호 1001번", "주문 번호: 1001", "1001번 주문". Straight after an order
///   word (no number word or `#` between) the number needs at least three digits, so "I'd like to
///   order 2 more" gives none; a word that already means "order number" ("Bestellnummer",
///   "ordernummer", "주문번호") takes any length;
/// - in a list after one: "orders 1001 and 1002", "order 1001, 1002";
/// - at most 20 digits (platform ids such as Shopify's 13-digit ones fit), written without
///   separators, and kept as written: leading zeros stay ("#001001" gives "001001").
///   `OrderLookup` in StewardCore also tries the number without them when the shop's tool
///   does not know it as written.
///
/// Never order numbers: the number of an amount of money ("refund of $1001", "order 100 dollars"),
/// card-like digit runs (three or more groups of 3–6 digits, 13–19 digits in all, separated by
/// spaces or hyphens, as in "4111 1111 1111 1111"), numbers with decimal or group separators,
/// percentages, counts ("order 100 pieces", "my order is 120 days late") and digits that are part
/// of a word ("iphone13", "10am", "1001kg").
///
/// A bare number given when the customer was asked for their order number ("1001", "it's 1001",
/// "1001번") is not an order number by itself, since a lone "3" may be a quantity: it is in
/// ``possibleOrderNumbers``, which a skill that just asked reads after ``orderNumbers``.
///
/// **Amounts** need a currency sign, code or word; see ``Amount`` for the forms and how their
/// numbers are read. **Emails** are found as the tokenizer finds them (plus addressing,
/// subdomains, any case) and lower-cased.
public struct Entities: Sendable, Hashable {
    /// Order numbers as ASCII digits, as written (leading zeros kept), in message order without repeats.
    public var orderNumbers: [String]
    /// Email addresses, lower-cased, in message order without repeats.
    public var emails: [String]
    /// Amounts of money with a currency sign, code or word, in message order: "$80", "45,99 zł", "₩30,000".
    public var amounts: [Amount]
    /// Every number in the message, order numbers and amounts included, as written with ASCII digits
    /// ("19.99", "1.299,00"); digits inside a word ("iphone13", "10am") are not numbers.
    public var numbers: [String]
    /// Numbers that are an order number if the customer was just asked for one: ``orderNumbers``
    /// and every other whole number of 1–20 digits without separators that is not part of an
    /// amount, a percentage, a card-like digit run or a word, nor a 15–19-digit run that passes
    /// the Luhn check of card numbers. In message order without repeats.
    public var possibleOrderNumbers: [String]

    /// Creates entities.
    public init(
        orderNumbers: [String] = [], emails: [String] = [], amounts: [Amount] = [], numbers: [String] = [],
        possibleOrderNumbers: [String]? = nil
    ) {
        self.orderNumbers = orderNumbers
        self.emails = emails
        self.amounts = amounts
        self.numbers = numbers
        self.possibleOrderNumbers = possibleOrderNumbers ?? orderNumbers
    }

    /// Extracts the entities of a message by the rules above.
    ///
    /// - Parameter text: A customer's message, as typed.
    /// - Returns: The message's order numbers, emails, amounts and numbers; empty lists when there are none.
    public static func extract(from text: String) -> Entities {
        EntityScanner(text).entities()
    }
}

import StewardRouter

/// Order numbers, emails, amounts of money and numbers found in a message: the type of
/// ``SkillRequest/entities``, named here so that a skill needs only `import StewardCore`.
///
/// The rules (which digits are an order number, which are an amount) are in the router's `Entities`.
/// Read them from any text with ``MessageEntities/extract(from:)``, e.g. a previous turn's.
public typealias MessageEntities = Entities

/// An amount of money in a message ("$80", "45,99 zł"): its number's value, currency and the text as written.
public typealias MoneyAmount = Entities.Amount

/// Finding values in text that are not a message's entities: links in knowledge passages and the like.
public enum TextEntities {
    /// The order numbers in `text` by the rules of ``MessageEntities``: "#1001", "order no. 1001", …
    public static func orderNumbers(in text: String) -> [String] {
        Entities.extract(from: text).orderNumbers
    }

    /// The email addresses in `text`, lower-cased, in order without repeats (see ``EmailAddress`` for what is valid).
    public static func emails(in text: String) -> [String] {
        Entities.extract(from: text).emails
    }

    /// The web links in `text`: white-space separated words starting with `http://` or `https://`
    /// (after an opening bracket or quote), without the punctuation that ends a sentence or closes a bracket after them (`.,;:!?)]"'`),
    /// in order: "see https://shop.example/rewards." → `["https://shop.example/rewards"]`.
    public static func links(in text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).compactMap { word in
            let word = word.drop { "([<\"'".contains($0) }
            guard word.hasPrefix("https://") || word.hasPrefix("http://") else { return nil }
            let link = String(word).trimmingTrailing(".,;:!?)]\"'")
            return link.contains("://") && !link.hasSuffix("://") ? link : nil
        }
    }
}

extension String {
    /// The string without any of `characters` at its end.
    fileprivate func trimmingTrailing(_ characters: String) -> String {
        var text = Substring(self)
        while let last = text.last, characters.contains(last) { text = text.dropLast() }
        return String(text)
    }
}

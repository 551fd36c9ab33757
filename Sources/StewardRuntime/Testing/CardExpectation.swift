import StewardCore

/// What one card of a reply must show; every field is optional. Comparisons named `…_contains`
/// and field values ignore case and match a part of the text.
public struct CardExpectation: Sendable, Hashable, CustomStringConvertible {
    /// `order`, `coupon`, `product`, `loyalty`, `subscription`, `article`.
    public var kind: String?
    /// The title, exactly.
    public var title: String?
    /// A part of the title.
    public var titleContains: String?
    /// A part of the subtitle.
    public var subtitleContains: String?
    /// A part of the card's link.
    public var urlContains: String?
    /// Fields by label (exact), each value containing the given text.
    public var fields: [String: String] = [:]
    /// Buttons the card must have, by a part of their title.
    public var buttonsContain: [String] = []

    public init() {}

    /// What the expectation asks for, e.g. `kind order, title containing "#1001"`.
    public var description: String {
        var parts: [String] = []
        if let kind { parts.append("kind \(kind)") }
        if let title { parts.append("title \"\(title)\"") }
        if let titleContains { parts.append("title containing \"\(titleContains)\"") }
        if let subtitleContains { parts.append("subtitle containing \"\(subtitleContains)\"") }
        if let urlContains { parts.append("url containing \"\(urlContains)\"") }
        for label in fields.keys.sorted() { parts.append("field \(label): \"\(fields[label]!)\"") }
        for button in buttonsContain { parts.append("button \"\(button)\"") }
        return parts.isEmpty ? "anything" : parts.joined(separator: ", ")
    }

    /// The first thing in `card` that differs, or nil when it matches.
    func mismatch(_ card: Card) -> (expected: String, actual: String)? {
        if let kind, card.kind.rawValue != kind { return ("kind \(kind)", "kind \(card.kind.rawValue)") }
        if let title, card.title != title { return ("title \"\(title)\"", "title \"\(card.title)\"") }
        if let titleContains, !card.title.localizedCaseInsensitiveContains(titleContains) {
            return ("title containing \"\(titleContains)\"", "title \"\(card.title)\"")
        }
        if let subtitleContains, !(card.subtitle ?? "").localizedCaseInsensitiveContains(subtitleContains) {
            return ("subtitle containing \"\(subtitleContains)\"", "subtitle \"\(card.subtitle ?? "")\"")
        }
        if let urlContains, !(card.url ?? "").localizedCaseInsensitiveContains(urlContains) {
            return ("url containing \"\(urlContains)\"", "url \"\(card.url ?? "")\"")
        }
        for label in fields.keys.sorted() {
            let wanted = fields[label]!
            guard let field = card.fields.first(where: { $0.label == label }) else {
                return ("field \(label)", "fields " + card.fields.map(\.label).joined(separator: ", "))
            }
            if !field.value.localizedCaseInsensitiveContains(wanted) {
                return ("field \(label) containing \"\(wanted)\"", "field \(label): \"\(field.value)\"")
            }
        }
        for button in buttonsContain where !card.buttons.contains(where: { $0.title.localizedCaseInsensitiveContains(button) }) {
            return ("button \"\(button)\"", "buttons " + card.buttons.map { "\"\($0.title)\"" }.joined(separator: ", "))
        }
        return nil
    }
}

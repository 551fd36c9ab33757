import StewardCore

/// Shapes a skill's reply for the channel it goes to.
///
/// Web chat keeps cards and quick replies. WhatsApp gets cards as text with links and at most
/// three quick replies. SMS and email get everything in the text: cards become short text blocks
/// with links, and quick replies become a "Reply with" line (SMS) or are dropped (email).
public struct ChannelRenderer: Sendable {
    /// The SMS length above which card details are cut to title and link.
    public var smsSegmentBudget = 3

    public init() {}

    /// The reply as it should be sent on `channel`.
    public func render(_ response: SkillResponse, for channel: Channel) -> SkillResponse {
        var out = response
        switch channel {
        case .webchat:
            return out
        case .whatsapp:
            out.text = join(response.text, response.cards.map { block($0, detailed: true) })
            out.cards = []
            out.suggestions = Array(response.suggestions.prefix(3))
        case .email:
            out.text = join(response.text, response.cards.map { block($0, detailed: true) })
            out.cards = []
            out.suggestions = []
        case .sms:
            var text = join(response.text, response.cards.map { block($0, detailed: true) })
            if SMSSegments.count(text) > smsSegmentBudget {
                text = join(response.text, response.cards.map { block($0, detailed: false) })
            }
            let options = response.suggestions.filter { $0.action != "resume" }.map(\.title)
            if !options.isEmpty { text += "\nReply with: " + options.prefix(3).joined(separator: " / ") }
            out.text = text
            out.cards = []
            out.suggestions = []
        }
        return out
    }

    /// A card as plain text: title, subtitle, fields and link.
    public func block(_ card: Card, detailed: Bool = true) -> String {
        var lines = [card.title]
        if detailed {
            if let subtitle = card.subtitle { lines.append(subtitle) }
            lines += card.fields.map { "\($0.label): \($0.value)" }
        }
        let linkButtons = detailed ? card.buttons.filter { $0.url != nil } : []
        // The card's own link, unless a button already carries it.
        if let url = card.url, !linkButtons.contains(where: { $0.url == url }) { lines.append(url) }
        lines += linkButtons.map { "\($0.title): \($0.url!)" }
        return lines.joined(separator: "\n")
    }

    private func join(_ text: String, _ blocks: [String]) -> String {
        ([text] + blocks).filter { !$0.isEmpty }.joined(separator: "\n\n")
    }
}

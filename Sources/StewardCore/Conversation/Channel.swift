/// Where a conversation takes place; it decides how replies are rendered.
public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
    /// A web chat widget: rich cards, buttons and quick replies.
    case webchat
    /// Text messages: short plain text with deep links.
    case sms
    /// WhatsApp: text with links and up to three quick replies.
    case whatsapp
    /// Email: full sentences with links.
    case email

    /// True when the channel can show cards and quick-reply buttons.
    public var showsCards: Bool { self == .webchat }
    /// True when the channel can show quick-reply suggestions.
    public var showsSuggestions: Bool { self == .webchat || self == .whatsapp }
}

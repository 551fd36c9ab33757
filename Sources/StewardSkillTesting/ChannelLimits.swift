import Foundation
import StewardCore
import StewardRuntime

/// What a reply rendered for a channel must fit in, so that it is delivered whole.
///
/// Sources of the limits: an SMS is sent as at most 10 concatenated segments (Twilio's 1,600-character
/// body limit is 10 segments of 160 GSM-7 characters; counted by ``SMSSegments``); a WhatsApp text
/// message body holds at most 4,096 characters (WhatsApp Cloud API, "text" messages) and shows at
/// most 3 quick-reply buttons; web chat and email take the same 4,096 characters as a sanity bound.
/// Every channel needs some text or, on web chat, a card.
public struct ChannelLimits: Sendable, Hashable {
    /// The most SMS segments a reply may take.
    public var smsSegments = 10
    /// The most characters of text on WhatsApp, web chat and email.
    public var characters = 4096
    /// The most quick replies shown on WhatsApp.
    public var whatsappQuickReplies = 3

    public init() {}

    /// What is wrong with `reply` (already rendered for `channel`), or nil when it fits.
    public func problem(with reply: SkillResponse, on channel: Channel) -> String? {
        if reply.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, channel != .webchat || reply.cards.isEmpty {
            return "the reply on \(channel.rawValue) is empty"
        }
        switch channel {
        case .sms:
            let segments = SMSSegments.count(reply.text)
            if segments > smsSegments {
                return "the reply on sms takes \(segments) segments (at most \(smsSegments))"
            }
        case .whatsapp:
            if reply.text.count > characters {
                return "the reply on whatsapp has \(reply.text.count) characters (at most \(characters))"
            }
            if reply.suggestions.count > whatsappQuickReplies {
                return "the reply on whatsapp has \(reply.suggestions.count) quick replies (at most \(whatsappQuickReplies))"
            }
        case .webchat, .email:
            if reply.text.count > characters {
                return "the reply on \(channel.rawValue) has \(reply.text.count) characters (at most \(characters))"
            }
        }
        return nil
    }
}

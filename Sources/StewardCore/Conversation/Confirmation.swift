import StewardRouter

/// How a customer answered a yes-or-no question: a clear yes, a clear no, or neither.
///
/// Every skill and the handoff read confirmations through this one reader, never by matching
/// strings themselves. A destructive action (cancelling an order, cancelling, pausing or skipping a
/// subscription, redeeming points) runs only on ``yes``; anything else is asked again with explicit
/// choices (``no`` ends the task without acting).
///
/// Reads English, Polish, Swedish, Korean, German, Spanish and French, plus emoji
/// (👍 👌 ✅ 🙆 yes; 👎 ❌ 🙅 no).
public enum Confirmation: String, Sendable, Hashable, CaseIterable {
    /// A clear yes: "yes", "yes please", "sure, go ahead", "absolutely", "tak", "ja gärna", "네", 👍.
    case yes
    /// A clear no: "no", "please no", "no thanks", "don't", "keep it", "nie", "nej", "아니요", 👎.
    case no
    /// A hedge ("ok wait", "hmm", "not sure", "let me think"), mixed signals ("yes no"), or a yes
    /// followed by a different request ("sure, but can I change the size instead?").
    case unclear
    /// Not an answer to the question at all: a new question or statement.
    case neither

    /// Reads a reply to a yes-or-no question.
    ///
    /// Case, accents, punctuation, apostrophes and emoji skin tones do not matter ("Sí", "si", "OK!!",
    /// "d’accord", "👍🏽"). The reply may be polite or long as long as every other word is politeness
    /// or the action itself: "yes please, cancel it" and "tak, proszę anulować" are ``yes``.
    ///
    /// - ``yes`` never comes with a negation ("yes don't", "sure, don't cancel"), a turn or another
    ///   request ("sure, but can I change the size?"), a question mark ("yes?"), any other content, or
    ///   an order number (the reader does not know which order was asked about: a skill removes its own
    ///   order number before reading, so "yes, cancel #1004" to a question about #1003 is ``unclear``).
    /// - ``no`` is a no or a negation with only politeness and the action around it ("please don't
    ///   cancel it", "nicht stornieren", "취소하지 마세요", "actually no").
    /// - ``unclear`` is a hedge anywhere, mixed signals, a yes or no with something else, or only the
    ///   action or politeness ("cancel it", "please"): ask again.
    /// - ``neither`` is a message with no answer in it: a question, an email, an order number, "".
    ///
    /// - Parameter text: The customer's message as typed.
    /// - Returns: ``yes`` or ``no`` only when the message clearly says so.
    public static func read(_ text: String) -> Confirmation {
        ConfirmationReader.shared.read(text)
    }

    /// Reads a reply to "shall I <action>?": as ``read(_:)``, and a yes that names another action
    /// ("yes, just pause it" to a cancellation, "yes, connect me to an agent") is ``unclear``.
    ///
    /// - Parameters:
    ///   - text: The customer's message as typed.
    ///   - action: What the question asked to do.
    public static func read(_ text: String, about action: ConfirmedAction) -> Confirmation {
        ConfirmationReader.shared.read(text, about: action)
    }
}

/// What a yes-or-no question asks to do, so that a yes naming another action is not taken for a yes to it.
public enum ConfirmedAction: String, Sendable, Hashable, CaseIterable {
    /// Cancel an order or a subscription.
    case cancel
    /// Pause (or postpone) a subscription.
    case pause
    /// Skip a subscription's next delivery.
    case skip
    /// Spend loyalty points on a reward.
    case redeem
    /// Connect the customer with a person.
    case contact

    var verbRole: ConfirmationLexicon.Role {
        switch self {
        case .cancel: .cancelVerb
        case .pause: .pauseVerb
        case .skip: .skipVerb
        case .redeem: .redeemVerb
        case .contact: .contactVerb
        }
    }
}

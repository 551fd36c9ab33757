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
    /// - Parameter text: The customer's message as typed.
    /// - Returns: ``yes`` or ``no`` only when the message clearly says so.
    public static func read(_ text: String) -> Confirmation {
        ConfirmationReader.shared.read(text)
    }
}

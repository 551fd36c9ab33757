import StewardRouter

/// What a short message says about the conversation itself rather than about the shop.
///
/// The engine reads cues before routing: a cue is never a skill's intent, a miss, a complaint or a
/// reason to hand off. Reads the same seven languages as ``Confirmation``.
public enum ConversationCue: String, Sendable, Hashable, CaseIterable {
    /// Leave the open question or task: "cancel", "never mind", "stop", "quit", "exit", "forget it",
    /// "I said cancel", "anuluj", "avbryt", "취소", "abbrechen", "olvídalo", "laisse tomber".
    case stop
    /// Filler that asks for time: "hold on", "one sec", "let me check", "brb", "hmm", "chwila",
    /// "vänta lite", "잠깐만요", "moment", "un momento", "attendez".
    case hold
    /// Go back to an interrupted task: "go back", "back to my order", "continue", "resume",
    /// "wróćmy", "fortsätt", "계속", "zurück", "volvamos", "reprenons".
    case resume
    /// An acknowledgement: "ok", "k", "thanks", "great", "cool", 👍, 🙏, "dzięki", "tack", "감사합니다",
    /// "danke", "gracias", "merci".
    case acknowledgement
    /// A close: "no thanks", "that's all", "nothing else", "I'm good", "to wszystko", "det var allt",
    /// "없어요", "das war's", "eso es todo", "c'est tout".
    case closing

    /// The cue a message is, or nil when it says something else (a question, a request, an answer).
    ///
    /// Only short messages (up to ten words) that are *all* cue count: "ok, where is my order?" is not
    /// an acknowledgement and "cancel my order" is a request, not ``stop``. Fillers such as "please",
    /// "hmm", "just" or "thanks" may surround a cue. When a message holds several cues the first of
    /// ``stop``, ``hold``, ``resume``, ``closing``, ``acknowledgement`` wins ("ok, one sec" is ``hold``,
    /// "no that's all thanks" is ``closing``). A question mark is allowed only on ``resume`` and
    /// ``hold`` ("where were we?"); "ok?" is nil. Case, accents, punctuation and emoji skin tones do
    /// not matter.
    public static func detect(_ text: String) -> ConversationCue? {
        ConfirmationReader.shared.cue(text)
    }

    /// True when a message opens with a request for time and goes on with something that is not an
    /// answer ("wait a sec, it's in my email", "brb getting my laptop", "give me 2 minutes"): no
    /// question mark, no order number, no email. The engine treats it as ``hold`` unless the router
    /// places the rest as a clear request ("hold on, cancel my order").
    public static func startsWithHold(_ text: String) -> Bool {
        ConfirmationReader.shared.startsWithHold(text)
    }
}

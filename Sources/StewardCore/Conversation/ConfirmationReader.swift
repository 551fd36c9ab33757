import StewardRouter

/// Reads replies to yes-or-no questions and conversation cues, in every language of
/// ``ConfirmationLexicon`` at once.
///
/// A message is normalised (lower case, accents folded, punctuation dropped, apostrophes joined
/// as in "dont" or split after a French elision as in "d accord", emoji read as placeholder words),
/// then cut into the phrases the lexicon knows, covering as many words as possible (see
/// ``PhraseMatcher``). Words no phrase covers are content. The answer follows from the roles found:
///
/// - a hedge anywhere ("maybe", "wait", "글쎄요") is ``Confirmation/unclear``;
/// - a yes with nothing but the action, politeness and emoji around it is ``Confirmation/yes``; a yes
///   with a no, a negation, a turn ("but", "instead", "also"), other content (an order number too: the
///   reader does not know which order was asked about) or a question mark is ``Confirmation/unclear``;
/// - a no or a negation with only the action and politeness around it ("please don't cancel it",
///   "nicht stornieren", "actually no") is ``Confirmation/no``; with other content or a question mark,
///   ``Confirmation/unclear``;
/// - no answer word at all: ``Confirmation/neither`` when the message says something else (a question,
///   an email, an order number), ``Confirmation/unclear`` when it is only the action or politeness
///   ("cancel it", "please").
struct ConfirmationReader: Sendable {
    static let shared = ConfirmationReader()

    /// The lexicon's confirmation phrases, by role.
    let answers: PhraseMatcher<ConfirmationLexicon.Role>
    /// The phrases that carry an answer (yes, no, negation, hedge, turn), for a quick "none of those here".
    let signals: PhraseMatcher<ConfirmationLexicon.Role>
    /// The lexicon's cue phrases; `nil` labels the words that may surround a cue.
    let cues: PhraseMatcher<CueLabel>

    /// What a phrase says about the conversation, in precedence order.
    enum CueLabel: Int, Sendable, Comparable {
        case stop, hold, resume, closing, acknowledgement, filler

        static func < (lhs: CueLabel, rhs: CueLabel) -> Bool { lhs.rawValue < rhs.rawValue }

        var cue: ConversationCue? {
            switch self {
            case .stop: .stop
            case .hold: .hold
            case .resume: .resume
            case .closing: .closing
            case .acknowledgement: .acknowledgement
            case .filler: nil
            }
        }
    }

    /// The longest message, in words, that can be a cue.
    static let longestCue = 10

    init(languages: [ConfirmationLexicon.Language] = ConfirmationLexicon.languages) {
        var answers: [(String, ConfirmationLexicon.Role)] = []
        var cues: [(String, CueLabel)] = []
        for language in languages {
            answers += language.yes.map { ($0, .yes) } + language.no.map { ($0, .no) }
                + language.negation.map { ($0, .negation) } + language.hedge.map { ($0, .hedge) }
                + language.contrast.map { ($0, .contrast) } + language.action.map { ($0, .action) }
                + language.cancelVerb.map { ($0, .cancelVerb) } + language.pauseVerb.map { ($0, .pauseVerb) }
                + language.skipVerb.map { ($0, .skipVerb) } + language.redeemVerb.map { ($0, .redeemVerb) }
                + language.contactVerb.map { ($0, .contactVerb) }
                + language.filler.map { ($0, .filler) }
            cues += language.stop.map { ($0, .stop) } + language.hold.map { ($0, .hold) }
                + language.resume.map { ($0, .resume) } + language.closing.map { ($0, .closing) }
                + language.acknowledgement.map { ($0, .acknowledgement) } + language.cueFiller.map { ($0, .filler) }
        }
        self.answers = PhraseMatcher(answers)
        self.signals = PhraseMatcher(answers.filter { [.yes, .no, .negation, .hedge, .contrast].contains($0.1) })
        self.cues = PhraseMatcher(cues)
    }

    func read(_ text: String, about action: ConfirmedAction? = nil) -> Confirmation {
        read(words: Self.words(text), text: text, about: action)
    }

    /// ``read(_:about:)`` of a message already normalised with ``words(_:)``.
    func read(words: [String], text: String, about action: ConfirmedAction? = nil) -> Confirmation {
        guard !words.isEmpty else { return .neither }
        // Most messages are questions with no word of any yes, no, negation, hedge or turn phrase:
        // they are settled without cutting them into phrases.
        if !words.contains(where: signals.mayMatch) {
            return words.allSatisfy(answers.mayMatch) && !Self.isQuestion(text) ? .unclear : .neither
        }
        var count: [ConfirmationLexicon.Role: Int] = [:]
        var content = 0
        for unit in answers.segment(words) {
            if let role = unit.label {
                count[role, default: 0] += 1
            } else {
                content += 1  // including order numbers: "yes, cancel #1004" may name another order
            }
        }
        let question = Self.isQuestion(text)
        let yes = count[.yes, default: 0], no = count[.no, default: 0] + count[.negation, default: 0]
        let turn = count[.contrast, default: 0]
        if count[.hedge, default: 0] > 0 { return .unclear }
        if yes > 0 {
            // A verb in a yes must name the action asked about: "yes, just pause it" to "cancel it?" is no yes.
            let verbs: [ConfirmationLexicon.Role] = [.cancelVerb, .pauseVerb, .skipVerb, .redeemVerb, .contactVerb]
            // (With no action named, as when nothing in particular is asked, any verb goes.)
            let others = action == nil ? [] : verbs.filter { $0 != action?.verbRole && count[$0, default: 0] > 0 }
            return no == 0 && turn == 0 && content == 0 && others.isEmpty && !question ? .yes : .unclear
        }
        if no > 0 {
            // A turn towards a no is still a no ("actually no"); other content or a question is not.
            return content == 0 && !question ? .no : .unclear
        }
        if content > 0 || question { return .neither }
        return .unclear
    }

    func cue(_ text: String) -> ConversationCue? {
        // A cue is a few words; a long message is not one (and is not worth normalising to find out).
        guard text.utf8.count <= 24 * Self.longestCue else { return nil }
        return cue(words: Self.cueWords(text), text: text)
    }

    /// ``cue(_:)`` of a message already normalised with ``cueWords(_:)``.
    func cue(words: [String], text: String) -> ConversationCue? {
        guard !words.isEmpty, words.count <= Self.longestCue else { return nil }
        // Every word of a cue belongs to some cue phrase: one that belongs to none settles it.
        guard words.allSatisfy(cues.mayMatch) else { return nil }
        var labels: [CueLabel] = []
        for unit in cues.segment(words) {
            guard let label = unit.label else { return nil }
            labels.append(label)
        }
        guard let cue = labels.min()?.cue else { return nil }
        // "ok?" or "no?" asks something; "continue?" and "one sec?" still are the cue.
        if Self.isQuestion(text), cue != .resume, cue != .hold { return nil }
        return cue
    }

    /// True when the message opens with a request for time ("wait a sec, it's in my email", "brb getting
    /// my laptop") and is not a question and carries no order number or email (those are answers).
    func startsWithHold(_ text: String) -> Bool {
        startsWithHold(words: Self.cueWords(text), text: text)
    }

    /// ``startsWithHold(_:)`` of a message already normalised with ``cueWords(_:)``.
    func startsWithHold(words: [String], text: String) -> Bool {
        guard !words.isEmpty, words.count <= Self.longestCue + 2, !Self.isQuestion(text),
            let first = cues.segment(words).first, first.label == .hold
        else { return false }
        let entities = Entities.extract(from: text)
        return entities.orderNumbers.isEmpty && entities.emails.isEmpty
    }

    /// The words for cue matching: as ``words(_:)``, with every number as `num` ("give me 2 minutes"
    /// matches "give me num minutes").
    static func cueWords(_ text: String) -> [String] {
        cueWords(from: words(text))
    }

    /// ``words(_:)`` output with every number as `num`.
    static func cueWords(from words: [String]) -> [String] {
        words.map { word in word.allSatisfy(\.isNumber) || numberWords.contains(word) ? "num" : word }
    }

    /// Small numbers written out, read as `num` in cues ("give me two minutes", "dame dos minutos").
    static let numberWords: Set<String> = [
        "two", "three", "five", "ten", "couple", "few", "dwie", "dwoch", "trzy", "piec", "tva", "tre", "fem", "tio",
        "zwei", "drei", "funf", "zehn", "dos", "tres", "cinco", "diez", "deux", "trois", "cinq", "dix",
    ]

    // MARK: - Normalisation

    /// The message's words in the lexicon's form: Tokenizer words, emoji as placeholder words,
    /// French elisions split ("d'accord" → "d accord", "l'annulez" → "l annulez").
    static func words(_ text: String) -> [String] {
        var prepared = String.UnicodeScalarView()
        var previous: [Unicode.Scalar] = []  // the letters of the word being written, for elisions
        var joined = false  // the scalar follows a zero-width joiner: part of the emoji before it (🙆‍♀️)
        for scalar in text.unicodeScalars {
            defer { joined = scalar.value == 0x200D }
            if joined { continue }
            if scalar.isASCII, scalar != "'", scalar != "`" {
                // The common case, without Unicode property or emoji table lookups.
                prepared.append(scalar)
                let value = scalar.value
                if (0x61...0x7A).contains(value) || (0x41...0x5A).contains(value) {
                    if previous.count < 3 { previous.append(scalar) }
                } else if !previous.isEmpty {
                    previous.removeAll(keepingCapacity: true)
                }
                continue
            }
            if let placeholder = ConfirmationLexicon.emoji[scalar] ?? (Self.isPictograph(scalar) ? "emojiother" : nil) {
                prepared.append(contentsOf: " \(placeholder) ".unicodeScalars)
                previous.removeAll(keepingCapacity: true)
            } else if Self.isEmojiModifier(scalar) {
                continue
            } else if Self.isApostrophe(scalar), previous.count <= 2, Self.isElision(previous) {
                prepared.append(" ")
                previous.removeAll(keepingCapacity: true)
            } else {
                prepared.append(scalar)
                // Only words of up to two letters can be elided ("qu'"): longer ones need not be kept.
                if scalar.properties.isAlphabetic {
                    if previous.count < 3 { previous.append(scalar) }
                } else if !previous.isEmpty {
                    previous.removeAll(keepingCapacity: true)
                }
            }
        }
        return Tokenizer().words(String(prepared)).map(Self.collapsingRepeats)
    }

    /// A word with every run of three or more equal letters cut to two: "okkk" → "okk", "yesss" → "yess",
    /// "pleaseeee" → "pleasee" (the lexicon lists the two-letter forms it knows).
    static func collapsingRepeats(_ word: String) -> String {
        var scalars = String.UnicodeScalarView()
        var last: Unicode.Scalar?
        var run = 0
        var changed = false
        for scalar in word.unicodeScalars {
            run = scalar == last ? run + 1 : 1
            last = scalar
            if run <= 2 { scalars.append(scalar) } else { changed = true }
        }
        return changed ? String(scalars) : word
    }

    /// An emoji the lexicon does not list (🤗, 🚀): read as a word of its own, so that "sure 🙄"-like
    /// messages with an unknown tone are never a plain yes.
    static func isPictograph(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x2190 && scalar.properties.isEmoji && !isEmojiModifier(scalar)
    }

    /// True for the French elided words written before an apostrophe: c', d', j', l', m', n', s', t', qu'.
    static func isElision(_ letters: [Unicode.Scalar]) -> Bool {
        let word = String(String.UnicodeScalarView(letters)).lowercased()
        return ["c", "d", "j", "l", "m", "n", "s", "t", "qu"].contains(word)
    }

    /// Variation selectors, the zero-width joiner, skin tones and the keycap mark: parts of an emoji,
    /// which the tokenizer would otherwise keep as letters.
    static func isEmojiModifier(_ scalar: Unicode.Scalar) -> Bool {
        (0xFE00...0xFE0F).contains(scalar.value) || scalar.value == 0x200D || scalar.value == 0x20E3
            || (0x1F3FB...0x1F3FF).contains(scalar.value)
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "`" || scalar == "\u{02BC}"
    }

    static func isQuestion(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "?" || $0 == "\u{FF1F}" || $0 == "\u{BF}" }
    }
}

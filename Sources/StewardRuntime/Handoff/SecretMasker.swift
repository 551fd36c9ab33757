import Foundation

/// Masks secrets a customer types before a message is stored, logged, put on a ticket, echoed or
/// given to a skill.
///
/// Matching runs on a normalised view of the text (``NormalisedText``: NFKC-style folding, every
/// Unicode decimal digit read as its ASCII digit, any run of white space one space, dashes folded,
/// diacritics and case ignored); each match replaces exactly its span of the *original* text, so
/// the rest of the message is kept byte for byte.
///
/// What is masked, and with what:
/// - **Card numbers** → `[card number removed]`: 13–19 digits opening with a card issuer's Major
///   Industry Identifier 2–6 (2 Mastercard 2-series; 3 Amex, Diners, JCB; 4 Visa; 5 Mastercard, Maestro;
///   6 Discover, UnionPay, Maestro, RuPay) or with RuPay's 81/82 (ISO/IEC 7812-1), passing the Luhn check,
///   in any Unicode digits (`４１１１…`, `٤١١١…`), in groups joined by up to three separators: white space
///   (NBSP, line breaks), control characters (NUL, ESC …), dots, dashes and slashes anywhere; other
///   punctuation (`,` `;` `:` `|` brackets, never `#` or `+`) only within 30 characters after a card keyword
///   ("visa", "mastercard", "mc", "amex", "card", "cc", "credit", "debit" and their forms in the served
///   languages: "card 4111;1111;1111;1111"), as an order list or a time has them. Groups that read like
///   dates or times (a group of one or two digits before the last, or a year next to one:
///   `2024-05-12 2024/06/01`, `12.05.2024 14.30 …`) make a card only after a card keyword; one run of digits,
///   and groups of three or more (4-4-4-4, 4-4-4-4-3, 4-6-5, 4-6-4, a short last group) need none. Digits
///   glued to a card keyword are a card ("visa4111…", "mc5555…", "cc#4111…"); a chain opening like a phone
///   number (`0…`, `+…`) or a tracking number (`9…`, glued to other letters as in `1Z…`, `JD…`) holds a card
///   only after a `,`, `;` or line break. After a card keyword, 13–19 digits spelled as words are a card too.
/// - **IBANs** → `[account number removed]`: country letters, check digits and 11–30 letters or digits,
///   grouped or not, passing the ISO 7064 mod-97 check.
/// - **US social security numbers** → `[removed]`: without a keyword, `###-##-####` (or spaces or dots) not
///   joined to another digit group and never area 000, 666 or 900–999, group 00 or serial 0000 (SSA); within
///   five words after "ssn", "social security (number)", "numer ubezpieczenia społecznego",
///   "socialförsäkringsnummer", "Sozialversicherungsnummer", "número de seguro social", "numéro de sécurité
///   sociale", "사회보장번호", any 9 digits, contiguous or in groups joined by one to three white space, dash,
///   dot or slash characters ("123-45 -6789" from a burst's join), `#` allowed before them, in any range: the
///   keyword says it is an SSN.
/// - **PINs and card security codes** → `[removed]`: 3–8 digits within five words after "pin", "pin
///   number", "pin code", "cvv", "cvc", "cvv2", "cid", "security code" and their forms in Polish,
///   Swedish, German, Spanish, French and Korean ("P.I.N.", "PIN#", "pin-" too), in the same sentence ("my pin
///   number is 4321", "the security code (CVV) is 482", "cvv2: 737", "PIN#1234"), or 3–8 digits spelled as
///   words ("four three two one", "vier drei zwei eins"); never digits after a `#` that does not follow the
///   keyword at once, nor after a word naming an order.
/// - **Passwords and passphrases** → `[removed]`: after "password", "passphrase", "passcode", "pw", "pwd",
///   "hasło", "lösenord", "Passwort", "Kennwort", "contraseña", "clave", "mot de passe", "비밀번호" … when
///   the value is introduced (`:`, `=`, `→`, `->`, " - ", "is", "was", "will be", "'s", "jest"/"to", "är",
///   "ist"/"lautet", "es", "est", a Korean particle; quotes around the keyword or the value as in
///   `"password":"x"`, where the value is what the quotes hold), possibly after a qualifier opening with a preposition ("my password
///   for the account is …") and whole-word fillers ("now"; a verb only before "to": "reset to", while "is
///   Reset #77" is all value), the value runs to the end of the
///   phrase: a line break, `.`/`;` followed by white space or the end, or `!`/`?` followed by white space
///   (so `Working2024!` at the end is all value). It is kept only when it is an ordinary statement: every
///   word up to the first comma is statement vocabulary of the message's languages (``statementVocabulary``:
///   "not working", "is 12 characters long", "ist falsch", "est oublié", "Password: forgotten.") or a plain
///   number; any other word, a token with digits or symbols, or a word in mixed case makes it a secret
///   ("correct horse battery staple", "Correct-Horse-Battery", "Reset#77"), and so does such a token after a
///   comma ("is not working, try Hunter2x"). It is kept too when it opens with a word about a password's
///   state (``statementOpeners``: "not", "isn't", "too", "being", "changed", "rejected", "expired" … in each
///   language), no token looks like a value, and more than half of its words are statement or everyday words
///   ("is not working and I cannot see order 1001", "was changed by someone"; but "is not purple elephant",
///   "is not4you" are secrets): ``isOpenedStatement(_:view:original:)``. A token holding a digit straight
///   after the keyword ("password 1234", "password hunter2!", "pass hunter2") is masked whole. "pass" is
///   otherwise a keyword only before `:` or `=`.
///
/// Keywords are matched with Cyrillic and Greek look-alike letters read as Latin ("раssword" with a
/// Cyrillic `р`; ``confusables``, a subset of Unicode's confusables.txt).
///
/// Ordinary uses stay: a keyword followed by words and no value shape ("the pin fell out of my tent",
/// "a password reset link for my account", "I forgot my password", "can you reset my password?"), a
/// statement ("my password is reset, I clicked the link"), order numbers (`#1001`, "orders 1001 1002 1003
/// 1006"), phone numbers, tracking numbers, prices and dates.
/// A placeholder is never cut, and a value that opens with one is not masked again; passes repeat until
/// nothing changes, so masking a masked message changes nothing.
///
/// Text that arrives in parts (a burst of SMS) is masked with ``mask(parts:separator:)``, so a secret split
/// between parts is masked in each; the engine masks every new message after the session's previous
/// customer message the same way, and rewrites that stored turn (and its ticket's copy) when part of a
/// secret was in it (`ConversationEngine+SplitSecrets`). A password masked to the end of the earlier part
/// ("my password is [removed]") goes on into the next when that opens with a value-shaped token (letters with
/// digits, a symbol inside, mixed case: "zc9bfkhc! Where …"); a next part opening with a plain word ("ok
/// thanks", "not working") is a new message (``reopeningPassword(_:)``).
///
/// A cheap byte scan (``mayContainSecret(_:)``) skips the normalised pass for the common message with
/// no keyword and few digits.
public enum SecretMasker {
    /// Replaces a card number.
    public static let cardPlaceholder = "[card number removed]"
    /// Replaces an IBAN.
    public static let ibanPlaceholder = "[account number removed]"
    /// Replaces a PIN, security code, password or social security number.
    public static let removedPlaceholder = "[removed]"

    /// The text with every secret described above replaced by its placeholder; the text itself when
    /// there is none.
    public static func mask(_ text: String) -> String {
        // A secret glued to another ("my pin is 4321cvv2: 737") may show only once its neighbour is a
        // placeholder: passes repeat until nothing changes (at most 4), so masking is idempotent.
        var current = text
        for _ in 0..<4 {
            let next = maskOnce(current)
            if next == current { return next }
            current = next
        }
        return current
    }

    /// One pass of ``mask(_:)`` over `text`.
    static func maskOnce(_ text: String) -> String {
        guard mayContainSecret(text) else { return text }
        let view = NormalisedText(text)
        let spans = spans(in: text, view: view)
        guard !spans.isEmpty else { return text }
        return replace(spans, in: text, view: view)
    }

    /// Every secret of `text` (read through `view`) found in one pass, possibly overlapping.
    static func spans(in text: String, view: NormalisedText) -> [Span] {
        var spans = cardNumbers(in: view)
        spans += spelledCardNumbers(in: view)
        spans += ibans(in: view)
        spans += socialSecurityNumbers(in: view)
        spans += introducedSecrets(in: view, original: Array(text.utf8))
        return spans
    }

    /// `text` with each span's original bytes replaced; overlapping spans become one, with the
    /// placeholder of the one that starts first.
    private static func replace(_ spans: [Span], in text: String, view: NormalisedText) -> String {
        let sorted = spans.sorted { $0.units.lowerBound < $1.units.lowerBound }
        var merged: [Span] = []
        for span in sorted {
            if let last = merged.last, span.units.lowerBound < last.units.upperBound {
                merged[merged.count - 1].units = last.units.lowerBound..<max(last.units.upperBound, span.units.upperBound)
            } else {
                merged.append(span)
            }
        }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16 * merged.count)
        var position = 0
        for span in merged {
            let start = view.starts[span.units.lowerBound]
            let end = view.ends[span.units.upperBound - 1]
            guard start >= position else { continue }
            out += bytes[position..<start]
            out += span.placeholder.utf8
            position = end
        }
        out += bytes[position...]
        return String(decoding: out, as: UTF8.self)
    }
}

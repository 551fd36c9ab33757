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
///   in groups joined by up to three separators (any white space, and any punctuation or symbol, Unicode
///   categories P* and S*, but `#`: `4111,1111;1111|1111`, `(4111) 1111 …`, `4,111,111,111,111,111`), in
///   any Unicode digits (`４１１１…`, `٤١١١…`). A chain of groups opening like a phone number (`0…`, `+…`)
///   or a tracking number (`9…`, glued to letters as in `1Z…`) holds a card only after a `,`, `;` or line break.
/// - **IBANs** → `[account number removed]`: country letters, check digits and 11–30 letters or digits,
///   grouped or not, passing the ISO 7064 mod-97 check.
/// - **US social security numbers** → `[removed]`: `###-##-####` (or spaces or dots) not joined to another
///   digit group, or 9 digits (grouped or not, `#` allowed before them) within five words after "ssn", "social security (number)",
///   "numer ubezpieczenia społecznego", "socialförsäkringsnummer", "Sozialversicherungsnummer", "número
///   de seguro social", "numéro de sécurité sociale", "사회보장번호"; never area 000, 666 or 900–999,
///   group 00 or serial 0000 (SSA).
/// - **PINs and card security codes** → `[removed]`: 3–8 digits within five words after "pin", "pin
///   number", "pin code", "cvv", "cvc", "cvv2", "cid", "security code" and their forms in Polish,
///   Swedish, German, Spanish, French and Korean, in the same sentence ("my pin number is 4321", "the
///   security code (CVV) is 482", "cvv2: 737"); never digits after `#` or a word naming an order.
/// - **Passwords and passphrases** → `[removed]`: after "password", "passphrase", "passcode", "pw", "pwd",
///   "hasło", "lösenord", "Passwort", "Kennwort", "contraseña", "clave", "mot de passe", "비밀번호" … when
///   the value is introduced (`:`, `=`, "is", "was", "will be", "'s", "jest"/"to", "är", "ist"/"lautet",
///   "es", "est", a Korean particle), possibly after a qualifier opening with a preposition ("my password
///   for the account is …") and whole-word fillers ("now", "reset to"), the value runs to the end of the
///   phrase: a line break, `.`/`;` followed by white space or the end, or `!`/`?` followed by white space
///   (so `Working2024!` at the end is all value). It is kept only when it is an ordinary statement: every
///   word up to the first comma is statement vocabulary of the message's languages (``statementVocabulary``:
///   "not working", "is 12 characters long", "ist falsch", "est oublié", "Password: forgotten.") or a plain
///   number; any other word, a token with digits or symbols, or a word in mixed case makes it a secret
///   ("correct horse battery staple", "Correct-Horse-Battery", "Reset#77"). A token holding a digit straight
///   after the keyword ("password 1234", "password hunter2!") is masked whole. "pass" counts only before `:` or `=`.
///
/// Ordinary uses stay: a keyword followed by words and no value shape ("the pin fell out of my tent",
/// "a password reset link for my account", "I forgot my password", "can you reset my password?"), a
/// statement ("my password is reset, I clicked the link"), order numbers (`#1001`, "orders 1001 1002 1003
/// 1006"), phone numbers, tracking numbers, prices and dates.
/// A placeholder is never cut, and a value that opens with one is not masked again; passes repeat until
/// nothing changes, so masking a masked message changes nothing.
///
/// Text that arrives in parts (a burst of SMS) is masked with ``mask(parts:separator:)``, so a secret split
/// between parts is masked in each.
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

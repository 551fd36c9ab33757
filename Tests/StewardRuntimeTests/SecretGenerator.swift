import Foundation
import StewardRouter

/// A secret as a customer might type it, in a sentence, and what must never be seen again.
struct GeneratedSecret: Sendable, CustomStringConvertible {
    /// The kind, for failure messages.
    let kind: String
    /// The whole message.
    let message: String
    /// Strings that must not appear in the leak view of any output (see ``LeakView``): long enough
    /// never to appear by chance.
    let fingerprints: [String]
    /// A short code (PIN, CVV): must not appear as a number of its own in any text Steward keeps or says.
    let code: String?

    var description: String { "\(kind): \(message.debugDescription)" }
}

/// Generates secrets in many formats, scripts and sentence contexts from a seed.
struct SecretGenerator {
    var random: SplitMix64
    /// Numbers that appear in the demo data, knowledge and texts (so may appear in a reply) never serve as a code.
    let taken: Set<String>

    init(seed: UInt64, taken: Set<String>) {
        random = SplitMix64(seed: seed)
        self.taken = taken
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

    /// Digits 0–9 in the scripts customers' keyboards produce.
    static let digitZeros: [UInt32] = [0x30, 0xFF10, 0x0660, 0x06F0, 0x0966, 0x09E6, 0x1D7CE]

    mutating func spell(_ digits: [Int]) -> String {
        let script = chance(60) ? 0x30 : pick(Self.digitZeros)
        let mixed = chance(10)
        return String(String.UnicodeScalarView(digits.map { digit in
            Unicode.Scalar((mixed ? pick(Self.digitZeros) : script) + UInt32(digit))!
        }))
    }

    static let separators = [" ", "  ", "-", ".", "/", "\n", "\u{00A0}", "\u{2009}", " - ", "\u{3000}", "\u{202F}", " / ", "\r\n", "\t"]

    /// Issuer prefixes (IIN ranges) and the lengths their cards have: Visa 4, Mastercard 51–55 and
    /// 2221–2720, Amex 34/37, Discover 6011/65, JCB 3528–3589, UnionPay 62, Maestro 50/56–58/6304/6759,
    /// RuPay 60/81/82.
    mutating func issuerPrefix() -> (prefix: [Int], lengths: ClosedRange<Int>) {
        func digits(_ number: Int) -> [Int] { String(number).compactMap(\.wholeNumberValue) }
        switch int(0...10) {
        case 0, 1: return ([4], 13...19)
        case 2: return (digits(int(51...55)), 16...16)
        case 3: return (digits(int(2221...2720)), 16...16)
        case 4: return (digits(pick([34, 37])), 15...15)
        case 5: return (digits(pick([6011, 65])), 16...19)
        case 6: return (digits(int(3528...3589)), 16...19)
        case 7: return ([6, 2], 16...19)
        case 8: return (digits(pick([50, 56, 57, 58, 6304, 6759])), 13...19)
        case 9: return (digits(pick([60, 81, 82])), 16...16)
        default: return (digits(pick([36, 38, 39])), 14...19)  // Diners
        }
    }

    /// Separators customers put between digit groups: white space, dashes, dots, slashes (``separators``),
    /// and, next to a card keyword, any other punctuation or symbol but `#` and `+`.
    static let cardSeparators = separators + [",", ", ", ";", "|", " | ", "·", "*", ":", "~", "⁄", "\\", "_", "•", ")(", "] ["]

    mutating func card() -> GeneratedSecret {
        let (prefix, lengths) = issuerPrefix()
        let length = int(lengths)
        var digits = prefix + (prefix.count..<length).map { _ in int(0...9) }
        for check in 0...9 {
            digits[length - 1] = check
            if Self.luhn(digits) { break }
        }
        var text = ""
        let groupSize = pick([4, 4, 3, 5, 6, length])
        let separator = pick(Self.cardSeparators)
        let digitText = Array(spell(digits))
        var loose = false
        for (index, character) in digitText.enumerated() {
            if index > 0, index % groupSize == 0 {
                let chosen = chance(80) ? separator : pick(Self.cardSeparators)
                loose = loose || !Self.separators.contains(chosen)
                text += chosen
            }
            text.append(character)
        }
        // Commas, colons, `+`, brackets … join a card's groups only next to a card keyword.
        let message = loose
            ? pick([
                "my card is {v}", "card number {v} please", "karta {v}", "mitt kort {v}", "meine Karte: {v}", "mi tarjeta es {v}",
                "ma carte {v} merci", "카드번호 {v} 입니다", "visa {v}", "credit card {v}",
            ])
            : pick([
                "my card is {v}", "card number {v} please", "{v}", "charge {v} again", "karta {v}", "mitt kort {v}",
                "meine Karte: {v}", "mi tarjeta es {v}", "ma carte {v} merci", "카드번호 {v} 입니다", "use {v}, exp 12/28",
            ])
        return GeneratedSecret(
            kind: "card", message: wrap(message.replacingOccurrences(of: "{v}", with: text)),
            fingerprints: [digits.map(String.init).joined()], code: nil)
    }

    static func luhn(_ digits: [Int]) -> Bool {
        var sum = 0
        for (index, digit) in digits.reversed().enumerated() {
            sum += index % 2 == 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit
        }
        return sum % 10 == 0
    }

    mutating func freshCode(_ lengths: ClosedRange<Int>) -> [Int] {
        while true {
            let digits = (0..<int(lengths)).map { _ in int(0...9) }
            let text = digits.map(String.init).joined()
            if !taken.contains(text), !taken.contains(String(Int(text) ?? 0)) { return digits }
        }
    }

    mutating func securityCode() -> GeneratedSecret {
        let digits = freshCode(3...4)
        let template = pick([
            "cvv {v}", "CVV2: {v}", "the security code (CVV) is {v}", "cvc {v}", "CID {v}", "security code: {v}",
            "my cvv is {v}", "the CVC on the back is {v}", "kod CVV to {v}", "Sicherheitscode: {v}", "código de seguridad {v}",
            "cryptogramme {v}", "säkerhetskod {v}", "보안코드 {v}", "CVC는 {v}", "cvv={v}",
        ])
        return GeneratedSecret(
            kind: "cvv", message: wrap(template.replacingOccurrences(of: "{v}", with: spell(digits))), fingerprints: [],
            code: digits.map(String.init).joined())
    }

    mutating func pin() -> GeneratedSecret {
        let digits = freshCode(4...6)
        let template = pick([
            "my pin number is {v}", "pin code {v}", "PIN: {v}", "pin {v}", "my PIN is {v}", "mój PIN to {v}",
            "min pinkod är {v}", "meine PIN ist {v}", "mi PIN es {v}", "mon code PIN est {v}", "핀번호는 {v}",
            "the pin for my card is {v}", "PIN-Nummer {v}", "Geheimzahl {v}", "PIN#{v}", "P.I.N. {v}", "pin-{v}",
            "my p\u{0456}n is {v}",
        ])
        return GeneratedSecret(
            kind: "pin", message: wrap(template.replacingOccurrences(of: "{v}", with: spell(digits))), fingerprints: [],
            code: digits.map(String.init).joined())
    }

    /// A made-up word nobody else writes: letters and digits, 7–10 characters.
    mutating func token() -> String {
        let letters = Array("bcdfghjkmnpqrstvwxz")
        var word = ""
        for index in 0..<int(7...10) {
            word.append(index % 3 == 2 && chance(50) ? Character(String(int(2...9))) : pick(letters))
        }
        return word
    }

    mutating func password() -> GeneratedSecret {
        let words = (0..<int(1...4)).map { _ in token() }
        var value = words.map { chance(30) ? $0.capitalized : $0 }.joined(separator: chance(80) ? " " : pick(["-", "_", "."]))
        // Passphrases opening with a word of an ordinary statement ("correct horse …") are secrets too.
        if chance(30) {
            value = pick(["correct", "wrong", "not", "reset", "expired", "Correct", "richtig", "correcta", "faux", "fel", "zle"])
                + pick([" ", "-"]) + value
        }
        let template = pick([
            "my password is {v}", "my password for the account is {v}", "my pw is {v}", "pass: {v}", "passphrase: {v}",
            "password = {v}", "my new password will be {v}", "the password's {v}", "Password: {v}", "moje hasło to {v}",
            "hasło: {v}", "mitt lösenord är {v}", "mein Passwort ist {v}", "Kennwort: {v}", "mi contraseña es {v}",
            "mon mot de passe est {v}", "비밀번호는 {v}", "비밀번호: {v}", "my passcode is {v}", "PASSWORD IS {v}",
            "my password for amazon.com is {v}", "pwd: {v}", "my passwd is {v}", "password → {v}", "password -> {v}",
            "my раssword is {v}",
        ])
        return GeneratedSecret(
            kind: "password", message: wrap(template.replacingOccurrences(of: "{v}", with: value), end: false),
            fingerprints: words, code: nil)
    }

    mutating func iban() -> GeneratedSecret {
        let (country, length) = pick([("DE", 22), ("GB", 22), ("FR", 27), ("PL", 28), ("SE", 24), ("ES", 24), ("NL", 18)])
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var bban = ""
        for index in 0..<(length - 4) {
            bban.append(country == "GB" && index < 4 || country == "NL" && index < 4 ? pick(letters) : Character(String(int(0...9))))
        }
        let check = 98 - Self.mod97(bban + country + "00")
        var iban = country + String(format: "%02d", check) + bban
        if chance(30) { iban = iban.lowercased() }
        var text = ""
        let grouped = chance(70)
        for (index, character) in iban.enumerated() {
            if grouped, index > 0, index % 4 == 0 { text += " " }
            text.append(character)
        }
        let template = pick(["my IBAN is {v}", "refund to {v} please", "IBAN: {v}", "konto {v}", "Kontonummer {v}", "{v}"])
        return GeneratedSecret(
            kind: "iban", message: wrap(template.replacingOccurrences(of: "{v}", with: text)),
            fingerprints: [iban.lowercased()], code: nil)
    }

    static func mod97(_ text: String) -> Int {
        var remainder = 0
        for character in text {
            let value = character.wholeNumberValue ?? Int(character.asciiValue! - 55)
            remainder = (remainder * (value >= 10 ? 100 : 10) + value) % 97
        }
        return remainder
    }

    mutating func ssn() -> GeneratedSecret {
        var area = int(1...899)
        if area == 666 { area = 667 }
        let group = int(1...99), serial = int(1...9999)
        let text = String(format: "%03d-%02d-%04d", area, group, serial)
        // After the keyword: any 9 digits, in any 3-2-4 grouping (and from a burst's join: "123-45 -6789").
        if chance(40) {
            let digits = (0..<9).map { _ in String(int(0...9)) }
            let separator = pick(["-", " ", " -", "- ", ".", "\n", "/", ""])
            let text = digits[0..<3].joined() + separator + digits[3..<5].joined() + separator + digits[5..<9].joined()
            return GeneratedSecret(
                kind: "ssn", message: wrap(pick(["my ssn is {v}", "SSN: {v}", "social security number {v}"]).replacingOccurrences(of: "{v}", with: text)),
                fingerprints: [digits.joined()], code: nil)
        }
        let template = pick(["my ssn is {v}", "SSN: {v}", "social security number {v}", "{v}"])
        return GeneratedSecret(
            kind: "ssn", message: wrap(template.replacingOccurrences(of: "{v}", with: text)),
            fingerprints: [text.filter(\.isNumber)], code: nil)
    }

    /// A message with numbers that are no secret and must be kept as written: a list of the shop's
    /// order numbers (4 digits opening with 1), a phone number (opening with 0 or +) or a tracking
    /// number (USPS opening with 9, UPS `1Z…`), with any separators.
    mutating func harmlessNumbers() -> String {
        switch int(0...2) {
        case 0:
            let separator = pick([" ", ", ", ",", " and ", ";", " / ", "|", " & "])
            let orders = (0..<int(4...7)).map { _ in "1" + String(format: "%03d", int(0...999)) }
            let hashes = chance(30)
            return pick(["I have orders {v}, where are they?", "orders {v}", "what about {v}?", "status of {v} please"])
                .replacingOccurrences(of: "{v}", with: orders.map { (hashes ? "#" : "") + $0 }.joined(separator: separator))
        case 1:
            let digits = (0..<int(9...12)).map { _ in String(int(0...9)) }.joined()
            let start = pick(["0", "00", "+", "+1 ", "+44 ", "0044 "])
            var number = start
            for (index, digit) in digits.enumerated() {
                if index > 0, index % pick([3, 4]) == 0 { number += pick([" ", "-", ".", " "]) }
                number.append(digit)
            }
            return pick(["call me on {v}", "my number is {v}", "ring {v} please", "tel: {v}"]).replacingOccurrences(of: "{v}", with: number)
        default:
            let tracking = chance(50)
                ? "9" + (0..<21).map { _ in String(int(0...9)) }.joined()
                : "1Z" + (0..<16).map { _ in String(pick(Array("0123456789ABCDEFGHJKLMNPRSTUVWXYZ"))) }.joined()
            var text = ""
            for (index, character) in tracking.enumerated() {
                if index > 0, index % 4 == 0, chance(70) { text += " " }
                text.append(character)
            }
            return pick(["tracking {v}", "my tracking number is {v}", "where is {v}?"]).replacingOccurrences(of: "{v}", with: text)
        }
    }

    mutating func any() -> GeneratedSecret {
        switch int(0...9) {
        case 0, 1, 2: card()
        case 3: securityCode()
        case 4: pin()
        case 5, 6: password()
        case 7, 8: iban()
        default: ssn()
        }
    }

    /// The secret sentence in a longer message: a greeting before, a request after (never after a
    /// password, whose value runs to the end of its phrase: a following sentence is used instead).
    mutating func wrap(_ text: String, end: Bool = true) -> String {
        let before = pick(["", "", "hi, ", "Hej! ", "Hallo, ", "hola. ", "안녕하세요. ", "urgent:\n", "ok so "])
        let after = end
            ? pick(["", "", " thanks", " 🙏", ". Where is my order #1001?", "\nbye", " — can you help?"])
            : pick(["", "", ". Thanks", "\nCan you help?", "! Where is my order?"])
        return before + text + after
    }
}

import Foundation
import StewardRuntime
import Testing

/// The masker's rules on passphrases opening with a statement word, whole password tokens, card
/// separators and issuer prefixes, and social security numbers named by a keyword (issue 12).
@Suite struct SecretMaskingRulesTests {
    @Test(arguments: [
        // A passphrase is a secret unless every word is statement vocabulary.
        ("my password is correct horse battery staple", "my password is [removed]"),
        // Digits NFKC folds (circled, superscript) count as digits from the first check on.
        ("④①①①①①①①①①①①①①①①", "[card number removed]"),
        ("④①①① ①①①① ①①①① ①①①①", "[card number removed]"),
        ("⁴¹¹¹¹¹¹¹¹¹¹¹¹¹¹¹", "[card number removed]"),
        ("the password is Correct-Horse-Battery", "the password is [removed]"),
        ("my password is wrong-Turtle-77", "my password is [removed]"),
        ("Mein Passwort ist richtig Pferd Batterie", "Mein Passwort ist [removed]"),
        ("mi contraseña es correcta caballo batería", "mi contraseña es [removed]"),
        ("mon mot de passe est faux lapin jaune. Merci", "mon mot de passe est [removed]. Merci"),
        ("moje hasło to zle kotek mruczy", "moje hasło to [removed]"),
        ("mitt lösenord är fel älg springer", "mitt lösenord är [removed]"),
        ("my password is not purple elephant", "my password is [removed]"),
        ("my password is wrongTurtle", "my password is [removed]"),
        ("passphrase: expired lemon tree", "passphrase: [removed]"),
        ("my password is wrong, Turtle77", "my password is [removed]"),
        // The whole token, not a part of it.
        ("my password is Reset#77", "my password is [removed]"),
        ("my password is Working2024!", "my password is [removed]"),
        ("my password is now Changed!42 ok", "my password is now [removed]"),
        ("password 1234!ab please", "password [removed] please"),
        ("password hunter2. Thanks", "password [removed]. Thanks"),
        // Cards between white space, dots, dashes, slashes; other punctuation next to a card keyword.
        ("card 4111,1111,1111,1111", "card [card number removed]"),
        ("card 4111;1111;1111;1111 ok", "card [card number removed] ok"),
        ("visa 4111|1111|1111|1111", "visa [card number removed]"),
        ("4111·1111·1111·1111", "[card number removed]"),
        ("my card 4111*1111*1111*1111", "my card [card number removed]"),
        ("4111/1111/1111/1111", "[card number removed]"),
        ("card: 4111:1111:1111:1111", "card: [card number removed]"),
        ("debit 4111~1111~1111~1111", "debit [card number removed]"),
        ("4111⁄1111⁄1111⁄1111", "[card number removed]"),
        ("4111\\1111\\1111\\1111", "[card number removed]"),
        ("card (4111) 1111 1111 1111", "card ([card number removed]"),
        ("mastercard [5555]-[5555]-[5555]-[4444]", "mastercard [[card number removed]]"),
        ("card 4,111,111,111,111,111", "card [card number removed]"),
        ("my card under 4111,1111,1111,1111 please", "my card under [card number removed] please"),
        ("amex 3782_822463_10005", "amex [card number removed]"),
        ("6011 • 1111 • 1111 • 1117", "[card number removed]"),
        // Social security numbers named by their keyword.
        ("ssn 123456789", "ssn [removed]"),
        ("social security number 123456789", "social security number [removed]"),
        ("my SSN is 123456789", "my SSN is [removed]"),
        ("my social security number is 123 45 6789.", "my social security number is [removed]."),
        ("número de seguro social: 234567891", "número de seguro social: [removed]"),
        ("numéro de sécurité sociale 345678912", "numéro de sécurité sociale [removed]"),
        ("Sozialversicherungsnummer 456789123", "Sozialversicherungsnummer [removed]"),
        ("SSN #123456789 thanks", "SSN #[removed] thanks"),
        ("사회보장번호는 123456789", "사회보장번호는 [removed]"),
        // After the keyword any 9 digits, even in ranges the SSA never issues.
        ("ssn 666456789", "ssn [removed]"),
        ("ssn 123006789", "ssn [removed]"),
    ])
    func masks(input: String, expected: String) {
        #expect(SecretMasker.mask(input) == expected)
    }

    @Test(arguments: [
        // Statements about a password.
        "my password is 12 characters long", "my password is not working", "Mein Passwort ist falsch",
        "mon mot de passe est oublié", "Password: forgotten. Can you help?", "my password is reset, I clicked the link",
        "my password is wrong!", "my password is too short", "my password is still not accepted",
        "the password is case sensitive", "mi contraseña es incorrecta", "moje hasło jest nieprawidlowe",
        "mitt lösenord är fel", "my password is expired, what now?", "my password is the same",
        "my password is what?", "mot de passe: oublié",
        // Number lists that are no card.
        "I have orders 1001 1002 1003 1006, where are they?", "orders 1001, 1002, 1003, 1006 please",
        "call me on 0044 7911 123456", "call me on +44 7911 123456 78", "tracking 9400 1000 0000 0000 0000 00",
        "tracking 1Z999AA10123456784", "orders #5001 #5002 #5003 #5006",
        // Bare nine digits without a keyword, and a keyword with other lengths.
        "reference 123456789", "my ssn ends in 6789", "ssn 1234567890123",
    ])
    func keeps(text: String) {
        #expect(SecretMasker.mask(text) == text)
    }

    @Test func generatedOrderListsPhoneAndTrackingNumbersAreKept() {
        var generator = SecretGenerator(seed: 7812, taken: [])
        var changed: [String] = []
        for _ in 0..<3000 {
            let text = generator.harmlessNumbers()
            if SecretMasker.mask(text) != text { changed.append(text) }
        }
        #expect(changed.isEmpty, "\(changed.count) changed, e.g. \(changed.prefix(5))")
    }

    @Test func cardsNeedAnIssuerPrefix() {
        // The same Luhn-valid 16 digits, behind each first digit.
        for first in 0...9 {
            var digits = [first] + Array(repeating: 7, count: 14) + [0]
            for check in 0...9 {
                digits[15] = check
                if SecretGenerator.luhn(digits) { break }
            }
            let text = digits.map(String.init).joined()
            let masked = SecretMasker.mask("card \(text)") != "card \(text)"
            #expect(masked == (2...6).contains(first), "\(text)")
        }
    }
}

import Foundation
import StewardRuntime
import Testing

/// The masker's rules on the forms issue 12 listed, and their ordinary look-alikes.
@Suite struct SecretMaskingTests {
    @Test(arguments: [
        // Card numbers in any separator style and digit script.
        ("card 4111  1111  1111  1111 thanks", "card [card number removed] thanks"),
        ("4111.1111.1111.1111", "[card number removed]"),
        ("4111/1111/1111/1111", "[card number removed]"),
        ("4111\n1111\n1111\n1111", "[card number removed]"),
        ("4111\u{00A0}1111\u{00A0}1111\u{00A0}1111 ok", "[card number removed] ok"),
        ("４１１１ １１１１ １１１１ １１１１", "[card number removed]"),
        ("٤١١١١١١١١١١١١١١١", "[card number removed]"),
        ("order 1001 4111 1111 1111 1111", "order 1001 [card number removed]"),
        ("378282246310005 is my amex", "[card number removed] is my amex"),
        // Codes.
        ("the security code (CVV) is 482", "the security code (CVV) is [removed]"),
        ("cvv2: 737", "cvv2: [removed]"),
        ("CID 1234 please", "CID [removed] please"),
        ("my pin number is 4321", "my pin number is [removed]"),
        ("pin code 5555", "pin code [removed]"),
        ("PIN: 1234", "PIN: [removed]"),
        ("mój kod PIN to 9876", "mój kod PIN to [removed]"),
        ("mein Sicherheitscode ist 321", "mein Sicherheitscode ist [removed]"),
        ("보안코드는 123입니다", "보안코드는 [removed]입니다"),
        // Passwords to the end of the phrase.
        ("my password is hunter two three", "my password is [removed]"),
        ("my password for the account is hunter two three. Thanks", "my password for the account is [removed]. Thanks"),
        ("my pw is blue fish", "my pw is [removed]"),
        ("pass: open sesame", "pass: [removed]"),
        ("passphrase = correct horse battery staple", "passphrase = [removed]"),
        ("moje hasło to tajne hasło123", "moje hasło to [removed]"),
        ("mitt lösenord är sommar2024", "mitt lösenord är [removed]"),
        ("mein Passwort lautet Geheim 99!", "mein Passwort lautet [removed]"),
        ("mi contraseña es gato negro", "mi contraseña es [removed]"),
        ("mon mot de passe est soleil", "mon mot de passe est [removed]"),
        ("비밀번호는 qwerty입니다", "비밀번호는 [removed]"),
        ("my password was reset to Summer2024", "my password was reset to [removed]"),
        ("password hunter2 please", "password [removed] please"),
        // IBAN and SSN.
        ("IBAN GB82 WEST 1234 5698 7654 32 please", "IBAN [account number removed] please"),
        ("de89370400440532013000", "[account number removed]"),
        ("ssn 123-45-6789", "ssn [removed]"),
        // The keyword says it is an SSN: ranges the SSA never issues are masked after it too.
        ("ssn 666-45-6789", "ssn [removed]"),
        ("ssn 123-00-6789", "ssn [removed]"),
    ])
    func masksSecrets(input: String, expected: String) {
        #expect(SecretMasker.mask(input) == expected)
    }

    @Test(arguments: [
        "the pin fell out of my tent", "a password reset link for my account", "I forgot my password",
        "can you reset my password?", "my password is not working", "where is my order #1001?",
        "call me on 555-123-4567", "it costs $129.99", "delivered 2026-11-23", "pin for order 1001 please",
        "tracking 1234567812345678", "order 1001 and 1002",
        "Mein Passwort ist falsch", "mi contraseña no funciona", "do you have a boarding pass?",
        "my card [card number removed] was charged", "my password is [removed]", "my password is reset",
        "the password is to be changed", "password reset 2 times",
    ])
    func keepsOrdinaryText(text: String) {
        #expect(SecretMasker.mask(text) == text)
    }

    @Test func maskingTwiceChangesNothingMore() {
        for text in ["the security code (CVV) is 482", "my password is hunter2 and 4111 1111 1111 1111"] {
            let once = SecretMasker.mask(text)
            #expect(SecretMasker.mask(once) == once)
        }
    }
}

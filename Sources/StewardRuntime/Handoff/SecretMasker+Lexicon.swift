/// The words ``SecretMasker`` reads around a secret, in every language Steward serves (en, pl, sv,
/// ko, de, es, fr), written as they look in the ``NormalisedText`` view: lowercase, without diacritics
/// (`hasło` → `haslo`, `lösenord` → `losenord`, `contraseña` → `contrasena`), any white space one space.
extension SecretMasker {
    /// What a keyword introduces.
    enum KeywordKind: Sendable {
        /// A numeric code (PIN, CVV/CVC/CVV2/CID, security code): masked when 3–8 digits follow within a
        /// few words ("my pin number is 4321", "the security code (CVV) is 482", "pin code 5555").
        case code
        /// A password or passphrase: masked to the end of the phrase after an explicit introduction
        /// ("is", ":", "=" …), or when digits follow at once ("password 1234").
        case password
        /// Like ``password``, but only `:` or `=` introduce the value ("pass: …"); "my pass is expired"
        /// and "boarding pass" are ordinary words.
        case passwordAfterColon
        /// A US social security number named by its keyword ("ssn", "social security number" and their
        /// forms in the other languages): 9 digits within a few words, separated or not ("ssn 123456789").
        case socialSecurity
    }

    struct Keyword: Sendable {
        let units: [Unicode.Scalar]
        let kind: KeywordKind
        /// Korean keywords take particles straight after them (`비밀번호는`), so need no word boundary.
        let attaches: Bool
    }

    /// Every keyword, longest first, so that "pin code" wins over "pin" and "cvv2" over "cvv".
    static let keywords: [Keyword] = {
        var list: [Keyword] = []
        func add(_ words: [String], _ kind: KeywordKind) {
            for word in words {
                let units = NormalisedText(word).units
                list.append(Keyword(units: units, kind: kind, attaches: units.contains { $0.isHangul }))
            }
        }
        add(
            [
                // en
                "pin", "pin number", "pin code", "pincode", "pin no", "cvv", "cvv2", "cvc", "cvc2", "cid", "csc", "cvn",
                "p.i.n.", "p.i.n", "c.v.v.", "c.v.v", "c.v.c.", "c.v.c",
                "security code", "card security code", "card verification code", "card verification value",
                "verification value",
                // pl
                "kod zabezpieczajacy", "kodu zabezpieczajacego", "kod bezpieczenstwa", "kodu bezpieczenstwa",
                // sv
                "pinkod", "pinkoden", "sakerhetskod", "sakerhetskoden", "sakerhetskoden",
                // de
                "geheimzahl", "sicherheitscode", "prufnummer", "kartenprufnummer", "prufziffer", "pin-nummer",
                // es
                "nip", "codigo de seguridad", "codigo cvv", "codigo pin",
                // fr
                "code pin", "code confidentiel", "cryptogramme", "code de securite", "code secret",
                // ko
                "핀번호", "핀 번호", "보안코드", "보안 코드", "카드 비밀번호", "카드비밀번호",
            ], .code)
        add(
            [
                // en
                "password", "passwd", "pwd", "pw", "pswd", "passphrase", "pass phrase", "passcode", "pass code",
                // pl
                "haslo", "hasla", "haslem", "hasle",
                // sv
                "losenord", "losenordet", "losen", "losenfras", "losenfrasen",
                // de
                "passwort", "kennwort", "zugangscode",
                // es
                "contrasena", "clave", "frase de contrasena",
                // fr
                "mot de passe", "mdp", "phrase secrete", "phrase de passe",
                // ko
                "비밀번호", "비번", "암호", "패스워드",
            ], .password)
        add(["pass"], .passwordAfterColon)
        add(
            [
                "ssn", "ss#", "social security", "social security number", "social security no", "soc sec",
                "numer ubezpieczenia spolecznego", "socialforsakringsnummer", "sozialversicherungsnummer",
                "numero de seguro social", "numero de la seguridad social", "seguro social", "numero de securite sociale",
                "securite sociale", "사회보장번호", "사회 보장 번호",
            ], .socialSecurity)
        return list.sorted { $0.units.count > $1.units.count }
    }()

    /// The keywords by their first unit.
    static let keywordsByFirstUnit: [Unicode.Scalar: [Keyword]] = Dictionary(grouping: keywords) { $0.units[0] }

    /// Words after a password keyword that start a qualifier before the introduction ("my password
    /// *for the account* is …", "mein Passwort *für das Konto* ist …").
    static let qualifierStarts: Set<String> = [
        "for", "to", "of", "on", "at", "in", "with", "from", "do", "dla", "na", "od", "w", "z", "till", "pa", "i", "av",
        "fur", "zu", "zum", "zur", "von", "bei", "auf", "im", "de", "del", "para", "en", "a", "du", "pour", "sur", "au", "des",
    ]

    /// Words that introduce a password's value ("is", "was", "jest", "to", "är", "ist", "lautet", "es", "est" …).
    static let introducers: Set<String> = [
        "is", "was", "are", "s", "to", "jest", "brzmi", "bylo", "ar", "var", "blir", "ist", "lautet", "war", "heisst",
        "es", "era", "sera", "est", "etait",
    ]

    /// Two-word introductions ("will be", "should be", "has been").
    static let auxiliaries: Set<String> = ["will", "would", "should", "has", "have", "shall", "must", "wird", "soll"]

    /// Korean particles that, attached to a keyword, introduce its value (`비밀번호는 …`, `비밀번호가 …`).
    static let koreanParticles: Set<Unicode.Scalar> = ["는", "은", "이", "가"]

    /// Words between an introduction and the value that are not part of it ("is *now* …", "was *reset to* …").
    static let fillers: Set<String> = [
        "now", "still", "just", "currently", "actually", "simply", "teraz", "obecnie", "nu", "jetzt", "aktuell", "ahora",
        "maintenant",
    ]

    /// Verbs between an introduction and the value, fillers only when "to" follows ("was *reset to* …",
    /// "has been *set to* …"); "is Reset #77" is all value.
    static let fillerVerbs: Set<String> = ["be", "been", "set", "changed", "reset", "updated"]

    /// Korean openings of an ordinary statement ("비밀번호가 틀렸어요": the password is wrong).
    static let koreanStatePrefixes: [String] = ["틀", "잘못", "안 ", "맞", "기억", "변경", "초기화", "재설정", "분실", "만료", "필요", "뭐", "무엇"]

    /// Words that end the search for a code's digits: the number is an order's, not a PIN.
    static let codeStopWords: Set<String> = [
        "order", "orders", "zamowienie", "zamowienia", "zamowieniu", "ordern", "bestellung", "pedido", "commande", "주문",
        "tracking", "phone", "invoice",
    ]
}

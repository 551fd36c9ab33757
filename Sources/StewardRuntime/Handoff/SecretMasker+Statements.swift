/// How ``SecretMasker`` tells an ordinary statement about a password ("my password is not working",
/// "is 12 characters long", "ist falsch", "est oublié") from a passphrase ("is correct horse battery
/// staple", "ist richtig Pferd Batterie").
///
/// The rule: the words after the introduction, up to the first comma (when a plain word follows it) or
/// the end of the phrase, are a statement only when every one of them is statement vocabulary (``statementVocabulary``: words about
/// a password's state, function words and a few verbs, in en, pl, sv, de, es and fr) or a plain number,
/// and at least one is a word. Any other word, any token holding a symbol other than trailing
/// punctuation (`Correct-Horse-Battery`, `Reset#77`), a token mixing letters and digits (`Working2024`)
/// or a word in mixed case (`wrongTurtle`) makes the value a secret.
extension SecretMasker {
    /// Whether `range` of `view` (a password's value, to the end of its phrase) is an ordinary statement.
    /// `original` is the message's UTF-8, read for the letters' case.
    static func isStatement(_ range: Range<Int>, view: NormalisedText, original: [UInt8]) -> Bool {
        let units = view.units
        var cursor = range.lowerBound
        var sawWord = false
        while cursor < range.upperBound {
            if units[cursor] == " " {
                cursor += 1
                continue
            }
            var end = cursor
            while end < range.upperBound, units[end] != " ", units[end] != "\n" { end += 1 }
            // Trailing punctuation belongs to the sentence, not the word; a comma ends the clause.
            var coreEnd = end
            var endsClause = false
            while coreEnd > cursor, trailingPunctuation.contains(units[coreEnd - 1]) {
                if units[coreEnd - 1] == "," || units[coreEnd - 1] == ";" { endsClause = true }
                coreEnd -= 1
            }
            guard coreEnd > cursor else { return false }  // a token of symbols only (":-)", "***")
            let core = units[cursor..<coreEnd]
            if core.allSatisfy(\.isMaskDigit) {
                // A plain number ("12 characters").
            } else {
                guard core.allSatisfy({ $0.isMaskWordLetter || $0 == "'" }) else { return false }
                let word = String(String.UnicodeScalarView(core))
                guard statementVocabulary.contains(word) else { return false }
                guard !isMixedCase(original, from: view.starts[cursor], to: view.ends[coreEnd - 1]) else { return false }
                sawWord = true
            }
            if endsClause {
                // A new clause opens with a plain word ("reset, I clicked the link"); "wrong, Turtle77"
                // goes on with the value.
                var next = end
                while next < range.upperBound, units[next] == " " { next += 1 }
                var nextEnd = next
                while nextEnd < range.upperBound, units[nextEnd] != " " { nextEnd += 1 }
                while nextEnd > next, trailingPunctuation.contains(units[nextEnd - 1]) { nextEnd -= 1 }
                let plain = nextEnd == next
                    || (units[next..<nextEnd].allSatisfy { $0.isMaskWordLetter || $0 == "'" }
                        && !isMixedCase(original, from: view.starts[next], to: view.ends[nextEnd - 1]))
                return sawWord && plain && !hasValueToken(end..<range.upperBound, view: view, original: original)
            }
            cursor = end
        }
        return sawWord
    }

    /// Whether `range` (a password's value) is a statement that opens with a word about a password's state
    /// ("my password is *not* working and I cannot see order 1001", "is *too* short for your site", "was
    /// *changed* by someone", "ist *nicht* mehr gültig"), though some of its words are outside
    /// ``statementVocabulary``.
    ///
    /// The rule: the first word is one of ``statementOpeners`` (or of ``questionOpeners`` when the phrase ends
    /// with `?`: "my password is" + "where is my order 1001?") written plainly (letters only, not mixed
    /// case), no token looks like a value (letters mixed with digits, a symbol inside a word, mixed case:
    /// "not4you", "Notworking99", "not Hunter2x"; a number, "order #1001" or trailing punctuation is fine), and
    /// more than half of the words are statement vocabulary, everyday words (``commonWords``) or numbers ("not purple elephant" is a passphrase).
    static func isOpenedStatement(_ range: Range<Int>, view: NormalisedText, original: [UInt8]) -> Bool {
        let units = view.units
        var cursor = range.lowerBound
        var words = 0
        var ordinary = 0
        var previousWord = ""
        // "my password is" then "where is my order 1001?": a question is no password.
        let isQuestion = units[range.upperBound - 1] == "?" || (range.upperBound < units.count && units[range.upperBound] == "?")
        while cursor < range.upperBound {
            if units[cursor] == " " || units[cursor] == "\n" {
                cursor += 1
                continue
            }
            var end = cursor
            while end < range.upperBound, units[end] != " ", units[end] != "\n" { end += 1 }
            var coreEnd = end
            while coreEnd > cursor, trailingPunctuation.contains(units[coreEnd - 1]) { coreEnd -= 1 }
            var coreStart = cursor
            if coreStart < coreEnd, units[coreStart] == "(" { coreStart += 1 }
            // "order #1001": `#` before digits only after a word naming an order.
            if coreStart < coreEnd, units[coreStart] == "#", codeStopWords.contains(previousWord) { coreStart += 1 }
            guard coreStart < coreEnd else {
                cursor = end
                continue
            }
            let core = units[coreStart..<coreEnd]
            words += 1
            if core.allSatisfy({ $0.isMaskDigit || $0 == "." || $0 == "," }), core.first!.isMaskDigit {
                guard words > 1 else { return false }
                ordinary += 1
            } else {
                guard core.allSatisfy({ $0.isMaskWordLetter || $0 == "'" || $0 == "-" }),
                    !isMixedCase(original, from: view.starts[coreStart], to: view.ends[coreEnd - 1])
                else { return false }
                let word = String(String.UnicodeScalarView(core))
                previousWord = word
                if words == 1, !statementOpeners.contains(word), !(isQuestion && questionOpeners.contains(word)) { return false }
                if statementVocabulary.contains(word) || statementOpeners.contains(word) || commonWords.contains(word) {
                    ordinary += 1
                }
            }
            cursor = end
        }
        return words > 0 && ordinary * 2 > words
    }

    /// Words that open a statement about a password: negations, states and verbs, in every Latin-script
    /// language Steward serves (normalised: lowercase, no diacritics).
    static let statementOpeners: Set<String> = {
        let words = """
            not isn't wasn't no never too being been changed rejected expired locked blocked incorrect invalid wrong \
            working accepted reset same different forgotten lost broken compromised hacked stolen leaked wrong \
            case required still also always apparently suddenly somehow missing empty weak outdated old new \
            updated disabled deactivated unknown unrecognised unrecognized
            nie zle bledne bledny niepoprawne niepoprawny nieprawidlowe zablokowane zablokowany zmienione za \
            wygaslo inne juz zapomniane
            inte fel ogiltigt last for andrat samma annat glomt redan
            nicht falsch ungultig gesperrt abgelaufen zu geandert zuruckgesetzt kein keine nicht immer schon
            no incorrecta incorrecto bloqueada bloqueado caducada caducado demasiado cambiada cambiado invalida ya
            pas ne faux fausse bloque bloquee expire expiree trop change changee invalide incorrect incorrecte deja
            """
        return Set(words.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\\" }).map(String.init))
    }()

    /// Words that open a question, openers of a statement when the phrase ends with `?` (en, pl, sv, de, es, fr).
    static let questionOpeners: Set<String> = [
        "where", "what", "how", "why", "when", "can", "could", "do", "does", "did", "will", "would", "is", "are", "who",
        "which", "gdzie", "jak", "co", "dlaczego", "kiedy", "czy", "var", "hur", "vad", "varfor", "nar", "kan", "wo",
        "wie", "was", "warum", "wann", "kann", "donde", "como", "que", "cuando", "puedo", "ou", "comment", "quoi",
        "pourquoi", "quand", "est-ce",
    ]

    /// Everyday words that may follow an opener in a statement without making it a passphrase.
    static let commonWords: Set<String> = [
        "see", "site", "website", "page", "app", "email", "mail", "order", "orders", "someone", "somebody", "anyone",
        "last", "week", "day", "days", "month", "login", "logging", "screen", "phone", "computer", "laptop", "browser",
        "says", "said", "error", "message", "time", "times", "try", "tried", "trying", "get", "got", "into", "in",
        "go", "through", "let", "lets", "allow", "allowed", "keep", "keeps", "account", "store", "shop", "profile",
        "since", "yesterday", "today", "again", "anymore", "morning", "week", "hour", "hours", "ago",
        "gultig", "seit", "gestern", "heute", "wieder", "mehr", "seite", "konto",
        "depuis", "hier", "aujourd'hui", "encore", "site", "compte", "semaine",
        "otra", "vez", "desde", "ayer", "hoy", "cuenta", "pagina", "semana",
        "igen", "sedan", "igar", "idag", "kontot", "sidan", "veckan",
        "dla", "strony", "od", "wczoraj", "dzisiaj", "znowu", "krotkie", "konta", "tygodnia",
    ]

    /// Whether a token of `range` looks like a password rather than a word: letters mixed with digits, a
    /// symbol inside it, or mixed case ("try Hunter2x", "then Sunny-Day").
    static func hasValueToken(_ range: Range<Int>, view: NormalisedText, original: [UInt8]) -> Bool {
        let units = view.units
        var cursor = range.lowerBound
        while cursor < range.upperBound {
            if units[cursor] == " " || units[cursor] == "\n" {
                cursor += 1
                continue
            }
            var end = cursor
            while end < range.upperBound, units[end] != " ", units[end] != "\n" { end += 1 }
            var coreEnd = end
            while coreEnd > cursor, trailingPunctuation.contains(units[coreEnd - 1]) { coreEnd -= 1 }
            if coreEnd > cursor {
                let core = units[cursor..<coreEnd]
                let letters = core.contains(where: \.isMaskWordLetter)
                let digits = core.contains(where: \.isMaskDigit)
                if letters && digits { return true }
                if letters, core.dropFirst().contains(where: { !$0.isMaskWordLetter && $0 != "'" }) { return true }
                if letters, isMixedCase(original, from: view.starts[cursor], to: view.ends[coreEnd - 1]) { return true }
            }
            cursor = end
        }
        return false
    }

    /// Punctuation that may close a word of a statement ("wrong!", "reset,", "forgotten.").
    private static let trailingPunctuation: Set<Unicode.Scalar> = [".", ",", "!", "?", ";", ":", "…", "。", "？", "！", ")"]

    /// True when the original word has an uppercase letter after a lowercase one, or a lowercase letter
    /// after two uppercase ones (`wrongTurtle`, `WRong`); `Wrong` and `WRONG` are ordinary.
    private static func isMixedCase(_ original: [UInt8], from start: Int, to end: Int) -> Bool {
        let word = String(decoding: original[start..<end], as: UTF8.self)
        var sawLower = false
        var upperRun = 0
        for scalar in word.unicodeScalars {
            let properties = scalar.properties
            if properties.isUppercase {
                if sawLower { return true }
                upperRun += 1
            } else if properties.isLowercase {
                if upperRun >= 2 { return true }
                sawLower = true
            }
        }
        return false
    }

    /// Words of an ordinary statement about a password, as they look in the normalised view (lowercase,
    /// no diacritics), in every Latin-script language Steward serves.
    static let statementVocabulary: Set<String> = {
        let english = """
            not no never wrong incorrect invalid expired expiring blocked locked unlocked correct right fine ok okay \
            too very case sensitive required needed missing empty weak strong working broken being same different \
            reset changed change compromised forgotten forgot lost long short characters character chars letters \
            letter digits digit numbers number symbols symbol what which how where why who it that this there for to \
            of on in at by with from the a an and or but so as my me i you your we our they them its is was are were \
            be been has have had do does did don't doesn't didn't isn't wasn't aren't can't cannot can could won't \
            will would should shall must may might need needs any anymore more less again still now just already \
            also either neither nor yet today yesterday anything something nothing all some accepted rejected recognised recognized valid known unknown set \
            updated outdated old new temporary correctly properly at all please help thanks thank work works \
            worked login log sign signin sign-in account since after before when because expire expires expired \
            lockout hacked stolen leaked weird strange fine good bad great sure unsure
            """.split(separator: " ")
        let polish = """
            nie zle zly zla bledne bledny niepoprawne niepoprawny nieprawidlowe nieprawidlowy zablokowane zablokowany \
            poprawne poprawny za wymagane inne inny dobre dobry dziala dzialalo zapomniane zapomnialem zapomnialam \
            wygaslo wygaslo zmienione zresetowane krotkie dlugie znakow znaki juz jeszcze teraz to jest i a ale \
            moje moj mi mnie sie
            """.split(separator: " ")
        let swedish = """
            inte fel ogiltigt ogiltig last lasta korrekt ratt ej glomt glomd bortglomt utgangen utgatt andrat \
            aterstallt for kort langt tecken fungerar funkar fungerade och men mitt min jag har ar var nu redan \
            fortfarande samma annat
            """.split(separator: " ")
        let german = """
            nicht falsch ungultig gesperrt abgelaufen richtig kein keine leer zu korrekt vergessen geandert \
            zuruckgesetzt kurz lang zeichen funktioniert geht ging mehr noch immer schon wieder und aber oder mein \
            meine ich ist war sehr zu gleich anders
            """.split(separator: " ")
        let spanish = """
            no incorrecta incorrecto invalida invalido bloqueada bloqueado caducada caducado correcta correcto \
            demasiado muy erronea erroneo olvidada olvidado cambiada cambiado restablecida corta corto larga largo \
            caracteres funciona funcionaba ya todavia sigue y pero mi me es era la el misma mismo otra otro \
            expirada vencida
            """.split(separator: " ")
        let french = """
            pas faux fausse invalide bloque bloquee expire expiree trop ne incorrect incorrecte correct correcte \
            oublie oubliee change changee reinitialise reinitialisee court courte long longue caracteres fonctionne \
            marche plus toujours encore deja et mais mon ma je j'ai est etait le la les meme autre tres
            """.split(separator: " ")
        return Set((english + polish + swedish + german + spanish + french).map(String.init))
    }()
}

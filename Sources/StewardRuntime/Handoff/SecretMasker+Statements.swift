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
                return sawWord && plain
            }
            cursor = end
        }
        return sawWord
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

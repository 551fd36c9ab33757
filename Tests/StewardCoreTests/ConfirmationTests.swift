import StewardCore
import Testing

/// `Confirmation.read`: replies to "Shall I cancel order #1003?" in seven languages, by class.
@Suite struct ConfirmationTests {
    static let yesReplies: [String] = [
        // en
        "yes", "y", "Yes.", "YES PLEASE", "yeah", "yep", "yup", "sure", "Sure!", "ok", "OK!!", "okay", "yes please",
        "yes please go ahead", "absolutely", "of course", "definitely", "go ahead", "do it", "please do", "I'd like that",
        "that would be great", "confirm", "correct", "yes, cancel it", "yes cancel the order", "yes please, I'd like to talk to someone",
        "yeah go for it", "Yes, that's what I want", "Yeah, cancel it. Thanks!", "sure why not", "sure thing", "sounds good", "yes I'm sure", "alright",
        // emoji
        "👍", "👍🏽", "👌", "✅", "🙆", "🙆‍♀️", "yes 👍", "ok 👌🏻", "👍👍",
        // pl
        "tak", "Tak.", "tak proszę", "jasne", "oczywiście", "oczywiscie", "pewnie", "dobrze", "zgoda", "tak, anuluj",
        "tak, anuluj zamówienie", "jasne, proszę anulować", "no dobra",
        // sv
        "ja", "ja tack", "absolut", "visst", "gärna", "garna", "självklart", "okej", "ja, avbryt den", "japp", "kör", 
        // ko
        "네", "예", "응", "좋아요", "네 취소해 주세요", "그래요", "맞아요", "네, 취소해주세요", "넵", "물론이죠", "네 알겠습니다", "응 취소해",
        // de
        "ja", "ja bitte", "klar", "natürlich", "gerne", "genau", "auf jeden Fall", "mach das", "Ja, bitte stornieren",
        "jawohl", "einverstanden", 
        // es
        "sí", "Sí", "si", "claro", "por supuesto", "vale", "de acuerdo", "sí por favor", "adelante", "sí, cancélalo",
        "claro que sí", "dale", "sin problema",
        // fr
        "oui", "Oui!", "oui merci", "bien sûr", "d'accord", "D’accord", "ok vas-y", "volontiers", "absolument",
        "oui, annulez-la", "tout à fait", "oui s'il vous plaît", "oui, c'est bon",
    ]

    static let noReplies: [String] = [
        // en
        "no", "n", "No.", "NO", "nope", "nah", "no thanks", "please no", "please don't", "don't", "do not", "keep it",
        "keep my order", "no, keep it", "never mind, don't cancel", "not now", "I changed my mind", "no I don't want that",
        "don't cancel it", "please do not cancel my order", "nope, leave it", "definitely not", "I don't think so",
        "no thank you", "I'm good", "hell no", "no, I'll keep it", "please don't do that", "absolutely not", "of course not", "nope.", "no!!!",
        "I don't want to cancel anymore",
        // emoji
        "👎", "❌", "🙅", "🙅🏻‍♂️", "🚫", "no 👎",
        // pl
        "nie", "Nie.", "nie dziękuję", "nie trzeba", "nie anuluj", "nie, zostaw", "raczej nie", "nie teraz",
        // sv
        "nej", "nej tack", "låt bli", "Nej!", "inte nu", "avbryt inte", "helst inte", "nej, låt den vara",
        // ko
        "아니요", "아니", "아뇨", "괜찮아요", "취소하지 마세요", "싫어요", "아니요 괜찮아요", "취소하지마세요",
        // de
        "nein", "nein danke", "lieber nicht", "nicht stornieren", "bitte nicht", "auf keinen Fall", "nee", "nein, doch nicht",
        // es
        "no", "no gracias", "No, gracias", "mejor no", "no lo canceles", "para nada", "ahora no",
        // fr
        "non", "non merci", "pas maintenant", "surtout pas", "ne l'annulez pas", "Non !", "pas du tout", "non, je préfère la garder",
    ]

    static let unclearReplies: [String] = [
        // "no problem" to "cancel your order?" is polite but not a clear yes to an irreversible action.
        "no problem", "sure, no problem", "nie ma problemu", "inga problem", "문제없어요", "kein Problem", "pas de problème",
        // Sarcasm and conditions.
        "yeah right", "si tu veux", "if you want", "jak chcesz",
        // en hedges
        "ok wait", "ok wait let me think", "hmm", "not sure", "maybe", "let me think", "I don't know", "idk", "wait",
        "hold on", "one sec", "perhaps later?", "yes... wait", "🤔", "i guess", "hmm yes",
        // en mixed signals
        "yes no", "yes... actually no", "no wait yes", "yes don't", "sure, don't cancel", "yes? no?",
        // en yes plus another request
        "sure, but can I change the size instead?", "ok but first tell me the refund amount", "yes and also change my address",
        "yes, but only the shoes", "ok, what's the refund amount?", "yes?",
        // en action or politeness only
        "cancel it", "please",
        // an order number: the reader does not know which order was asked about (the skill removes its own)
        "Yes, please cancel order #1003", "yes cancel #1004", "yes 1003",
        // pl
        "nie wiem", "może", "chwila", "tak, ale czy mogę zmienić rozmiar?", "tak nie", "hmm, nie jestem pewna",
        // sv
        "vet inte", "kanske", "ja men kan jag byta storlek?", "vänta lite", "ja nej",
        // ko
        "잘 모르겠어요", "글쎄요", "잠깐만요", "네 근데 사이즈 바꿀 수 있어요?", "생각해 볼게요",
        // de
        "weiß nicht", "vielleicht", "ja aber erst die Adresse ändern", "Moment", "ja, nicht stornieren",
        // es
        "no sé", "quizás", "sí, pero primero cambia la talla", "espera", "tal vez",
        // fr
        "je ne sais pas", "peut-être", "oui mais je veux changer la taille", "attendez", "oui, ne l'annulez pas",
    ]

    static let neitherReplies: [String] = [
        "where is my other order?", "what's your return policy", "jane.doe@example.com", "#1004", "1004",
        "what's the status of order #1004?", "gdzie jest moja paczka?", "wo ist meine Bestellung?", "¿dónde está mi pedido?",
        "où est ma commande ?", "var är mitt paket?", "배송 언제 와요?", "", "   ", "...",
    ]

    @Test(arguments: yesReplies) func clearYes(_ text: String) {
        #expect(Confirmation.read(text) == .yes, "\(text)")
    }

    @Test(arguments: noReplies) func clearNo(_ text: String) {
        #expect(Confirmation.read(text) == .no, "\(text)")
    }

    @Test(arguments: unclearReplies) func unclearOrMixed(_ text: String) {
        #expect(Confirmation.read(text) == .unclear, "\(text)")
    }

    @Test(arguments: neitherReplies) func notAnAnswer(_ text: String) {
        #expect(Confirmation.read(text) == .neither, "\(text)")
    }

    /// The rule that matters most: a negation anywhere, a question or any other request is never a yes.
    @Test(arguments: [
        "yes don't", "sure, don't cancel", "ok not now", "yes, no", "tak nie", "ja inte", "ja nicht", "sí no", "oui pas",
        "네 안 해요", "yes but change the size", "sure, what's the total?", "yes if it's free", "ok, where is my order?",
        "yes and refund me", "yes please, but the other order", "si no", "what happens if I cancel?",
    ])
    func negationsQuestionsAndOtherRequestsAreNeverYes(_ text: String) {
        #expect(Confirmation.read(text) != .yes, "\(text)")
    }
}

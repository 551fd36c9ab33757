import StewardCore
import Testing

/// `ConversationCue.detect`: short messages that are wholly a cue, in seven languages.
@Suite struct ConversationCueTests {
    static let cases: [(ConversationCue, [String])] = [
        (.stop, [
            "cancel", "Cancel.", "cancel that", "stop", "STOP!", "quit", "exit", "never mind", "nevermind", "nvm",
            "forget it", "I said cancel", "stop asking", "I don't want to continue", "ok never mind", "never mind that",
            "anuluj", "nieważne", "zapomnij", "stop",
            "avbryt", "strunt samma", "glöm det",
            "취소", "됐어요", "그만",
            "abbrechen", "vergiss es", "egal",
            "cancelar", "olvídalo", "déjalo",
            "annuler", "laisse tomber", "oublie",
        ]),
        (.hold, [
            "hold on", "hold on a sec", "hmm hold on a sec", "one sec", "one moment please", "one moment please, looking for it",
            "just a moment", "wait", "give me a minute", "let me check", "let me look", "let me find it", "brb",
            "looking for it", "searching", "ok one sec", "🤔", "hmm", "let me find the number",
            "chwila", "sekundę", "moment", "poczekaj",
            "vänta", "ett ögonblick", "vänta lite",
            "잠깐만요", "잠시만요", "찾아볼게요",
            "Moment", "einen Moment", "warte kurz",
            "un momento", "espera", "déjame ver",
            "un instant", "attendez", "je cherche",
        ]),
        (.resume, [
            "go back", "back to my order", "let's go back", "continue", "resume", "where were we", "where were we?",
            "back to what we were doing", "ok, let's continue",
            "wróćmy", "kontynuuj",
            "fortsätt", "tillbaka",
            "계속", "돌아가요",
            "zurück", "weiter",
            "volvamos", "continuar", "sigamos",
            "reprenons", "continuer", "revenons",
        ]),
        (.acknowledgement, [
            "ok", "okay", "OK!", "k", "kk", "cool", "great", "thanks", "thank you", "thx", "ty", "perfect", "got it",
            "alright", "nice", "awesome", "👍", "👍🏼", "🙏", "👌", "😊", "❤️", "ok thanks", "great, thanks!", "ok 👍",
            "ok dzięki", "dziękuję", "super",
            "tack", "tack så mycket", "okej",
            "감사합니다", "고마워요", "알겠어요",
            "danke", "alles klar", "super",
            "gracias", "vale", "perfecto",
            "merci", "super", "parfait", "d'accord",
        ]),
        (.closing, [
            "no thanks", "no", "nope", "that's all", "that's it", "nothing else", "I'm good", "all good",
            "no that's all thanks", "No, that's all, thank you!", "bye",
            "nie, dziękuję", "to wszystko",
            "nej tack", "det var allt",
            "없어요", "괜찮아요",
            "nein danke", "das war's",
            "no gracias", "eso es todo",
            "non merci", "c'est tout",
        ]),
    ]

    static let labelled: [(ConversationCue, String)] = cases.flatMap { cue, texts in texts.map { (cue, $0) } }

    @Test(arguments: labelled) func detects(_ cue: ConversationCue, _ text: String) {
        #expect(ConversationCue.detect(text) == cue, "\(text)")
    }

    /// Messages that say something more than a cue: requests, questions, answers.
    @Test(arguments: [
        "ok, where is my order?", "cancel my order", "cancel order #1003", "I want to cancel my subscription",
        "thanks, can I return the shoes?", "go back to the order and cancel it please with a refund for the shipping too",
        "hold on, what's the refund amount?", "where is my order", "#1003", "jane.doe@example.com", "yes", "", "ok?",
        "anuluj zamówienie", "avbryt min prenumeration", "주문 취소해 주세요", "Bestellung stornieren", "cancelar mi pedido",
        "annuler ma commande", "danke, wo ist mein Paket?", "gracias, ¿y el reembolso?",
    ])
    func notACue(_ text: String) {
        #expect(ConversationCue.detect(text) == nil, "\(text)")
    }
}

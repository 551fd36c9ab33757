/// Replies customers type to "Shall I cancel …?", "Pause your … subscription?" and the like, in
/// en pl sv ko de es fr, grouped by what they clearly mean.
///
/// Written from how customers answer, not from the reader's phrase lists (many wordings here are
/// in no list), so the destructive-action tests measure how the reader generalises. When a row
/// fails, improve the reader rather than deleting the row.
enum ConfirmationReplies {
    typealias Reply = (language: String, text: String)

    /// Clear yes: the action may run.
    static let yes: [Reply] = [
        ("en", "Yes please cancel it"), ("en", "yeah that's fine, go ahead"), ("en", "Sure, please do it"),
        ("en", "yep do it"), ("en", "Yes I'm sure"), ("en", "Absolutely, go ahead"), ("en", "yes, I confirm"),
        ("en", "Yes!! 👍"), ("en", "ok go ahead"),
        ("pl", "Tak, proszę"), ("pl", "tak, poproszę"), ("pl", "Jasne, śmiało"), ("pl", "tak, potwierdzam"),
        ("pl", "Oczywiście, proszę"), ("pl", "dobrze, zgadzam się"), ("pl", "Tak 👍"),
        ("sv", "Ja, gärna"), ("sv", "Ja tack, gör det"), ("sv", "Japp, kör på"), ("sv", "ja det stämmer"),
        ("sv", "Absolut, gör det"), ("sv", "Ja, självklart"), ("sv", "Visst, gör det"),
        ("ko", "네, 진행해 주세요"), ("ko", "예 좋습니다"), ("ko", "네 좋아요"), ("ko", "응 해줘"),
        ("ko", "네 맞아요, 부탁드려요"), ("ko", "넵!"), ("ko", "네네 그렇게 해주세요"),
        ("de", "Ja, bitte"), ("de", "Ja, mach das bitte"), ("de", "Klar, gerne"), ("de", "Jawohl, bitte"),
        ("de", "ja, genau"), ("de", "Natürlich, einverstanden"), ("de", "Ja gern 👍"),
        ("es", "Sí, por favor"), ("es", "Claro que sí"), ("es", "Vale, adelante"), ("es", "sí, confírmalo"),
        ("es", "Sí, de acuerdo"), ("es", "Por supuesto, hazlo"), ("es", "Dale, sí"),
        ("fr", "Oui, s'il vous plaît"), ("fr", "Oui, vas-y"), ("fr", "Bien sûr, allez-y"), ("fr", "D'accord, je confirme"),
        ("fr", "oui oui"), ("fr", "Oui volontiers"), ("fr", "Ouais, vas-y"),
    ]

    /// Clear no: the action must not run and the task ends.
    static let no: [Reply] = [
        ("en", "No, please keep it"), ("en", "nope, don't do it"), ("en", "No thanks, I'll keep it"),
        ("en", "Please don't"), ("en", "no no no"), ("en", "nah I'm good"), ("en", "No, leave it as it is"),
        ("en", "actually no"),
        ("pl", "Nie, dziękuję"), ("pl", "nie, nie rób tego"), ("pl", "Nie, zostaw"), ("pl", "nie chcę"),
        ("pl", "Nie, jednak zostawiam"), ("pl", "nie nie"), ("pl", "Nie teraz, dzięki"),
        ("sv", "Nej tack"), ("sv", "Nej, gör det inte"), ("sv", "nej, jag behåller den"), ("sv", "Nej, låt det vara"),
        ("sv", "Nej nej"), ("sv", "Inte nu, tack"), ("sv", "nej, jag vill inte"),
        ("ko", "아니요, 하지 마세요"), ("ko", "아뇨 괜찮아요"), ("ko", "아니요 그냥 둘게요"), ("ko", "싫어요"),
        ("ko", "아니요, 유지해 주세요"), ("ko", "안 할래요"), ("ko", "아니 됐어요"),
        ("de", "Nein danke"), ("de", "Nein, bitte nicht"), ("de", "nee, lieber nicht"), ("de", "Nein, ich behalte sie"),
        ("de", "Auf keinen Fall"), ("de", "nein, das möchte ich nicht"), ("de", "Nein, lass es so"),
        ("es", "No, gracias"), ("es", "No, no lo hagas"), ("es", "Mejor no, gracias"), ("es", "no, déjalo así"),
        ("es", "No, prefiero mantenerlo"), ("es", "no, no hace falta"), ("es", "Ahora no"),
        ("fr", "Non merci"), ("fr", "Non, ne faites pas ça"), ("fr", "Non, je la garde"), ("fr", "Surtout pas !"),
        ("fr", "non non"), ("fr", "Pas maintenant, merci"), ("fr", "Non, laissez comme ça"),
    ]

    /// Unclear: hedges, mixed signals, a yes with another request. The action must not run and the
    /// question is asked again.
    static let unclear: [Reply] = [
        ("en", "ok wait, let me think"), ("en", "hmm, not sure"), ("en", "maybe later"),
        ("en", "Yes, but can I change the size instead?"), ("en", "sure, but first tell me how much I get back"),
        ("en", "yes... actually no"), ("en", "hold on, I need to check with my wife"), ("en", "yes don't"),
        ("pl", "Nie wiem"), ("pl", "hmm, może"), ("pl", "Tak, ale czy mogę zmienić rozmiar?"),
        ("pl", "chwileczkę, muszę się zastanowić"), ("pl", "tak... a właściwie nie"), ("pl", "Może później"),
        ("pl", "Tak, ale najpierw zmień adres"),
        ("sv", "Vet inte riktigt"), ("sv", "kanske"), ("sv", "Ja, men kan jag byta färg istället?"),
        ("sv", "vänta, jag måste tänka"), ("sv", "ja... eller nej"), ("sv", "hmm, jag är osäker"),
        ("sv", "Ja men först vill jag veta om återbetalningen"),
        ("ko", "잘 모르겠어요"), ("ko", "글쎄요"), ("ko", "네, 근데 사이즈 변경도 되나요?"), ("ko", "잠깐만요, 생각 좀 해볼게요"),
        ("ko", "음... 아마도요"), ("ko", "네 아니 잠깐만요"), ("ko", "아직 모르겠어요"),
        ("de", "Weiß nicht"), ("de", "vielleicht"), ("de", "Ja, aber kann ich stattdessen die Größe ändern?"),
        ("de", "Moment, ich überlege noch"), ("de", "ja... nein, keine Ahnung"), ("de", "hmm, bin mir nicht sicher"),
        ("de", "ja, aber zuerst die Lieferadresse ändern"),
        ("es", "No sé"), ("es", "quizás"), ("es", "Sí, pero ¿puedo cambiar la talla?"), ("es", "espera, déjame pensarlo"),
        ("es", "sí... bueno, no sé"), ("es", "tal vez más tarde"), ("es", "Sí, pero primero dime cuánto me devuelven"),
        ("fr", "Je ne sais pas"), ("fr", "peut-être"), ("fr", "Oui, mais je peux changer la taille à la place ?"),
        ("fr", "attendez, je réfléchis"), ("fr", "oui... enfin non"), ("fr", "hmm, pas sûr"),
        ("fr", "d'accord mais d'abord dites-moi le montant du remboursement"),
    ]
}

/// Words that carry no topic in a customer's question, per language: function words, question
/// words and the politeness and request phrases around a question ("could you help me find out").
///
/// Compared after lower-casing and folding diacritics. Korean entries are whole words (runs of
/// Hangul); the question's other words become character bigrams.
enum StopWords {
    static let byLanguage: [String: [String]] = [
        "en": english, "sv": swedish, "de": german, "es": spanish, "fr": french, "pl": polish, "ko": korean,
    ]

    static let english = """
        a an the and or but if of to in on at for with by from is are was were be been being am do does did doing \
        done i me my mine myself you your yours we our us it its this that these those can could would should will \
        shall may might must what whats which who whom how where why there theres here have has had having any \
        some please pls plz hi hello hey thanks thank thx about get got getting as so not no yes just know want wanted \
        like tell need needed much many then than up out into also too id im ive ill youre dont doesnt didnt \
        cant wont isnt arent u ur help helping find finding check checking usually normally typically generally \
        let lets info information question questions wondering wonder curious possible able sure ok okay well really \
        actually currently still someone somebody anyone anything something one all kind kinds sort sorts go going \
        make see look looking until till ever every very bit quick quickly again over after before keep keeps kept \
        trying tried try ask asking asked told say says said saying
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let swedish = """
        och i att det som en ett på är av för med till den de har hade inte om men var jag mig min mitt mina du dig \
        din ditt dina vi oss vår vårt våra ni er ert era han hon sig sin sitt sina från så kan kunde man när hur vad \
        vilka vilken vilket skulle vill ville kunna göra gör finns få får behöver hjälp hjälpa undrar där här då \
        också bara eller någon något några detta denna dessa ska blir bli hos under efter mot utan hej tack snälla \
        vänligen  långt ta tar veta vet mycket många ju nu redan ens ni inom än alla allt
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let german = """
        der die das den dem des ein eine einen einem einer eines und oder aber ist sind war bin bist sein ich du er \
        sie es wir ihr mich mir mein meine meinen meinem meiner dich dir dein deine uns unser euch ihnen ihre ihren \
        wie was  wo welche welcher welches welchen warum wer kann kannst können könnte könnten muss müssen soll \
        sollte will möchte möchten würde würden gibt bitte hallo danke auf in im an am zu zum zur von vom mit für \
        bei nach aus über um so auch noch schon nur nicht kein keine ja nein mal denn doch da hier dort hilfe \
        helfen wissen gerne gern  viel viele dass ob wenn man haben habe hat hatte werden wird wurde sich etwa \
        eigentlich normalerweise gut guten sagen brauche braucht brauchen benötige
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let spanish = """
        el la los las un una unos unas y o pero de del a al en con por para que qué es son está están estoy ser soy \
        fue mi mis me yo tu tú te su sus usted ustedes nos nosotros vosotros se lo le les cómo como  cuando \
        dónde donde cuál cuáles   cuánta cuántos cuántas quién hay puedo puede pueden podría podrían \
        quiero quisiera necesito hola gracias favor ayuda ayudar saber tengo tiene tienen tener hacer hago hace \
        este esta esto estos estas ese esa eso muy más ya sí no algo algún alguna sobre también tan si sin mucho \
        buenos buenas normalmente suele decir ha he han has hemos
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let french = """
        le la les l un une des de du d et ou mais à au aux en dans sur pour par avec que qu qui quoi quel quelle \
        quels quelles comment  où  est sont suis es être ai as a avons avez ont avoir je j tu il elle on \
        nous vous ils elles me m te t se s moi toi mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs \
        ce c cet cette ces ça cela y ne n pas plus peux peut pouvez pourriez pourrais veux voudrais voulez faut \
        bonjour salut merci svp stp plaît plait aide aider savoir fait faire si très aussi encore déjà oui non chez \
        bien habituellement généralement dire besoin
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let polish = """
        i w na z do że się nie to jest są o a jak co czy   gdzie jaki jaka jakie jakich który która które \
        mój moja moje mojego mojej mi mnie ja ty pan pani państwo wy my nas nam was wam u od po dla przez przy za \
        ze we jeśli jeżeli mogę można może możecie chcę chciałbym chciałabym chciałam proszę cześć hej dzięki \
        dziękuję pomoc pomocy pomóc potrzebuję mam ma macie był była było będzie być jestem tak też także już \
        jeszcze tylko bardzo ten ta te tego tej tym tu tam dobry witam wiedzieć zwykle
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    static let korean = """
        어떻게   무엇 뭐 뭔가요 어디 어디서 어디에 왜 제 저 저는 제가 내 나 좀 수 있나요 있어요 있습니까 \
        있을까요 있는 있는지 하나요 해요 합니까 되나요 돼요 됩니까 인가요 주세요 알려 알려주세요 싶어요 싶은데요 \
        싶은데 궁금해요 궁금합니다 안녕하세요 감사합니다 그리고 그 이 혹시 요 가능한가요 가능해요 도와주세요 \
        하고 무슨 어떤 어느 보통 대략
        """.split(whereSeparator: \.isWhitespace).map(String.init)
}

/// The phrase lists behind ``Confirmation`` and ``ConversationCue``, one block per language.
///
/// Phrases are written as a customer would type them ("don't", "d'accord", "Sí", "gärna"); the
/// reader normalises them the same way it normalises messages (lower case, accents folded,
/// apostrophes dropped: "don't" is matched as "dont"). A word ending in `*` matches any word that
/// starts with it ("stornier*" matches "stornieren", "storniert"), one starting with `*` any word
/// that ends with it, and one starting and ending in `*` any word that contains it (for Korean, where
/// endings attach to the stem: "*해 주세요", "*지마*").
/// Emoji are read as the placeholder words `emojiyes`, `emojino`, `emojihmm` and `emojithanks`.
struct ConfirmationLexicon: Sendable {
    /// What a phrase means in a reply to a yes-or-no question.
    enum Role: Int, Sendable, Hashable, Comparable {
        /// A clear no ("no", "nope", "keep it", "nie", "아니요").
        case no
        /// A word that negates what follows ("not", "don't", "nie", "inte", "nicht", "pas", "안").
        case negation
        /// A hedge or hesitation ("maybe", "not sure", "hold on", "글쎄요").
        case hedge
        /// A word that turns to another request ("but", "instead", "also", "aber", "pero", "mais").
        case contrast
        /// A clear yes ("yes", "sure", "go ahead", "tak", "네").
        case yes
        /// A verb naming an action: a yes with it is a yes only to that action ("yes, cancel it" confirms a
        /// cancellation, "yes, just pause it" does not).
        case cancelVerb, pauseVerb, skipVerb, redeemVerb, contactVerb
        /// The action itself or what it applies to ("cancel", "it", "the order", "#1003", "talk to someone").
        case action
        /// Politeness and words that carry no answer ("please", "thanks", "I", "want", "just").
        case filler

        static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The phrases of one language, by role, and the conversation cues.
    struct Language: Sendable {
        var code: String
        var yes: [String] = []
        var no: [String] = []
        var negation: [String] = []
        var hedge: [String] = []
        var contrast: [String] = []
        var action: [String] = []
        var cancelVerb: [String] = []
        var pauseVerb: [String] = []
        var skipVerb: [String] = []
        var redeemVerb: [String] = []
        var contactVerb: [String] = []
        var filler: [String] = []
        var stop: [String] = []
        var hold: [String] = []
        var resume: [String] = []
        var acknowledgement: [String] = []
        var closing: [String] = []
        /// Words that may surround a cue without changing it ("please", "hmm", "just").
        var cueFiller: [String] = []
    }

    /// Emoji read as yes, no, a hedge or thanks (skin tones, variation selectors and joiners are ignored).
    static let emoji: [Unicode.Scalar: String] = [
        "\u{1F44D}": "emojiyes",    // 👍
        "\u{1F44C}": "emojiyes",    // 👌
        "\u{2705}": "emojiyes",     // ✅
        "\u{2714}": "emojiyes",     // ✔️
        "\u{2611}": "emojiyes",     // ☑️
        "\u{1F646}": "emojiyes",    // 🙆
        "\u{1F197}": "emojiyes",    // 🆗
        "\u{1F44E}": "emojino",     // 👎
        "\u{274C}": "emojino",      // ❌
        "\u{274E}": "emojino",      // ❎
        "\u{1F645}": "emojino",     // 🙅
        "\u{1F6AB}": "emojino",     // 🚫
        "\u{26D4}": "emojino",      // ⛔
        "\u{2716}": "emojino",      // ✖️
        "\u{1F914}": "emojihmm",    // 🤔
        "\u{1F644}": "emojihmm",    // 🙄 (sarcasm: never a yes)
        "\u{1F612}": "emojihmm",    // 😒
        "\u{1F611}": "emojihmm",    // 😑
        "\u{1F610}": "emojihmm",    // 😐
        "\u{1F928}": "emojihmm",    // 🤨
        "\u{1F624}": "emojihmm",    // 😤
        "\u{1F4AF}": "emojithanks", // 💯
        "\u{1F937}": "emojihmm",    // 🤷
        "\u{23F3}": "emojihmm",     // ⏳
        "\u{231B}": "emojihmm",     // ⌛
        "\u{1F64F}": "emojithanks", // 🙏
        "\u{1F60A}": "emojithanks", // 😊
        "\u{1F642}": "emojithanks", // 🙂
        "\u{1F600}": "emojithanks", // 😀
        "\u{1F603}": "emojithanks", // 😃
        "\u{1F604}": "emojithanks", // 😄
        "\u{1F601}": "emojithanks", // 😁
        "\u{1F609}": "emojithanks", // 😉
        "\u{1F60D}": "emojithanks", // 😍
        "\u{1F970}": "emojithanks", // 🥰
        "\u{2764}": "emojithanks",  // ❤️
        "\u{1F499}": "emojithanks", // 💙
        "\u{1F49A}": "emojithanks", // 💚
        "\u{1F49C}": "emojithanks", // 💜
        "\u{1F64C}": "emojithanks", // 🙌
        "\u{1F44F}": "emojithanks", // 👏
        "\u{1F389}": "emojithanks", // 🎉
        "\u{2728}": "emojithanks",  // ✨
    ]

    /// Language-independent entries: emoji placeholders and order numbers.
    static let common = Language(
        code: "*",
        yes: ["emojiyes"],
        no: ["emojino"],
        hedge: ["emojihmm"],
        filler: ["emojithanks"],
        hold: ["emojihmm"],
        acknowledgement: ["emojiyes", "emojithanks"]
    )

    static let english = Language(
        code: "en",
        yes: [
            "yes im sure", "yes i am sure", "yes im certain", "yes i am certain", "im certain", "i am certain", "yes really", "yes definitely", "yes absolutely", "100 percent", "i m sure",
            "yes", "y", "ye", "yea", "yeah", "yeh", "yep", "yup", "ya", "yah", "yas", "yass", "yesss", "yess", "yeees",
            "sure", "sure thing", "for sure", "surely", "ok", "okay", "okey", "okie", "okidoki", "okey dokey", "k", "kk",
            "alright", "all right", "aight", "fine", "fine by me", "great", "perfect", "sounds good", "sounds great",
            "sounds perfect", "that sounds good", "that sounds great", "absolutely", "absolutely yes", "of course",
            "ofc", "definitely", "definately", "certainly", "indeed", "affirmative", "exactly", "right", "thats right",
            "that is right", "yes thats right", "correct", "thats correct", "that is correct", "confirm", "confirmed",
            "i confirm", "go ahead", "go for it", "go on", "do it", "do that", "just do it", "please do", "please do so",
            "please go ahead", "id like that", "i would like that", "id love that", "i would love that",
            "that would be great", "that would be nice", "that would be perfect", "that would be good", "thatd be great",
            "that works", "works for me", "yes please", "yes pls", "yes plz", "yea please", "yeah please", "yeah sure",
            "yeah go ahead", "yes go ahead", "by all means", "you bet", "agreed", "i agree", "deal",
            "i do", "i am sure", "im sure", "positive", "proceed", "please proceed", "lets do it", "lets do that",
            "make it so", "sure go ahead", "yes i am", "yes i do", "yes i want", "uh huh", "mhm", "mm hmm",
            "why not", "totally", "aye", "roger", "gladly", "with pleasure", "naturally", 
            "thats what i want", "that is what i want", "exactly that",
        ],
        no: [
            "i said no", "i told you no", "i already said no", "no means no", "no i said",
            "no", "n", "nope", "nah", "naw", "noo", "nooo", "noooo", "nop", "no way", "no thanks", "no thank you",
            "no thx", "no ty", "nothanks", "not now", "not yet", "not today", "not at the moment", "not really",
            "not anymore", "no need", "never", "never mind", "nevermind", "nvm", "forget it", "forget that", "stop",
            "keep", "keep it", "leave it", "leave it be", "leave it as it is", "leave it alone", "leave it as is",
            "i changed my mind", "changed my mind", "i have changed my mind", "ive changed my mind", "i dont think so",
            "i do not think so", "dont think so", "definitely not", "absolutely not", "of course not", "certainly not",
            "please dont", "no dont", "im good", "i am good", "im fine", "i am fine", "no its fine", "no thats fine",
            "no thats ok", "no its ok", "no im good", "hold off", "rather not", "id rather not", "i would rather not",
            "better not", "negative", "nay", "hell no", "heck no", "god no", "no no no", "cancel that", "scratch that", "i dont want to", "i dont want that",
            "i do not want that", "i dont want it", "i do not want to", "dont do it", "dont do that", "do not do it",
            "do not do that", "dont do anything", "please dont do it", "dont you dare", "please do not",
            "please dont do that", "dont do this", "please dont do this",
        ],
        negation: [
            "not", "dont", "do not", "doesnt", "does not", "didnt", "cant", "cannot", "wont", "will not", "shouldnt",
            "wouldnt", "without", "isnt", "arent", "neither", "nor", "no longer",
        ],
        hedge: [
            "just great", "oh great", "great just great", "oh sure", "sure sure sure", "fine whatever",
            "yeah right", "right right", "sure sure", "yeah yeah", "if you want", "if you like", "up to you", "whatever you think", "as you wish", "no problem", "no prob", "no probs", "not a problem", "no problemo", "i suppose so",
            "hmm", "hmmm", "hmmmm", "hm", "um", "umm", "uh", "uhh", "er", "erm", "ehh", "eh", "meh", "maybe", "mayb",
            "maybe later", "perhaps", "perhaps later", "possibly", "probably", "not sure", "im not sure",
            "i am not sure", "unsure", "dunno", "i dunno", "idk", "i dont know", "i do not know", "dont know",
            "no idea", "let me think", "let me think about it", "i need to think", "i need to think about it",
            "ill think about it", "i will think about it", "thinking", "let me see", "let me check", "wait", "wait a sec",
            "wait a second", "wait a minute", "waiit", "hold on", "hold up", "one sec", "one second", "a sec",
            "one moment", "just a moment", "just a sec", "give me a minute", "give me a sec", "give me a second",
            "sec", "brb", "not sure yet", "depends", "it depends", "kind of", "kinda", "sort of", "i guess",
            "i suppose", "i think so", "guess so", "suppose so", "if", "should i", "what", "huh", "why",
            "either way", "whatever",
            "not certain", "ask me later", "later", "tomorrow", "idc", "wait what",
        ],
        contrast: [
            "and",  // "yes and …" adds a request
            "but", "however", "although", "though", "actually", "instead", "rather", "also", "too", "as well",
            "first", "before", "except", "unless", "only if", "and also", "what about", "how about", "or",
            "on second thought", "on second thoughts", "wait no", "otherwise",
        ],
        action: [
            "it", "this", "that", "them", "those", "the", "my", "the order", "order", "orders", "subscription*", "sub", "delivery", "shipment", "next", "one", "all", "both", "now", "right now", "today", "asap", "immediately", "to", "with", "me",
        ],
        cancelVerb: ["cancel*"],
        pauseVerb: ["pause*", "hold off on it"],
        skipVerb: ["skip*"],
        redeemVerb: ["redeem*", "use my points", "spend my points", "use the points", "spend the points"],
        contactVerb: ["talk", "speak", "chat", "connect", "transfer", "escalate", "someone", "somebody", "person", "a person", "human", "a human", "agent", "an agent", "real person", "representative", "rep", "team", "support", "staff", "ticket"],
        filler: [
            "please", "pls", "plz", "pleaseee", "thanks", "thank you", "thx", "ty", "tysm", "thank u", "thanks a lot",
            "cheers", "i", "id", "i would", "would", "want", "wanna", "would like", "like", "need", "do", "ill",
            "i will", "will", "you", "can", "could", "go", "just", "then", "so", "well", "oh", "ah", "oh well",
            "a", "an", "is", "be", "and", "for", "of", "in", "on", "go on", "sir", "mate", "dear",
            "lol", "haha", "again", "very much", "much", "very", "really", "really do", "anymore", "any more",
            "thats fine", "its fine", "its ok", "thats ok", "that is fine", "i dont mind", "fine by me", "100",
        ],
        stop: [
            "cancel this chat", "i want to exit", "can we stop", "cancel plz", "cancel pls", "exit chat", "end this chat", "stop this chat",
            "i want to quit", "i want to stop", "i quit", "i give up", "stop this", "just stop", "lets stop", "please stop",
            "cancel", "cancel that", "cancel this", "cancel it all", "stop", "stop it", "stop that", "quit", "exit",
            "never mind", "nevermind", "nvm", "never mind that", "forget it", "forget that", "forget about it", "i said cancel",
            "i said stop", "stop asking", "stop asking me", "i dont want to continue", "i do not want to continue",
            "dont want to continue", "abort", "end", "end chat", "enough", "leave it", "drop it", "scratch that",
            "skip it", "skip this", "skip that", "no more", "doesnt matter", "it doesnt matter", "not important",
        ],
        hold: [
            "give me a num of minutes", "a num of minutes", "a num minutes", "hold on plz", "hold on pls", "gimme num", "gimme num mins", "gimme num minutes", "num secs please",
            "give me num minutes", "give me num mins", "give me num min", "give me num seconds", "give me num secs", "num minutes", "num mins", "num min", "num sec", "num secs", "num seconds", "gimme a sec", "gimme a second", "gimme a minute", "gimme a min", "gimme num minutes", "give me a min", "wait a min", "hold on a min", "let me look it up", "let me look that up", "let me dig it up", "lemme look it up", "one min", "brb getting it", "its in my email", "checking my email", "let me check my email", "looking in my email",
            "hold on", "hold on a sec", "hold on a second", "hold on a minute", "hold on a moment", "hold up", "one sec",
            "one second", "one moment", "a moment", "just a moment", "a sec", "just a sec", "just a second",
            "one minute", "a minute", "just a minute", "sec", "wait", "wait a sec", "wait a second", "wait a minute",
            "wait a moment", "give me a minute", "give me a sec", "give me a second", "give me a moment",
            "let me check", "let me look", "let me see", "let me find it", "let me find", "let me look for it",
            "let me get it", "let me think", "brb", "be right back", "looking for it", "looking", "searching",
            "checking", "im looking", "im checking", "im looking for it", "im searching", "finding it",
            "bear with me", "moment", "hang on", "hang on a sec", "still looking", "getting it", "one moment please",
            "hmm", "hmmm", "hm", "umm", "let me find the number", "let me find my order number", "let me find the order number",
            "looking for the number", "lemme check", "lemme see", "lemme look", "lemme find it", "let me get the number",
        ],
        resume: [
            "go back to my order", "yes go back", "go back to the order", "back to my order please", "lets go back to my order", "go back please",
            "go back", "back", "back to my order", "back to the order", "back to it", "back to that", "lets go back",
            "can we go back", "continue", "lets continue", "please continue", "resume", "where were we",
            "back to what we were doing", "go on", "carry on", "lets carry on", "as i was saying", "anyway",
            "anyways", "back to my question", "back to the question", "pick up where we left off",
            "where was i", "ok back to it",
        ],
        acknowledgement: [
            "okk", "much obliged", "obliged", "appreciated", "appreciate it", "i appreciate it", "thxx", "tyvm", "ok cool", "cool thanks", "kk thanks",
            "ok", "okay", "okey", "okie", "k", "kk", "cool", "great", "thanks", "thank you", "thx", "ty", "tysm",
            "thank u", "thanks a lot", "thanks so much", "thank you so much", "thank you very much", "many thanks",
            "perfect", "got it", "gotcha", "alright", "all right", "nice", "awesome", "cheers", "sounds good",
            "good", "fine", "understood", "noted", "i see", "makes sense", "right", "sure", "excellent", "lovely",
            "wonderful", "amazing", "brilliant", "sweet", "fair enough", "good to know", "appreciate it",
            "much appreciated", "ok cool", "yay", "wow", "ah ok", "oh ok", "ahh", "i understand",
        ],
        closing: [
            "bye", "ok bye", "bye bye", "goodbye", "see you", "thanks bye", "ok thanks bye", "thanks for the info", "thanks for the information", "thanks for letting me know", "ill sort it out myself", "ill do it myself", "ill handle it myself", "i ll sort it out myself", "ill figure it out", "ok thats all",
            "no thanks", "no thank you", "no thx", "no", "nope", "nah", "thats all", "thats it", "that is all",
            "that is it", "thats everything", "nothing else", "nothing more", "nothing", "im good", "i am good",
            "all good", "im all set", "all set", "im done", "done", "thats all i needed", "no thats all",
            "no thats it", "no more questions", "no further questions", "bye", "goodbye", "bye bye", "see you",
            "have a nice day", "have a good day", "thats all for now", "im fine", "no im good", "no im fine",
        ],
        cueFiller: [
            "please", "pls", "hmm", "hmmm", "hm", "um", "umm", "uh", "oh", "ah", "well", "just", "sorry", "so",
            "lol", "haha", "then", "again", "for now", "now", "thanks", "thank you", "ok", "okay", "really",
        ]
    )

    static let polish = Language(
        code: "pl",
        yes: [
            "jestem pewna", "jestem pewny", "jestem pewien", "tak jestem pewna", "tak jestem pewny", "tak jestem pewien", "na sto procent",
            "tak", "tak tak", "taak", "takk", "jasne", "jasne ze tak", "jasna sprawa", "oczywiscie", "oczywiscie ze tak",
            "pewnie", "pewno", "no pewnie", "dobrze", "dobra", "dobrze anuluj", "zgoda", "zgadzam sie", "ok", "okej",
            "okey", "oki", "spoko", "tak prosze", "poprosze", "tak poprosze", "potwierdzam", "zrob to",
            "zrob", "zrobcie to", "dawaj", "dajesz", "dalej", "smialo", "smialo anuluj", "jak najbardziej", "naturalnie",
            "bez watpienia", "zdecydowanie", "absolutnie", "no tak", "tak jest", "racja", "zgadza sie", "dokladnie",
            "w porzadku", "chetnie", "bardzo prosze", "niech bedzie", "moze byc", "tak chce", "tak zrob to",
            "super", "swietnie", "idealnie", "prawda", "na pewno", 
            "no dobra", "no dobrze", "no jasne", "no to tak", "no to anuluj", "mhm", "aha", "yhm",
        ],
        no: [
            "powiedzialem nie", "powiedzialam nie", "mowilem nie", "mowilam nie", "w zadnym wypadku",
            "nie", "nie nie", "niee", "nieee", "nie dziekuje", "nie dzieki", "dziekuje nie", "nie trzeba", "nie teraz",
            "nie chce", "nie chce tego", "zostaw*", "zostaw to", "zostaw je", "nie ma mowy", "w zadnym razie",
            "odpada", "raczej nie", "chyba nie", "jednak nie", "zdecydowanie nie", "absolutnie nie", "na pewno nie",
            "oczywiscie ze nie", "zmienilam zdanie", "zmienilem zdanie", "rozmyslilam sie", "rozmyslilem sie",
            "nieaktualne", "nigdy", "wstrzymaj sie", "daj spokoj", "nie rob tego", "lepiej nie", "nie ruszaj",
            "niewazne", "zapomnij", "zatrzymaj", "stop",
        ],
        negation: ["nie", "bez", "ani", "nigdy", "zadnych", "zaden"],
        hedge: [
            "jak chcesz", "jak pan chce", "jak pani chce", "jesli chcesz", "nie ma problemu", "bez problemu", "no jasne jasne",
            "nie wiem", "nie jestem pewien", "nie jestem pewna", "nie jestem pewny", "niepewny", "moze", "moze pozniej",
            "chyba", "chwila", "chwileczke", "chwilka", "sekunde", "sekundke", "moment", "momencik", "poczekaj",
            "zaczekaj", "czekaj", "pomysle", "musze pomyslec", "musze sie zastanowic", "zastanowie sie", "hmm", "hm",
            "yyy", "eee", "emm", "sam nie wiem", "sama nie wiem", "trudno powiedziec", "byc moze", "ewentualnie",
            "nie wiem jeszcze", "to zalezy", "zalezy", "obojetnie", "wszystko jedno", "pozniej", "jutro", "co",
        ],
        contrast: [
            "ale", "jednak", "tylko", "zamiast", "zamiast tego", "takze", "tez", "rowniez", "najpierw", "przedtem",
            "a moze", "chociaz", "lecz", "albo", "lub", "czy", "oprocz", "wlasciwie",
        ],
        action: [
            "zamowienie*", "zamowien*", "subskrypcj*", "prenumerat*", "dostawe", "dostawa", "to", "je", "ja", "go", "moje", "moja", "moj", "teraz", "od razu", "wszystko", "z",
        ],
        cancelVerb: ["anuluj*", "anulowac", "anulowanie", "odwolaj*"],
        pauseVerb: ["wstrzymaj", "zawies*"],
        skipVerb: ["pomin*"],
        redeemVerb: ["wymien*", "wykorzystaj*"],
        contactVerb: ["rozmawiac", "porozmawiac", "kims", "konsultant*", "czlowiekiem", "osoba", "zespolem", "zgloszenie"],
        filler: [
            "prosze", "dziekuje", "dzieki", "dziekuje bardzo", "bardzo", "pieknie", "to", "a", "i", "ja", "chce",
            "chcialbym", "chcialabym", "mozna", "mozesz", "prosze pana", "prosze pani", "juz", "wiec", "oj", "ach",
            "o", "tam", "sie", "mi", "je", "pan", "pani", "tego", "tym", "rob", "robic", "zrob",
        ],
        stop: [
            "chce przerwac", "przerwij", "koniec", "wystarczy",
            "anuluj", "anuluj to", "stop", "przestan", "koniec", "zakoncz", "wyjdz", "niewazne", "zapomnij",
            "zapomnij o tym", "daj spokoj", "nie chce kontynuowac", "rezygnuje", "przerwij", "nie ma znaczenia",
            "odpusc", "powiedzialem anuluj", "powiedzialam anuluj",
        ],
        hold: [
            "daj mi num minuty", "daj mi num minut", "num minuty", "num minut", "daj mi chwile", "poczekaj chwile", "sprawdze w mailu", "szukam",
            "chwila", "chwileczke", "chwilka", "sekunde", "sekundke", "moment", "momencik", "poczekaj", "zaczekaj",
            "czekaj", "poczekaj chwile", "zaczekaj chwile", "daj mi chwile", "daj mi minute", "sprawdze", "juz sprawdzam",
            "sprawdzam", "szukam", "juz szukam", "poszukam", "musze poszukac", "moment sprawdze", "chwila szukam",
            "zaraz", "zaraz wracam", "juz", "jedna chwila", "jedna chwile", "juz zaraz",
        ],
        resume: [
            "wrocmy", "wrocmy do tego", "wrocmy do zamowienia", "wroc", "kontynuuj", "kontynuujmy", "dalej", "wznow",
            "na czym skonczylismy", "wracajmy", "z powrotem", "wracam do tematu", "jedzmy dalej", "idzmy dalej",
        ],
        acknowledgement: [
            "ok", "okej", "oki", "dobrze", "dobra", "dzieki", "dziekuje", "dziekuje bardzo", "wielkie dzieki",
            "ok dzieki", "ok dziekuje", "super", "swietnie", "spoko", "rozumiem", "jasne", "fajnie", "extra",
            "ekstra", "idealnie", "git", "w porzadku", "pieknie", "dzieki wielkie", "przyjalem", "przyjelam",
        ],
        closing: [
            "pa", "na razie", "do widzenia", "sam to zalatwie", "sama to zalatwie",
            "nie dziekuje", "nie dzieki", "nie", "to wszystko", "to juz wszystko", "nic wiecej", "nic", "wszystko",
            "juz nic", "nie trzeba", "to tyle", "na tym koniec", "wszystko jasne", "do widzenia", "pa", "na razie",
            "nie to wszystko", "dziekuje to wszystko",
        ],
        cueFiller: ["prosze", "hmm", "hm", "yyy", "eee", "no", "to", "juz", "dziekuje", "dzieki", "o", "a", "ok"]
    )

    static let swedish = Language(
        code: "sv",
        yes: [
            "jag ar saker", "ja jag ar saker", "helt saker", "hundra procent",
            "ja", "ja tack", "jaa", "jaaa", "japp", "jepp", "jajamen", "jo", "javisst", "ja visst", "visst", "absolut",
            "absolut ja", "garna", "ja garna", "sjalvklart", "sjalvklart ja", "sjalvfallet", "okej", "ok", "okidoki",
            "kor", "kor pa", "kor bara", "gor det", "gor sa", "bra", "toppen", "perfekt", "precis", "stammer",
            "det stammer", "korrekt", "bekraftar", "jag bekraftar", "sakert", "definitivt", "givetvis", "naturligtvis",
            "utan tvekan", "det later bra", "later bra", "kanon", "fint", "ja det vill jag", "det vill jag", "yes",
            "javars", "aa", "mm", "mhm", "varsagod", "ga vidare", "fortsatt", 
        ],
        no: [
            "jag sa nej", "absolut inte", "pa inga villkor",
            "nej", "nej tack", "nej nej", "nae", "naej", "nope", "lat bli", "lat det vara", "lat den vara", "lat den va",
            "lat det va", "behall*", "gor det inte",
            "gor inte det", "gor inte", "inte nu", "inte an", "helst inte", "absolut inte", "sjalvklart inte", "verkligen inte",
            "aldrig", "ingen fara", "det behovs inte", "behovs inte", "jag har angrat mig", "jag angrar mig",
            "angrat mig", "jag har andrat mig", "andrat mig", "strunt samma", "glom det", "nej det vill jag inte",
            "det vill jag inte", "vill inte", "jag vill inte", "inte", "sluta", "stopp",
        ],
        negation: ["inte", "ej", "aldrig", "ingen", "inget", "inga", "utan"],
        hedge: [
            "om du vill", "som du vill", "inga problem", "inget problem",
            "vet inte", "jag vet inte", "vet ej", "kanske", "kanske senare", "eventuellt", "mojligen", "osaker",
            "jag ar osaker", "inte saker", "jag ar inte saker", "vanta", "vanta lite", "vanta lite grann", "ett ogonblick",
            "en sekund", "en stund", "sekund", "ogonblick", "lat mig tanka", "jag ska tanka", "maste tanka", "tanka pa saken",
            "jag funderar", "funderar", "hmm", "hm", "eh", "ehm", "oj", "tja", "beror pa", "det beror pa", "senare",
            "imorgon", "vad", "spelar ingen roll", "kolla",
        ],
        contrast: [
            "och",  // "yes and …" adds a request
            "men", "fast", "dock", "istallet", "i stallet", "ocksa", "aven", "forst", "innan", "eller", "forutom",
            "egentligen", "fast vanta", "annars",
        ],
        action: [
            "bestallning*", "order*", "ordern", "prenumeration*", "abonnemang*", "leverans*", "nasta", "den", "det", "dem", "min", "mitt", "mina", "nu", "direkt", "med",
        ],
        cancelVerb: ["avbryt*", "avsluta*", "annuller*", "sag upp", "saga upp"],
        pauseVerb: ["pausa*"],
        skipVerb: ["hoppa over", "hoppa*"],
        redeemVerb: ["los in", "losa in", "anvand*"],
        contactVerb: ["prata", "nagon", "en manniska", "manniska", "person", "kundtjanst", "support", "arende"],
        filler: [
            "tack", "tack sa mycket", "tack snalla", "snalla", "garna", "jag", "vill", "kan", "du", "bara", "da", "sa",
            "nu", "och", "att", "gora", "gor", "ju", "nog", "oj", "ah", "jamen", "men ja", "ok da",
        ],
        stop: [
            "sluta fraga", "sluta fraga mig",
            "jag vill avbryta", "sluta", "strunta i det",
            "avbryt", "avbryt det", "sluta", "stopp", "stop", "strunt samma", "glom det", "skit samma", "avsluta",
            "jag vill inte fortsatta", "det spelar ingen roll", "strunta i det", "ge upp", "jag sa avbryt",
        ],
        hold: [
            "ge mig num minuter", "num minuter", "ge mig en minut", "vanta en minut", "jag kollar mejlen", "jag letar",
            "vanta", "vanta lite", "vanta lite grann", "ett ogonblick", "ett ogonblick tack", "en sekund", "en minut",
            "ge mig en minut", "ge mig en sekund", "sekund", "ogonblick", "moment", "jag kollar", "jag ska kolla",
            "lat mig kolla", "lat mig se", "jag letar", "letar", "jag soker", "soker", "strax", "strax tillbaka",
            "vanta jag kollar", "momang",
        ],
        resume: [
            "fortsatt", "fortsatt garna", "tillbaka", "ga tillbaka", "tillbaka till ordern", "tillbaka till min order",
            "vi fortsatter", "lat oss fortsatta", "var var vi", "atergå", "ateruppta", "vidare", "kor vidare",
        ],
        acknowledgement: [
            "tack", "tack sa mycket", "tusen tack", "stort tack", "tackar", "okej", "ok", "ok tack", "okej tack", "bra",
            "toppen", "perfekt", "super", "schysst", "fint", "kanon", "jattebra", "uppfattat", "jag forstar", "forstar",
            "snyggt", "grymt", "najs", "fett", "utmarkt",
        ],
        closing: [
            "hej da", "hejda", "vi hors", "jag fixar det sjalv",
            "nej tack", "nej", "det var allt", "det ar allt", "inget mer", "inget annat", "ingenting", "det var bra sa",
            "allt bra", "jag ar nojd", "det racker", "hej da", "hejda", "nej det var allt", "nej tack det var allt",
            "det var det",
        ],
        cueFiller: ["snalla", "hmm", "hm", "oj", "bara", "da", "tack", "ok", "okej", "nu"]
    )

    static let korean = Language(
        code: "ko",
        yes: [
            "확실해요", "확실합니다", "네 확실해요", "네 확실합니다", "틀림없어요",
            "네", "네네", "넵", "넹", "네에", "예", "예예", "응", "응응", "웅", "ㅇㅇ", "ㅇㅋ", "오케이", "좋아요", "좋아", "좋습니다",
            "좋네요", "그래요", "그래", "그래요 그렇게 해 주세요", "그렇게 해 주세요", "그렇게 해주세요", "그렇게 하세요", "그렇게 해요",
            "맞아요", "맞아", "맞습니다", "물론*", "당연*", "확인", "확인했어요", "진행*", "부탁*", "해 주세요", "해주세요", "하세요",
            "해요", "좋죠", "콜", "알겠어요 해 주세요", "그럼요", "네 맞아요", "예 맞습니다", "동의*", "원해요", "진행해*", "해줘*", "해 줘*",
        ],
        no: [
            "아니라고요", "안 한다고요", "절대 안 돼요", "절대 안돼요",
            "아니요", "아니오", "아니", "아뇨", "아니에요", "아니야", "아님", "아니요 괜찮아요", "ㄴㄴ", "노", "괜찮*", "됐어요",
            "됐습니다", "됐어", "싫어요", "싫어", "싫습니다", "그냥 둘게요", "둘게요", "두세요", "그대로 두세요", "그대로 둘게요", "놔두세요",
            "유지*", "유지해 주세요", "유지해주세요", "그대로 해 주세요", "안 할래요", "안할래요", "안 해요", "안해요", "하지 마세요", "하지마세요", "하지 마", "하지마", "필요 없어요",
            "필요없어요", "생각이 바뀌었어요", "마음이 바뀌었어요", "마음이 바뀌었*", "생각이 바뀌었*", "다음에요", "다음에", "나중에요",
            "그만",
        ],
        negation: ["안", "안*", "않*", "*지마*", "*지 마*", "*지말*", "마세요", "마요", "말아요", "말고", "마", "못*", "없*"],
        hedge: [
            "문제 없어요", "문제없습니다", "문제 없습니다",
            "원하시면", "편하신 대로", "문제없어요", "문제 없어요", "괜찮을 것 같기도",
            "모르*", "몰라*", "글쎄*", "잠깐*", "잠시*", "생각*", "고민*", "음", "음음", "흠", "흐음", "어", "어어", "아마*",
            "혹시", "글쎄요", "잘", "확실하지*", "모르겠*", "헷갈*", "글쎄다", "아직", "*볼게요",
        ],
        contrast: [
            "그런데", "근데", "하지만", "그래도", "대신*", "먼저", "그리고", "또", "또는", "아니면", "그전에", "전에", "말고는",
            "*는데", "*지만",
        ],
        action: [
            "주문*", "구독*", "배송*", "다음", "이거", "그거", "이것", "그것", "지금", "바로",
        ],
        cancelVerb: ["취소*"],
        pauseVerb: ["일시정지*", "정지*", "중지*"],
        skipVerb: ["건너뛰*", "스킵*"],
        redeemVerb: ["사용*", "교환*"],
        contactVerb: ["상담*", "직원*", "사람*", "연결*"],
        filler: [
            "주세요", "줘요", "줘", "제발", "감사합니다", "고마워요", "고맙습니다", "감사해요", "저", "제", "그냥", "요", "좀",
            "빨리", "꼭", "정말", "진짜", "이", "그", "것", "거", "할래요", "할게요", "해", "하고", "싶어요", "원합니다",
            "알겠습니다", "알겠어요", "알았어요",
        ],
        stop: [
            "그만할게요", "그만해요", "안 할래요",
            "취소", "취소해요", "취소할게요", "됐어요", "됐어", "됐습니다", "그만", "그만해요", "그만할게요", "그만하세요", "그만 물어보세요",
            "멈춰", "멈춰요", "중지", "나가기", "종료", "괜찮아요 그만", "잊어버려요", "신경 쓰지 마세요", "취소라고 했어요",
        ],
        hold: [
            "num분만요", "num분만 기다려 주세요", "잠깐 기다려 주세요", "메일 확인해 볼게요", "찾는 중이에요",
            "잠깐만요", "잠깐만", "잠깐", "잠시만요", "잠시만", "잠시", "잠시만 기다려 주세요", "잠깐만 기다려 주세요", "기다려 주세요",
            "기다려요", "찾아볼게요", "찾아 볼게요", "찾고 있어요", "확인해 볼게요", "확인해볼게요", "확인 중이에요", "볼게요", "잠깐 볼게요",
        ],
        resume: [
            "계속", "계속해요", "계속해 주세요", "계속하죠", "계속할게요", "돌아가요", "돌아가죠", "돌아가자", "다시 돌아가요",
            "아까 얘기로 돌아가요", "주문으로 돌아가요", "하던 거 계속해요", "이어서", "이어서 해요",
        ],
        acknowledgement: [
            "감사합니다", "고마워요", "고맙습니다", "감사해요", "고마워", "알겠어요", "알겠습니다", "알았어요", "알겠어", "네 알겠어요",
            "네 감사합니다", "좋아요", "좋아", "좋네요", "오케이", "ㅇㅋ", "넵", "네", "확인했어요", "완벽해요", "최고", "굿", "그렇군요",
            "아하", "아 네",
        ],
        closing: [
            "안녕히 계세요", "수고하세요", "제가 할게요",
            "없어요", "없습니다", "괜찮아요", "괜찮습니다", "아니요 괜찮아요", "아니요 없어요", "그게 다예요", "그게 다에요", "이게 다예요",
            "다른 건 없어요", "더 없어요", "아니요", "됐어요 감사합니다", "수고하세요", "안녕히 계세요",
        ],
        cueFiller: ["음", "흠", "어", "저", "그냥", "좀", "네"]
    )

    static let german = Language(
        code: "de",
        yes: [
            "ich bin sicher", "ja ich bin sicher", "ganz sicher", "hundertprozentig", "ja ganz sicher",
            "ja", "jaa", "jaaa", "jap", "jep", "jo", "joa", "jawohl", "ja bitte", "ja gerne", "ja klar", "klar", "na klar",
            "klar doch", "naturlich", "naturlich ja", "gerne", "gern", "sehr gerne", "genau", "genau so", "auf jeden fall",
            "mach das", "machen sie das", "mach es", "machs", "mach mal", "tu es", "bitte ja", "ja bitte machen",
            "los", "leg los", "nur zu", "ok", "okay", "okidoki", "einverstanden", "sicher", "sicher doch", "selbstverstandlich",
            "absolut", "definitiv", "bestatigt", "ich bestatige", "bestatige", "richtig", "korrekt", "stimmt", "passt",
            "passt so", "gut", "sehr gut", "alles klar", "in ordnung", "geht klar", "super", "prima", "perfekt",
            "sehr gern", "unbedingt", "bitte sehr", "jawoll", "logo", "na sicher", "allerdings", "freilich", 
        ],
        no: [
            "ich sagte nein", "ich habe nein gesagt", "bloss nicht", "auf keinen fall", "keinesfalls",
            "nein", "nein danke", "nee", "ne", "neee", "nö", "no", "nein nein", "lieber nicht", "besser nicht", "bitte nicht",
            "auf keinen fall", "keinesfalls", "niemals", "nicht jetzt", "jetzt nicht", "noch nicht", "eher nicht",
            "nicht notig", "nicht notwendig", "brauche ich nicht", "behalten", "behalte", "ich behalte sie", "lass es",
            "lass das", "lassen sie es", "lass mal", "ich habe es mir anders uberlegt", "anders uberlegt",
            "habs mir anders uberlegt", "hab es mir anders uberlegt", "doch nicht", "vergiss es", "stopp", "stop",
            "ich will nicht", "will ich nicht", "mochte ich nicht", "ich mochte nicht",
        ],
        negation: ["nicht", "kein", "keine", "keinen", "nie", "niemals", "ohne", "weder"],
        hedge: [
            "wenn du willst", "wenn sie wollen", "wie du willst", "wie sie wollen", "kein problem", "ja ja",
            "weiss nicht", "ich weiss nicht", "weiss ich nicht", "keine ahnung", "vielleicht", "vielleicht spater",
            "eventuell", "moglicherweise", "wahrscheinlich", "nicht sicher", "ich bin nicht sicher", "bin mir nicht sicher",
            "ich bin mir nicht sicher", "unsicher", "moment", "einen moment", "moment mal", "warte", "warte kurz",
            "warten sie", "augenblick", "einen augenblick", "sekunde", "eine sekunde", "kurz", "lass mich nachdenken",
            "ich muss nachdenken", "ich uberlege", "uberlege", "mal sehen", "mal schauen", "hmm", "hm", "ahm",
            "naja", "na ja", "kommt drauf an", "kommt darauf an", "spater", "morgen", "egal", "was", "wie bitte",
        ],
        contrast: [
            "und",  // "yes and …" adds a request
            "aber", "jedoch", "sondern", "stattdessen", "statt", "auch", "ausserdem", "zuerst", "vorher", "oder",
            "ausser", "eigentlich", "doch", "allerdings nur", "trotzdem", "und auch", "noch",
        ],
        action: [
            "bestellung*", "auftrag", "abo*", "abonnement*", "lieferung*", "nachste", "es", "sie", "das", "die", "den", "meine", "mein", "meinen", "jetzt", "sofort", "gleich", "mit",
        ],
        cancelVerb: ["stornier*", "storno", "kundig*", "abbrech*", "abbestell*"],
        pauseVerb: ["pausier*", "aussetz*"],
        skipVerb: ["uberspring*"],
        redeemVerb: ["einlos*"],
        contactVerb: ["sprechen", "jemandem", "mitarbeiter*", "mensch", "einem menschen", "person", "team", "support", "ticket"],
        filler: [
            "bitte", "danke", "danke schon", "dankeschon", "vielen dank", "danke sehr", "ich", "mochte", "mochten", "will",
            "wurde", "gern", "gerne", "bitte schon", "doch", "mal", "halt", "einfach", "dann", "also", "ja dann", "nun",
            "so", "und", "machen", "tun", "sie", "du", "konnen", "kannst", "ach", "oh",
        ],
        stop: [
            "ich will aufhoren", "ich mochte abbrechen", "hor auf", "horen sie auf", "schluss",
            "abbrechen", "abbruch", "stopp", "stop", "halt", "vergiss es", "vergessen sie es", "egal", "ist egal",
            "nicht so wichtig", "lass es", "lass gut sein", "schon gut", "aufhoren", "hor auf", "beenden", "ende",
            "ich will nicht weitermachen", "ich sagte abbrechen", "vergiss das",
        ],
        hold: [
            "gib mir num minuten", "geben sie mir num minuten", "num minuten", "gib mir eine minute", "moment ich schaue", "ich schaue nach", "ich suche",
            "moment", "einen moment", "einen moment bitte", "moment bitte", "moment mal", "augenblick", "einen augenblick",
            "warte", "warte kurz", "warten sie", "warten sie kurz", "kurz warten", "sekunde", "eine sekunde", "sek",
            "gib mir eine minute", "eine minute", "ich schaue nach", "ich schau mal", "ich suche", "ich suche es",
            "ich such mal", "ich muss suchen", "lass mich nachsehen", "lass mich schauen", "gleich", "bin gleich zuruck",
            "kurz", "einen kleinen moment", "ich gucke", "ich guck mal",
        ],
        resume: [
            "zuruck", "zuruck zur bestellung", "gehen wir zuruck", "lass uns zuruckgehen", "zuruck zum thema", "weiter",
            "weitermachen", "machen wir weiter", "lass uns weitermachen", "fortfahren", "fortsetzen", "wo waren wir",
            "wo waren wir stehen geblieben", "bitte weiter", "weiter bitte",
        ],
        acknowledgement: [
            "danke", "danke schon", "dankeschon", "vielen dank", "danke sehr", "herzlichen dank", "alles klar", "super",
            "ok", "okay", "ok danke", "gut", "sehr gut", "prima", "perfekt", "toll", "klasse", "cool", "verstanden",
            "verstehe", "ich verstehe", "alles gut", "passt", "klingt gut", "wunderbar", "genial", "spitze", "ah ok",
            "aha", "in ordnung",
        ],
        closing: [
            "tschuss", "auf wiedersehen", "bis dann", "ich mache das selbst", "ich kummere mich selbst darum",
            "nein danke", "nein", "das wars", "das war es", "das war alles", "das ist alles", "nichts weiter",
            "nichts mehr", "sonst nichts", "nichts", "alles erledigt", "mehr nicht", "ich bin fertig", "fertig",
            "tschuss", "auf wiedersehen", "nein das wars", "nein danke das wars", "passt schon",
        ],
        cueFiller: ["bitte", "hmm", "hm", "ah", "ach", "oh", "mal", "kurz", "danke", "nur", "ok", "also", "jetzt"]
    )

    static let spanish = Language(
        code: "es",
        yes: [
            "estoy seguro", "estoy segura", "si estoy seguro", "si estoy segura", "segurisimo", "segurisima", "al cien por cien",
            "si", "sii", "siii", "sip", "sep", "si si", "si por favor", "si porfa", "si claro", "claro", "claro que si",
            "claro por favor", "por supuesto", "por supuesto que si", "vale", "vale si", "de acuerdo", "adelante",
            "adelante por favor", "dale", "ok", "okay", "okey", "bueno", "bien", "esta bien", "muy bien", "perfecto",
            "correcto", "exacto", "exactamente", "efectivamente", "desde luego", "sin duda", "seguro", "claro que", "confirm*",
            "hazlo", "hagalo", "confirmo", "lo confirmo", "confirmado", "afirmativo", "obvio", "naturalmente",
            "totalmente", "absolutamente", "definitivamente", "asi es", "me parece bien", "esta perfecto",
            "genial", "va", "venga", "procede", "proceda", "con gusto", "encantado", "encantada", "sin problema",
            
        ],
        no: [
            "dije que no", "ya dije que no", "de ninguna manera", "para nada",
            "no", "noo", "nooo", "no gracias", "no, gracias", "nop", "nel", "mejor no", "no no", "para nada", "de ninguna manera",
            "ni hablar", "nunca", "jamas", "todavia no", "aun no", "ahora no", "no ahora", "por ahora no", "no hace falta",
            "no es necesario", "dejalo asi", "dejelo", "dejelo asi", "dejalo", "manten*", "no lo hagas", "no hagas nada", "no lo hagan", "cambie de opinion",
            "he cambiado de opinion", "me lo pense mejor", "me arrepenti", "no quiero", "no lo quiero", "olvidalo",
            "claro que no", "por supuesto que no", "en absoluto", "no por favor",
        ],
        negation: ["no", "nunca", "jamas", "ni", "sin", "tampoco", "nada"],
        hedge: [
            "si quieres", "como quieras", "si usted quiere", "como usted quiera", "no hay problema", "ningun problema",
            "no se", "no lo se", "ni idea", "no estoy seguro", "no estoy segura", "no sabria decir", "quizas", "quiza",
            "tal vez", "a lo mejor", "puede ser", "puede", "capaz", "igual", "depende", "espera", "espere", "un momento",
            "un segundo", "un seg", "momento", "dejame pensar", "dejeme pensar", "lo pienso", "lo pensare", "tengo que pensarlo",
            "dejame ver", "dejeme ver", "mmm", "mm", "hmm", "eh", "ehh", "pues", "pues no se", "mas tarde", "luego",
            "manana", "ya veremos", "no se todavia", "quien sabe", "no estoy convencido",
        ],
        contrast: [
            "pero", "sin embargo", "aunque", "en vez", "en lugar", "en cambio", "tambien", "ademas", "primero", "antes",
            "o", "excepto", "salvo", "en realidad", "mejor dicho", "y tambien",
        ],
        action: [
            "pedido*", "orden", "suscripcion*", "envio*", "entrega*", "proximo", "proxima", "este", "esta", "lo", "la", "el", "mi", "mis", "eso", "esto", "ya", "ahora", "ahora mismo", "con",
        ],
        cancelVerb: ["cancel*", "anul*"],
        pauseVerb: ["paus*"],
        skipVerb: ["salt*", "omit*"],
        redeemVerb: ["canje*"],
        contactVerb: ["hablar", "alguien", "una persona", "persona", "agente", "humano", "equipo", "soporte"],
        filler: [
            "por favor", "porfa", "porfavor", "gracias", "muchas gracias", "yo", "quiero", "quisiera", "prefiero", "hazlo", "me", "gustaria",
            "me gustaria", "entonces", "pues", "bueno", "y", "a", "de", "que", "ya", "puedes", "puede", "oh", "ah",
            "senor", "senora",
        ],
        stop: [
            "quiero parar", "dejalo ya", "basta",
            "cancelar", "cancela", "cancelalo", "para", "parar", "detente", "basta", "olvidalo", "olvidelo", "olvida eso",
            "dejalo", "dejelo", "no importa", "da igual", "salir", "terminar", "ya no", "dije cancelar", "no quiero seguir",
        ],
        hold: [
            "momentito", "un momentito", "dame num minutitos",
            "dame num minutos", "deme num minutos", "num minutos", "dame un minuto", "espera un minuto", "estoy buscando", "lo busco",
            "un momento", "un momento por favor", "momento", "un segundo", "un seg", "espera", "espere", "espera un momento",
            "espera un segundo", "esperame", "dame un minuto", "dame un momento", "dejame ver", "dejeme ver",
            "dejame buscar", "dejame revisar", "estoy buscando", "lo busco", "lo estoy buscando", "busco", "buscando",
            "ya lo busco", "un minuto", "un momentito", "ahora vuelvo",
        ],
        resume: [
            "volvamos", "volvamos al pedido", "volvamos a lo anterior", "continuar", "continua", "continuemos", "sigamos",
            "seguir", "sigue", "regresemos", "volver", "donde estabamos", "retomemos", "retomar",
        ],
        acknowledgement: [
            "gracias", "muchas gracias", "mil gracias", "vale", "vale gracias", "ok", "ok gracias", "perfecto", "genial",
            "bien", "muy bien", "bueno", "entendido", "entiendo", "de acuerdo", "estupendo", "excelente", "super", "guay",
            "chevere", "listo", "ya veo", "ah vale", "claro",
        ],
        closing: [
            "adios", "chao", "hasta luego", "lo hago yo", "lo hago yo mismo",
            "no gracias", "no", "eso es todo", "es todo", "nada mas", "nada", "nada mas gracias", "ya esta", "estoy bien",
            "todo bien", "listo eso es todo", "adios", "hasta luego", "no eso es todo", "no gracias eso es todo",
        ],
        cueFiller: ["por favor", "porfa", "mmm", "hmm", "eh", "pues", "bueno", "ya", "gracias", "ok"]
    )

    static let french = Language(
        code: "fr",
        yes: [
            "je suis sur", "je suis sure", "oui je suis sur", "oui je suis sure", "certain", "certaine", "oui certain", "sur et certain",
            "oui", "ouii", "ouais", "ouaip", "ouai", "oui oui", "oui merci", "oui svp", "oui s il vous plait",
            "oui s il te plait", "oui volontiers", "oui bien sur", "bien sur", "bien sur que oui", "d accord", "dac",
            "daccord", "ok", "okay", "okey", "ok vas y", "vas y", "allez y", "allez", "allons y", "volontiers", "absolument",
            "tout a fait", "exactement", "parfait", "parfaitement", "certainement", "evidemment", "carrement",
            "bien entendu", "sans probleme", "entendu", "ca marche", "ca me va", "c est bon pour moi", "je confirme",
            "confirme", "confirmer", "c est ca", "c est exact", "exact", "correct", "oui c est ca", "oui je veux bien",
            "je veux bien", "avec plaisir", "super", "top", "nickel", "faites le", "fais le", "go", "yes",
            "sans aucun doute", "assurement", "bien", "tres bien", "oui allez y", "oui vas y", "ouais vas y", "si",
            
        ],
        no: [
            "j ai dit non", "jai dit non", "surtout pas", "en aucun cas",
            "non", "non merci", "nan", "nope", "non non", "pas maintenant", "pas tout de suite", "pas encore",
            "surtout pas", "certainement pas", "absolument pas", "pas du tout", "jamais", "mieux vaut pas", "plutot pas",
            "plutot non", "je prefere pas", "je prefere ne pas", "je ne prefere pas", "pas la peine", "pas besoin",
            "laissez", "laisse", "laissez la", "laisse la", "gardez la", "garde la", "je la garde", "je garde", "gard*",
            "j ai change d avis", "change d avis", "je ne veux pas", "je veux pas", "non je ne veux pas", "oublie",
            "oubliez", "laisse tomber", "laissez tomber", "stop", "arrete", "bien sur que non", "non plus",
        ],
        negation: ["pas", "ne", "n", "non", "jamais", "sans", "ni", "aucun", "aucune", "plus"],
        hedge: [
            "si tu veux", "si vous voulez", "comme tu veux", "comme vous voulez", "pas de probleme", "pas de souci", "pas de soucis", "aucun probleme", "aucun souci",
            "je ne sais pas", "je sais pas", "sais pas", "chais pas", "j sais pas", "aucune idee", "peut etre", "p e",
            "peut etre plus tard", "pas sur", "pas sure", "je ne suis pas sur", "je ne suis pas sure", "je suis pas sur",
            "je suis pas sure", "un instant", "un moment", "une seconde", "une minute", "attends", "attendez", "attendre",
            "laissez moi reflechir", "laisse moi reflechir", "je reflechis", "je vais reflechir", "reflechir", "hmm",
            "hm", "euh", "bof", "ben", "bah", "ca depend", "depend", "on verra", "plus tard", "demain", "quoi",
            "comment", "pourquoi", "probablement", "possible", "eventuellement",
        ],
        contrast: [
            "et",  // "yes and …" adds a request
            "mais", "cependant", "pourtant", "plutot", "a la place", "au lieu", "aussi", "egalement", "d abord",
            "avant", "ou", "sauf", "en fait", "finalement", "et aussi", "par contre",
        ],
        action: [
            "commande*", "abonnement*", "livraison*", "prochaine", "prochain", "la", "le", "les", "l", "ma", "mon", "mes", "ca", "cela", "maintenant", "tout de suite", "a",
        ],
        cancelVerb: ["annul*", "lannul*"],
        pauseVerb: ["suspend*", "mettre en pause", "pause"],
        skipVerb: ["saut*", "pass*"],
        redeemVerb: ["echang*", "utilis*"],
        contactVerb: ["parler", "quelqu un", "quelquun", "une personne", "personne", "conseiller*", "humain", "agent", "equipe", "support"],
        filler: [
            "merci", "merci beaucoup", "s il vous plait", "s il te plait", "svp", "stp", "je", "j", "veux", "voudrais",
            "aimerais", "souhaite", "alors", "bon", "eh bien", "ben", "et", "de", "du", "vous", "pouvez", "tu", "peux",
            "oh", "ah", "madame", "monsieur", "y", "faites", "fais", "faire", "comme ca", "comme cela", "c est bon",
            "prefere", "preferons",
        ],
        stop: [
            "je veux arreter", "arretez", "arrete", "stop", "ca suffit",
            "annuler", "annule", "annulez", "stop", "arrete", "arretez", "laisse tomber", "laissez tomber", "oublie",
            "oubliez", "oublie ca", "oubliez ca", "pas grave", "c est pas grave", "peu importe", "quitter", "sortir",
            "fin", "j ai dit annuler", "je ne veux pas continuer", "tant pis",
        ],
        hold: [
            "donnez moi num minutes", "donne moi num minutes", "num minutes", "une minute", "attendez une minute", "je regarde", "je cherche dans mes mails",
            "un instant", "un instant svp", "un instant s il vous plait", "un moment", "un moment svp", "une seconde",
            "une minute", "attends", "attendez", "attendez svp", "attends un peu", "attendez un instant", "je cherche",
            "je regarde", "je verifie", "laissez moi verifier", "laisse moi verifier", "laisse moi chercher",
            "laissez moi chercher", "donnez moi une minute", "deux secondes", "2 secondes", "je reviens", "je vais chercher",
        ],
        resume: [
            "reprenons", "reprendre", "continuer", "continuons", "continue", "continuez", "revenons", "revenons a ma commande",
            "revenons en a ma commande", "retour", "on reprend", "on continue", "ou en etions nous", "ou en etait on",
        ],
        acknowledgement: [
            "merci", "merci beaucoup", "merci bien", "mille mercis", "super", "parfait", "d accord", "daccord", "ok",
            "ok merci", "dac", "tres bien", "bien", "genial", "cool", "top", "nickel", "entendu", "compris", "j ai compris",
            "je vois", "ca marche", "excellent", "formidable", "impeccable", "ah d accord",
        ],
        closing: [
            "au revoir", "a plus", "je vais le faire moi meme", "je m en occupe",
            "non merci", "non", "c est tout", "ce sera tout", "c est tout merci", "rien d autre", "rien", "plus rien",
            "ca ira", "ca ira merci", "je n ai besoin de rien", "tout est bon", "au revoir", "bonne journee",
            "non c est tout", "non merci c est tout",
        ],
        cueFiller: ["svp", "s il vous plait", "hmm", "euh", "ben", "bon", "alors", "juste", "merci", "ok", "oh", "ah"]
    )

    /// Every language the reader knows, read all at once.
    static let languages: [Language] = [common, english, polish, swedish, korean, german, spanish, french]
}

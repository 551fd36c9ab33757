/// Finds intents' keywords (single words or phrases, normalised like messages) in a tokenised message.
struct KeywordMatcher: Sendable {
    struct Phrase: Sendable, Hashable {
        var words: [String]
        var display: String
        var intent: Int
    }

    /// Phrases by their first word.
    private var byFirstWord: [String: [Phrase]] = [:]
    /// Phrases containing dense-script text, matched as substrings of dense tokens.
    private var densePhrases: [(text: String, phrase: Phrase)] = []

    var isEmpty: Bool { byFirstWord.isEmpty && densePhrases.isEmpty }

    init(keywords: [String: [String]], intentIndex: [String: Int], tokenizer: Tokenizer) {
        for (intent, phrases) in keywords.sorted(by: { $0.key < $1.key }) {
            guard let index = intentIndex[intent] else { continue }
            for keyword in phrases {
                let tokens = tokenizer.tokens(keyword)
                guard let first = tokens.first else { continue }
                let phrase = Phrase(words: tokens.map(\.text), display: keyword, intent: index)
                if tokens.count == 1, first.kind == .dense {
                    densePhrases.append((first.text, phrase))
                } else {
                    byFirstWord[first.text, default: []].append(phrase)
                }
            }
        }
    }

    /// The phrases found in the message, each once.
    func matches(in tokens: [Tokenizer.Token]) -> [Phrase] {
        if isEmpty { return [] }
        var found: [Phrase] = []
        for (position, token) in tokens.enumerated() {
            if let candidates = byFirstWord[token.text] {
                for phrase in candidates where position + phrase.words.count <= tokens.count {
                    var matched = true
                    for (offset, word) in phrase.words.enumerated().dropFirst() where tokens[position + offset].text != word {
                        matched = false
                        break
                    }
                    if matched, !found.contains(phrase) { found.append(phrase) }
                }
            }
            if token.kind == .dense {
                for (text, phrase) in densePhrases where token.text.contains(text) && !found.contains(phrase) {
                    found.append(phrase)
                }
            }
        }
        return found
    }
}

import Foundation

/// Turns text in one language into the terms the knowledge index stores and searches.
///
/// Words are lower-cased (NFKC), stop words dropped, then reduced to a stem:
/// - languages Snowball has (`en`, `sv`, `de`, `es`, `fr`, and any other code libstemmer accepts)
///   use its stemmer, then fold diacritics ("envío" → "envi", "Rücksendung" → "rucksend");
/// - other languages written with spaces (Polish) fold diacritics and keep the first
///   ``prefixLength`` letters of each word, a crude stemmer that works well for inflected
///   languages ("wysyłka", "wysyłki", "wysyłką" → "wysyl");
/// - runs of Hangul, Han, kana or Thai letters, in any language, become character bigrams, since
///   particles and endings attach to words; a Hangul word first loses one common particle or
///   ending ("배송비는" → "배송비" → "배송", "송비"). A question's word matches a passage when any of
///   its bigrams does (see ``slots(in:)``).
struct TextAnalyzer: Sendable {
    /// Letters kept by the prefix fallback.
    static let prefixLength = 5

    enum Method: Sendable {
        case snowball(Stemmer)
        case prefix(Int)
    }

    /// The ISO 639-1 code the analyzer is for.
    let language: String
    let method: Method
    private let stopWords: Set<String>

    init(language: String) {
        self.language = language
        if let stemmer = Stemmer(language: language) {
            method = .snowball(stemmer)
        } else {
            method = .prefix(Self.prefixLength)
        }
        stopWords = Set((StopWords.byLanguage[language] ?? []).map(Self.fold))
    }

    /// The text's terms, in order (stop words removed): what the index stores.
    func terms(in text: String) -> [String] {
        slots(in: text).flatMap { $0 }
    }

    /// The text's words, in order, each as the terms that stand for it: one stem for a word of
    /// a spaced language, the bigrams of a dense-script word.
    func slots(in text: String) -> [[String]] {
        var words: [String] = []
        var result: [[String]] = []
        for token in Self.tokens(in: text, splittingElisions: language == "fr" || language == "it") {
            switch token {
            case .word(let word):
                if !stopWords.contains(Self.fold(word)) { words.append(word) }
            case .dense(let run):
                flush(&words, into: &result)
                let stem = Self.strippingHangulSuffix(run)
                if !stopWords.contains(run), !stopWords.contains(stem) { result.append(Self.bigrams(stem)) }
            }
        }
        flush(&words, into: &result)
        return result
    }

    /// Stems pending words in one call to the stemmer.
    private func flush(_ words: inout [String], into result: inout [[String]]) {
        guard !words.isEmpty else { return }
        switch method {
        case .snowball(let stemmer):
            result += stemmer.stem(words).map { [Self.fold($0)] }
        case .prefix(let length):
            result += words.map { [String(Self.fold($0).prefix(length))] }
        }
        words.removeAll()
    }

    /// Common Korean particles and verb endings, longest first.
    static let hangulSuffixes: [String] = """
        하려면 습니까 습니다 었어요 았어요 했어요 할까요 을까요 인가요 이에요 하나요 됩니까 됐어요 \
        에서는 에서도 하고 하면 하는 해요 해도 나요 까요 어요 아요 세요 에요 예요 돼요 되요 네요 려면 \
        에서 에게 한테 으로 부터 까지 이랑 처럼 보다 \
        로 랑 과 와 은 는 이 가 을 를 에 의 도 만 요 죠 고 면
        """.split(whereSeparator: \.isWhitespace).map(String.init).sorted { $0.count > $1.count }

    /// A Hangul word without one trailing particle or ending, keeping at least one syllable.
    static func strippingHangulSuffix(_ run: String) -> String {
        guard let first = run.unicodeScalars.first, (0xAC00...0xD7AF).contains(first.value) else { return run }
        for suffix in hangulSuffixes where run.count > suffix.count && run.hasSuffix(suffix) {
            return String(run.dropLast(suffix.count))
        }
        return run
    }

    enum Token: Equatable {
        case word(String)
        case dense(String)
    }

    /// Lower-cased words (letters, digits and combining marks) and dense-script runs.
    ///
    /// Apostrophes inside a word are dropped ("don't" → "dont"), or split the word when
    /// `splittingElisions` ("l'adresse" → "l", "adresse").
    static func tokens(in text: String, splittingElisions: Bool) -> [Token] {
        var tokens: [Token] = []
        var word = String.UnicodeScalarView()
        var dense = String.UnicodeScalarView()
        func flushWord() {
            if !word.isEmpty { tokens.append(.word(String(word))) }
            word = String.UnicodeScalarView()
        }
        func flushDense() {
            if !dense.isEmpty { tokens.append(.dense(String(dense))) }
            dense = String.UnicodeScalarView()
        }
        let scalars = Array(text.precomposedStringWithCompatibilityMapping.lowercased().unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if isDense(scalar) {
                flushWord()
                dense.append(scalar)
            } else if isWordScalar(scalar) {
                flushDense()
                word.append(scalar)
            } else if (scalar == "'" || scalar == "’"), !word.isEmpty, index + 1 < scalars.count,
                isWordScalar(scalars[index + 1]), !isDense(scalars[index + 1])
            {
                if splittingElisions { flushWord() }
            } else {
                flushWord()
                flushDense()
            }
        }
        flushWord()
        flushDense()
        return tokens
    }

    /// Overlapping pairs of characters; a single character stays as it is.
    static func bigrams(_ run: String) -> [String] {
        let characters = Array(run)
        guard characters.count > 1 else { return [run] }
        return (0..<(characters.count - 1)).map { String(characters[$0...$0 + 1]) }
    }

    /// Removes diacritics from Latin, Greek and Cyrillic letters ("zwrót" → "zwrot", "łódź" → "lodz").
    static func fold(_ word: String) -> String {
        guard !word.utf8.allSatisfy({ $0 < 0x80 }) else { return word }
        var output = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            if let special = specialFolds[scalar] {
                output.append(contentsOf: special.unicodeScalars)
            } else if (0xC0...0x24F).contains(scalar.value) || (0x370...0x4FF).contains(scalar.value)
                || (0x1E00...0x1FFF).contains(scalar.value)
            {
                let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
                output.append(contentsOf: decomposed.filter { !(0x300...0x36F).contains($0.value) })
            } else if !(0x300...0x36F).contains(scalar.value) {
                output.append(scalar)
            }
        }
        return String(output)
    }

    private static let specialFolds: [Unicode.Scalar: String] = [
        "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    ]

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic || properties.numericType == .decimal { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark: return true
        default: return false
        }
    }

    /// Scripts written without spaces between words, and Hangul, whose words carry particles.
    static func isDense(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: true  // Hangul
        case 0x3040...0x30FF, 0x31F0...0x31FF: true  // kana
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: true  // Han
        case 0x0E00...0x0E7F: true  // Thai
        default: false
        }
    }
}

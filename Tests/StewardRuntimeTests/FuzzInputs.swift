import Foundation

/// Seeded generated inputs for the fuzz tests: random bytes, mutated valid pipe lines, deep nesting,
/// huge numbers, invalid UTF-8 and control characters. The same seed gives the same inputs.
///
/// `STEWARD_FUZZ_ITERATIONS` sets how many inputs each fuzz test tries (default ``defaultIterations``,
/// a few seconds in all); `STEWARD_FUZZ_SEED` the seed (default 12, printed with every failure).
struct FuzzInputs {
    static let defaultIterations = 2_000

    static var iterations: Int {
        ProcessInfo.processInfo.environment["STEWARD_FUZZ_ITERATIONS"].flatMap(Int.init) ?? defaultIterations
    }

    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["STEWARD_FUZZ_SEED"].flatMap(UInt64.init) ?? 12
    }

    /// SplitMix64: small, fast, and the same on every platform.
    private var state: UInt64

    init(seed: UInt64 = FuzzInputs.seed) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(1, bound))) }
    mutating func pick<T>(_ values: [T]) -> T { values[below(values.count)] }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    static let validLines = [
        #"{"session":"s1","id":"m1","text":"where is my order #1001","channel":"webchat"}"#,
        #"{"session":"s2","id":"m2","text":"hi","customer":{"email":"jane.doe@example.com","profile_id":"p1","authenticated":true}}"#,
        #"{"session":"s3","action":"coupons:list","channel":"sms","explain":true}"#,
        #"{"session":"s4","id":"m4","text":"zwrot zamówienia 1002","language":"pl-PL"}"#,
        #"{"session":"s5","text":"my card is 4111 1111 1111 1111 and pin 4321","customer":{"name":"Ann"}}"#,
    ]

    /// Fragments that break or stretch JSON in interesting ways.
    static let fragments: [[UInt8]] = [
        "1e400", "-1e999", "1e-400", "123456789012345678901234567890", "0.0", "-0", "NaN", "Infinity", "null", "true",
        "\"", "\\", "\\u0000", "\\ud800", "\\uDFFF", "\\u", "{", "}", "[", "]", ",", ":", "\"session\"", "\"text\"",
        "\"id\":", "{\"a\":[[[[[[", "]]]]]]}", " ", "\t", "\r", ",}", ",]", "\"session\":\"d\",",
        "\"authenticated\":true,", "\\u202e", "\\u200b", "\\udbff\\udfff", "01", "-", "1.", "'",
    ].map { Array($0.utf8) } + [
        [0x00], [0x01], [0x1F], [0x7F], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80], [0xFF], [0xE2, 0x80, 0xA8],
        [0xEF, 0xBB, 0xBF],
    ]

    /// One input line (never containing a newline byte).
    mutating func pipeLine() -> [UInt8] {
        var line: [UInt8]
        switch below(6) {
        case 0:  // random bytes
            line = (0..<below(300)).map { _ in UInt8(truncatingIfNeeded: next()) }
        case 1:  // deep nesting, balanced or not
            let depth = below(1_200)
            let open = pick(["[", "{\"a\":"])
            line = Array((#"{"session":"d","text":"hi","x":"# + String(repeating: open, count: depth)).utf8)
            if chance(70) {
                line += Array("1".utf8) + Array(String(repeating: open == "[" ? "]" : "}", count: depth).utf8) + [UInt8(ascii: "}")]
            }
        case 2:  // a huge or tiny number in some field
            let field = pick(["session", "id", "text", "x", "customer", "explain", "language"])
            let number = pick(["1e400", "-1e400", "1e308", "1e-400", "9" + String(repeating: "9", count: below(400)), "1e99999"])
            line = Array(#"{"session":"n","text":"hi","\#(field)":\#(number)}"#.utf8)
        case 3:  // control characters and invalid UTF-8 inside strings
            var text = Array(#"{"session":"c","id":"m","text":"#.utf8)
            text.append(UInt8(ascii: "\""))
            for _ in 0..<below(20) {
                text += chance(50) ? [UInt8(below(0x20))] : pick(Self.fragments)
            }
            line = text + Array(#""}"#.utf8)
        default:  // a mutated valid line
            line = Array(pick(Self.validLines).utf8)
            for _ in 0..<(1 + below(4)) {
                let at = below(line.count + 1)
                switch below(5) {
                case 0: if at < line.count { line[at] = UInt8(truncatingIfNeeded: next()) }
                case 1: line.insert(contentsOf: pick(Self.fragments), at: at)
                case 2: line.removeSubrange(at..<min(line.count, at + below(10)))
                case 3:
                    let end = min(line.count, at + below(20))
                    line.insert(contentsOf: Array(line[at..<end]), at: at)
                default: line.insert(UInt8(truncatingIfNeeded: next()), at: at)
                }
            }
        }
        return line.map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: " ") : $0 }
    }

    /// A customer message: text mixed from words, digits in many scripts and forms, separators,
    /// control characters and replacement characters from invalid UTF-8.
    mutating func text() -> String {
        let pieces = [
            "where is my order", "#1001", "4111 1111 1111 1111", "4111-1111-1111-1111", "4111.1111.1111.1111",
            "４１１１ １１１１ １１１１ １１１１", "٤١١١١١١١١١١١١١١١", "my pin is 4321", "cvv2: 737", "password is hunter2 ok",
            "pw: x", "pass: y", "Zwrót", "ŁÓDŹ", "注文はどこ", "주문 어디", "ﬁ", "ẞ", "İ", "\u{0}", "\u{1B}[0m", "\u{200B}",
            "\u{2028}", "\u{FEFF}", "\u{301}", "e\u{301}", "🙂", "👨‍👩‍👧", " ", "  ", "\t", "\n", "@", "jane.doe@example.com", "a@b",
            "[removed]", "[card number removed]", "1e400", "..", "--", "//", "\u{A0}",
        ]
        var result = ""
        for _ in 0..<below(12) {
            if chance(15) {
                let bytes = (0..<below(12)).map { _ in UInt8(truncatingIfNeeded: next()) }
                result += String(decoding: bytes, as: UTF8.self)
            } else {
                result += pick(pieces)
                if chance(50) { result += pick([" ", "", "\u{A0}", "-", ".", "/", "\n"]) }
            }
        }
        return result
    }
}

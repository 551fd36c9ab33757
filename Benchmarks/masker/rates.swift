import Foundation

// False-positive rate on generated ordinary numbers (order lists, dates, time stamps, phone numbers whose
// digits may add up to a Luhn-valid 13–19) and true-positive rate on generated card numbers in many formats,
// with and without a card keyword. Seeded: the same texts for every masker compiled in.
struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

func luhn(_ digits: [Int]) -> Bool {
    var sum = 0
    for (index, digit) in digits.reversed().enumerated() { sum += index % 2 == 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit }
    return sum % 10 == 0
}

var random = Random(state: 12)
func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
func ordinary() -> String {
    switch random.int(0...5) {
    case 0:
        let orders = (0..<random.int(4...5)).map { _ in String(random.int(2000...6999)) }
        let separator = random.pick([", ", ",", " #", " and ", "; ", " "])
        return "orders " + (separator == " #" ? "#" : "") + orders.joined(separator: separator)
    case 1:
        let (y1, y2) = (random.int(2019...2026), random.int(2019...2026))
        return "\(y1)-\(two(random.int(1...12)))-\(two(random.int(1...28))) \(y2)/\(two(random.int(1...12)))/\(two(random.int(1...28)))"
    case 2:
        return "\(random.int(2019...2026))-\(two(random.int(1...12)))-\(two(random.int(1...28))) \(two(random.int(0...23))):\(two(random.int(0...59))):\(two(random.int(0...59))).\(random.int(100...999))"
    case 3:
        return "on \(two(random.int(1...28))).\(two(random.int(1...12))).\(random.int(2019...2026)) at \(two(random.int(0...23))).\(two(random.int(0...59))) order \(random.int(2000...6999))"
    case 4:
        return "delivered \(two(random.int(1...28)))/\(two(random.int(1...12)))/\(random.int(2019...2026)) \(two(random.int(0...23))) \(two(random.int(0...59))) \(random.int(2000...6999))"
    default:
        return "call \(random.pick(["+48", "+1", "+44", "0044"])) \(random.int(200...999)) \(random.int(100...999)) \(random.int(100...999)) \(random.int(10...99))"
    }
}

func card() -> (text: String, keyword: Bool) {
    let prefix = random.pick([[4], [5, 1 + random.int(0...4)], [3, 4], [3, 7], [6, 0, 1, 1], [3, 5, 2, 8], [6, 2]])
    let length = prefix == [3, 4] || prefix == [3, 7] ? 15 : random.pick([16, 16, 16, 13, 19])
    var digits = prefix + (prefix.count..<length).map { _ in random.int(0...9) }
    for check in 0...9 {
        digits[length - 1] = check
        if luhn(digits) { break }
    }
    let groups: [Int] = length == 15 ? random.pick([[4, 6, 5], [4, 4, 4, 3], [15]]) : random.pick([[4, 4, 4, 4, 3], [length], [4, 4, 4, 4, 4]])
    let separator = random.pick([" ", "  ", "-", ".", "/", "\n", "\u{00A0}", " - ", "\u{0}", "\t", ",", ":", ";"])
    var text = ""
    var position = 0
    for size in groups where position < length {
        if position > 0 { text += separator }
        text += digits[position..<min(length, position + size)].map(String.init).joined()
        position += size
    }
    let keyword = random.int(0...1) == 0
    return ((keyword ? random.pick(["my card is ", "visa ", "card number: ", "karta "]) : random.pick(["", "charge ", "use "])) + text, keyword)
}

var falsePositives = 0
var luhnShaped = 0
let ordinaryCount = 20_000
for _ in 0..<ordinaryCount {
    let text = ordinary()
    if SecretMasker.mask(text) != text { falsePositives += 1 }
}
var masked = [true: 0, false: 0], total = [true: 0, false: 0]
var maskedStrict = 0, totalStrict = 0
for _ in 0..<20_000 {
    let (text, keyword) = card()
    let hit = SecretMasker.mask(text).contains("[card number removed]")
    total[keyword]! += 1
    if hit { masked[keyword]! += 1 }
    if !text.contains(","), !text.contains(":"), !text.contains(";") {
        totalStrict += 1
        if hit { maskedStrict += 1 }
    }
}
func percent(_ a: Int, _ b: Int) -> String { String(format: "%.2f%%", 100 * Double(a) / Double(max(1, b))) }
print("ordinary numbers changed: \(falsePositives) of \(ordinaryCount) (\(percent(falsePositives, ordinaryCount)))")
print("cards masked, with a keyword: \(masked[true]!) of \(total[true]!) (\(percent(masked[true]!, total[true]!)))")
print("cards masked, no keyword: \(masked[false]!) of \(total[false]!) (\(percent(masked[false]!, total[false]!)))")
print("cards masked, white space/dot/dash/slash/NUL separators: \(maskedStrict) of \(totalStrict) (\(percent(maskedStrict, totalStrict)))")

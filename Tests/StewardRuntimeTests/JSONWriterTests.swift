import Foundation
import StewardRuntime
import StewardRouter
import Testing

@Suite struct JSONWriterTests {
    static func written(_ write: (inout JSONWriter) -> Void) -> String {
        var json = JSONWriter()
        write(&json)
        return json.string
    }

    static func quoted(_ s: String) -> String { written { $0.string(s) } }

    @Test func commasAndNestingAreWrittenAutomatically() {
        let json = Self.written { json in
            json.beginObject()
            json.key("a")
            json.int(1)
            json.key("list")
            json.beginArray()
            json.bool(true)
            json.null()
            json.beginObject()
            json.endObject()
            json.beginArray()
            json.endArray()
            json.string("x")
            json.string(nil as String?)
            json.raw(#"{"r":1}"#)
            json.endArray()
            json.key("b")
            json.beginObject()
            json.key("c")
            json.bool(false)
            json.endObject()
            json.key("d")
            json.double(0.5)
            json.endObject()
        }
        #expect(json == #"{"a":1,"list":[true,null,{},[],"x",null,{"r":1}],"b":{"c":false},"d":0.5}"#)
    }

    @Test func escapesOnlyWhatJSONRequiresPlusTheLineSeparators() {
        #expect(Self.quoted("plain ascii / text") == #""plain ascii / text""#)
        #expect(Self.quoted(#"say "hi" \ bye"#) == #""say \"hi\" \\ bye""#)
        #expect(Self.quoted("a\nb\rc\td") == #""a\nb\rc\td""#)
        #expect(Self.quoted("\u{0000}\u{0001}\u{0008}\u{000C}\u{001F}\u{007F}") == "\"\\u0000\\u0001\\u0008\\u000c\\u001f\u{007F}\"")
        #expect(Self.quoted("x\u{2028}y\u{2029}z") == #""x\u2028y\u2029z""#)
        // Other characters whose UTF-8 starts with 0xE2, as U+2028 does, are copied.
        #expect(Self.quoted("€…—\u{2027}\u{202A}") == "\"€…—\u{2027}\u{202A}\"")
        #expect(Self.quoted("배송 👩‍👩‍👧 e\u{0301}") == "\"배송 👩‍👩‍👧 e\u{0301}\"")
        #expect(Self.quoted("\u{2028}") == #""\u2028""#)
        #expect(Self.quoted("") == #""""#)
    }

    static let awkwardStrings: [String] = [
        "", "plain", #"quote " backslash \ both \""#, "\n\r\t\u{0008}\u{000C}", "\u{2028}\u{2029}\u{2028}",
        "emoji 😀👩‍👩‍👧🇵🇱 end", "한국어 텍스트", "e\u{0301}\u{0323}", "€ … — ‘’ “”", "tail\\", "\"",
        String((0..<0x80).map { Character(Unicode.Scalar(UInt8($0))) }),
        String(repeating: "long text with \"quotes\" and\nnewlines ", count: 200),
    ]

    @Test(arguments: awkwardStrings)
    func stringsReadBackUnchanged(text: String) throws {
        let json = Self.quoted(text)
        let decoded = try JSONDecoder().decode(String.self, from: Data(json.utf8))
        #expect(Array(decoded.utf8) == Array(text.utf8))
        let object = try JSONSerialization.jsonObject(with: Data("[\(json)]".utf8)) as? [String]
        #expect(object.map { $0.map { Array($0.utf8) } } == [Array(text.utf8)])
        let asKey = Self.written { json in
            json.beginObject()
            json.key(text)
            json.string(text)
            json.endObject()
        }
        #expect(try JSONDecoder().decode([String: String].self, from: Data(asKey.utf8)) == [text: text])
    }

    @Test func everyControlCharacterReadsBack() throws {
        for value in UInt8(0)..<0x20 {
            let text = "a" + String(Character(Unicode.Scalar(value))) + "b"
            #expect(try JSONDecoder().decode(String.self, from: Data(Self.quoted(text).utf8)) == text)
        }
    }

    @Test func integers() {
        #expect(Self.written { $0.int(0) } == "0")
        #expect(Self.written { $0.int(-7) } == "-7")
        #expect(Self.written { $0.int(1_234_567_890) } == "1234567890")
        #expect(Self.written { $0.int(.max) } == String(Int.max))
        #expect(Self.written { $0.int(.min) } == String(Int.min))
    }

    @Test func doublesReadBackToTheSameBits() throws {
        var generator = SplitMix64(seed: 2024)
        var values: [Double] = [
            0, -0.0, 1, -1, 0.1, 0.5, 1.0 / 3, 1e-7, 1e-5, 1e16, 1e21, 123_456_789.123_456_78,
            .leastNonzeroMagnitude, .leastNormalMagnitude, .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .pi,
        ]
        for _ in 0..<2000 {
            let value = Double(bitPattern: generator.next())
            if value.isFinite { values.append(value) }
        }
        for value in values {
            let json = Self.written { $0.double(value) }
            let decoded = try JSONDecoder().decode(Double.self, from: Data(json.utf8))
            #expect(decoded.bitPattern == value.bitPattern, "\(json)")
        }
        #expect(Self.written { $0.double(2) } == "2.0")
        #expect(Self.written { $0.double(0.1) } == "0.1")
    }

    @Test func nonFiniteNumbersAreWrittenAsNull() {
        for value in [Double.nan, .infinity, -.infinity] {
            #expect(Self.written { $0.double(value) } == "null")
            #expect(Self.written { $0.fixed(value, fractionDigits: 4) } == "null")
        }
    }

    @Test func fixedPointMatchesStringFormat() {
        var values: [Double] = [
            0, -0.0, 1, -1, 0.99995, 0.00005, 0.12345, 0.5, 0.25, 0.03125, 0.09375, 0.96875, 0.999_949_999_999_999_9,
            0.999_95, 0.000_049_999_999_999_999_996, 1e-300, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, -0.00001, -0.00005, 0.4999_5, 1.000_05,
            2.5e-5, 7.5e-5, 12.345_65, 99_999.999_95, 123_456.789, 1e10, 1.125e10, 1e11, 1e15, 1e20, 1e300,
            .greatestFiniteMagnitude, 0.1, 0.2, 0.3, 0.7, 0.8, 0.9,
        ]
        for numerator in 0...20_000 { values.append(Double(numerator) / 20_000) }  // every tie at four digits
        for numerator in 0...4096 { values.append(Double(numerator) / 4096) }  // exact binary fractions
        var generator = SplitMix64(seed: 2024)
        for _ in 0..<20_000 {
            values.append(Double.random(in: 0...1, using: &generator))
            values.append(Double.random(in: -1000...1000, using: &generator))
            let value = Double(bitPattern: generator.next())
            if value.isFinite { values.append(value) }
        }
        var mismatches: [String] = []
        for value in values {
            for digits in [0, 1, 2, 4, 6, 9] {
                let expected = String(format: "%.\(digits)f", value)
                let written = Self.written { $0.fixed(value, fractionDigits: digits) }
                if written != expected { mismatches.append("\(value) %.\(digits)f: \(written) != \(expected)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
        #expect(Self.written { $0.fixed(0.99995, fractionDigits: 4) } == "1.0000")  // 0.99995000000000000551 as a Double
        #expect(Self.written { $0.fixed(0.12345, fractionDigits: 4) } == "0.1235")
        #expect(Self.written { $0.fixed(0.03125, fractionDigits: 4) } == "0.0312")
    }
}

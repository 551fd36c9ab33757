import Foundation
import StewardCore
import StewardRuntime
import Testing

/// What JSON parsers disagree on is refused at the pipe, with where: a key twice (a gateway reading the
/// first copy and Steward the last must never see two different messages), trailing commas and unpaired
/// surrogate escapes (RFC 8259 sections 2, 4 and 8.2).
@Suite struct StrictJSONTests {
    static func decode(_ line: String) -> Result<IncomingMessage, PipeLineError> {
        PipeRequestDecoder.decode(ArraySlice(Array(line.utf8)), line: 3)
    }

    static func failure(_ line: String) -> PipeLineError? {
        guard case .failure(let error) = decode(line) else {
            Issue.record("accepted: \(line)")
            return nil
        }
        return error
    }

    // MARK: - Duplicate keys

    @Test(arguments: [
        (#"{"session":"d1","id":"m1","text":"show my orders","customer":{"authenticated":false,"authenticated":true,"email":"jane.doe@example.com"}}"#, "customer.authenticated", "d1"),
        (#"{"session":"d1","id":"m1","text":"show my orders","customer":{"authenticated":true,"email":"jane.doe@example.com","authenticated":false}}"#, "customer.authenticated", "d1"),
        (#"{"session":"a","session":"b","id":"m1","text":"hi"}"#, "session", nil),
        (#"{"session":"d2","id":"m1","text":"hi","customer":{"email":"a@b.co"},"customer":{"email":"jane.doe@example.com","authenticated":true}}"#, "customer", "d2"),
        (#"{"session":"d3","id":"m1","text":"hi","text":"show my orders"}"#, "text", "d3"),
        (#"{"session":"d4","id":"m1","id":"m2","text":"hi"}"#, "id", "d4"),
        // The same name written another way is the same key.
        (#"{"session":"d5","id":"m1","text":"hi","customer":{"authenticated":false,"authentic\u0061ted":true}}"#, "customer.authenticated", "d5"),
        (#"{"session":"d6","text":"hi","x":{"y":[1,{"z":1,"z":2}]}}"#, "x.y[1].z", "d6"),
        (#"{"session":"d7","text":"hi","caf\u00e9":1,"café":2}"#, "café", "d7"),
    ] as [(String, String, String?)])
    func aKeyTwiceInAnObjectAtAnyLevelIsRefusedNamingItsPath(_ line: String, _ path: String, _ session: String?) {
        guard let error = Self.failure(line) else { return }
        #expect(error.code == "duplicate_key")
        #expect(error.message.contains("`\(path)`"), "\(error.message)")
        #expect(error.line == 3)
        #expect(error.session == session)
    }

    @Test func theSameKeyInDifferentObjectsIsNoDuplicate() {
        let line = #"{"session":"u1","id":"m1","text":"hi","customer":{"name":"Ann","email":"a@b.co"},"x":{"name":"x","session":"y"},"y":[{"a":1},{"a":2}]}"#
        guard case .success(let message) = Self.decode(line) else {
            Issue.record("refused")
            return
        }
        #expect(message.session == "u1")
        #expect(message.customer?.name == "Ann")
    }

    @Test func aDuplicatedAuthenticatedFlagNeverReachesTheEngineThroughThePipe() async throws {
        let engine = try makeEngine()
        let run = await PipeHarness.run(
            lines: [
                #"{"session":"dup-auth","id":"m1","text":"show my orders","customer":{"authenticated":false,"authenticated":true,"email":"jane.doe@example.com"}}"#,
                #"{"session":"dup-auth","id":"m2","text":"do you ship to Canada?"}"#,
            ], engine: engine)
        let objects = run.objects
        #expect(objects.count == 2)
        let error = try #require(objects.first?["error"] as? [String: Any])
        #expect(error["code"] as? String == "duplicate_key")
        #expect(error["line"] as? Int == 1)
        // The pipe goes on, and nothing of Jane's reached the session.
        #expect(objects.contains { $0["reply_to"] as? String == "m2" })
        #expect(!objects.contains { $0["reply_to"] as? String == "m1" })
    }

    // MARK: - Trailing commas and other syntax

    @Test(arguments: [
        (#"{"session":"k1","id":"m1","text":"hi",}"#, "trailing comma", 39),
        (#"{"session":"k1","id":"m1","text":"hi","x":[1,2,]}"#, "trailing comma", 48),
        (#"{"session":"k1","text":"hi","customer":{"name":"Ann",}}"#, "trailing comma", 54),
        (#"{"session":"k1","text":"hi","x":[[],]}"#, "trailing comma", 37),
        (#"{"session":"k1","text":"hi",,"x":1}"#, "field name", 29),
        (#"{"session":"k1","text":"hi","x":[,1]}"#, "value", 34),
        (#"{"session":"k1","text":"hi","x":01}"#, "leading zero", 33),
        (#"{"session":"k1","text":"hi","x":+1}"#, "value", 33),
        (#"{"session":"k1","text":"hi","x":.5}"#, "value", 33),
        (#"{"session":"k1","text":"hi","x":1.}"#, "`.`", 33),
        (#"{"session":"k1","text":"hi","x":NaN}"#, "value", 33),
        (#"{"session":"k1","text":"hi","x":tru}"#, "value", 33),
        (#"{"session":"k1","text":"hi"} x"#, "after the end", 30),
        (#"{"session":"k1","text":"hi""#, "missing", 28),
        (#"{'session':'k1','text':'hi'}"#, "field name", 2),
        (#"{"session":"k1","text":"a\qb"}"#, "escape", 26),
        (#"{"session":"k1","text":"a\u12G4"}"#, "escape", 26),
        ("{\"session\":\"k1\",\"text\":\"a\u{1}b\"}", "control character U+0001", 26),
        ("\u{FEFF}{\"session\":\"k1\",\"text\":\"hi\"}", "value", 1),
    ])
    func malformedJSONIsRefusedSayingWhatAndWhere(_ line: String, _ what: String, _ byte: Int) {
        guard let error = Self.failure(line) else { return }
        #expect(error.code == "invalid_json")
        #expect(error.message.contains(what), "\(error.message)")
        #expect(error.message.contains("at byte \(byte);"), "\(error.message)")
        if what == "trailing comma" { #expect(error.message.contains("RFC 8259")) }
    }

    @Test func whitespaceEscapesAndNestingThatJSONAllowsAreRead() throws {
        let line = " {\"session\" : \"s\\/1\" ,\r\t\"text\":\"a\\\"b\\\\c\\n\\u00e9\\ud83d\\ude00\", \"x\": [ ], \"y\": { }, \"z\": [-0, 0.5e-3, 1E+2, true, false, null] } "
        guard case .success(let message) = Self.decode(line) else {
            Issue.record("refused: \(line)")
            return
        }
        #expect(message.session == "s/1")
        #expect(message.text == "a\"b\\c\né😀")
    }

    // MARK: - Unpaired surrogates

    @Test(arguments: [
        (#"{"session":"s1","text":"hi","x":"\udfff"}"#, "The field `x`", #"\udfff"#),
        (#"{"session":"s1","text":"hi\ud800"}"#, "The field `text`", #"\ud800"#),
        (#"{"session":"s1","text":"hi\uD800\u0041"}"#, "The field `text`", #"\uD800"#),
        (#"{"session":"s1","text":"hi\uDC00\uD800"}"#, "The field `text`", #"\uDC00"#),
        (#"{"session":"s1","text":"hi","customer":{"name":"A\udbff"}}"#, "The field `customer.name`", #"\udbff"#),
        (#"{"session":"s1","text":"hi","x":["a","\ud800"]}"#, "The field `x[1]`", #"\ud800"#),
        (#"{"session":"s1","text":"hi","customer":{"\ud800":1}}"#, "A field name at `customer`", #"\ud800"#),
    ])
    func anUnpairedSurrogateEscapeIsRefusedNamingTheField(_ line: String, _ place: String, _ escape: String) {
        guard let error = Self.failure(line) else { return }
        #expect(error.code == "invalid_string")
        #expect(error.message.contains(place), "\(error.message)")
        #expect(error.message.contains("unpaired surrogate escape \(escape)"), "\(error.message)")
        #expect(error.session == "s1")
    }

    @Test func anUnpairedSurrogateInTheSessionKeepsTheSessionOutOfTheErrorLine() {
        guard let error = Self.failure(#"{"session":"s\udfff","id":"m1","text":"hi"}"#) else { return }
        #expect(error.code == "invalid_string")
        #expect(error.session == nil)
        #expect(error.id == "m1")
    }

    // MARK: - Against Foundation's reader

    @Test func whatTheStrictReaderTakesFoundationReadsTheSameWay() {
        // Generated lines (FuzzTests' inputs): every line taken is JSON to JSONSerialization too, with the
        // same session, id and text; so strictness only ever refuses.
        var inputs = FuzzInputs(seed: FuzzInputs.seed &+ 7)
        var taken = 0
        for number in 1...FuzzInputs.iterations {
            let line = inputs.pipeLine()
            guard case .success(let message) = PipeRequestDecoder.decode(line[...], line: number) else { continue }
            taken += 1
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                Issue.record("seed \(FuzzInputs.seed &+ 7) line \(number): taken but not JSON to Foundation")
                continue
            }
            #expect(object["session"] as? String == message.session)
            #expect(object["id"] as? String == message.id)
            // Foundation drops a U+FEFF at the start of a string; Steward keeps text as sent.
            let text = object["text"] as? String
            #expect(text == message.text || text.map { "\u{FEFF}" + $0 } == message.text, "line \(number)")
        }
        #expect(taken > 0)
    }

    // MARK: - Which problem is reported

    @Test func aSyntaxErrorAnywhereIsReportedBeforeADuplicateOrASurrogate() {
        for line in [
            #"{"session":"s1","session":"s2","text":"hi",}"#, #"{"session":"s1","text":"\ud800","x":[1,]}"#,
            #"{"session":"s1","text":"hi","x":1e400,}"#,
        ] {
            #expect(Self.failure(line)?.code == "invalid_json", "\(line)")
        }
        // Otherwise the first problem in the line.
        #expect(Self.failure(#"{"session":"s1","text":"\ud800","text":"x"}"#)?.code == "invalid_string")
        #expect(Self.failure(#"{"session":"s1","text":"x","text":"\ud800"}"#)?.code == "duplicate_key")
    }
}

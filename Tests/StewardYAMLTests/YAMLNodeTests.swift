import Foundation
import StewardYAML
import Testing

/// The strict reader: every error names the file and the line, unknown and repeated keys are refused.
@Suite struct YAMLNodeTests {
    private func root(_ yaml: String, file: String = "doc.yaml", cut: Bool = false) throws -> YAMLNode {
        try #require(try YAMLNode.parse(yaml, file: file, refusingCutText: cut))
    }

    private func error(_ body: () throws -> Void) -> YAMLError? {
        do {
            try body()
            return nil
        } catch {
            return error as? YAMLError
        }
    }

    @Test func anUnknownKeyNamesFileLineColumnTheAllowedKeysAndTheClosest() throws {
        let doc = try root("id: x\nname: y\nknowlege: [a]\n", file: "Skills/StoreHours/skill.yaml")
        let thrown = error { _ = try doc.mapping(allowed: ["id", "name", "knowledge", "tools"]) }
        #expect(thrown == .unknownKey(
            file: "Skills/StoreHours/skill.yaml", line: 3, column: 1, key: "knowlege", allowed: ["id", "name", "knowledge", "tools"]))
        #expect(thrown?.description
            == "Skills/StoreHours/skill.yaml:3: unknown key `knowlege`. Allowed here: id, name, knowledge, tools. Did you mean `knowledge`?")
    }

    @Test func anUnknownKeyDeeperDownNamesItsPathAndLine() throws {
        let doc = try root("intents:\n  hours:\n    keyword: [open]\n")
        let hours = try #require(try doc.mapping(allowed: ["intents"])["intents"]?.mapping(allowed: nil)["hours"])
        let thrown = error { _ = try hours.mapping(allowed: ["keywords", "examples"]) }
        #expect(thrown?.line == 3)
        #expect(thrown?.column == 5)
        #expect(thrown?.description.hasPrefix("doc.yaml:3: unknown key `intents.hours.keyword`.") == true)
        #expect(thrown?.description.hasSuffix("Did you mean `keywords`?") == true)
    }

    @Test func aKeyFarFromEveryAllowedOneGetsNoSuggestion() throws {
        let doc = try root("colour: red\n")
        let thrown = error { _ = try doc.mapping(allowed: ["id", "name"]) }
        #expect(thrown?.description == "doc.yaml:1: unknown key `colour`. Allowed here: id, name.")
    }

    @Test func aKeyGivenTwiceIsRefusedAtItsSecondLine() throws {
        let doc = try root("name: a\nid: b\nname: c\n")
        let thrown = error { _ = try doc.mapping(allowed: ["name", "id"]) }
        #expect(thrown == .duplicateKey(file: "doc.yaml", line: 3, column: 1, key: "name"))
        // Also where any key is allowed.
        let free = try root("texts:\n  a: x\n  a: y\n")
        let map = try #require(try free.mapping(allowed: ["texts"])["texts"])
        #expect(error { _ = try map.textMap() } == .duplicateKey(file: "doc.yaml", line: 3, column: 3, key: "texts.a"))
    }

    @Test func badSyntaxGivesTheLineAndColumn() {
        let thrown = error { _ = try YAMLNode.parse("name: ok\nlist: [a, b\nnext: 1\n", file: "bad.yaml") }
        guard case .syntax(let file, let line, let column, let problem) = thrown else {
            Issue.record("expected a syntax error, got \(String(describing: thrown))")
            return
        }
        #expect(file == "bad.yaml")
        #expect(line == 3)
        #expect(column != nil)
        #expect(!problem.isEmpty)
        #expect(thrown?.description.hasPrefix("bad.yaml:3: not valid YAML") == true)
        let tab = error { _ = try YAMLNode.parse("a:\n\tb: 1\n", file: "tab.yaml") }
        #expect(tab?.line == 2)
    }

    @Test func aBadValueListsTheAllowedValues() throws {
        let doc = try root("channels: [webchat, fax]\navailability: soon\n")
        let values = try doc.mapping(allowed: ["channels", "availability"])
        let channel = error { _ = try values["channels"]!.choices(["webchat", "sms"]) }
        #expect(channel == .invalidValue(file: "doc.yaml", line: 1, column: 21, key: "channels[1]", expected: "one of webchat, sms"))
        let availability = error { _ = try values["availability"]!.choice(["enabled", "disabled", "coming_soon"]) }
        #expect(availability?.description == "doc.yaml:2: invalid value for `availability`: expected one of enabled, disabled, coming_soon.")
    }

    @Test func wrongTypesSayWhatWasExpected() throws {
        let doc = try root("flag: maybe\ncount: -1\nlist: word\nmap: [1]\n")
        let values = try doc.mapping(allowed: nil)
        #expect(error { _ = try values["flag"]!.bool() }?.description == "doc.yaml:1: invalid value for `flag`: expected true or false.")
        #expect(error { _ = try values["count"]!.count() }?.line == 2)
        #expect(error { _ = try values["list"]!.textList() }?.description.contains("expected a list of texts") == true)
        #expect(error { _ = try values["map"]!.mapping(allowed: nil) }?.description == "doc.yaml:4: invalid value for `map`: expected a mapping of keys to values.")
    }

    @Test func aMissingRequiredKeyNamesTheMappingsLine() throws {
        let doc = try root("top:\n  a: 1\n")
        let top = try #require(try doc.mapping(allowed: ["top"])["top"])
        #expect(error { _ = try top.mapping(allowed: ["a", "b"]).required("b") } == .missingKey(file: "doc.yaml", line: 2, column: 3, key: "top.b"))
    }

    @Test func aTextCutShortByAHashIsRefusedWhereAsked() throws {
        let strict = try root("say: where is my order #1001\n", cut: true)
        let thrown = error { _ = try strict.mapping(allowed: ["say"])["say"]!.text() }
        #expect(thrown?.description.contains("quotes around the text") == true)
        let quoted = try root("say: \"where is my order #1001\"  # a comment\n", cut: true)
        #expect(try quoted.mapping(allowed: ["say"])["say"]!.text() == "where is my order #1001")
        let lenient = try root("say: where is my order #1001\n")
        #expect(try lenient.mapping(allowed: ["say"])["say"]!.text() == "where is my order")
    }

    @Test func datesAreISO8601() throws {
        let doc = try root("now: 2026-03-07T10:00:00Z\nlater: \"2026-03-08T09:30:00+01:00\"\nbad: tomorrow\n")
        let values = try doc.mapping(allowed: nil)
        #expect(try values["now"]!.date() == Date(timeIntervalSince1970: 1_772_877_600))
        #expect(try values["later"]!.date() == Date(timeIntervalSince1970: 1_772_877_600 + 81_000))
        #expect(error { _ = try values["bad"]!.date() }?.description.contains("2026-03-07T10:00:00Z") == true)
    }

    @Test func placeFindsTheLineOfAKeyPath() throws {
        let doc = try root("handoff:\n  method: pigeon\n  business_hours:\n    mon: soon\n")
        #expect(doc.place(of: "handoff.business_hours.mon").line == 4)
        #expect(doc.place(of: "handoff.method").line == 2)
        // A part that is not there: the deepest part that is.
        #expect(doc.place(of: "handoff.nothing").line == 1)
    }

    @Test func anEmptyDocumentIsNil() throws {
        #expect(try YAMLNode.parse("# only a comment\n", file: "x.yaml") == nil)
    }

    @Test func anUnreadableFileIsNamed() {
        let thrown = error { _ = try YAMLNode.load(contentsOf: URL(fileURLWithPath: "/nonexistent/steward.yaml")) }
        #expect(thrown == .unreadable(file: "/nonexistent/steward.yaml", reason: "no such file"))
    }
}

@Suite struct KeySuggestionTests {
    @Test(arguments: [
        ("knowlege", "knowledge"), ("keyword", "keywords"), ("requires_identiy", "requires_identity"),
        ("Name", "name"), ("exmples", "examples"),
    ])
    func aCloseMisspellingIsSuggested(typo: String, meant: String) {
        #expect(KeySuggestion.closest(to: typo, among: ["id", "name", "knowledge", "keywords", "examples", "requires_identity"]) == meant)
    }

    @Test func aDistantWordIsNot() {
        #expect(KeySuggestion.closest(to: "colour", among: ["id", "name", "tools"]) == nil)
        #expect(KeySuggestion.closest(to: "ab", among: ["id"]) == nil)
    }
}

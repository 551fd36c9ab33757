import Foundation
import StewardCore
import StewardRuntime
import StewardYAML
import Testing

/// A temporary file with `text`, removed by the caller.
private func temporaryFile(_ name: String, _ text: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("steward-strict-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent(name)
    try text.write(to: file, atomically: true, encoding: .utf8)
    return file
}

private func message(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch {
        return "\(error)"
    }
}

/// `steward.yaml`: every error names the file and the line of the key.
@Suite struct StrictConfigurationTests {
    private func loadError(_ yaml: String) throws -> String? {
        let file = try temporaryFile("steward.yaml", yaml)
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        return message { _ = try StewardConfiguration.load(path: file.path) }?
            .replacingOccurrences(of: file.path, with: "steward.yaml")
    }

    @Test func aMisspeltKeyAtAnyLevelNamesFileLineAndTheClosestKey() throws {
        #expect(try loadError("agent:\n  name: Ava\nhandof:\n  method: message\n")
            == "steward.yaml:3: unknown key `handof`. Allowed here: agent, channels, router, shop, data, skills, fallback, handoff, store, integrations, language, translations, bursts, verification. Did you mean `handoff`?")
        let nested = try loadError("handoff:\n  method: message\n  mesage: Write to us\n")
        #expect(nested?.hasPrefix("steward.yaml:3: unknown key `handoff.mesage`. Allowed here: method,") == true)
        #expect(nested?.hasSuffix("Did you mean `message`?") == true)
        let deep = try loadError("handoff:\n  business_hours:\n    time_zone: UTC\n    mondy: \"09:00-17:00\"\n")
        #expect(deep?.hasPrefix("steward.yaml:4: unknown key `handoff.business_hours.mondy`.") == true)
        #expect(try loadError("integrations:\n  shopify:\n    domian: x\n")?.hasPrefix("steward.yaml:3: unknown key `integrations.shopify.domian`") == true)
    }

    @Test func aWrongValueNamesTheLineAndWhatIsAllowed() throws {
        #expect(try loadError("shop:\n  name: X\nhandoff:\n  method: pigeon\n")
            == "steward.yaml:4: Invalid value for `handoff.method`: expected helpdesk or message.")
        #expect(try loadError("router:\n  threshold: high\n") == "steward.yaml:2: Invalid value for `router.threshold`: expected a number.")
        #expect(try loadError("channels: [webchat, fax]\n")?.hasPrefix("steward.yaml:1: Invalid value for `channels`: expected a list of webchat, sms") == true)
    }

    @Test func aKeyGivenTwiceIsRefused() throws {
        #expect(try loadError("agent:\n  name: A\n  name: B\n") == "steward.yaml:3: the key `agent.name` is given twice; give it once.")
        #expect(try loadError("store:\n  path: a.db\nstore:\n  path: b.db\n") == "steward.yaml:3: the key `store` is given twice; give it once.")
    }

    @Test func badSyntaxGivesTheLine() throws {
        let error = try loadError("agent:\n  name: [Ava\nchannels: [webchat]\n")
        #expect(error?.hasPrefix("The configuration file steward.yaml is not valid YAML: line 3, column") == true)
    }
}

/// `skill.yaml`: strict at every level, errors with the author's file and line.
@Suite struct StrictManifestTests {
    static let valid = """
        id: store_hours
        name: Store hours
        summary: When the shop is open.
        channels: [webchat, sms]
        tools: [orders]
        knowledge: [faq]
        intents:
          store_hours:
            keywords: [open, hours]
            examples: [when are you open]
        """

    private func parseError(_ yaml: String) -> String? {
        message { _ = try SkillManifest.parse(yaml: yaml, file: "Skills/StoreHours/skill.yaml") }
    }

    @Test func aValidManifestIsRead() throws {
        let manifest = try SkillManifest.parse(yaml: Self.valid, file: "skill.yaml")
        #expect(manifest.id == "store_hours")
        #expect(manifest.channels == [.webchat, .sms])
        #expect(manifest.tools == [.orders])
        #expect(manifest.knowledge == ["faq"])
        #expect(manifest.intents["store_hours"]?.keywords == ["open", "hours"])
        #expect(manifest.availability == .enabled)
    }

    @Test func aMisspeltTopLevelKeyIsAnErrorWithFileLineAndSuggestion() {
        let yaml = Self.valid.replacingOccurrences(of: "knowledge: [faq]", with: "knowlege: [faq]")
        #expect(parseError(yaml)
            == "Skills/StoreHours/skill.yaml:6: unknown key `knowlege`. Allowed here: id, name, summary, suggestion, requires_identity, channels, tools, knowledge, availability, intents. Did you mean `knowledge`?")
    }

    @Test func aMisspeltIntentKeyIsAnError() {
        let yaml = Self.valid.replacingOccurrences(of: "keywords: [open, hours]", with: "keyword: [open, hours]")
        #expect(parseError(yaml)
            == "Skills/StoreHours/skill.yaml:9: unknown key `intents.store_hours.keyword`. Allowed here: keywords, examples. Did you mean `keywords`?")
    }

    @Test func aBadValueListsTheAllowedValues() {
        let channel = parseError(Self.valid.replacingOccurrences(of: "[webchat, sms]", with: "[webchat, fax]"))
        #expect(channel == "Skills/StoreHours/skill.yaml:4: invalid value for `channels[1]`: expected one of webchat, sms, whatsapp, email.")
        let tool = parseError(Self.valid.replacingOccurrences(of: "tools: [orders]", with: "tools: [order]"))
        #expect(tool?.hasPrefix("Skills/StoreHours/skill.yaml:5: invalid value for `tools[0]`: expected one of orders, products,") == true)
        let availability = parseError(Self.valid + "\navailability: later\n")
        #expect(availability == "Skills/StoreHours/skill.yaml:11: invalid value for `availability`: expected one of enabled, disabled, coming_soon.")
        let identity = parseError(Self.valid + "\nrequires_identity: sometimes\n")
        #expect(identity == "Skills/StoreHours/skill.yaml:11: invalid value for `requires_identity`: expected true or false.")
    }

    @Test func missingAndRepeatedKeysAreErrors() {
        #expect(parseError("name: X\nintents: {}\n") == "Skills/StoreHours/skill.yaml:1: `id` is required; add it.")
        #expect(parseError(Self.valid + "\nname: Again\n") == "Skills/StoreHours/skill.yaml:11: the key `name` is given twice; give it once.")
    }

    @Test func badSyntaxGivesTheLine() {
        let error = parseError("id: x\nname: X\nchannels: [webchat\nintents: {}\n")
        #expect(error?.hasPrefix("Skills/StoreHours/skill.yaml:4: not valid YAML") == true)
    }

    @Test func everyShippedManifestIsReadStrictly() {
        let registry = SkillRegistry(loading: shippedSkills)
        #expect(registry.broken == [])
        #expect(registry.entries.count == shippedSkills.count)
    }
}

/// Conversation scripts: strict at every level.
@Suite struct StrictScriptTests {
    private func parseError(_ yaml: String) -> String? {
        message { _ = try ConversationScript.parse(yaml: yaml, file: "s.yaml") }
    }

    @Test(arguments: [
        ("nam: X\nturns:\n  - say: hi\n", "s.yaml:1: unknown key `nam`.", "`name`"),
        ("name: X\ncustomer: {emial: a@b.c}\nturns:\n  - say: hi\n", "s.yaml:2: unknown key `customer.emial`.", "`email`"),
        ("name: X\nturns:\n  - say: hi\n    expect: {cards: [{titel: A}]}\n", "s.yaml:4: unknown key `turns[0].expect.cards[0].titel`.", "`title`"),
        ("name: X\nturns:\n  - say: hi\n    expect: {handoff_ticket: {reasn: requested}}\n", "s.yaml:4: unknown key `turns[0].expect.handoff_ticket.reasn`.", "`reason`"),
        ("name: X\nconfig: {handoff: {methd: message}}\nturns:\n  - say: hi\n", "s.yaml:2: the `config` section is not valid: unknown key `handoff.methd`.", "`method`"),
        ("name: X\nturns:\n  - say: hi\n    nwo: 2026-03-07T10:00:00Z\n", "s.yaml:4: unknown key `turns[0].nwo`.", "`now`"),
    ])
    func aMisspeltKeyAtAnyLevelIsAnError(yaml: String, prefix: String, suggestion: String) {
        let error = parseError(yaml)
        #expect(error?.hasPrefix(prefix) == true, "\(error ?? "no error")")
        #expect(error?.contains("Did you mean \(suggestion)?") == true, "\(error ?? "no error")")
    }

    @Test func wrongTypesAndRepeatedKeysAreErrors() {
        #expect(parseError("name: X\nnow: tomorrow\nturns:\n  - say: hi\n")
            == "s.yaml:2: invalid value for `now`: expected a date and time such as 2026-03-07T10:00:00Z (ISO 8601).")
        #expect(parseError("name: X\nturns:\n  - say: hi\n    say: ho\n") == "s.yaml:4: invalid value for `turns[0].say`: expected the key only once.")
        #expect(parseError("name: X\ncustomer: {authenticated: maybe}\nturns:\n  - say: hi\n")
            == "s.yaml:2: invalid value for `customer.authenticated`: expected true or false.")
    }

    @Test func badSyntaxGivesTheLine() {
        #expect(parseError("name: X\nturns:\n  - say: [hi\n  - say: ho\n")?.hasPrefix("s.yaml is not valid YAML: line 4, column") == true)
    }
}

/// Steward's texts (`Texts/<lang>.yaml`): only known text names, each a text.
@Suite struct StrictTextsTests {
    @Test func everyShippedTextsFileIsReadStrictly() throws {
        let folder = repositoryRoot.appendingPathComponent("Sources/StewardRuntime/Texts")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.count >= 7)
        for file in files {
            let texts = try Translations.readTexts(contentsOf: folder.appendingPathComponent(file))
            #expect(Set(texts.keys) == Set(TextKey.allCases), "\(file)")
        }
    }

    @Test func anUnknownOrRepeatedNameOrANonTextIsAnError() throws {
        let misspelt = try temporaryFile("xx.yaml", "greeting: Hi\nthnaks: Thanks\n")
        defer { try? FileManager.default.removeItem(at: misspelt.deletingLastPathComponent()) }
        let error = message { _ = try Translations.readTexts(contentsOf: misspelt, displayPath: "Texts/xx.yaml") }
        #expect(error?.hasPrefix("Texts/xx.yaml:2: unknown key `thnaks`.") == true)
        #expect(error?.hasSuffix("Did you mean `thanks`?") == true)
        let number = try temporaryFile("xx.yaml", "greeting: 12\n")
        defer { try? FileManager.default.removeItem(at: number.deletingLastPathComponent()) }
        #expect(message { _ = try Translations.readTexts(contentsOf: number, displayPath: "Texts/xx.yaml") }
            == "Texts/xx.yaml:1: invalid value for `greeting`: expected a text (quote it).")
        let twice = try temporaryFile("xx.yaml", "greeting: Hi\ngreeting: Hello\n")
        defer { try? FileManager.default.removeItem(at: twice.deletingLastPathComponent()) }
        #expect(message { _ = try Translations.readTexts(contentsOf: twice, displayPath: "Texts/xx.yaml") }
            == "Texts/xx.yaml:2: the key `greeting` is given twice; give it once.")
    }
}

/// A script's demo records: a field the demo store would ignore (a misspelt one) is an error.
@Suite struct StrictScriptRecordTests {
    private func parseError(_ yaml: String) -> String? {
        message { _ = try ConversationScript.parse(yaml: yaml, file: "r.yaml") }
    }

    private let order = """
        name: Records
        tools:
          orders:
            - id: ord_9001
              number: "9001"
              email: robin@example.com
              created_at: now-4d
              status: open
              financial_status: paid
              fulfillment_status: fulfilled
              line_items:
                - {id: li_1, title: Jacket, quantity: 1, price: {amount: 189.0, currency: USD}}
              total: {amount: 189.0, currency: USD}
              fulfillments:
                - id: ful_1
                  shipment_status: in_transit
                  carrier: DHL
              tags: []
        turns:
          - say: hi
        """

    @Test func aWellFormedRecordIsAccepted() {
        #expect(parseError(order) == nil)
    }

    @Test(arguments: [
        ("carrier: DHL", "carier: DHL", "r.yaml:17: unknown key `tools.orders[0].fulfillments[0].carier`."),
        ("quantity: 1,", "qty: 1,", "r.yaml:12: unknown key `tools.orders[0].line_items[0].qty`."),
        ("tags: []", "tags: []\n      cancel_resaon: none", "r.yaml:19: unknown key `tools.orders[0].cancel_resaon`."),
    ])
    func aMisspeltFieldAtAnyDepthIsAnErrorWithItsLine(field: String, typo: String, prefix: String) {
        let error = parseError(order.replacingOccurrences(of: field, with: typo))
        #expect(error?.hasPrefix(prefix) == true, "\(error ?? "no error")")
    }

    /// The check must not refuse real fields: every record of the shipped demo store passes it.
    @Test(arguments: ["orders", "customers", "products", "coupons", "returns", "subscriptions", "loyalty"])
    func everyDemoRecordIsAccepted(file: String) throws {
        let json = try String(contentsOf: repositoryRoot.appendingPathComponent("demo/\(file).json"), encoding: .utf8)
        let yaml = "name: Demo\ntools:\n  \(file): \(json.replacingOccurrences(of: "\n", with: " "))\nturns:\n  - say: hi\n"
        #expect(parseError(yaml) == nil)
    }
}

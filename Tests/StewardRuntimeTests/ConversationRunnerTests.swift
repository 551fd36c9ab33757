import Foundation
import StewardCore
import StewardModel
import StewardRuntime
import Testing

/// The runner over the repository's demo store and knowledge base, with the shipped skills.
private let runner = ConversationRunner(skills: shippedSkills, baseDirectory: repositoryRoot)

/// Every `Skills/*/conversations/*.yaml`, relative to the repository root.
private let skillScripts: [String] = {
    guard let files = try? runner.scriptFiles(in: runner.defaultPaths()) else { return [] }
    return files.map(\.relativePath)
}()

/// Runs a script given as YAML text.
private func run(_ yaml: String) async throws -> ScriptResult {
    await runner.run(try ConversationScript.parse(yaml: yaml, file: "inline.yaml"))
}

/// The error a malformed script gives.
private func parseError(_ yaml: String) -> ConversationScriptError? {
    do {
        _ = try ConversationScript.parse(yaml: yaml, file: "bad.yaml")
        return nil
    } catch {
        return error as? ConversationScriptError
    }
}

@Suite struct ConversationRunnerTests {
    // MARK: The skills' own conversation tests

    @Test func theSkillsHaveConversationScripts() {
        for skill in ["OrderTracking", "Returns", "Coupons", "KnowledgeBase"] {
            #expect(skillScripts.filter { $0.hasPrefix("Skills/\(skill)/conversations/") }.count >= 2, "\(skill)")
        }
    }

    @Test(arguments: skillScripts)
    func skillConversationScriptPasses(_ path: String) async {
        let result = await runner.run(file: URL(fileURLWithPath: path, relativeTo: repositoryRoot))
        #expect(result.passed, "\(result.report)")
    }

    // MARK: Differences

    @Test func theFirstDifferenceIsReportedWithTurnMessageExpectedAndActual() async throws {
        let result = try await run(
            """
            name: Wrong expectations
            turns:
              - say: "where is my order #1001?"
                expect: {skill: order_tracking, outcome: needs_input}
              - say: jane.doe@example.com
                expect: {outcome: needs_input}
              - say: do you have discount codes
                expect: {skill: returns}
            """)
        let failure = try #require(result.failure)
        #expect(failure.turn == 2)
        #expect(failure.line == 5)
        #expect(failure.message == "\"jane.doe@example.com\"")
        #expect(failure.check == "outcome")
        #expect(failure.expected == "needs_input")
        #expect(failure.actual == "resolved")
        #expect(failure.reply?.contains("1Z999AA10123456784") == true)
        let report = result.report
        #expect(report.hasPrefix("FAIL Wrong expectations (inline.yaml)"))
        #expect(report.contains("turn 2 (line 5) \"jane.doe@example.com\": outcome"))
        #expect(report.contains("expected: needs_input"))
        #expect(report.contains("actual:   resolved"))
        #expect(!report.contains("turn 3"))
    }

    @Test func textCardAndSuggestionDifferencesNameWhatWasExpected() async throws {
        let text = try await run(
            """
            name: Text
            turns:
              - say: do you have any discount codes
                expect: {text_contains: [WELCOME10, BOGUS99]}
            """)
        #expect(text.failure?.check == "text_contains")
        #expect(text.failure?.expected == "text containing \"BOGUS99\"")

        let card = try await run(
            """
            name: Card
            turns:
              - say: do you have any discount codes
                expect:
                  cards_contain: [{kind: coupon, title: FALL25}]
            """)
        #expect(card.failure?.check == "cards_contain[0]")
        #expect(card.failure?.actual.contains("coupon \"WELCOME10\"") == true)

        let field = try await run(
            """
            name: Field
            customer: {email: jane.doe@example.com, authenticated: true}
            turns:
              - say: "where is order #1001"
                expect:
                  cards: [{kind: order, fields: {Carrier: FedEx}}]
            """)
        #expect(field.failure?.check == "cards[0]")
        #expect(field.failure?.expected == "field Carrier containing \"FedEx\"")
        #expect(field.failure?.actual == "field Carrier: \"UPS\"")

        let suggestion = try await run(
            """
            name: Suggestion
            turns:
              - say: purple elephants juggling quantum bananas
                expect: {outcome: no_match, suggestions_contain: Fly me to the moon}
            """)
        #expect(suggestion.failure?.check == "suggestions_contain")
    }

    @Test func aTicketIsCheckedAfterTheTurn() async throws {
        let passing = try await run(
            """
            name: Ticket
            customer: {email: jane.doe@example.com, profile_id: 01HVJANE, authenticated: true}
            turns:
              - say: "where is my order #1001"
              - say: I want to talk to a real person
                expect: {outcome: handoff_offered, handoff_ticket: none}
              - click: "handoff:yes"
                expect:
                  outcome: handoff
                  handoff_ticket:
                    reason: requested
                    customer_email: Jane.Doe@example.com
                    subject_contains: "#1001"
                    transcript_contains: ["where is my order #1001", real person]
                    tags_contain: steward
                    summary: {order: "#1001"}
            """)
        #expect(passing.passed, "\(passing.report)")

        let failing = try await run(
            """
            name: Wrong reason
            customer: {email: jane.doe@example.com, authenticated: true}
            turns:
              - say: talk to a human
              - click: "handoff:yes"
                expect: {handoff_ticket: {reason: cannot_resolve}}
            """)
        #expect(failing.failure?.turn == 2)
        #expect(failing.failure?.message == "click handoff:yes")
        #expect(failing.failure?.check == "handoff_ticket.reason")
        #expect(failing.failure?.actual == "requested")

        let missing = try await run(
            """
            name: No ticket
            turns:
              - say: do you have discount codes
                expect: {handoff_ticket: {reason: requested}}
            """)
        #expect(missing.failure?.actual == "no ticket was opened")
    }

    // MARK: Set-up: configuration and tools

    @Test func configurationOverridesApplyToTheScriptOnly() async throws {
        let message = try await run(
            """
            name: Handoff by message
            config:
              handoff: {method: message, message: "Write to help@northwind.example"}
            turns:
              - say: talk to a human
                expect:
                  outcome: handoff
                  text: Write to help@northwind.example
                  handoff_ticket: none
            """)
        #expect(message.passed, "\(message.report)")

        let disabled = try await run(
            """
            name: Coupons switched off
            config:
              skills: {disabled: [coupons]}
            turns:
              - say: do you have any discount codes?
                expect: {outcome: handoff_offered, text_not_contains: WELCOME10}
            """)
        #expect(disabled.passed, "\(disabled.report)")

        // The next script is back to the defaults.
        let defaults = try await run(
            """
            name: Coupons on
            turns:
              - say: do you have any discount codes?
                expect: {skill: coupons, text_contains: WELCOME10}
            """)
        #expect(defaults.passed, "\(defaults.report)")
    }

    @Test func recordsInTheScriptReplaceAndAddToTheDemoStore() async throws {
        let result = try await run(
            """
            name: Order 1001 shipped with FedEx instead
            customer: {email: jane.doe@example.com, authenticated: true}
            tools:
              orders:
                - id: ord_1001
                  number: "1001"
                  email: jane.doe@example.com
                  created_at: now-3d
                  status: open
                  financial_status: paid
                  fulfillment_status: fulfilled
                  line_items: [{id: li_1, title: Test Boot, price: {amount: 10, currency: USD}}]
                  total: {amount: 10, currency: USD}
                  fulfillments:
                    - {id: f1, shipment_status: in_transit, carrier: FedEx, tracking_number: "123456789012"}
                  tags: []
            turns:
              - say: "where is order #1001"
                expect:
                  text_contains: [FedEx, "123456789012"]
                  text_not_contains: UPS
              - say: "where is order #1002"
                expect: {text_contains: delivered}
            """)
        #expect(result.passed, "\(result.report)")
    }

    @Test func aToolLeftOutMakesItsSkillUnavailable() async throws {
        let result = try await run(
            """
            name: No coupon provider
            tools: {without: [coupons]}
            turns:
              - say: do you have any discount codes?
                expect: {outcome: handoff_offered}
              - say: "yes"
              - say: pat@example.com
                expect: {outcome: handoff, handoff_ticket: {reason: skill_unavailable}}
            """)
        #expect(result.passed, "\(result.report)")
    }

    @Test func aChannelTheConfigurationDoesNotServeFailsTheTurn() async throws {
        let result = try await run(
            """
            name: SMS off
            channel: sms
            config: {channels: [webchat]}
            turns:
              - say: hello
            """)
        #expect(result.failure?.turn == 1)
        #expect(result.failure?.check == "reply")
        #expect(result.failure?.actual.contains("sms channel") == true)
    }

    // MARK: Malformed scripts

    @Test func invalidYAMLNamesTheFile() {
        let error = parseError("name: Broken\nturns:\n  - say: [unclosed\n")
        guard case .invalidYAML(let file, _) = error else {
            Issue.record("expected invalidYAML, got \(String(describing: error))")
            return
        }
        #expect(file == "bad.yaml")
        #expect(error?.description.hasPrefix("bad.yaml is not valid YAML") == true)
    }

    @Test func anUnknownKeyNamesItsPathLineAndTheAllowedKeys() {
        let error = parseError(
            """
            name: Typo
            turns:
              - say: hi
                expect:
                  skil: coupons
            """)
        #expect(error == .unknownKey(file: "bad.yaml", line: 5, key: "turns[0].expect.skil", allowed: [
            "skill", "intent", "outcome", "text", "text_contains", "text_not_contains", "cards", "cards_contain",
            "suggestions", "suggestions_contain", "handoff_ticket",
        ]))
        #expect(error?.description.hasPrefix("bad.yaml:5: unknown key `turns[0].expect.skil`. Allowed here: skill,") == true)
    }

    @Test func malformedScriptsSayWhatToFix() {
        #expect(parseError("turns:\n  - say: hi\n") == .missingKey(file: "bad.yaml", line: 1, key: "name"))
        #expect(parseError("name: No turns\n") == .missingKey(file: "bad.yaml", line: nil, key: "turns"))
        #expect(parseError("name: Empty\nturns: []\n")?.description.contains("at least one turn") == true)
        #expect(parseError("name: Both\nturns:\n  - say: hi\n    click: handoff\n")?.description.contains("either `say` or `click`") == true)
        #expect(parseError("name: Neither\nturns:\n  - expect: {skill: coupons}\n")?.description.contains("`say: TEXT` or `click: ACTION`") == true)
        #expect(parseError("name: Outcome\nturns:\n  - say: hi\n    expect: {outcome: resolve}\n")?.description.contains("one of resolved, needs_input") == true)
        #expect(parseError("name: Channel\nchannel: fax\nturns:\n  - say: hi\n")?.description.contains("`channel`: expected one of webchat, sms") == true)
        #expect(parseError("name: Count\nturns:\n  - say: hi\n    expect: {cards: many}\n")?.description.contains("whole number") == true)
        #expect(parseError("name: Tool\ntools: {without: [teleporter]}\nturns:\n  - say: hi\n")?.description.contains("tool names among orders") == true)
        #expect(parseError("name: Auth\ncustomer: {authenticated: \"yes\"}\nturns:\n  - say: hi\n")?.description.contains("true or false") == true)
    }

    @Test func anUnquotedHashIsRefusedBecauseYAMLDropsTheRest() {
        let error = parseError("name: Hash\nturns:\n  - say: where is my order #1001\n")
        #expect(error?.description == "bad.yaml:3: invalid value for `turns[0].say`: expected quotes around the text: an unquoted ` #` starts a YAML comment, so only \"where is my order\" was read.")
        // A real comment, and quoted text, are fine.
        #expect(parseError("name: Hash\nturns:\n  - say: \"where is my order #1001\"  # the usual question\n") == nil)
    }

    @Test func badConfigurationAndRecordsAreReportedAgainstTheScript() {
        let config = parseError("name: Config\nconfig: {handoff: {method: pigeon}}\nturns:\n  - say: hi\n")
        #expect(config?.description == "bad.yaml:2: the `config` section is not valid: Invalid value for `handoff.method`: expected helpdesk or message.")
        let integrations = parseError("name: Config\nconfig: {integrations: {}}\nturns:\n  - say: hi\n")
        #expect(integrations?.description.contains("unknown key `config.integrations`") == true)
        let record = parseError("name: Record\ntools:\n  orders:\n    - {id: o1, number: 1001}\nturns:\n  - say: hi\n")
        #expect(record?.description.contains("the records under `tools.orders` cannot be used as demo data") == true)
        #expect(record?.description.contains("quote numbers that are text") == true)
    }

    @Test func aMalformedFileIsAFailedResultNamingTheFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("steward-scripts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "name: Broken\nturns:\n  - sya: hi\n".write(to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        try "id: not_a_script\n".write(to: folder.appendingPathComponent("skill.yaml"), atomically: true, encoding: .utf8)
        let files = try runner.scriptFiles(in: [folder.path])
        #expect(files.map(\.lastPathComponent) == ["broken.yaml"])
        let result = await runner.run(file: files[0])
        #expect(!result.passed)
        #expect(result.report.hasPrefix("FAIL "))
        #expect(result.report.contains("broken.yaml:3: unknown key `turns[0].sya`"))
        #expect(ScriptResult.summary([result]) == "0 passed, 1 failed")
    }

    @Test func aMissingPathIsAnError() {
        #expect(throws: ConversationScriptError.pathNotFound("no/such/folder")) {
            try runner.scriptFiles(in: ["no/such/folder"])
        }
    }
}

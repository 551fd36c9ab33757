import Foundation
import StewardCore
import StewardModel
import Yams

extension ConversationScript {
    /// The outcome names a reply can have.
    public static let outcomes = [
        "resolved", "needs_input", "cannot_resolve", "no_match", "ambiguous", "handoff_offered", "handoff",
        "handoff_declined", "forwarded_to_team", "human_reply",
    ]

    /// Reads a script from a YAML file.
    ///
    /// - Throws: ``ConversationScriptError`` naming the file, the line and what to fix.
    public static func load(from url: URL) throws -> ConversationScript {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "it is not UTF-8 text" : "no such file"
            throw ConversationScriptError.unreadable(file: url.relativePath, reason: reason)
        }
        return try parse(yaml: text, file: url.relativePath)
    }

    /// Parses a script from YAML text; `file` names it in errors.
    ///
    /// - Throws: ``ConversationScriptError`` naming the file, the line and what to fix.
    public static func parse(yaml: String, file: String = "<script>") throws -> ConversationScript {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ConversationScriptError.invalidYAML(file: file, reason: "\(error)")
        } catch {
            throw ConversationScriptError.invalidYAML(file: file, reason: "\(error)")
        }
        guard let root else {
            throw ConversationScriptError.missingKey(file: file, line: nil, key: "name")
        }
        let source = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let top = try ScriptNode(node: root, path: "", file: file, source: source)
            .mapping(allowed: ["name", "description", "channel", "customer", "config", "tools", "turns"])
        guard let name = top["name"] else { throw ConversationScriptError.missingKey(file: file, line: 1, key: "name") }
        var script = ConversationScript(name: try name.string(), file: file, turns: [])
        if let channel = top["channel"] { script.channel = try parseChannel(channel) }
        if let customer = top["customer"] { script.customer = try parseCustomer(customer) }
        if let config = top["config"] { script.configurationYAML = try parseConfiguration(config) }
        if let tools = top["tools"] { script.tools = try parseTools(tools) }
        guard let turns = top["turns"] else { throw ConversationScriptError.missingKey(file: file, line: nil, key: "turns") }
        let items = try turns.sequence()
        guard !items.isEmpty else { throw turns.invalid("a list of at least one turn (`- say: ...`)") }
        script.turns = try items.map(parseTurn)
        return script
    }

    static func parseChannel(_ node: ScriptNode) throws -> Channel {
        Channel(rawValue: try node.choice(Channel.allCases.map(\.rawValue)))!
    }

    static func parseCustomer(_ node: ScriptNode) throws -> Customer {
        let values = try node.mapping(allowed: ["email", "profile_id", "name", "authenticated", "phone"])
        return Customer(
            email: try values["email"]?.string(), profileID: try values["profile_id"]?.string(),
            name: try values["name"]?.string(), authenticated: try values["authenticated"]?.bool() ?? false,
            phone: try values["phone"]?.string())
    }

    /// The section as `steward.yaml` text, checked by the configuration parser now.
    static func parseConfiguration(_ node: ScriptNode) throws -> String {
        // Scripts run on the demo store and in memory: no `integrations`, no `store`.
        _ = try node.mapping(allowed: ["agent", "channels", "router", "shop", "data", "skills", "fallback", "handoff"])
        let yaml: String
        do {
            yaml = try Yams.serialize(node: node.node, allowUnicode: true)
        } catch {
            throw ConversationScriptError.invalidConfiguration(file: node.file, reason: "\(error)")
        }
        do {
            _ = try StewardConfiguration.parse(yaml: yaml, path: "\(node.file) config")
        } catch let error as ConfigurationError {
            throw ConversationScriptError.invalidConfiguration(file: node.file, reason: error.description)
        }
        return yaml
    }

    static func parseTools(_ node: ScriptNode) throws -> ToolsSetup {
        if node.node.scalar != nil {
            _ = try node.choice(["demo"])
            return ToolsSetup()
        }
        let values = try node.mapping(allowed: ["demo", "without"] + ToolsSetup.DemoFile.allCases.map(\.rawValue))
        var setup = ToolsSetup(demo: try values["demo"]?.bool() ?? true)
        if let without = values["without"] {
            setup.without = try without.strings().map { name in
                guard let kind = ToolKind(rawValue: name) else {
                    throw without.invalid("tool names among \(ToolKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return kind
            }
        }
        for file in ToolsSetup.DemoFile.allCases {
            guard let records = values[file.rawValue] else { continue }
            let items = try records.sequence()
            for item in items where item.node.mapping == nil {
                throw item.invalid("a record (a mapping) shaped like those in demo/\(file.fileName)")
            }
            let data = try JSONSerialization.data(withJSONObject: items.map { $0.json() }, options: [.sortedKeys])
            try check(data, as: file, node: records)
            setup.records[file] = data
        }
        return setup
    }

    /// Decodes the records as the demo store will, so a mistake is reported against the script.
    static func check(_ data: Data, as file: ToolsSetup.DemoFile, node: ScriptNode) throws {
        let decoder = RelativeDate.decoder(now: Date())
        do {
            switch file {
            case .orders: _ = try decoder.decode([Order].self, from: data)
            case .customers: _ = try decoder.decode([CustomerProfile].self, from: data)
            case .products: _ = try decoder.decode([Product].self, from: data)
            case .coupons: _ = try decoder.decode([Coupon].self, from: data)
            case .returns: _ = try decoder.decode([ReturnRequest].self, from: data)
            case .subscriptions: _ = try decoder.decode([Subscription].self, from: data)
            case .loyalty: _ = try decoder.decode([LoyaltyAccount].self, from: data)
            }
        } catch {
            var reason = DemoStoreError.describe(error)
            if reason.contains("Expected to decode String but found number") {
                reason += " (quote numbers that are text, e.g. number: \"1001\")"
            }
            throw ConversationScriptError.invalidRecords(
                file: node.file, key: node.path, reason: "\(reason) (line \(node.line.map(String.init) ?? "?"))")
        }
    }

    static func parseTurn(_ node: ScriptNode) throws -> Turn {
        let values = try node.mapping(allowed: ["say", "click", "title", "channel", "expect"])
        let input: Turn.Input
        switch (values["say"], values["click"]) {
        case (let say?, nil):
            if values["title"] != nil { throw node.invalid("`title` only with `click`") }
            input = .say(try say.string())
        case (nil, let click?):
            input = .click(action: try click.string(), title: try values["title"]?.string())
        case (.some, .some): throw node.invalid("either `say` or `click`, not both")
        case (nil, nil): throw node.invalid("a turn with `say: TEXT` or `click: ACTION`")
        }
        return Turn(
            input: input, channel: try values["channel"].map(parseChannel),
            expect: try values["expect"].map(parseExpectation) ?? ReplyExpectation(), line: node.line)
    }

    static func parseExpectation(_ node: ScriptNode) throws -> ReplyExpectation {
        let values = try node.mapping(allowed: [
            "skill", "intent", "outcome", "text", "text_contains", "text_not_contains", "cards", "cards_contain",
            "suggestions", "suggestions_contain", "handoff_ticket",
        ])
        var expect = ReplyExpectation()
        expect.skill = try values["skill"]?.string()
        expect.intent = try values["intent"]?.string()
        expect.outcome = try values["outcome"]?.choice(outcomes)
        expect.text = try values["text"]?.string()
        expect.textContains = try values["text_contains"]?.strings() ?? []
        expect.textNotContains = try values["text_not_contains"]?.strings() ?? []
        if let cards = values["cards"] {
            if cards.node.scalar != nil {
                expect.cardCount = try cards.count()
            } else {
                guard cards.node.sequence != nil else { throw cards.invalid("a number of cards, or a list of cards") }
                expect.cards = try cards.sequence().map(parseCard)
            }
        }
        expect.cardsContain = try values["cards_contain"]?.sequence().map(parseCard) ?? []
        expect.suggestionCount = try values["suggestions"]?.count()
        expect.suggestionsContain = try values["suggestions_contain"]?.strings() ?? []
        expect.handoffTicket = try values["handoff_ticket"].map(parseTicket)
        return expect
    }

    static func parseCard(_ node: ScriptNode) throws -> CardExpectation {
        let values = try node.mapping(allowed: [
            "kind", "title", "title_contains", "subtitle_contains", "url_contains", "fields", "buttons_contain",
        ])
        var card = CardExpectation()
        card.kind = try values["kind"]?.string()  // any Card.Kind: skills add their own
        card.title = try values["title"]?.string()
        card.titleContains = try values["title_contains"]?.string()
        card.subtitleContains = try values["subtitle_contains"]?.string()
        card.urlContains = try values["url_contains"]?.string()
        card.fields = try values["fields"]?.stringMap() ?? [:]
        card.buttonsContain = try values["buttons_contain"]?.strings() ?? []
        return card
    }

    static func parseTicket(_ node: ScriptNode) throws -> TicketExpectation {
        if node.node.scalar != nil {
            if node.isNull || node.node.scalar?.string == "none" { return TicketExpectation(exists: false) }
            guard node.has(.bool), let exists = node.node.bool else {
                throw node.invalid("`none`, true, or a mapping of ticket fields")
            }
            return TicketExpectation(exists: exists)
        }
        let values = try node.mapping(allowed: [
            "reason", "customer_email", "status", "subject_contains", "transcript_contains", "tags_contain", "summary",
        ])
        var ticket = TicketExpectation()
        ticket.reason = try values["reason"]?.choice([
            "requested", "repeated_miss", "repeated_question", "wrong_answers", "cannot_resolve", "skill_unavailable",
            "unsupported_language",
        ])
        ticket.customerEmail = try values["customer_email"]?.string()
        ticket.status = try values["status"]?.choice(Ticket.Status.allCases.map(\.rawValue))
        ticket.subjectContains = try values["subject_contains"]?.string()
        ticket.transcriptContains = try values["transcript_contains"]?.strings() ?? []
        ticket.tagsContain = try values["tags_contain"]?.strings() ?? []
        ticket.summary = try values["summary"]?.stringMap() ?? [:]
        return ticket
    }
}

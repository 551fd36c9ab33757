import Foundation
import StewardCore
import StewardModel
import StewardYAML

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
        do {
            guard let root = try YAMLNode.parse(yaml, file: file, refusingCutText: true) else {
                throw ConversationScriptError.missingKey(file: file, line: nil, key: "name")
            }
            return try parse(root)
        } catch let error as YAMLError {
            throw ConversationScriptError(error)
        }
    }

    /// The keys a script may have at its top level.
    public static let topLevelKeys = ["name", "description", "channel", "customer", "config", "now", "tools", "turns"]

    static func parse(_ root: YAMLNode) throws -> ConversationScript {
        let file = root.file
        let top = try root.mapping(allowed: topLevelKeys)
        guard let name = top["name"] else { throw ConversationScriptError.missingKey(file: file, line: 1, key: "name") }
        var script = ConversationScript(name: try name.text(), file: file, turns: [])
        if let channel = top["channel"] { script.channel = try parseChannel(channel) }
        if let customer = top["customer"] { script.customer = try parseCustomer(customer) }
        if let config = top["config"] { script.configurationYAML = try parseConfiguration(config) }
        if let now = top["now"] { script.now = try now.date() }
        if let tools = top["tools"] { script.tools = try parseTools(tools, now: script.now) }
        guard let turns = top["turns"] else { throw ConversationScriptError.missingKey(file: file, line: nil, key: "turns") }
        let items = try turns.sequence()
        guard !items.isEmpty else { throw turns.invalid("a list of at least one turn (`- say: ...`)") }
        script.turns = try items.map(parseTurn)
        return script
    }

    static func parseChannel(_ node: YAMLNode) throws -> Channel {
        Channel(rawValue: try node.choice(Channel.allCases.map(\.rawValue)))!
    }

    static func parseCustomer(_ node: YAMLNode) throws -> Customer {
        let values = try node.mapping(allowed: ["email", "profile_id", "name", "authenticated", "phone"])
        return Customer(
            email: try values["email"]?.text(), profileID: try values["profile_id"]?.text(),
            name: try values["name"]?.text(), authenticated: try values["authenticated"]?.bool() ?? false,
            phone: try values["phone"]?.text())
    }

    /// The section as `steward.yaml` text, checked by the configuration parser now (errors at the script's lines).
    static func parseConfiguration(_ node: YAMLNode) throws -> String {
        // Scripts run on the demo store and in memory: no `integrations`, no `store`.
        _ = try node.mapping(allowed: ["agent", "channels", "router", "shop", "data", "skills", "fallback", "handoff"])
        do {
            _ = try StewardConfiguration.parse(node: node)
        } catch let error as ConfigurationError {
            var line: Int?
            if case .located(_, let at, _, _) = error { line = at }
            throw ConversationScriptError.invalidConfiguration(file: node.file, line: line, reason: error.problem.description)
        }
        do {
            return try node.serialized()
        } catch {
            throw ConversationScriptError.invalidConfiguration(file: node.file, line: node.line, reason: "\(error)")
        }
    }

    static func parseTools(_ node: YAMLNode, now: Date?) throws -> ToolsSetup {
        if node.node.scalar != nil {
            _ = try node.choice(["demo"])
            return ToolsSetup()
        }
        let values = try node.mapping(allowed: ["demo", "without"] + ToolsSetup.DemoFile.allCases.map(\.rawValue))
        var setup = ToolsSetup(demo: try values["demo"]?.bool() ?? true)
        if let without = values["without"] {
            setup.without = try without.texts().map { name in
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
            let rows = items.map { ConversationScript.jsonValue($0.any) }
            let data = try JSONSerialization.data(withJSONObject: rows, options: [.sortedKeys])
            try check(data, as: file, node: records, now: now ?? Date())
            try checkFields(rows, as: file, items: items, now: now ?? Date())
            setup.records[file] = data
        }
        return setup
    }

    /// Refuses a record field the demo store would ignore (a misspelt one), naming its line.
    static func checkFields(_ rows: [Any], as file: ToolsSetup.DemoFile, items: [YAMLNode], now: Date) throws {
        let decoder = RelativeDate.decoder(now: now)
        func check<T: Codable & Equatable>(_ type: T.Type) throws {
            for (index, row) in rows.enumerated() {
                guard let record = row as? [String: Any],
                    let path = RecordKeys.firstIgnored(in: record, as: type, decoder: decoder)
                else { continue }
                let item = items[index]
                let keyPath = path.reduce("") { $1.hasPrefix("[") || $0.isEmpty ? $0 + $1 : $0 + "." + $1 }
                throw ConversationScriptError.unknownKey(
                    file: item.file, line: item.place(of: keyPath).line,
                    key: "\(item.path).\(keyPath)",
                    allowed: RecordKeys.knownKeys(at: path, in: record, as: type, decoder: decoder))
            }
        }
        switch file {
        case .orders: try check(Order.self)
        case .customers: try check(CustomerProfile.self)
        case .products: try check(Product.self)
        case .coupons: try check(Coupon.self)
        case .returns: try check(ReturnRequest.self)
        case .subscriptions: try check(Subscription.self)
        case .loyalty: try check(LoyaltyAccount.self)
        }
    }

    /// Decodes the records as the demo store will, so a mistake is reported against the script.
    static func check(_ data: Data, as file: ToolsSetup.DemoFile, node: YAMLNode, now: Date) throws {
        let decoder = RelativeDate.decoder(now: now)
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

    static func parseTurn(_ node: YAMLNode) throws -> Turn {
        let values = try node.mapping(allowed: ["say", "click", "title", "channel", "now", "expect"])
        let input: Turn.Input
        switch (values["say"], values["click"]) {
        case (let say?, nil):
            if values["title"] != nil { throw node.invalid("`title` only with `click`") }
            input = .say(try say.text())
        case (nil, let click?):
            input = .click(action: try click.text(), title: try values["title"]?.text())
        case (.some, .some): throw node.invalid("either `say` or `click`, not both")
        case (nil, nil): throw node.invalid("a turn with `say: TEXT` or `click: ACTION`")
        }
        return Turn(
            input: input, channel: try values["channel"].map(parseChannel), now: try values["now"]?.date(),
            expect: try values["expect"].map(parseExpectation) ?? ReplyExpectation(), line: node.line)
    }

    static func parseExpectation(_ node: YAMLNode) throws -> ReplyExpectation {
        let values = try node.mapping(allowed: [
            "skill", "intent", "outcome", "text", "text_contains", "text_not_contains", "cards", "cards_contain",
            "suggestions", "suggestions_contain", "handoff_ticket",
        ])
        var expect = ReplyExpectation()
        expect.skill = try values["skill"]?.text()
        expect.intent = try values["intent"]?.text()
        expect.outcome = try values["outcome"]?.choice(outcomes)
        expect.text = try values["text"]?.text()
        expect.textContains = try values["text_contains"]?.texts() ?? []
        expect.textNotContains = try values["text_not_contains"]?.texts() ?? []
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
        expect.suggestionsContain = try values["suggestions_contain"]?.texts() ?? []
        expect.handoffTicket = try values["handoff_ticket"].map(parseTicket)
        return expect
    }

    static func parseCard(_ node: YAMLNode) throws -> CardExpectation {
        let values = try node.mapping(allowed: [
            "kind", "title", "title_contains", "subtitle_contains", "url_contains", "fields", "buttons_contain",
        ])
        var card = CardExpectation()
        card.kind = try values["kind"]?.text()  // any Card.Kind: skills add their own
        card.title = try values["title"]?.text()
        card.titleContains = try values["title_contains"]?.text()
        card.subtitleContains = try values["subtitle_contains"]?.text()
        card.urlContains = try values["url_contains"]?.text()
        card.fields = try values["fields"]?.textMap() ?? [:]
        card.buttonsContain = try values["buttons_contain"]?.texts() ?? []
        return card
    }

    static func parseTicket(_ node: YAMLNode) throws -> TicketExpectation {
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
        ticket.customerEmail = try values["customer_email"]?.text()
        ticket.status = try values["status"]?.choice(Ticket.Status.allCases.map(\.rawValue))
        ticket.subjectContains = try values["subject_contains"]?.text()
        ticket.transcriptContains = try values["transcript_contains"]?.texts() ?? []
        ticket.tagsContain = try values["tags_contain"]?.texts() ?? []
        ticket.summary = try values["summary"]?.textMap() ?? [:]
        return ticket
    }
}

extension ConversationScript {
    /// Plain YAML values as JSON-compatible values: dates become ISO 8601 text.
    static func jsonValue(_ value: Any) -> Any {
        switch value {
        case let date as Date: return date.formatted(Date.ISO8601FormatStyle())
        case let list as [Any]: return list.map(jsonValue)
        case let map as [String: Any]: return map.mapValues(jsonValue)
        case let map as [AnyHashable: Any]:
            return Dictionary(map.map { ("\($0.key)", jsonValue($0.value)) }, uniquingKeysWith: { a, _ in a })
        default: return value
        }
    }
}

import Foundation
import StewardCore
import StewardRuntime
import Testing

@Suite struct SessionRecordTests {
    /// A task as the engine makes one (its initializer is internal, so it is decoded).
    static func task(skill: String, intent: String, confidence: Double, slots: [String: String]) throws -> Session.Task {
        let object: [String: Any] = ["skill": skill, "intent": intent, "confidence": confidence, "state": ["slots": slots]]
        return try JSONDecoder().decode(Session.Task.self, from: JSONSerialization.data(withJSONObject: object))
    }

    /// A session with every field set, optionals included, and turns of every kind.
    static func fullSession(text: String = "where is my order #1001?") throws -> Session {
        var session = Session(
            id: "s-\u{1F600}-\"1\"", channel: .whatsapp,
            customer: Customer(
                email: "jane@example.com", profileID: "01HXYZ", name: "Jane \"JJ\" O'Neil\\Doe",
                authenticated: true, verifiedEmail: "jane.verified@example.com", phone: "+15550100200"),
            now: Date(timeIntervalSinceReferenceDate: -123_456_789.987654321))
        session.turns = [
            Turn(
                timestamp: Date(timeIntervalSince1970: 1_700_000_000.123456), role: .customer, text: text, intent: "order_status",
                outcome: "needs_input", confidence: 0.987654321),
            Turn(
                timestamp: Date(timeIntervalSinceReferenceDate: 0.1), role: .agent, text: "It ships\ntomorrow.",
                intent: "order_status", skill: "OrderTracking"),
            Turn(timestamp: Date(timeIntervalSinceReferenceDate: .leastNonzeroMagnitude), role: .human, text: "Hi, I'm Sam.", author: "Sam"),
            Turn(timestamp: Date(timeIntervalSinceReferenceDate: 0), role: .system, text: "handed over"),
        ]
        session.earlierTurnCount = 7
        session.active = try task(
            skill: "Returns", intent: "start_return", confidence: 0.873_456_789_012_345_6,
            slots: ["order": "#1001", "reason": "too \"small\"", "é": "accent", "e\u{0301}x": "combining"])
        session.interrupted = [
            try task(skill: "OrderTracking", intent: "order_status", confidence: 1, slots: [:]),
            try task(skill: "Coupons", intent: "coupon", confidence: 1e-7, slots: ["code": "SAVE\t10"]),
        ]
        session.skillsUsed = ["OrderTracking", "Returns", "Loyalty"]
        session.routedToTeam = true
        session.fallback.misses = 2
        session.fallback.complaints = -1
        session.fallback.pending = .email
        session.fallback.reason = "repeated_miss"
        session.fallback.ticketID = "T-\u{2028}42"
        session.fallback.reasks = 1
        session.fallback.toolFailures = 1
        session.active?.reasks = 2
        session.facts = ["order": "#1001", "carrier": "UPS", "status": "in\u{2029}transit", "": "empty key"]
        session.language = ConversationLanguage(code: "pl", source: .locked)
        session.updatedAt = Date(timeIntervalSinceReferenceDate: 987_654_321.000_000_1)
        return session
    }

    /// The session as the header record decodes: no turns, none left out.
    static func headerOnly(_ session: Session) -> Session {
        var header = session
        header.turns = []
        header.earlierTurnCount = 0
        return header
    }

    static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    @Test func aFreshSessionReadsBackEqual() throws {
        let session = Session(id: "s1")
        let json = SessionRecord.header(session)
        #expect(try Self.decode(Session.self, json) == session)
        #expect(json.contains(#""turns":[]"#))
    }

    @Test func aSessionWithEveryFieldSetReadsBackEqual() throws {
        let session = try Self.fullSession()
        #expect(try Self.decode(Session.self, SessionRecord.header(session)) == Self.headerOnly(session))
        for turn in session.turns {
            #expect(try Self.decode(Turn.self, SessionRecord.turn(turn)) == turn)
        }
    }

    @Test func datesReadBackToTheSameInstant() throws {
        let seconds: [Double] = [
            0, -0.0, 0.1, 1e-7, .leastNonzeroMagnitude, -1.5, 1_700_000_000.123456, 793_456_789.123_456_7, -978_307_200,
            Date.distantPast.timeIntervalSinceReferenceDate, Date.distantFuture.timeIntervalSinceReferenceDate,
            Date().timeIntervalSinceReferenceDate, 1e300, .greatestFiniteMagnitude,
        ]
        for value in seconds {
            var session = Session(id: "s1", now: Date(timeIntervalSinceReferenceDate: value))
            session.updatedAt = Date(timeIntervalSinceReferenceDate: value.nextDown)
            let decoded = try Self.decode(Session.self, SessionRecord.header(session))
            #expect(decoded.createdAt.timeIntervalSinceReferenceDate.bitPattern == value.bitPattern, "\(value)")
            #expect(decoded == session, "\(value)")
        }
    }

    @Test(arguments: [
        "quote \" and backslash \\ and slash /", "line\nbreak\r\nand\ttab", "control \u{0001}\u{001F}\u{007F}",
        "separators \u{2028} and \u{2029}", "emoji 👩‍👩‍👧 🇵🇱", "Korean 배송은 언제 되나요?", "combining e\u{0301} a\u{0308}\u{0323}",
        "euro € ellipsis … dash — (other 0xE2 leads)", "", "\u{0000}",
    ])
    func oddTextReadsBackEqual(text: String) throws {
        let session = try Self.fullSession(text: text)
        let header = try Self.decode(Session.self, SessionRecord.header(session))
        #expect(header == Self.headerOnly(session))
        for turn in session.turns {
            let decoded = try Self.decode(Turn.self, SessionRecord.turn(turn))
            #expect(decoded == turn)
            #expect(Array(decoded.text.utf8) == Array(turn.text.utf8))
        }
        var customer = session
        customer.customer.name = text
        customer.facts = [text: text]
        #expect(try Self.decode(Session.self, SessionRecord.header(customer)) == Self.headerOnly(customer))
    }

    @Test func aRecordWrittenBeforeSessionsHadALanguageStillLoads() throws {
        // The header as it was stored before `language` existed.
        let old = #"{"id":"s1","channel":"sms","customer":{"authenticated":false},"turns":[],"interrupted":[],"#
            + #""skillsUsed":["order_tracking"],"routedToTeam":false,"fallback":{"misses":1,"complaints":0},"facts":{},"#
            + #""createdAt":2.0,"updatedAt":3.0}"#
        let session = try Self.decode(Session.self, old)
        #expect(session.language == nil)
        #expect(session.channel == .sms)
        #expect(session.skillsUsed == ["order_tracking"])
        #expect(session.fallback.misses == 1)
    }

    @Test func theLanguageIsWrittenWithHowItWasSet() throws {
        var session = Session(id: "s1", now: Date(timeIntervalSinceReferenceDate: 2))
        session.language = ConversationLanguage(code: "ko", source: .chosen)
        let header = SessionRecord.header(session)
        #expect(header.contains(#""facts":{},"language":{"code":"ko","source":"chosen"},"createdAt""#))
        #expect(try Self.decode(Session.self, header).language == session.language)
    }

    @Test func dictionaryKeysAreWrittenInSortedOrder() throws {
        var session = Session(id: "s1", now: Date(timeIntervalSinceReferenceDate: 0))
        session.facts = ["b": "2", "a": "1", "c": "3"]
        #expect(SessionRecord.header(session).contains(#""facts":{"a":"1","b":"2","c":"3"}"#))
        var copy = session
        copy.facts = Dictionary(uniqueKeysWithValues: session.facts.reversed())
        #expect(SessionRecord.header(copy) == SessionRecord.header(session))
    }

    @Test func nilOptionalsAreLeftOutAsJSONEncoderLeavesThemOut() throws {
        let turn = Turn(timestamp: Date(timeIntervalSinceReferenceDate: 1.5), role: .customer, text: "hi")
        #expect(SessionRecord.turn(turn) == #"{"timestamp":1.5,"role":"customer","text":"hi"}"#)
        let header = SessionRecord.header(Session(id: "s1", now: Date(timeIntervalSinceReferenceDate: 2)))
        #expect(
            header == #"{"id":"s1","channel":"webchat","customer":{"authenticated":false},"turns":[],"interrupted":[],"#
                + #""skillsUsed":[],"routedToTeam":false,"fallback":{"misses":0,"complaints":0},"facts":{},"#
                + #""createdAt":2.0,"updatedAt":2.0}"#)
    }

    // MARK: No field left behind

    /// The coded key of a stored property, where it differs from the property's name.
    static let renamedKeys = ["profileID": "profile_id", "verifiedEmail": "verified_email"]

    /// Checks that `value` (from a fixture) sets every stored property, and that each one appears
    /// as a key of `object`, the hand-written JSON for it.
    static func expectEveryProperty(
        of value: Any, in object: Any?, excluding excluded: Set<String> = [], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let object = object as? [String: Any] else {
            Issue.record("no JSON object for \(type(of: value))", sourceLocation: sourceLocation)
            return
        }
        for child in Mirror(reflecting: value).children {
            guard let label = child.label, !excluded.contains(label) else { continue }
            let property = "\(type(of: value)).\(label)"
            let optional = Mirror(reflecting: child.value)
            if optional.displayStyle == .optional && optional.children.isEmpty {
                Issue.record("the fixture leaves \(property) nil: set it so the test can see it written", sourceLocation: sourceLocation)
                continue
            }
            let key = renamedKeys[label] ?? label
            #expect(object[key] != nil, "\(property) is not written as \"\(key)\" by SessionRecord", sourceLocation: sourceLocation)
        }
    }

    @Test func everyStoredPropertyIsWritten() throws {
        let session = try Self.fullSession()
        let header = try JSONSerialization.jsonObject(with: Data(SessionRecord.header(session).utf8)) as? [String: Any]
        let active = header?["active"] as? [String: Any]
        let fallback = header?["fallback"] as? [String: Any]
        Self.expectEveryProperty(of: session, in: header, excluding: ["earlierTurnCount"])
        Self.expectEveryProperty(of: session.customer, in: header?["customer"])
        Self.expectEveryProperty(of: try #require(session.active), in: active)
        Self.expectEveryProperty(of: try #require(session.active).state, in: active?["state"])
        Self.expectEveryProperty(of: session.fallback, in: fallback)
        Self.expectEveryProperty(of: try #require(session.language), in: header?["language"])
        let turn = Turn(
            timestamp: Date(timeIntervalSinceReferenceDate: 1), role: .human, text: "hi", intent: "i", skill: "s", author: "Sam",
            outcome: "resolved", confidence: 0.8125, messageID: "m1")
        let object = try JSONSerialization.jsonObject(with: Data(SessionRecord.turn(turn).utf8))
        Self.expectEveryProperty(of: turn, in: object)
    }

    @Test func theKeysAreThoseJSONEncoderWrites() throws {
        let session = try Self.fullSession()
        let encoded = try JSONEncoder().encode(Self.headerOnly(session))
        let expected = try JSONSerialization.jsonObject(with: encoded)
        let written = try JSONSerialization.jsonObject(with: Data(SessionRecord.header(session).utf8))
        #expect(Self.keyPaths(expected) == Self.keyPaths(written))
        for turn in session.turns {
            let expected = try JSONSerialization.jsonObject(with: JSONEncoder().encode(turn))
            let written = try JSONSerialization.jsonObject(with: Data(SessionRecord.turn(turn).utf8))
            #expect(Self.keyPaths(expected) == Self.keyPaths(written))
        }
    }

    /// Every key path in a JSON value, e.g. `customer.profile_id`, `interrupted[].state.slots`.
    static func keyPaths(_ value: Any, prefix: String = "") -> Set<String> {
        if let object = value as? [String: Any] {
            return object.reduce(into: []) { paths, member in
                let path = prefix.isEmpty ? member.key : prefix + "." + member.key
                paths.insert(path)
                paths.formUnion(keyPaths(member.value, prefix: path))
            }
        }
        if let array = value as? [Any] {
            return array.reduce(into: []) { $0.formUnion(keyPaths($1, prefix: prefix + "[]")) }
        }
        return []
    }
}

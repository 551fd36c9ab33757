import Foundation
import Testing
import StewardCore
import StewardRouter
@testable import StewardRuntime

/// First messages of a conversation, as customers write them, routed by the shipped model. None of
/// these sentences is a training example (checked below), so they test what the model learned.
@Suite struct RoutingTests {
    /// (text, the skill that must answer; `handoff`: a person offered; `other`: no transactional skill).
    static let firstMessages: [(String, String)] = [
        // The examples of issue 10.
        ("I'd like some help finding out how long delivery usually takes", "knowledge_base"),
        ("could you help me check which ways of paying you accept", "knowledge_base"),
        ("where do I go to get reimbursed for my purchase", "returns"),
        ("I am still waiting on a restitution of 80 dollars", "returns"),
        ("compensation for 45 dollars please", "returns"),
        ("help me look at the fees for cancelling", "knowledge_base"),
        ("can I place an order from Vancouver", "other"),
        ("ETA for purchase 804417265519", "order_tracking"),
        ("current status of purchase 552093871146 please", "order_tracking"),
        ("Var är mitt paket?", "order_tracking"),
        ("제 택배 언제 와요?", "order_tracking"),
        ("반품하고 싶어요", "returns"),
        ("say something funny", "other"),
        ("I want a copy of my invoice", "other"),
        // Each language: order status, a return, a discount code, a person.
        ("czy możecie sprawdzić gdzie jest moja przesyłka z zamówienia 1003", "order_tracking"),
        ("chciałbym oddać buty, które kupiłem w zeszłym tygodniu", "returns"),
        ("macie jakiś kod zniżkowy na pierwsze zakupy?", "coupons"),
        ("wolałbym porozmawiać z kimś z obsługi, nie z botem", "handoff"),
        ("när kommer min beställning 1003 fram?", "order_tracking"),
        ("jag skulle vilja skicka tillbaka jackan, den var för liten", "returns"),
        ("finns det någon rabattkod jag kan använda?", "coupons"),
        ("kan jag få prata med en riktig person tack", "handoff"),
        ("주문한 물건이 아직 안 왔는데 어디쯤 있나요?", "order_tracking"),
        ("사이즈가 안 맞아서 반품하려고 합니다", "returns"),
        ("할인 코드 있으면 알려주세요", "coupons"),
        ("직원이랑 직접 얘기하고 싶어요", "handoff"),
        ("Wann kommt eigentlich mein Paket mit der Bestellung 1003?", "order_tracking"),
        ("Ich möchte die Schuhe zurückgeben, sie passen nicht", "returns"),
        ("Habt ihr gerade einen Rabattcode?", "coupons"),
        ("Ich hätte gern einen echten Menschen am Apparat", "handoff"),
        ("¿Dónde está mi paquete? Hice el pedido 1003 hace una semana", "order_tracking"),
        ("quisiera devolver la chaqueta, me queda grande", "returns"),
        ("¿tienen algún código de descuento?", "coupons"),
        ("prefiero hablar con una persona de verdad", "handoff"),
        ("où en est ma commande 1003 ? toujours rien reçu", "order_tracking"),
        ("je souhaite renvoyer la veste, elle est trop petite", "returns"),
        ("vous avez un code promo en ce moment ?", "coupons"),
        ("je voudrais parler à un conseiller humain s'il vous plaît", "handoff"),
        // Steward's own intents do not swallow requests that merely contain "help", "no" or "cancel".
        ("can you help me track order 1002", "order_tracking"),
        ("no code works at checkout, it says invalid", "coupons"),
        ("please cancel my coffee subscription", "subscriptions"),
        ("cancel my newsletter", "other"),
    ]

    static let transactional: Set<String> = [
        "order_tracking", "order_editing", "returns", "coupons", "subscriptions", "loyalty", "recommendations",
    ]

    /// The shipped engine with a local helpdesk, as `steward pipe` runs it (a person can be offered).
    static let engine = Result {
        try ConversationEngine.make(
            configuration: StewardConfiguration(), skills: shippedSkills, baseDirectory: repositoryRoot,
            tickets: InMemoryTicketStore())
    }

    @Test(arguments: firstMessages) func aFirstMessageReachesTheRightSkill(text: String, expected: String) async throws {
        let reply = try await Conversation(try Self.engine.get()).say(text)
        switch expected {
        case "handoff": #expect(reply.outcome == "handoff_offered", "\(text) -> \(reply.skill ?? "-") \(reply.outcome)")
        case "other": #expect(!Self.transactional.contains(reply.skill ?? ""), "\(text) -> \(reply.skill ?? "-")")
        default: #expect(reply.skill == expected, "\(text) -> \(reply.skill ?? "-") \(reply.intent ?? "-")")
        }
    }

    @Test func aScriptNoServedLanguageWritesIsOfferedAPerson() async throws {
        let reply = try await Conversation(try Self.engine.get()).say("Здравствуйте, где мой заказ? Он ещё не пришёл")
        #expect(reply.outcome == "handoff_offered")
        #expect(reply.language == "en")
    }

    @Test func aQuestionInAnotherLanguageThanTheChosenOneIsStillAnswered() async throws {
        let engine = try Self.engine.get()
        let session = "chosen-\(UUID().uuidString.prefix(6))"
        let reply = try await engine.respond(
            to: IncomingMessage(session: session, text: "how long does delivery take to Canada?", language: "sv"))
        #expect(reply.skill == "knowledge_base")
        #expect(reply.outcome == "resolved")
        #expect(reply.text.contains("(From shipping.md"))
    }

    @Test func aMessageCarryingTheOrderNumberIsNotAskedForIt() async throws {
        let jane = Customer(email: "jane.doe@example.com", authenticated: true)
        let reply = try await Conversation(try makeEngine(), customer: jane).say("current status of purchase 1001 please")
        #expect(reply.skill == "order_tracking")
        #expect(!reply.text.contains("order number"))
        #expect(reply.text.contains("1001"))
    }

    @Test func generalQuestionsQuoteTheRightFile() async throws {
        let engine = try makeEngine()
        let delivery = try await Conversation(engine).say("how many days until a parcel reaches me")
        #expect(delivery.text.contains("(From shipping.md"))
        let cards = try await Conversation(engine).say("which cards can I pay with")
        #expect(cards.text.contains("(From payment.md"))
        let invoice = try await Conversation(engine).say("I want a copy of my invoice")
        #expect(invoice.text.contains("(From account.md"))
    }

    /// The evaluation sets must stay apart from training: no line of them may be a training example
    /// (compared without case, punctuation, spacing or digits), and neither may the sentences above.
    @Test func evaluationDataIsNotTrainingData() throws {
        func normal(_ text: String) -> String {
            let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
            var result = ""
            var lastWasSpace = true
            var lastWasDigit = false
            for character in folded {
                if character.isNumber {
                    if !lastWasDigit { result.append("0") }
                    lastWasDigit = true
                    lastWasSpace = false
                    continue
                }
                lastWasDigit = false
                if character.isLetter {
                    result.append(character)
                    lastWasSpace = false
                } else if !lastWasSpace {
                    result.append(" ")
                    lastWasSpace = true
                }
            }
            return result.trimmingCharacters(in: .whitespaces)
        }
        let registry = try SkillRegistry(skills: shippedSkills)
        let training = Set(RouterTraining.data(for: registry).examples.map { normal($0.text) })
        #expect(training.count > 10_000)
        let folder = repositoryRoot.appendingPathComponent("Benchmarks/routing")
        var evaluated = 0
        var overlapping: [String] = []
        for file in ["test.jsonl", "validation.jsonl"] {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(whereSeparator: \.isNewline) {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                let sentence = try #require(object?["text"] as? String)
                evaluated += 1
                if training.contains(normal(sentence)) { overlapping.append("\(file): \(sentence)") }
            }
        }
        #expect(evaluated >= 2_000)
        for (sentence, _) in Self.firstMessages where training.contains(normal(sentence)) {
            overlapping.append("RoutingTests: \(sentence)")
        }
        #expect(overlapping.isEmpty, "also training examples: \(overlapping)")
    }

    @Test func explainSaysWhichRuleDecided() async throws {
        let engine = try makeEngine()
        let session = "explain-\(UUID().uuidString.prefix(6))"
        let routed = try await engine.respond(to: IncomingMessage(session: session, text: "where is my order #1001?", explain: true))
        let trace = try #require(routed.routing)
        #expect(trace.rule == .router)
        #expect(trace.decision == .match)
        #expect(trace.candidates.first?.intent == "order_status")
        #expect(trace.candidates.first?.skill == "order_tracking")
        #expect(!trace.terms.isEmpty)
        #expect(trace.threshold == engine.router.settings.threshold)
        #expect(trace.margin == engine.router.settings.margin)
        let answer = try await engine.respond(to: IncomingMessage(session: session, text: "jane.doe@example.com", explain: true))
        #expect(answer.routing?.rule == .waitingQuestion)
        let plain = try await engine.respond(to: IncomingMessage(session: session, text: "thanks"))
        #expect(plain.routing == nil)
        let gibberish = try await engine.respond(to: IncomingMessage(session: "g-\(session)", text: "qwxz vbnm plok", explain: true))
        #expect(gibberish.routing?.rule == .fallback)
        #expect(gibberish.routing?.decision == .noMatch)
    }

    @Test func theExplanationIsWrittenToThePipe() throws {
        let trace = RoutingTrace(
            rule: .router, decision: .match, candidates: [.init(intent: "order_status", skill: "order_tracking", confidence: 0.9)],
            outOfScope: 0.01, terms: [TermWeight(term: "parcel", weight: 1.5)], keywords: ["parcel"], threshold: 0.4, margin: 0.15)
        let reply = AgentReply(
            session: "s", replyTo: "m", text: "hi", skill: "order_tracking", intent: "order_status", confidence: 0.9,
            outcome: "resolved", channel: .sms, routing: trace)
        let object = try JSONSerialization.jsonObject(with: Data(PipeOutput.reply(reply).utf8)) as? [String: Any]
        let routing = try #require(object?["routing"] as? [String: Any])
        #expect(routing["rule"] as? String == "router")
        #expect(routing["decision"] as? String == "match")
        #expect((routing["candidates"] as? [[String: Any]])?.first?["skill"] as? String == "order_tracking")
        #expect((routing["terms"] as? [[String: Any]])?.first?["term"] as? String == "parcel")
        #expect(routing["keywords"] as? [String] == ["parcel"])
        #expect(routing["threshold"] as? Double == 0.4)
        #expect(routing["margin"] as? Double == 0.15)
    }
}

@Suite struct MissedMessageTests {
    func turn(_ text: String, _ outcome: String?, intent: String? = nil, confidence: Double? = nil, at seconds: Double) -> Turn {
        Turn(timestamp: Date(timeIntervalSince1970: seconds), role: .customer, text: text, intent: intent, outcome: outcome, confidence: confidence)
    }

    @Test func eachKindOfMissIsListedOnce() {
        let turns = [
            turn("where is my parcel", "needs_input", intent: "order_status", confidence: 0.95, at: 1),
            Turn(timestamp: Date(timeIntervalSince1970: 2), role: .agent, text: "What's your order number?"),
            turn("blorp", "no_match", confidence: 0.01, at: 3),
            turn("refund or exchange", "ambiguous", intent: nil, confidence: 0.4, at: 4),
            turn("my thing", "resolved", intent: "return_policy", confidence: 0.42, at: 5),
            turn("that's not what I asked", "resolved", intent: "system.complaint", confidence: 0.9, at: 6),
            turn("[handoff:yes]", "needs_input", at: 7),
            turn("a person please", "handoff_offered", intent: "system.human", confidence: 0.99, at: 8),
        ]
        let missed = MissedMessage.collect(from: [("s1", turns)]) { _ in ("coupon_request", 0.3) }
        #expect(missed.map(\.text) == ["blorp", "refund or exchange", "my thing", "that's not what I asked", "a person please"])
        #expect(missed.map(\.reason) == [.noMatch, .ambiguous, .lowConfidence, .complaint, .handoff])
        #expect(missed[0].guess == "coupon_request")
        #expect(missed[2].guess == "return_policy")
        #expect(missed[2].confidence == 0.42)
        #expect(missed.allSatisfy { $0.session == "s1" })
        let since = MissedMessage.collect(from: [("s1", turns)], since: Date(timeIntervalSince1970: 5))
        #expect(since.map(\.text) == ["my thing", "that's not what I asked", "a person please"])
    }
}

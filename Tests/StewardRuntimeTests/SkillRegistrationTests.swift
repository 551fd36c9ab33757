import Foundation
import StewardCore
import StewardRuntime
import Testing

/// A skill written as the README's "Writing a skill" shows.
struct GiftCardsSkill: Skill {
    var manifestURL: URL? { Bundle.module.url(forResource: "Fixtures/GiftCards/skill", withExtension: "yaml") }

    func handle(_ request: SkillRequest, context: SkillContext) async throws -> SkillResponse {
        .answer("Your gift card balance is on the back of the card.")
    }
}

/// A skill whose manifest is missing.
struct BrokenSkill: Skill {
    var manifestURL: URL? { nil }
    func handle(_ request: SkillRequest, context: SkillContext) async throws -> SkillResponse { .answer("") }
}

@Suite struct SkillRegistrationTests {
    @Test func aSkillAddedWithOneLineIsRoutedTo() async throws {
        let engine = try makeEngine(skills: shippedSkills + [GiftCardsSkill()])
        let chat = Conversation(engine)
        let reply = try await chat.say("how much is left on my gift card?")
        #expect(reply.skill == "gift_cards")
        #expect(reply.intent == "gift_card_balance")
        #expect(reply.text.contains("gift card balance"))
        // The other skills still get their own messages.
        #expect(try await chat.say("where is my order").skill == "order_tracking")
    }

    @Test func aSkillIsNotOfferedOnChannelsItDoesNotServe() async throws {
        let engine = try makeEngine(skills: shippedSkills + [GiftCardsSkill()])
        let chat = Conversation(engine, channel: .email)
        let reply = try await chat.say("how much is left on my gift card?")
        // Not served here: the proactive handoff (without a ticket store, the fixed message).
        #expect(reply.outcome == "handoff")
        #expect(reply.text.contains("can't help with gift cards"))
        #expect(!engine.liveSkills(on: .email).contains { $0.id == "gift_cards" })
    }

    @Test func liveSkillsAreTheRegistryFilteredByStatusAndChannel() throws {
        var configuration = StewardConfiguration()
        configuration.disabledSkills = ["coupons"]
        let engines = [
            try makeEngine(skills: shippedSkills + [GiftCardsSkill()]),
            try makeEngine(configuration: configuration, skills: [GiftCardsSkill()] + shippedSkills),
        ]
        for engine in engines {
            for channel in Channel.allCases {
                // As `liveSkills(on:)` worked it out on every call before it was computed in `init`.
                let expected = engine.registry.entries.map(\.manifest).filter { engine.statuses[$0.id] == .live && $0.serves(channel) }
                #expect(engine.liveSkills(on: channel).map(\.id) == expected.map(\.id))
            }
        }
        #expect(engines[0].liveSkills(on: .sms).contains { $0.id == "gift_cards" })
        #expect(!engines[1].liveSkills(on: .webchat).contains { $0.id == "coupons" })
    }

    @Test func aSkillMissingItsKnowledgeIsUnavailableWithTheReason() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("steward-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("knowledge"), withIntermediateDirectories: true)
        try "# Shipping\n## Times\nWe ship in 2 days.\n".write(
            to: root.appendingPathComponent("knowledge/shipping.md"), atomically: true, encoding: .utf8)
        var configuration = StewardConfiguration()
        configuration.data.demoDirectory = repositoryRoot.appendingPathComponent("demo").path
        let engine = try ConversationEngine.make(
            configuration: configuration, skills: shippedSkills + [GiftCardsSkill()], baseDirectory: root)
        #expect(engine.statuses["gift_cards"] == .unavailable(reason: "no payment page in knowledge/ (payment.md)"))
        #expect(engine.statuses["order_tracking"] == .live)
    }

    @Test func aSkillWithoutAManifestIsRefusedWithAClearMessage() {
        #expect(throws: SkillRegistryError.missingManifest(skill: "BrokenSkill")) {
            try SkillRegistry(skills: [BrokenSkill()])
        }
    }

    @Test func switchedOffSkillsGetNoTraffic() async throws {
        var configuration = StewardConfiguration()
        configuration.disabledSkills = ["coupons"]
        let engine = try makeEngine(configuration: configuration)
        let reply = try await Conversation(engine).say("do you have any discount codes?")
        #expect(reply.outcome == "handoff")
        #expect(!reply.text.contains("WELCOME10"))
    }
}

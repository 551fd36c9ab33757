import Testing
@testable import StewardRouter

@Suite struct ModelArchiveTests {
    static let examples: [TrainingExample] = [
        .init(text: "where is my order", intent: "track"), .init(text: "track my parcel", intent: "track"),
        .init(text: "has my package shipped", intent: "track"), .init(text: "i want a refund", intent: "refund"),
        .init(text: "money back please", intent: "refund"), .init(text: "return these boots", intent: "refund"),
        .init(text: "tell me a joke", intent: "oos"), .init(text: "what's the weather", intent: "oos"),
    ]

    @Test(arguments: [0, 16]) func aRestoredRouterRoutesAlike(hidden: Int) throws {
        var settings = RouterSettings(hiddenUnits: hidden, hiddenMinExamplesPerIntent: 1)
        settings.minDocumentFrequency = 1
        let router = try IntentRouter(examples: Self.examples, keywords: ["track": ["tracking"]], settings: settings)
        let restored = try IntentRouter(archive: router.archive())
        #expect(restored.intents == router.intents)
        #expect(restored.settings == router.settings)
        for text in ["where's my parcel", "refund for my boots", "tracking please", "weather tomorrow", "zzz"] {
            #expect(restored.rank(text) == router.rank(text))
            #expect(restored.explain(text) == router.explain(text))
        }
    }

    @Test func damagedArchivesAreRejected() throws {
        let bytes = try IntentRouter(examples: Self.examples).archive()
        #expect(throws: ModelArchiveError.self) { try IntentRouter(archive: Array(bytes.prefix(bytes.count / 2))) }
        #expect(throws: ModelArchiveError.self) { try IntentRouter(archive: Array("not a model".utf8)) }
        var otherVersion = bytes
        otherVersion[6] = 99
        #expect(throws: ModelArchiveError.self) { try IntentRouter(archive: otherVersion) }
    }

    @Test func rareFeaturesArePruned() throws {
        var all = RouterSettings()
        all.minDocumentFrequency = 1
        var pruned = all
        pruned.minDocumentFrequency = 2
        let full = try IntentRouter(examples: Self.examples, settings: all)
        let small = try IntentRouter(examples: Self.examples, settings: pruned)
        #expect(small.features.count < full.features.count)
        #expect(small.features.count > 0)
    }
}

import Foundation
import StewardCore
import StewardRuntime
import Testing

@Suite struct RecommendationsSkillTests {
    /// The catalog's price of a product shown on a card.
    func price(_ card: Card) throws -> Decimal {
        let value = try #require(card.fields.first { $0.label == "Price" }?.value)
        return try #require(Decimal(string: String(value.dropFirst())))
    }

    @Test func aWarmJacketUnderABudgetRespectsThePrice() async throws {
        let reply = try await Conversation(try makeEngine()).say("can you recommend a warm jacket under $100?")
        #expect(reply.skill == "recommendations")
        #expect(reply.intent == "product_recommendation")
        #expect(reply.outcome == "resolved")
        #expect(!reply.cards.isEmpty)
        for card in reply.cards {
            #expect(card.kind == .product)
            #expect(try price(card) <= 100)
            #expect(card.subtitle?.contains("In stock") == true)
            #expect(card.url?.hasPrefix("https://northwind.example/products/") == true)
            #expect(card.imageURL != nil)
            #expect(card.buttons.contains { $0.title == "View product" && $0.url == card.url })
        }
        #expect(reply.cards.contains { $0.title == "Ember Synthetic Puffer" })
        #expect(!reply.cards.contains { $0.title == "Summit Down Parka" })
        #expect(reply.text.contains("under $100.00"))
    }

    @Test(arguments: [("show me tents over $250", 250, 100_000), ("any trail running shoes between 100 and 150", 100, 150), ("something warm below 50", 0, 50)])
    func priceFiltersAreRead(text: String, low: Int, high: Int) async throws {
        let reply = try await Conversation(try makeEngine()).say(text)
        #expect(reply.skill == "recommendations")
        #expect(!reply.cards.isEmpty)
        for card in reply.cards {
            #expect(try price(card) >= Decimal(low))
            #expect(try price(card) <= Decimal(high))
        }
    }

    @Test func somethingLikeAProductFindsOthersOfTheSameKind() async throws {
        let reply = try await Conversation(try makeEngine()).say("something like the blue runners")
        #expect(reply.skill == "recommendations")
        #expect(reply.text.contains("Trailblazer Runner — Blue"))
        #expect(!reply.cards.isEmpty)
        #expect(!reply.cards.contains { $0.title == "Trailblazer Runner — Blue" })
        #expect(reply.cards.allSatisfy { $0.subtitle?.hasPrefix("Running Shoes") == true })
    }

    @Test func aSoldOutBestMatchIsSaidAndInStockAlternativesShown() async throws {
        let reply = try await Conversation(try makeEngine()).say("do you have anything similar to the glacier expedition parka")
        #expect(reply.text.contains("Glacier Expedition Parka is sold out"))
        #expect(!reply.cards.isEmpty)
        #expect(reply.cards.allSatisfy { $0.subtitle?.contains("In stock") == true })
        let search = try await Conversation(try makeEngine()).say("i'm looking for a family tent for 4 people")
        #expect(search.text.contains("sold out"))
        #expect(search.text.contains("Basecamp 4-Person Tent"))
    }

    @Test func nothingFittingIsSaidNeverInvented() async throws {
        let engine = try makeEngine()
        let catalog = try #require(try await engine.tools.products?.products()).map(\.title)
        let reply = try await Conversation(engine).say("i need a tent under $100")
        #expect(reply.skill == "recommendations")
        #expect(reply.outcome == "handoff" || reply.outcome == "handoff_offered")
        #expect(reply.text.contains("couldn't find anything"))
        #expect(reply.cards.isEmpty)
        let nothing = try await Conversation(engine).say("can you recommend a snowboard")
        #expect(nothing.text.contains("couldn't find anything"))
        #expect(nothing.cards.allSatisfy { catalog.contains($0.title) })
    }

    @Test func smsGetsProductLinksInTheText() async throws {
        let reply = try await Conversation(try makeEngine(), channel: .sms).say("recommend a warm jacket under $100")
        #expect(reply.cards.isEmpty)
        #expect(reply.text.contains("https://northwind.example/products/"))
        #expect(reply.text.contains("Ember Synthetic Puffer"))
    }
}

import Foundation
import StewardCore
@testable import StewardRuntime
import Testing

/// The hand-written JSON of an answered message reads back with `JSONDecoder` as the same value.
@Suite struct AnsweredMessageRecordTests {
    static func full() -> AnsweredMessage {
        var reply = AgentReply(
            session: "s-\u{2028}1", replyTo: "m1", text: "Order #1001 is \"in transit\".\nTrack: https://x.example/?a=1&b=2",
            cards: [
                Card(
                    kind: .order, title: "Order #1001", subtitle: "In transit", fields: [Card.Field("Items", "1× Jacket (M)")],
                    imageURL: "https://x.example/i.png", url: "https://x.example/o/1001",
                    buttons: [Card.Button(title: "View", url: "https://x.example/o/1001"), Card.Button(title: "Return", action: "intent:return_start")]),
                Card(kind: .article, title: "Shipping"),
            ],
            suggestions: [Suggestion("Yes", action: "skill:x:confirm"), Suggestion("Where is my order?")],
            skill: "order_tracking", intent: "order_status", confidence: 0.873_456_789, outcome: "resolved", channel: .sms,
            language: "pl")
        reply.mergedIDs = ["m0", "m1"]
        return AnsweredMessage(messageID: "m1", reply: reply, answeredAt: Date(timeIntervalSinceReferenceDate: 12_345.678_9))
    }

    @Test func aFullRecordReadsBackEqual() throws {
        let message = Self.full()
        let json = AnsweredMessageRecord.json(message)
        #expect(try JSONDecoder().decode(AnsweredMessage.self, from: Data(json.utf8)) == message)
    }

    @Test func aRecordWithoutOptionalsReadsBackEqual() throws {
        let reply = AgentReply(
            session: "s", replyTo: nil, text: "", skill: nil, intent: nil, confidence: nil, outcome: "no_match", channel: .webchat,
            language: "en")
        let message = AnsweredMessage(messageID: "é", reply: reply, answeredAt: Date(timeIntervalSinceReferenceDate: 0))
        let json = AnsweredMessageRecord.json(message)
        #expect(try JSONDecoder().decode(AnsweredMessage.self, from: Data(json.utf8)) == message)
        #expect(!json.contains("null"))
    }

    @Test func everyStoredPropertyIsWritten() throws {
        let message = Self.full()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(AnsweredMessageRecord.json(message).utf8)) as? [String: Any])
        for child in Mirror(reflecting: message).children {
            let label = try #require(child.label)
            #expect(object[label] != nil, "AnsweredMessage.\(label) is not written")
        }
        let card = try #require((object["cards"] as? [[String: Any]])?.first)
        for child in Mirror(reflecting: message.cards[0]).children {
            let label = try #require(child.label)
            #expect(card[label == "imageURL" ? "image_url" : label] != nil, "Card.\(label) is not written")
        }
    }
}

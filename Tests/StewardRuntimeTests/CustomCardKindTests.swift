import StewardCore
import StewardRuntime
import Testing

/// A card kind a skill adds is rendered on every channel like Steward's own: title, subtitle, fields, links.
@Suite struct CustomCardKindTests {
    static let card = Card(
        kind: "store_hours", title: "Opening hours", subtitle: "Main Street store", fields: [Card.Field("Mon", "09:00-17:00")],
        url: "https://shop.example/stores/main")

    @Test func everyChannelShowsTheCard() {
        let reply = SkillResponse.answer("We're open until 17:00.", cards: [Self.card])
        let renderer = ChannelRenderer()
        #expect(renderer.render(reply, for: .webchat).cards == [Self.card])
        for channel in [Channel.sms, .whatsapp, .email] {
            let text = renderer.render(reply, for: channel).text
            #expect(text.contains("Opening hours\nMain Street store\nMon: 09:00-17:00\nhttps://shop.example/stores/main"), "\(channel)")
        }
        // The same text as a built-in kind gets.
        var order = Self.card
        order.kind = .order
        #expect(renderer.block(Self.card) == renderer.block(order))
    }

    @Test func thePipeWritesTheKindsName() {
        let reply = AgentReply(
            session: "s", replyTo: "m", text: "Open.", cards: [Self.card], suggestions: [], skill: "store_hours",
            intent: "store_hours_open", confidence: 1, outcome: "resolved", channel: .webchat)
        #expect(PipeOutput.reply(reply).contains(#""cards":[{"kind":"store_hours","title":"Opening hours""#))
    }
}

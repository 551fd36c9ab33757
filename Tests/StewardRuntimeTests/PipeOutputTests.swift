import Foundation
import StewardCore
import StewardRuntime
import Testing

/// The exact bytes of `steward pipe` reply lines: hosts may parse them with strict or order-sensitive readers.
@Suite struct PipeOutputTests {
    static let card = Card(
        kind: .order, title: "Order #1001", subtitle: "In transit",
        fields: [Card.Field("Tracking", "1Z999"), Card.Field("Note", "say \"hi\"\n")],
        url: "https://shop.example/1001",
        buttons: [Card.Button(title: "Track", url: "https://t.example/1"), Card.Button(title: "Return", action: "return:1001")])

    static func reply(channel: Channel, confidence: Double? = 0.12345) -> AgentReply {
        AgentReply(
            session: "s1", replyTo: "m1", text: "Shipped.\u{2028}Soon.", cards: [card],
            suggestions: [Suggestion("Start a return", action: "return:start"), Suggestion("Thanks")],
            skill: "order_tracking", intent: "order_status", confidence: confidence, outcome: "resolved", channel: channel)
    }

    @Test func webChatRepliesCarryCardsAndSuggestions() {
        #expect(
            PipeOutput.reply(Self.reply(channel: .webchat))
                == #"{"session":"s1","reply_to":"m1","text":"Shipped.\u2028Soon.","#
                + #""cards":[{"kind":"order","title":"Order #1001","subtitle":"In transit","#
                + #""fields":[{"label":"Tracking","value":"1Z999"},{"label":"Note","value":"say \"hi\"\n"}],"#
                + #""image_url":null,"url":"https://shop.example/1001","#
                + #""buttons":[{"title":"Track","url":"https://t.example/1"},{"title":"Return","action":"return:1001"}]}],"#
                + #""suggestions":[{"title":"Start a return","action":"return:start"},{"title":"Thanks","action":null}],"#
                + #""skill":"order_tracking","intent":"order_status","confidence":0.1235,"outcome":"resolved","#
                + #""channel":"webchat","language":"en","from":"agent"}"#)
    }

    @Test func whatsAppRepliesCarrySuggestionsOnlyAndSMSRepliesNeither() {
        #expect(
            PipeOutput.reply(Self.reply(channel: .whatsapp, confidence: 1))
                == #"{"session":"s1","reply_to":"m1","text":"Shipped.\u2028Soon.","#
                + #""suggestions":[{"title":"Start a return","action":"return:start"},{"title":"Thanks","action":null}],"#
                + #""skill":"order_tracking","intent":"order_status","confidence":1.0000,"outcome":"resolved","#
                + #""channel":"whatsapp","language":"en","from":"agent"}"#)
        #expect(
            PipeOutput.reply(Self.reply(channel: .sms, confidence: 0.00005))
                == #"{"session":"s1","reply_to":"m1","text":"Shipped.\u2028Soon.","#
                + #""skill":"order_tracking","intent":"order_status","confidence":0.0001,"outcome":"resolved","#
                + #""channel":"sms","language":"en","from":"agent"}"#)
    }

    @Test func missingValuesAreNullAndATeamReplyNamesItsAuthor() {
        let reply = AgentReply(
            session: "s1", replyTo: nil, text: "Hi, Sam here.", skill: nil, intent: nil, confidence: nil,
            outcome: "human_reply", channel: .email, from: .human, author: "Sam")
        #expect(
            PipeOutput.reply(reply)
                == #"{"session":"s1","reply_to":null,"text":"Hi, Sam here.","skill":null,"intent":null,"#
                + #""confidence":null,"outcome":"human_reply","channel":"email","language":"en","from":"human","author":"Sam"}"#)
    }

    @Test func theReplyCarriesTheConversationsLanguage() {
        var reply = Self.reply(channel: .sms)
        reply.language = "pl"
        #expect(PipeOutput.reply(reply).hasSuffix(#""outcome":"resolved","channel":"sms","language":"pl","from":"agent"}"#))
    }

    @Test func aConfidenceThatIsNotANumberIsNullRatherThanInvalidJSON() throws {
        for confidence in [Double.nan, .infinity] {
            let line = PipeOutput.reply(Self.reply(channel: .sms, confidence: confidence))
            #expect(line.contains(#""confidence":null,"#))
            #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
        }
    }

    @Test(arguments: [0, 1, 0.5, 0.99995, 0.00005, 0.12345, 0.03125, 0.873_456, 1e-9, 0.999_949_999])
    func confidenceHasFourDecimalsAsStringFormatGivesThem(confidence: Double) {
        let line = PipeOutput.reply(Self.reply(channel: .sms, confidence: confidence))
        #expect(line.contains(#""confidence":\#(String(format: "%.4f", confidence)),"#))
    }

    @Test func duplicateAndMergedRepliesSaySoAtTheEndAndOthersDoNot() {
        var reply = Self.reply(channel: .sms)
        #expect(!PipeOutput.reply(reply).contains("duplicate") && !PipeOutput.reply(reply).contains("merged"))
        reply.duplicate = true
        reply.mergedIDs = ["m0", "m1"]
        #expect(
            PipeOutput.reply(reply)
                == #"{"session":"s1","reply_to":"m1","text":"Shipped.\u2028Soon.","skill":"order_tracking","#
                + #""intent":"order_status","confidence":0.1235,"outcome":"resolved","channel":"sms","language":"en","#
                + #""from":"agent","duplicate":true,"merged":true,"merged_ids":["m0","m1"]}"#)
    }

    @Test func anErrorLineNeverQuotesASecretTheMessageHeld() throws {
        let line = PipeOutput.error(PipeLineError(
            code: "internal_error", message: "The message could not be processed: text 'card 4111 1111 1111 1111, cvv 737'",
            line: 4, session: "s1", id: "m1"))
        #expect(!line.contains("1111"))
        #expect(!line.contains("737"))
        #expect(line.contains("internal_error"))
        #expect(try JSONSerialization.jsonObject(with: Data(line.utf8)) is [String: Any])
    }
}

import Foundation
import Testing

@Suite struct ChatEndToEndTests {
    @Test func aPipedChatTracksAnOrderAfterVerification() throws {
        let output = try StewardProcess.run(["chat", "--verbose"], lines: [
            "where is my order #1001?", "jane.doe@example.com", "/channel sms", "thanks", "/quit",
        ])
        #expect(output.status == 0)
        #expect(output.stdout.contains("1Z999AA10123456784"))
        #expect(output.stdout.contains("skill: order_tracking"))
        #expect(output.stdout.contains("rendered for sms"))
        #expect(!output.stdout.contains("you> "))  // no prompt when piped
    }

    @Test func numbersPickSuggestions() throws {
        let output = try StewardProcess.run(["chat"], lines: ["hello", "1"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("[1]"))
        #expect(output.stdout.contains("you: Track my order"))
    }
}

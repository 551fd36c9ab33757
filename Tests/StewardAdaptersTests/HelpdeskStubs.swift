import Foundation
import StewardCore
import StewardModel
import StewardTesting

extension HelpdeskStub {
    static func ticket(id: String = "tkt-8f3k2") -> Ticket {
        Ticket(
            id: id, sessionID: "s1", channel: .webchat, subject: "Order #1001: where is my order",
            customerEmail: "bob.norman@mail.example.com", customerProfileID: "01GDD", customerName: "Bob Norman",
            transcript: [
                Turn(timestamp: Date(timeIntervalSince1970: 1_751_385_600), role: .customer, text: "Where is my order #1001?"),
                Turn(timestamp: Date(timeIntervalSince1970: 1_751_385_601), role: .agent, text: "It is in transit with USPS."),
            ],
            reason: .requested, summary: ["order": "#1001"], tags: ["order_tracking", "Needs Human"])
    }
}

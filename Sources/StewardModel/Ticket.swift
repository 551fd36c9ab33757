import Foundation
import StewardCore

/// A conversation handed to a person: everything they need so the customer never repeats themselves.
public struct Ticket: Sendable, Hashable, Codable {
    /// Where a ticket is in the team's work.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case open, snoozed, closed
    }

    /// Why the conversation went to a person.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// The customer asked for a person.
        case requested
        /// Two messages in a row the router could not place.
        case repeatedMiss = "repeated_miss"
        /// The customer asked the same thing again after an answer.
        case repeatedQuestion = "repeated_question"
        /// The customer said twice that the agent got it wrong.
        case wrongAnswers = "wrong_answers"
        /// A skill could not resolve the request.
        case cannotResolve = "cannot_resolve"
        /// The skill for the request is not available.
        case skillUnavailable = "skill_unavailable"
        /// The customer writes in a language the shop does not serve.
        case unsupportedLanguage = "unsupported_language"
        /// A question was asked again too often without an answer (``HandoffConfiguration/maxReasks``).
        case reaskLimit = "reask_limit"
        /// A tool (the shop's systems) failed twice in a row.
        case toolFailure = "tool_failure"
        /// Too many failed order number and email checks (``VerificationPolicy``).
        case verificationLimit = "verification_limit"
    }

    /// A note the team keeps on a ticket, not shown to the customer.
    public struct Note: Sendable, Hashable, Codable {
        public var author: String
        public var text: String
        public var createdAt: Date
        public init(author: String, text: String, createdAt: Date = Date()) {
            self.author = author
            self.text = text
            self.createdAt = createdAt
        }
    }

    /// Where the ticket was delivered outside Steward.
    public struct ExternalReference: Sendable, Hashable, Codable {
        /// `zendesk`, `gorgias`, …
        public var provider: String
        /// The helpdesk's ticket id.
        public var id: String
        /// A link to the ticket for the team, when known.
        public var url: String?
        public init(provider: String, id: String, url: String? = nil) {
            self.provider = provider
            self.id = id
            self.url = url
        }
    }

    /// Stable id, generated when the ticket is first written; also the idempotency key for delivery.
    public var id: String
    public var sessionID: String
    public var channel: Channel
    public var status: Status
    /// A one-line summary of the request, e.g. "Order #1001: where is my order".
    public var subject: String
    public var customerEmail: String?
    public var customerProfileID: String?
    public var customerName: String?
    /// Every turn of the conversation with timestamps, secrets masked.
    public var transcript: [Turn]
    /// The intents detected in the conversation, in order.
    public var intents: [String]
    /// The skills that tried to help.
    public var skills: [String]
    public var reason: Reason
    /// A short structured summary for the person who picks it up: what was asked, which skill
    /// tried, the order or subscription involved, what the tools returned.
    public var summary: [String: String]
    public var tags: [String]
    public var assignee: String?
    public var notes: [Note]
    public var createdAt: Date
    public var updatedAt: Date
    /// Set once an external helpdesk accepted the ticket.
    public var external: ExternalReference?

    public init(
        id: String = UUID().uuidString.lowercased(), sessionID: String, channel: Channel, status: Status = .open,
        subject: String, customerEmail: String? = nil, customerProfileID: String? = nil, customerName: String? = nil,
        transcript: [Turn], intents: [String] = [], skills: [String] = [], reason: Reason,
        summary: [String: String] = [:], tags: [String] = [], assignee: String? = nil, notes: [Note] = [],
        createdAt: Date = Date(), updatedAt: Date? = nil, external: ExternalReference? = nil
    ) {
        self.id = id
        self.sessionID = sessionID
        self.channel = channel
        self.status = status
        self.subject = subject
        self.customerEmail = customerEmail
        self.customerProfileID = customerProfileID
        self.customerName = customerName
        self.transcript = transcript
        self.intents = intents
        self.skills = skills
        self.reason = reason
        self.summary = summary
        self.tags = tags
        self.assignee = assignee
        self.notes = notes
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.external = external
    }

    /// The transcript as plain text, one timestamped line per turn, for a helpdesk's first comment.
    public var transcriptText: String {
        let format = Date.ISO8601FormatStyle()
        return transcript.map { turn in
            let who = turn.role == .human ? (turn.author ?? "team") : turn.role.rawValue
            return "[\(turn.timestamp.formatted(format))] \(who): \(turn.text)"
        }.joined(separator: "\n")
    }

    /// The summary and transcript as the body of a helpdesk ticket.
    public var body: String {
        var lines = ["Handed over by Steward (reason: \(reason.rawValue)).", ""]
        for key in summary.keys.sorted() { lines.append("\(key): \(summary[key]!)") }
        if let customerEmail { lines.append("customer email: \(customerEmail)") }
        if let customerProfileID { lines.append("profile id: \(customerProfileID)") }
        lines.append("channel: \(channel.rawValue)")
        lines += ["", "Transcript:", transcriptText]
        return lines.joined(separator: "\n")
    }
}

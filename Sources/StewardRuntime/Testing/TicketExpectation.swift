import StewardCore
import StewardModel

/// What the conversation's newest ticket must look like after a turn, or that there is none.
/// Comparisons named `…_contains` ignore case.
public struct TicketExpectation: Sendable, Hashable {
    /// False when no ticket may exist for the conversation (`handoff_ticket: none`).
    public var exists = true
    /// `requested`, `repeated_miss`, `repeated_question`, `wrong_answers`, `cannot_resolve`, `skill_unavailable`.
    public var reason: String?
    /// The customer's email on the ticket (ignoring case).
    public var customerEmail: String?
    /// `open`, `snoozed`, `closed`.
    public var status: String?
    /// A part of the subject.
    public var subjectContains: String?
    /// Texts that must each appear in a turn of the transcript.
    public var transcriptContains: [String] = []
    /// Tags the ticket must carry.
    public var tagsContain: [String] = []
    /// Summary entries by key, each value containing the given text.
    public var summary: [String: String] = [:]

    public init(exists: Bool = true) {
        self.exists = exists
    }

    /// The first way `ticket` differs from the expectation, or nil when it matches.
    func difference(from ticket: Ticket?) -> ReplyExpectation.Difference? {
        let check = "handoff_ticket"
        guard exists else {
            guard let ticket else { return nil }
            return .init(check, "no ticket", "ticket \"\(ticket.subject)\" (reason \(ticket.reason.rawValue))")
        }
        guard let ticket else { return .init(check, "a ticket", "no ticket was opened") }
        if let reason, ticket.reason.rawValue != reason {
            return .init("\(check).reason", reason, ticket.reason.rawValue)
        }
        if let customerEmail, ticket.customerEmail?.lowercased() != customerEmail.lowercased() {
            return .init("\(check).customer_email", customerEmail, ticket.customerEmail ?? "none")
        }
        if let status, ticket.status.rawValue != status {
            return .init("\(check).status", status, ticket.status.rawValue)
        }
        if let subjectContains, !ticket.subject.localizedCaseInsensitiveContains(subjectContains) {
            return .init("\(check).subject_contains", "subject containing \"\(subjectContains)\"", ticket.subject)
        }
        for piece in transcriptContains where !ticket.transcript.contains(where: { $0.text.localizedCaseInsensitiveContains(piece) }) {
            return .init("\(check).transcript_contains", "a turn containing \"\(piece)\"", ticket.transcriptText)
        }
        for tag in tagsContain where !ticket.tags.contains(tag) {
            return .init("\(check).tags_contain", "tag \(tag)", "tags " + ticket.tags.joined(separator: ", "))
        }
        for key in summary.keys.sorted() {
            let wanted = summary[key]!
            guard let value = ticket.summary[key], value.localizedCaseInsensitiveContains(wanted) else {
                return .init("\(check).summary.\(key)", "containing \"\(wanted)\"", ticket.summary[key] ?? "none")
            }
        }
        return nil
    }
}

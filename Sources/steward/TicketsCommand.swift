import ArgumentParser
import Foundation
import StewardCore
import StewardModel
import StewardRuntime
import StewardStore

/// `steward tickets`: the local helpdesk — list, read, answer and triage the tickets the agent opened.
struct TicketsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tickets",
        abstract: "List, read, answer and triage the tickets handed to the team.",
        discussion: """
            Works on the database the agent writes (--db, or `store.path` in steward.yaml), also while \
            `steward pipe` is running: a reply is shown in the customer's conversation by the running agent. \
            A ticket ID may be shortened to any unique prefix, as in git.
            """,
        subcommands: [
            List.self, Show.self, Reply.self, Close.self, Snooze.self, Reopen.self, Assign.self, Note.self, Tag.self,
        ],
        defaultSubcommand: List.self
    )

    /// `steward tickets list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List tickets, newest first, or with --pending those waiting to be delivered to a helpdesk."
        )

        @OptionGroup var store: StoreOptions

        @Option(name: .long, help: "Only tickets with this status: open, snoozed or closed.")
        var status: Ticket.Status?

        @Flag(
            name: .long,
            help: "Only tickets waiting in the delivery outbox, with attempts, next attempt and last error.")
        var pending = false

        func run() async throws {
            let db = try store.openStore()
            let pendingEntries = try await db.pendingDeliveries()
            if pending {
                var rows = [["ID", "STATUS", "PROVIDER", "ATTEMPTS", "NEXT ATTEMPT", "LAST ERROR", "SUBJECT"]]
                let now = Date()
                for entry in pendingEntries {
                    let ticket = try await db.ticket(id: entry.ticketID)
                    if let status, ticket?.status != status { continue }
                    rows.append([
                        TicketsCommand.shortID(entry.ticketID), ticket?.status.rawValue ?? "-", entry.provider,
                        "\(entry.attempts)",
                        TicketsCommand.nextAttempt(of: entry, now: now),
                        TicketsCommand.clip(entry.lastError ?? "-", 50),
                        TicketsCommand.clip(ticket?.subject ?? "-", 40),
                    ])
                }
                print(rows.count == 1 ? "No ticket is waiting to be delivered." : TicketsCommand.table(rows))
                return
            }
            let tickets = try await db.tickets(status: status)
            guard !tickets.isEmpty else {
                print(status.map { "No \($0.rawValue) tickets." } ?? "No tickets yet.")
                return
            }
            let queued = Dictionary(pendingEntries.map { ($0.ticketID, $0) }, uniquingKeysWith: { first, _ in first })
            var rows = [["ID", "STATUS", "CHANNEL", "CUSTOMER", "SUBJECT", "REASON", "ASSIGNEE", "DELIVERY"]]
            for ticket in tickets {
                rows.append([
                    TicketsCommand.shortID(ticket.id), ticket.status.rawValue, ticket.channel.rawValue,
                    TicketsCommand.clip(TicketsCommand.customer(of: ticket), 30),
                    TicketsCommand.clip(ticket.subject, 40),
                    ticket.reason.rawValue, ticket.assignee ?? "-",
                    TicketsCommand.delivery(of: ticket, queued: queued[ticket.id]),
                ])
            }
            print(TicketsCommand.table(rows))
        }
    }

    /// `steward tickets show ID`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a ticket in full: summary, tags, notes, delivery and the timestamped transcript."
        )

        @OptionGroup var store: StoreOptions

        @Argument(help: "The ticket ID or a unique prefix of it.")
        var id: String

        func run() async throws {
            let db = try store.openStore()
            let ticket = try await db.ticket(matching: id)
            let queued = try await db.pendingDeliveries().first { $0.ticketID == ticket.id }
            print(TicketsCommand.details(of: ticket, queued: queued))
        }
    }

    /// `steward tickets reply ID TEXT`.
    struct Reply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reply",
            abstract: "Answer the customer: delivered once, at once to a running session, else when the customer next writes."
        )

        @OptionGroup var store: StoreOptions

        @Argument(help: "The ticket ID or a unique prefix of it.")
        var id: String

        @Argument(help: "The reply, as the customer will read it.")
        var text: String

        @Option(name: .customLong("as"), help: "The name shown to the customer (default: $USER, or Support).")
        var author: String?

        @Option(help: "Seconds to wait for a running chat or pipe serving the session to deliver the reply (0 to 60).")
        var wait: Double = 3

        func validate() throws {
            try OperatorInput.identifier(id, option: "ID")
            try OperatorInput.text(text, option: "TEXT")
            if let author { try OperatorInput.name(author, option: "--as") }
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ValidationError("The reply is empty; give the text to send, in quotes.")
            }
            if !(0...60).contains(wait) {
                throw ValidationError("--wait is the number of seconds to wait for delivery, from 0 to 60; got \(wait).")
            }
        }

        func run() async throws {
            let db = try store.openStore()
            let ticket = try await db.ticket(matching: id)
            let reply = try await db.addReply(
                ticketID: ticket.id, author: author ?? TicketsCommand.defaultAuthor, text: text)
            let added = "Reply #\(reply.sequence) by \(reply.author) added to ticket \(TicketsCommand.shortID(ticket.id))"
            // Said only once known: a running chat or pipe that served the session delivers it within a poll.
            if try await TicketsCommand.awaitDelivery(of: reply.sequence, in: db, seconds: wait) {
                print("\(added); delivered to the running session \(ticket.sessionID) (\(ticket.channel.rawValue)).")
            } else {
                print(
                    "\(added); queued, not delivered within \(TicketsCommand.seconds(wait)): a running chat or pipe "
                        + "serving session \(ticket.sessionID) (\(ticket.channel.rawValue)) delivers it as soon as it "
                        + "picks it up, otherwise it is delivered when the customer next writes.")
            }
            if ticket.status != .open {
                let short = TicketsCommand.shortID(ticket.id)
                print(
                    "Note: the ticket is \(ticket.status.rawValue); run `steward tickets reopen \(short)` "
                        + "to follow the customer's answer.")
            }
        }
    }

    /// `steward tickets close ID`.
    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a ticket.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The ticket ID or a unique prefix of it.")
        var id: String

        func run() async throws {
            try await TicketsCommand.setStatus(.closed, id: id, store: store, verb: "Closed")
        }
    }

    /// `steward tickets snooze ID`.
    struct Snooze: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "snooze", abstract: "Snooze a ticket: set it aside without closing it.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The ticket ID or a unique prefix of it.")
        var id: String

        func run() async throws {
            try await TicketsCommand.setStatus(.snoozed, id: id, store: store, verb: "Snoozed")
        }
    }

    /// `steward tickets reopen ID`.
    struct Reopen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reopen", abstract: "Reopen a closed or snoozed ticket.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The ticket ID or a unique prefix of it.")
        var id: String

        func run() async throws {
            try await TicketsCommand.setStatus(.open, id: id, store: store, verb: "Reopened")
        }
    }

    /// `steward tickets assign ID NAME`.
    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assign", abstract: "Assign a ticket to a person (an empty name unassigns it).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The ticket ID or a unique prefix of it.")
        var id: String
        @Argument(help: "The person's name.")
        var name: String

        func run() async throws {
            let db = try store.openStore()
            let found = try await db.ticket(matching: id)
            let name = name.trimmingCharacters(in: .whitespaces)
            let assignee = name.isEmpty ? nil : name
            try await db.modifyTicket(id: found.id) { $0.assignee = assignee }
            let short = TicketsCommand.shortID(found.id)
            print(assignee.map { "Assigned ticket \(short) to \($0)." } ?? "Ticket \(short) is unassigned.")
        }
    }

    /// `steward tickets note ID TEXT`.
    struct Note: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "note", abstract: "Add an internal note to a ticket; the customer never sees it.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The ticket ID or a unique prefix of it.")
        var id: String
        @Argument(help: "The note.")
        var text: String
        @Option(name: .customLong("as"), help: "The note's author (default: $USER, or Support).")
        var author: String?

        func validate() throws {
            try OperatorInput.identifier(id, option: "ID")
            try OperatorInput.text(text, option: "TEXT")
            if let author { try OperatorInput.name(author, option: "--as") }
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ValidationError("The note is empty; give its text, in quotes.")
            }
        }

        func run() async throws {
            let db = try store.openStore()
            let found = try await db.ticket(matching: id)
            let note = try Ticket.Note(author: author ?? TicketsCommand.defaultAuthor, text: text)
            try await db.modifyTicket(id: found.id) { $0.notes.append(note) }
            print("Added a note by \(note.author) to ticket \(TicketsCommand.shortID(found.id)).")
        }
    }

    /// `steward tickets tag ID TAG`.
    struct Tag: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tag", abstract: "Add a tag to a ticket, or remove it with --remove.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The ticket ID or a unique prefix of it.")
        var id: String
        @Argument(help: "The tag.")
        var tag: String
        @Flag(name: .long, help: "Remove the tag instead of adding it.")
        var remove = false

        func validate() throws {
            try OperatorInput.identifier(id, option: "ID")
            try OperatorInput.tag(tag, option: "TAG")
            if tag.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("The tag is empty.") }
        }

        func run() async throws {
            let db = try store.openStore()
            let found = try await db.ticket(matching: id)
            let tag = tag.trimmingCharacters(in: .whitespaces)
            let remove = remove
            let short = TicketsCommand.shortID(found.id)
            if remove {
                guard found.tags.contains(tag) else { return print("Ticket \(short) has no tag '\(tag)'.") }
                try await db.modifyTicket(id: found.id) { $0.tags.removeAll { $0 == tag } }
                print("Removed the tag '\(tag)' from ticket \(short).")
            } else {
                guard !found.tags.contains(tag) else { return print("Ticket \(short) already has the tag '\(tag)'.") }
                try await db.modifyTicket(id: found.id) { if !$0.tags.contains(tag) { $0.tags.append(tag) } }
                print("Tagged ticket \(short) with '\(tag)'.")
            }
        }
    }
}

extension Ticket.Status: ExpressibleByArgument {}

// MARK: - Shared helpers of the subcommands

extension TicketsCommand {
    /// The author of replies and notes when `--as` is not given.
    /// An invisible or control character in `$USER` is refused like one in `--as`.
    static var defaultAuthor: String {
        get throws {
            let user = ProcessInfo.processInfo.environment["USER"]?.trimmingCharacters(in: .whitespaces) ?? ""
            if user.isEmpty { return "Support" }
            if let problem = Identifier.problem(user, field: "$USER", rule: .name) {
                throw ValidationError("$USER: \(problem) Give the name with --as.")
            }
            return user
        }
    }

    static func setStatus(_ status: Ticket.Status, id: String, store: StoreOptions, verb: String) async throws {
        let db = try store.openStore()
        let found = try await db.ticket(matching: id)
        let short = shortID(found.id)
        guard found.status != status else { return print("Ticket \(short) is already \(status.rawValue).") }
        try await db.modifyTicket(id: found.id) { $0.status = status }
        print("\(verb) ticket \(short) (\(clip(found.subject, 60))).")
    }

    /// The first 8 characters of an id, enough to name a ticket in the other commands.
    static func shortID(_ id: String) -> String { String(id.prefix(8)) }

    static func customer(of ticket: Ticket) -> String {
        switch (ticket.customerName, ticket.customerEmail) {
        case (let name?, let email?): "\(name) <\(email)>"
        case (nil, let email?): email
        case (let name?, nil): name
        case (nil, nil): ticket.customerProfileID.map { "profile \($0)" } ?? "-"
        }
    }

    /// When an outbox entry is tried next: `delivering` while a worker's claim on it holds, `now` when due,
    /// else the time.
    static func nextAttempt(of entry: OutboxEntry, now: Date) -> String {
        if let lease = entry.leaseUntil, lease > now { return "delivering" }
        return entry.nextAttemptAt <= now ? "now" : format(entry.nextAttemptAt)
    }

    static func delivery(of ticket: Ticket, queued: OutboxEntry?) -> String {
        if let external = ticket.external { return "\(external.provider) #\(external.id)" }
        guard let queued else { return "local" }
        return queued.attempts == 0
            ? "queued for \(queued.provider)"
            : "retrying \(queued.provider) (\(queued.attempts) failed)"
    }

    static func details(of ticket: Ticket, queued: OutboxEntry?) -> String {
        var lines = [
            "Ticket   \(ticket.id)",
            "Status   \(ticket.status.rawValue)",
            "Subject  \(ticket.subject)",
            "Customer \(customer(of: ticket))" + (ticket.customerProfileID.map { " (profile \($0))" } ?? ""),
            "Channel  \(ticket.channel.rawValue), session \(ticket.sessionID)",
            "Reason   \(ticket.reason.rawValue)",
            "Assignee \(ticket.assignee ?? "-")",
            "Tags     \(ticket.tags.isEmpty ? "-" : ticket.tags.joined(separator: ", "))",
            "Created  \(format(ticket.createdAt)), updated \(format(ticket.updatedAt))",
        ]
        if !ticket.intents.isEmpty { lines.append("Intents  \(ticket.intents.joined(separator: ", "))") }
        if !ticket.skills.isEmpty { lines.append("Skills   \(ticket.skills.joined(separator: ", "))") }
        if let external = ticket.external {
            lines.append("External \(external.provider) #\(external.id)" + (external.url.map { " \($0)" } ?? ""))
        } else if let queued {
            var line =
                "Delivery to \(queued.provider): \(queued.attempts) attempt(s), next \(format(queued.nextAttemptAt))"
            if let error = queued.lastError { line += ", last error: \(error)" }
            if let lease = queued.leaseUntil, lease > Date(), let worker = queued.claimedBy {
                line += "; being delivered by \(worker) (claim held until \(format(lease)))"
            }
            lines.append(line)
        } else {
            lines.append("Delivery local (not sent to a helpdesk)")
        }
        if !ticket.summary.isEmpty {
            lines += ["", "Summary"] + ticket.summary.keys.sorted().map { "  \($0): \(ticket.summary[$0] ?? "")" }
        }
        if !ticket.notes.isEmpty {
            lines +=
                ["", "Notes"]
                + ticket.notes.map { "  [\(format($0.createdAt, seconds: true))] \($0.author): \($0.text)" }
        }
        lines += ["", "Transcript"]
        if ticket.transcript.isEmpty { lines.append("  (empty)") }
        for turn in ticket.transcript {
            let who =
                switch turn.role {
                case .human: "team (\(turn.author ?? "unknown"))"
                case .agent: "agent" + (turn.skill.map { " [\($0)]" } ?? "")
                default: turn.role.rawValue
                }
            lines.append("  [\(format(turn.timestamp, seconds: true))] \(who): \(turn.text)")
        }
        return lines.joined(separator: "\n")
    }

    /// A local date and time, `yyyy-MM-dd HH:mm`.
    static func format(_ date: Date, seconds: Bool = false) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// The text on one line, cut to `limit` characters with an ellipsis.
    static func clip(_ text: String, _ limit: Int) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " ")
        return line.count <= limit ? line : String(line.prefix(limit - 1)) + "…"
    }

    /// Rows as left-aligned columns separated by two spaces; the first row is the header.
    static func table(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

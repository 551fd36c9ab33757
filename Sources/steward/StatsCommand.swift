import ArgumentParser
import Foundation
import StewardRuntime
import StewardStore

/// `steward stats`: how many conversations the agent resolved, how many went to the team, per skill.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Conversations, resolution rate, routed-to-team rate, and volume and resolution per skill.",
        discussion: """
            Counts the conversations last updated in the period (default: the last 7 days). A conversation is \
            resolved by the agent when it was not routed to the team. Dates are local days, both inclusive.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: ArgumentHelp("The first day counted.", valueName: "yyyy-mm-dd"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("The last day counted (default: up to now).", valueName: "yyyy-mm-dd"))
    var until: String?

    @Option(
        name: .long,
        help: "The number of days before --until (or now) to count, when --since is not given (default: 7).")
    var days: Int?

    @Flag(name: .long, help: "Print one JSON object instead of a table.")
    var json = false

    func validate() throws {
        if let since { try OperatorInput.identifier(since, option: "--since") }
        if let until { try OperatorInput.identifier(until, option: "--until") }
        if since != nil && days != nil { throw ValidationError("Give --since or --days, not both.") }
        if let days, days < 1 { throw ValidationError("--days must be at least 1.") }
        _ = try period(now: Date())
    }

    func run() async throws {
        let (from, to) = try period(now: Date())
        let db = try store.openStore()
        let stats = ConversationStats.compute(try await db.sessions(updatedFrom: from, to: to))
        if json {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.sortedKeys]
            let report = Report(from: from, to: to, stats: stats)
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
            return
        }
        print("Conversations updated from \(TicketsCommand.format(from)) to \(TicketsCommand.format(to))")
        print("")
        print(stats.renderTable())
    }

    /// The counted interval `[from, to)`.
    func period(now: Date) throws -> (from: Date, to: Date) {
        let calendar = Calendar.current
        var to = now
        if let until {
            let day = try Self.day(until, option: "--until")
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else {
                throw ValidationError("--until '\(until)' is out of range.")
            }
            to = next
        }
        let from: Date
        if let since {
            from = try Self.day(since, option: "--since")
        } else {
            from = calendar.date(byAdding: .day, value: -(days ?? 7), to: to) ?? to
        }
        guard from < to else { throw ValidationError("--since must be on or before --until.") }
        return (from, to)
    }

    /// The start of a local day written `yyyy-mm-dd`.
    static func day(_ text: String, option: String) throws -> Date {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        let calendar = Calendar.current
        guard parts.count == 3, let year = parts[0], let month = parts[1], let day = parts[2],
            let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
            calendar.dateComponents([.year, .month, .day], from: date)
                == DateComponents(year: year, month: month, day: day)
        else {
            throw ValidationError("\(option) '\(text)' is not a date; write it as YYYY-MM-DD, e.g. 2025-03-31.")
        }
        return date
    }

    /// The JSON output: the period and the figures.
    struct Report: Encodable {
        var from: Date
        var to: Date
        var stats: ConversationStats

        enum CodingKeys: String, CodingKey { case from, to }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
            try stats.encode(to: encoder)
        }
    }
}

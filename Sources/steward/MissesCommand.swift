import ArgumentParser
import Foundation
import StewardCore
import StewardRouter
import StewardRuntime
import StewardStore

/// `steward misses`: the customer messages the agent did not understand, as JSON lines to label.
struct MissesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "misses",
        abstract: "Customer messages that fell to no match, an ambiguity, a low-confidence route, a complaint or a handoff.",
        discussion: """
            Reads the store and prints one JSON line per message, oldest first: \
            {"text", "guess", "confidence", "outcome", "reason", "session", "at"}. "guess" is the intent the \
            message was routed to or, when it was not routed, the current router's best intent; "reason" is \
            no_match, ambiguous, low_confidence, complaint (the message answered wrongly, and the complaint \
            itself) or handoff. Secrets are masked as stored. Label a line by putting its text in the right \
            skill's examples/<lang>/<intent>.txt; see "Improving routing" in the README.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: ArgumentHelp("Only messages written on or after this day.", valueName: "yyyy-mm-dd"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Write the lines to this file instead of standard output.", valueName: "file"))
    var out: String?

    @Option(name: .long, help: "A routed message with a confidence below this counts as low-confidence (0-1).")
    var below: Double = 0.5

    func validate() throws {
        if let since { try OperatorInput.identifier(since, option: "--since") }
        if let out { try OperatorInput.path(out, option: "--out") }
        if let since { _ = try StatsCommand.day(since, option: "--since") }
        if !(0...1).contains(below) { throw ValidationError("--below must be between 0 and 1.") }
    }

    func run() async throws {
        let from = try since.map { try StatsCommand.day($0, option: "--since") }
        let db = try store.openStore()
        let sessions = try await db.sessions(updatedFrom: from ?? Date.distantPast, to: Date.distantFuture)
        var histories: [(id: String, turns: [Turn])] = []
        for session in sessions {
            // Sessions listed by date come without their turns: read each whole conversation.
            histories.append((session.id, try await db.turns(session: session.id, before: Int(Int32.max))))
        }
        let (examples, keywords) = try ClassifyCommand.defaultTrainingExamples()
        let router = try RouterCache.router(examples: examples, keywords: keywords, settings: .shop)
        let missed = MissedMessage.collect(from: histories, since: from, lowConfidence: below) { text in
            router.rank(text, limit: 1).first.map { ($0.intent, $0.confidence) }
        }
        var output = ""
        let formatter = ISO8601DateFormatter()
        for message in missed {
            var json = JSONWriter()
            json.beginObject()
            json.field("text", message.text)
            json.field("guess", message.guess)
            json.key("confidence")
            if let confidence = message.confidence { json.fixed(confidence, fractionDigits: 4) } else { json.null() }
            json.field("outcome", message.outcome)
            json.field("reason", message.reason.rawValue)
            json.field("session", message.session)
            json.field("at", formatter.string(from: message.at))
            json.endObject()
            output += json.string + "\n"
        }
        if let out {
            guard FileManager.default.createFile(atPath: out, contents: Data(output.utf8)) else {
                throw ValidationError("cannot write \(out)")
            }
            FileHandle.standardError.write(Data("\(missed.count) messages written to \(out)\n".utf8))
        } else {
            print(output, terminator: "")
        }
    }
}

import Foundation
import StewardCore
import Testing

/// The held-out conversation benchmark (`Benchmarks/conversation/`): replies to yes/no questions and
/// conversation cues written apart from the reader's word lists (see its README), never used to tune them.
///
/// What matters most is safety: a reply that is not a clear yes must never read as ``Confirmation/yes``
/// (a destructive action would run), and a request must never read as a cue (it would be swallowed).
/// The floors below are the figures measured when the set was first run, minus a little room; run
/// `Benchmarks/conversation/run.sh` to print the tables.
@Suite struct ConversationBenchmarkTests {
    struct Line: Decodable {
        var text: String
        var label: String
        var language: String
    }

    static func lines(_ name: String) throws -> [Line] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = root.appendingPathComponent("Benchmarks/conversation/\(name).jsonl")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(Line.self, from: Data($0.utf8))
        }
    }

    /// Prints to stderr, where `swift test` and run.sh show it.
    static func show(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A table of counts: gold label by row, read label by column.
    static func table(_ pairs: [(gold: String, read: String)], labels: [String]) -> String {
        var out = "gold \\ read".padding(toLength: 16, withPad: " ", startingAt: 0) + labels.map { $0.padding(toLength: 10, withPad: " ", startingAt: 0) }.joined() + "\n"
        for gold in labels {
            let row = labels.map { read in String(pairs.filter { $0.gold == gold && $0.read == read }.count) }
            out += gold.padding(toLength: 16, withPad: " ", startingAt: 0) + row.map { $0.padding(toLength: 10, withPad: " ", startingAt: 0) }.joined() + "\n"
        }
        return out
    }

    @Test func confirmationsAreSafeOnHeldOutReplies() throws {
        let lines = try Self.lines("confirmations")
        let pairs = lines.map { (gold: $0.label, read: Confirmation.read($0.text).rawValue) }
        let falseYes = lines.filter { $0.label != "yes" && Confirmation.read($0.text) == .yes }
        let falseNo = lines.filter { $0.label == "yes" && Confirmation.read($0.text) == .no }
        // For a skill, unclear and neither are the same: the question is asked again.
        let collapsed = pairs.map { pair -> Bool in
            func bucket(_ label: String) -> String { label == "yes" || label == "no" ? label : "other" }
            return bucket(pair.gold) == bucket(pair.read)
        }
        let accuracy = Double(collapsed.filter { $0 }.count) / Double(lines.count)
        let yesLines = lines.filter { $0.label == "yes" }
        let yesRecall = Double(yesLines.filter { Confirmation.read($0.text) == .yes }.count) / Double(yesLines.count)
        let noLines = lines.filter { $0.label == "no" }
        let noRecall = Double(noLines.filter { Confirmation.read($0.text) == .no }.count) / Double(noLines.count)
        var report = "confirmations: \(lines.count) lines\n" + Self.table(pairs, labels: ["yes", "no", "unclear", "neither"])
        report += String(format: "yes/no/other accuracy %.3f, yes recall %.3f, no recall %.3f\n", accuracy, yesRecall, noRecall)
        report += "read as yes but not a yes (\(falseYes.count)): " + falseYes.map { "[\($0.language)] \($0.text) (\($0.label))" }.joined(separator: "; ") + "\n"
        report += "a yes read as no (\(falseNo.count)): " + falseNo.map { "[\($0.language)] \($0.text)" }.joined(separator: "; ") + "\n"
        for language in ["en", "pl", "sv", "ko", "de", "es", "fr"] {
            let mine = lines.filter { $0.language == language }
            let right = mine.filter { line in
                let read = Confirmation.read(line.text).rawValue
                return line.label == read || (!["yes", "no"].contains(line.label) && !["yes", "no"].contains(read))
            }
            report += String(format: "  %@ %.3f (%d lines)\n", language, Double(right.count) / Double(mine.count), mine.count)
        }
        Self.show(report)
        // Safety: at most 1% of the replies that are not a clear yes may read as yes.
        #expect(Double(falseYes.count) / Double(lines.count - yesLines.count) <= 0.01, "\(report)")
        #expect(accuracy >= 0.85, "\(report)")  // measured 0.896 on first run (2026-12-01)
    }

    @Test func cuesAreSafeOnHeldOutMessages() throws {
        let lines = try Self.lines("cues")
        let pairs = lines.map { (gold: $0.label, read: ConversationCue.detect($0.text)?.rawValue ?? "none") }
        let accuracy = Double(pairs.filter { $0.gold == $0.read }.count) / Double(lines.count)
        let swallowed = lines.filter { $0.label == "none" && ConversationCue.detect($0.text) != nil }
        let noneCount = lines.filter { $0.label == "none" }.count
        var report = "cues: \(lines.count) lines\n"
            + Self.table(pairs, labels: ["stop", "hold", "resume", "acknowledgement", "closing", "none"])
        report += String(format: "accuracy %.3f\n", accuracy)
        report += "requests read as a cue (\(swallowed.count) of \(noneCount)): "
            + swallowed.map { "[\($0.language)] \($0.text) → \(ConversationCue.detect($0.text)!.rawValue)" }.joined(separator: "; ") + "\n"
        Self.show(report)
        // Safety: a request swallowed as a cue is lost; at most 3% of the non-cue lines.
        #expect(Double(swallowed.count) / Double(noneCount) <= 0.03, "\(report)")
        #expect(accuracy >= 0.78, "\(report)")  // measured 0.824 on first run (2026-12-01)
    }
}

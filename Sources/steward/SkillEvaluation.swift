import ArgumentParser
import Foundation
import StewardCore
import StewardRouter
import StewardRuntime
import StewardSkills

/// Routing evaluation on labelled first messages, through the conversation engine as `steward pipe`
/// runs it: `{"text", "label", "language"}` lines, where `label` is a skill id, `handoff` (a request for a
/// person) or `other` (what no transactional skill should take). See `Benchmarks/routing/LABELS.md`.
///
/// A line passes when the first reply of a new web-chat session comes from the labelled skill, when
/// the outcome is `handoff_offered` for `handoff`, or, for `other`, when no transactional skill answers.
struct SkillEvaluation {
    struct Line: Decodable {
        var text: String
        var label: String
        var language: String?
    }

    struct Result {
        var accuracy: Double
        var safeRate: Double
        /// The selection objective: accuracy + 2 × safe rate, an ambiguity offering the right skill counted
        /// as half right. A transactional skill acting on a message it should not take costs twice a
        /// missed route ("never act on a misunderstanding").
        var objective: Double
        var perLabel: [String: (correct: Int, total: Int)]
        var perLanguage: [String: (correct: Int, total: Int, safe: Int, other: Int)]
        var confusions: [(expected: String, got: String, count: Int)]
        var failures: [(line: Line, got: String)]
    }

    /// Skills whose answers act on or reveal account data, or sell: an `other` line must not reach them.
    /// They are the shipped skills that declare a tool in `skill.yaml` (the shop's data); a skill that
    /// answers from knowledge only is not one.
    static let transactional: Set<String> = Set(
        ((try? SkillRegistry(skills: ShippedSkills.all))?.entries ?? []).map(\.manifest).filter { !$0.tools.isEmpty }.map(\.id))

    /// The labels a line may carry: the shipped skills' ids, `handoff` and `other`.
    static let labels: Set<String> = Set(
        ((try? SkillRegistry(skills: ShippedSkills.all))?.entries ?? []).map(\.manifest.id)).union(["handoff", "other"])

    static func load(path: String) throws -> [Line] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("cannot read \(path)")
        }
        var lines: [Line] = []
        for (number, raw) in text.split(whereSeparator: \.isNewline).enumerated() where !raw.allSatisfy(\.isWhitespace) {
            let line: Line
            do {
                line = try JSONDecoder().decode(Line.self, from: Data(raw.utf8))
            } catch {
                throw ValidationError("\(path):\(number + 1): expected {\"text\": \"…\", \"label\": \"…\"}")
            }
            guard labels.contains(line.label) else {
                throw ValidationError(
                    "\(path):\(number + 1): unknown label \"\(line.label)\"; use one of \(labels.sorted().joined(separator: ", ")) (Benchmarks/routing/LABELS.md)")
            }
            lines.append(line)
        }
        guard !lines.isEmpty else { throw ValidationError("\(path) has no lines to evaluate") }
        return lines
    }

    static func run(_ lines: [Line], engine: ConversationEngine) async throws -> Result {
        var perLabel: [String: (correct: Int, total: Int)] = [:]
        var perLanguage: [String: (correct: Int, total: Int, safe: Int, other: Int)] = [:]
        var confusions: [String: Int] = [:]
        var failures: [(line: Line, got: String)] = []
        var halves = 0.0
        for (index, line) in lines.enumerated() {
            let session = "eval-\(index)"
            let reply = try await engine.respond(to: IncomingMessage(session: session, id: "\(index)", text: line.text))
            try await engine.reset(session: session)
            let got = reply.outcome == "handoff_offered" ? "handoff" : (reply.skill ?? reply.outcome)
            let ok: Bool
            switch line.label {
            case "other": ok = !transactional.contains(got)
            case "handoff": ok = reply.outcome == "handoff_offered"
            default: ok = reply.skill == line.label
            }
            if !ok, reply.outcome == "ambiguous", line.label != "other" {
                let offered = engine.router.classify(line.text).ranked.prefix(2).map {
                    engine.registry.entry(intent: $0.intent)?.manifest.id ?? ($0.intent == "system.human" ? "handoff" : "system")
                }
                if offered.contains(line.label) { halves += 0.5 }
            }
            perLabel[line.label, default: (0, 0)].total += 1
            if ok { perLabel[line.label, default: (0, 0)].correct += 1 }
            let language = line.language ?? "?"
            var entry = perLanguage[language, default: (0, 0, 0, 0)]
            if line.label == "other" {
                entry.other += 1
                if ok { entry.safe += 1 }
            } else {
                entry.total += 1
                if ok { entry.correct += 1 }
            }
            perLanguage[language] = entry
            if !ok {
                confusions["\(line.label)\t\(reply.outcome == "ambiguous" ? "ambiguous" : got)", default: 0] += 1
                failures.append((line, "\(got) \(reply.intent ?? "-") \(reply.confidence.map { String(format: "%.2f", $0) } ?? "-")"))
            }
        }
        let labelled = perLabel.filter { $0.key != "other" }.values
        let total = labelled.reduce(0) { $0 + $1.total }
        let correct = labelled.reduce(0) { $0 + $1.correct }
        let other = perLabel["other"] ?? (0, 0)
        let accuracy = total == 0 ? 0 : Double(correct) / Double(total)
        let safe = other.total == 0 ? 1 : Double(other.correct) / Double(other.total)
        let objective = (Double(correct) + halves) / Double(max(1, total)) + 2 * safe
        let sorted = confusions.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map {
            let parts = $0.key.split(separator: "\t").map(String.init)
            return (expected: parts[0], got: parts[1], count: $0.value)
        }
        return Result(
            accuracy: accuracy, safeRate: safe, objective: objective, perLabel: perLabel, perLanguage: perLanguage,
            confusions: sorted, failures: failures)
    }

    static func report(_ result: Result, title: String, confusions: Int, failures: Int) {
        func f(_ value: Double) -> String { String(format: "%.3f", value) }
        print(title)
        print("  accuracy on labelled lines \(f(result.accuracy))   safe rate on other lines \(f(result.safeRate))")
        print("")
        print("  label               correct  total  rate")
        for (label, value) in result.perLabel.sorted(by: { $0.key < $1.key }) {
            print("  \(label.padding(toLength: 18, withPad: " ", startingAt: 0)) \(String(format: "%8d %6d", value.correct, value.total))  \(f(Double(value.correct) / Double(max(1, value.total))))")
        }
        print("")
        print("  language  accuracy  safe rate  lines")
        for (language, value) in result.perLanguage.sorted(by: { $0.key < $1.key }) {
            let accuracy = Double(value.correct) / Double(max(1, value.total))
            let safe = value.other == 0 ? "  -  " : f(Double(value.safe) / Double(value.other))
            print("  \(language.padding(toLength: 8, withPad: " ", startingAt: 0)) \(f(accuracy))     \(safe)      \(value.total + value.other)")
        }
        print("")
        print("  most frequent confusions (expected -> got)")
        for confusion in result.confusions.prefix(confusions) {
            print("    \(confusion.count)x \(confusion.expected) -> \(confusion.got)")
        }
        for failure in result.failures.prefix(failures) {
            print("  FAIL [\(failure.line.label) -> \(failure.got)] \(failure.line.text)")
        }
    }
}

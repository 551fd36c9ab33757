import ArgumentParser
import Foundation
import StewardRouter
import StewardRuntime
import StewardSkills

extension ClassifyCommand {
    /// One line of a file to route, with the skill (and intent) it is expected to reach, when known.
    struct FileLine {
        var text: String
        var expectedSkill: String?
        var expectedIntent: String?
    }

    /// `--file`: every line's route, then a confusion table by skill.
    func classifyFile(_ path: String) throws {
        let registry = ShippedSkills.registry()
        var (examples, keywordMap) = try Self.defaultTrainingExamples()
        let configuration = try StewardConfiguration.load(path: config)
        if let folder = configuration.router.examplesDirectory {
            examples += try RouterTraining.extraExamples(folder: URL(fileURLWithPath: folder))
        }
        var settings = RouterSettings.shop
        if let configured = configuration.router.threshold { settings.threshold = configured }
        if let configured = configuration.router.margin { settings.margin = configured }
        if let threshold { settings.threshold = threshold }
        if let margin { settings.margin = margin }
        let router = try RouterCache.router(examples: examples, keywords: keywordMap, settings: settings)
        func skill(of intent: String) -> String {
            if intent == SystemIntent.human.rawValue { return "handoff" }
            return registry.entry(intent: intent)?.manifest.id ?? (intent.hasPrefix("system.") ? "system" : intent)
        }
        let lines = try Self.readLines(path, skillOf: skill)
        var table: [String: [String: Int]] = [:]
        var correct = 0, labelled = 0
        for line in lines {
            let decision = router.classify(line.text)
            let routed: String
            switch decision.kind {
            case .match: routed = skill(of: decision.top!.intent)
            case .ambiguous:
                // As the engine does: two readings of one skill go to that skill.
                let owners = Set(decision.ranked.prefix(2).map { skill(of: $0.intent) })
                routed = owners.count == 1 ? owners.first! : "ambiguous"
            case .noMatch: routed = "no_match"
            }
            let top = decision.top.map { "\($0.intent) \(format($0.confidence))" } ?? "-"
            let mark: String
            if let expected = line.expectedSkill {
                labelled += 1
                let ok = routed == expected || (expected == "other" && !SkillEvaluation.transactional.contains(routed))
                if ok { correct += 1 }
                mark = ok ? "ok  " : "MISS"
                table[expected, default: [:]][routed, default: 0] += 1
            } else {
                mark = "    "
                table["(any)", default: [:]][routed, default: 0] += 1
            }
            print("\(mark) \(pad(routed, 16)) \(pad(top, 34)) \(line.text)")
        }
        print("")
        if labelled > 0 { print("routed as expected: \(correct)/\(labelled) (\(format(Double(correct) / Double(labelled))))") }
        let columns = Array(Set(table.values.flatMap(\.keys))).sorted()
        print("confusion by skill (rows: expected, columns: routed)")
        print(pad("", 16) + columns.map { pad(String($0.prefix(11)), 12) }.joined())
        for row in table.keys.sorted() {
            print(pad(row, 16) + columns.map { pad(table[row]?[$0].map(String.init) ?? ".", 12) }.joined())
        }
    }

    /// Plain text lines (an examples/<lang>/<intent>.txt file expects its intent), or JSON lines.
    static func readLines(_ path: String, skillOf: (String) -> String) throws -> [FileLine] {
        guard let data = FileManager.default.contents(atPath: path), let content = String(data: data, encoding: .utf8) else {
            throw ValidationError("cannot read \(path)")
        }
        let url = URL(fileURLWithPath: path)
        // A file named like an examples file (<lang>/<intent>.txt, <intent> a known intent) expects that intent.
        let candidate = url.deletingPathExtension().lastPathComponent
        let fileIntent: String? =
            url.pathExtension == "txt" && ExampleFiles.isLanguageCode(url.deletingLastPathComponent().lastPathComponent)
                && skillOf(candidate) != candidate
            ? candidate : nil
        var result: [FileLine] = []
        for (number, raw) in content.split(whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("{") {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let text = object["text"] as? String
                else { throw ValidationError("\(path):\(number + 1): expected {\"text\": …, \"label\" or \"intent\": …}") }
                let intent = object["intent"] as? String
                let label = object["label"] as? String ?? intent.map(skillOf)
                result.append(FileLine(text: text, expectedSkill: label, expectedIntent: intent))
            } else {
                if ExampleFiles.isComment(line) { continue }
                result.append(FileLine(text: line, expectedSkill: fileIntent.map(skillOf), expectedIntent: fileIntent))
            }
        }
        return result
    }

    func format(_ value: Double) -> String { String(format: "%.3f", value) }
    func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}

import Foundation
import Testing
import StewardCore

/// The knowledge benchmark: questions in `Benchmarks/knowledge/*.jsonl`, each labelled with the
/// passage that answers it (`file`, `section`) or with `file: null` when the knowledge does not
/// answer it. A line is right when ``KnowledgeBase/answer(_:language:topics:minimumCoverage:)``
/// returns that passage, or nothing for a null line.
///
/// `validation.jsonl` chooses ``KnowledgeBase/defaultMinimumCoverage``; `test.jsonl` is only
/// measured. Run `Benchmarks/knowledge/run.sh` to print the figures.
@Suite(.serialized)
struct KnowledgeBenchmarkTests {
    /// Measured 0.78 when the sets were written; the floor leaves room for a few lines.
    static let floor = 0.75

    @Test func testAccuracyStaysAboveTheFloor() throws {
        let knowledge = try KnowledgeBenchmark.knowledge()
        let report = KnowledgeBenchmark.evaluate(try KnowledgeBenchmark.lines("test"), on: knowledge)
        KnowledgeBenchmark.show("knowledge test set, minimum coverage \(KnowledgeBase.defaultMinimumCoverage):\n\(report)")
        #expect(report.accuracy >= Self.floor, "test accuracy \(report.accuracy) fell below \(Self.floor)")
    }

    @Test func theShippedThresholdIsTheOneTheValidationSetChooses() throws {
        let knowledge = try KnowledgeBenchmark.knowledge()
        let lines = try KnowledgeBenchmark.lines("validation")
        var best = (threshold: 0.0, utility: Int.min)
        var table = "threshold  accuracy  answerable  unanswerable  right  wrong  utility\n"
        for step in 4...16 {
            let threshold = Double(step) * 0.05
            let report = KnowledgeBenchmark.evaluate(lines, on: knowledge, minimumCoverage: threshold)
            table += String(
                format: "%9.2f  %8.3f  %10.3f  %12.3f  %5d  %5d  %7d\n", threshold, report.accuracy, report.answerableAccuracy,
                report.unanswerableAccuracy, report.answerableCorrect, report.wrongAnswers, report.utility)
            // The rule: the most right passages minus wrong ones ("not sure" counts 0); on a tie the
            // higher threshold, so that "not sure" wins when in doubt.
            if report.utility >= best.utility { best = (threshold, report.utility) }
        }
        let shipped = KnowledgeBenchmark.evaluate(lines, on: knowledge)
        KnowledgeBenchmark.show("knowledge validation set:\n\(table)chosen \(best.threshold); shipped \(KnowledgeBase.defaultMinimumCoverage):\n\(shipped)")
        #expect(abs(best.threshold - KnowledgeBase.defaultMinimumCoverage) < 1e-9,
                "validation chooses \(best.threshold); set KnowledgeBase.defaultMinimumCoverage to it")
    }

    @Test(arguments: ["validation", "test"])
    func everyLabelNamesAPassageThatExists(set: String) throws {
        let knowledge = try KnowledgeBenchmark.knowledge()
        let sources = Set(knowledge.languages.flatMap { knowledge.passages(language: $0) }.map { "\($0.file) › \($0.heading)" })
        for line in try KnowledgeBenchmark.lines(set) {
            if let expected = line.expected { #expect(sources.contains(expected), "\(set): no passage \(expected)") }
            #expect(knowledge.languages.contains(line.language), "\(set): no knowledge in \(line.language)")
        }
    }

    @Test func noBenchmarkQuestionIsAnExampleQuestionOfTheKnowledge() throws {
        let knowledge = try KnowledgeBenchmark.knowledge()
        func normal(_ text: String) -> String {
            text.lowercased().filter { $0.isLetter || $0.isNumber || $0 == " " }.split(separator: " ").joined(separator: " ")
        }
        let examples = Set(knowledge.languages.flatMap { knowledge.passages(language: $0) }.flatMap(\.questions).map(normal))
        let validation = try KnowledgeBenchmark.lines("validation")
        let test = try KnowledgeBenchmark.lines("test")
        for line in validation + test {
            let isExample = examples.contains(normal(line.text))
            #expect(!isExample, "\"\(line.text)\" is also an example question in knowledge/")
        }
        #expect(Set(validation.map { normal($0.text) }).isDisjoint(with: test.map { normal($0.text) }))
        #expect(validation.count >= 80 && test.count >= 120)
    }
}

/// Loads and scores the knowledge benchmark sets.
enum KnowledgeBenchmark {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Line: Decodable {
        var text: String
        var file: String?
        var section: String?
        var language: String

        /// `file › section`, or nil when the knowledge does not answer the question.
        var expected: String? { file.map { "\($0) › \(section ?? "")" } }
    }

    struct Report: CustomStringConvertible {
        var total = 0
        var correct = 0
        var answerable = 0
        var answerableCorrect = 0
        /// Questions answered with a passage that is not the expected one (or with any passage
        /// when the knowledge has no answer).
        var wrongAnswers = 0
        var byLanguage: [String: (correct: Int, total: Int)] = [:]
        var misses: [String] = []

        var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }
        /// Right passages minus wrong ones: a wrong quote costs as much as a right one helps, and
        /// "not sure" costs nothing.
        var utility: Int { answerableCorrect - wrongAnswers }
        var answerableAccuracy: Double { answerable == 0 ? 0 : Double(answerableCorrect) / Double(answerable) }
        var unanswerableAccuracy: Double {
            total == answerable ? 0 : Double(correct - answerableCorrect) / Double(total - answerable)
        }

        var description: String {
            var text = String(
                format: "accuracy %.3f (%d/%d); answerable %.3f (%d/%d); unanswerable %.3f (%d/%d); wrong answers %d\n",
                accuracy, correct, total, answerableAccuracy, answerableCorrect, answerable, unanswerableAccuracy,
                correct - answerableCorrect, total - answerable, wrongAnswers)
            text += byLanguage.sorted { $0.key < $1.key }.map { "  \($0.key) \($0.value.correct)/\($0.value.total)" }.joined(separator: "\n")
            if !misses.isEmpty { text += "\n  misses:\n" + misses.map { "    \($0)" }.joined(separator: "\n") }
            return text
        }
    }

    /// Prints at once: a failing run may exit before buffered output is written.
    static func show(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func knowledge() throws -> KnowledgeBase {
        try KnowledgeBase(directory: root.appendingPathComponent("knowledge"))
    }

    static func lines(_ set: String) throws -> [Line] {
        let url = root.appendingPathComponent("Benchmarks/knowledge/\(set).jsonl")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(Line.self, from: Data($0.utf8))
        }
    }

    static func evaluate(_ lines: [Line], on knowledge: KnowledgeBase, minimumCoverage: Double = KnowledgeBase.defaultMinimumCoverage) -> Report {
        var report = Report()
        for line in lines {
            let match = knowledge.answer(line.text, language: line.language, minimumCoverage: minimumCoverage)
            let got = match.map(\.passage.source)
            let right = got == line.expected
            report.total += 1
            if right { report.correct += 1 }
            if !right, match != nil { report.wrongAnswers += 1 }
            if line.expected != nil {
                report.answerable += 1
                if right { report.answerableCorrect += 1 }
            }
            report.byLanguage[line.language, default: (0, 0)].total += 1
            if right { report.byLanguage[line.language, default: (0, 0)].correct += 1 }
            if !right {
                let coverage = match.map { String(format: " (coverage %.2f)", $0.coverage) } ?? ""
                report.misses.append("[\(line.language)] \(line.text) → \(got ?? "nothing")\(coverage); expected \(line.expected ?? "nothing")")
            }
        }
        return report
    }
}

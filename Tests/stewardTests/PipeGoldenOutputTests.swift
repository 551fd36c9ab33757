import Foundation
import Testing

/// The pipe's output for a fixed set of lines (the README's examples, every skill, each channel, duplicates,
/// error lines, a confirmation and its "please no") must stay byte-identical across refactorings.
///
/// `Golden/pipe-input.jsonl` is the input; `Golden/pipe-output.sorted.jsonl` is what `steward pipe` wrote for it,
/// sorted (sessions are answered concurrently, so lines of different sessions interleave in any order; each
/// session's own order is checked by ``PipeEndToEndTests``). Dates in replies are relative to today in the demo
/// store, so both sides have them replaced by `<date>` before comparing.
///
/// A deliberate change of behaviour regenerates the file:
/// `swift build && .build/debug/steward pipe --db /tmp/golden.db < Tests/stewardTests/Golden/pipe-input.jsonl 2>/dev/null | sort | python3 Tests/stewardTests/Golden/normalise.py > Tests/stewardTests/Golden/pipe-output.sorted.jsonl`
@Suite struct PipeGoldenOutputTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    @Test func pipeOutputForTheGoldenInputIsUnchanged() throws {
        let input = try Data(contentsOf: Self.folder.appendingPathComponent("pipe-input.jsonl"))
        let expected = try String(contentsOf: Self.folder.appendingPathComponent("pipe-output.sorted.jsonl"), encoding: .utf8)
            .split(separator: "\n").map(String.init).sorted()
        let output = try StewardProcess.run(["pipe"], input: input)
        #expect(output.status == 0)
        let actual = output.lines.map(Self.normalised).sorted()
        #expect(actual.count == expected.count)
        for (line, (got, want)) in zip(actual, expected).enumerated() where got != want {
            Issue.record("sorted line \(line + 1) differs:\n got: \(got)\nwant: \(want)")
        }
    }

    /// Replaces dates written the way replies write them ("Thu, Dec 3, 2026", "Dec 3, 2026", "Dec 3") by `<date>`.
    /// Keep in step with `Golden/normalise.py`.
    static func normalised(_ line: String) -> String {
        let months = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
        let pattern = "(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\(months) [0-9]{1,2}(?:, [0-9]{4})?"
        return line.replacingOccurrences(of: pattern, with: "<date>", options: .regularExpression)
    }
}

import Foundation
import StewardCore
import StewardRouter
import StewardRuntime
import Testing

/// Generated inputs (``FuzzInputs``) against the pipe decoder, the tokenizer and the secret masker:
/// nothing crashes, every input gets exactly one result, and each part's invariants hold.
/// A short run here; `STEWARD_FUZZ_ITERATIONS=200000 swift test --filter FuzzTests` for a long one.
@Suite struct FuzzTests {
    static let errorCodes: Set<String> = [
        "invalid_json", "invalid_utf8", "line_too_long", "missing_field", "invalid_field", "number_out_of_range",
        "nesting_too_deep", "duplicate_key", "invalid_string",
    ]

    @Test func theDecoderAnswersEveryLineWithAMessageOrADocumentedError() {
        var inputs = FuzzInputs()
        for number in 1...FuzzInputs.iterations {
            let line = inputs.pipeLine()
            switch PipeRequestDecoder.decode(line[...], line: number) {
            case .success(let message):
                // Whatever is accepted follows the identifier rule: never a cut or control-character id.
                #expect(Identifier.problem(message.session, field: "session") == nil, "seed \(FuzzInputs.seed) line \(number)")
                if let id = message.id { #expect(Identifier.problem(id, field: "id") == nil) }
                #expect(!(message.text ?? "").isEmpty || !(message.action ?? "").isEmpty)
            case .failure(let error):
                #expect(Self.errorCodes.contains(error.code), "seed \(FuzzInputs.seed) line \(number): \(error.code)")
                #expect(error.line == number)
                #expect(!error.message.isEmpty)
                if error.code == "invalid_json", String(validating: line, as: UTF8.self) != nil {
                    // "not valid JSON" is never said of valid JSON that only breaks a limit.
                    #expect(JSONLimits.error(for: line[...], line: number) == nil)
                }
            }
        }
    }

    @Test func thePipeWritesExactlyOneLinePerGeneratedLine() async throws {
        let engine = try makeEngine()
        var inputs = FuzzInputs(seed: FuzzInputs.seed &+ 1)
        let count = min(FuzzInputs.iterations, 600)
        var payload: [UInt8] = []
        var expected = 0
        for _ in 0..<count {
            var line = inputs.pipeLine()
            // Blank lines are skipped by the pipe (no answer): give them content; a trailing CR is cut: keep it inside.
            if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { line = Array("{}".utf8) }
            if line.last == 13 { line.append(UInt8(ascii: "x")) }
            payload += line + [UInt8(ascii: "\n")]
            expected += 1
        }
        let run = await PipeHarness.run(payload, engine: engine)
        #expect(run.stop == .endOfInput)
        #expect(run.lines.count == expected, "seed \(FuzzInputs.seed &+ 1)")
        // Every output line is one JSON object: a reply or an error.
        #expect(run.objects.count == run.lines.count)
        let errorLines = run.objects.compactMap { ($0["error"] as? [String: Any])?["line"] as? Int }
        #expect(Set(errorLines).count == errorLines.count, "an input line got two error lines")
    }

    @Test func theTokenizerNeverFailsAndKeepsItsShape() {
        var inputs = FuzzInputs(seed: FuzzInputs.seed &+ 2)
        let tokenizer = Tokenizer()
        for _ in 0..<FuzzInputs.iterations {
            let text = inputs.text()
            let normalized = tokenizer.normalize(text)
            #expect(!normalized.hasPrefix(" ") && !normalized.hasSuffix(" ") && !normalized.contains("  "), "\(text.debugDescription)")
            let words = tokenizer.words(text)
            #expect(words.allSatisfy { !$0.isEmpty && !$0.contains(" ") }, "\(text.debugDescription)")
            // Entities come out of any text without failing.
            _ = Entities.extract(from: text)
        }
    }

    @Test func theMaskerIsIdempotentAndBounded() {
        var inputs = FuzzInputs(seed: FuzzInputs.seed &+ 3)
        for _ in 0..<FuzzInputs.iterations {
            let text = inputs.text()
            let masked = SecretMasker.mask(text)
            #expect(SecretMasker.mask(masked) == masked, "mask is not idempotent on \(text.debugDescription)")
            // A placeholder replaces what it hides: never more than a few words per masked stretch.
            #expect(masked.utf8.count <= 2 * text.utf8.count + 64, "\(text.debugDescription) grew to \(masked.utf8.count) bytes")
        }
    }
}

import Foundation
import Testing
import StewardRouter

@Suite struct TrainingDataTests {
    @Test func parsesLinesAndSkipsBlankOnes() throws {
        let text = """
            {"text": "where is my order", "intent": "order_status"}

            {"text": "Zwrót", "intent": "return", "extra": 1}
            {"text": "weather", "intent": "oos"}
            """
        let examples = try TrainingData.parse(text)
        #expect(examples == [
            TrainingExample(text: "where is my order", intent: "order_status"),
            TrainingExample(text: "Zwrót", intent: "return"),
            TrainingExample(text: "weather", intent: "oos"),
        ])
        #expect(examples[2].isOutOfScope)
    }

    @Test(arguments: [
        ("{\"text\": \"a\", \"intent\": \"x\"}\n{\"text\": \"b\"}", 2, "missing \"intent\""),
        ("{\"intent\": \"x\"}", 1, "missing \"text\""),
        ("{\"text\": \"a\", \"intent\": \"x\"}\n\n{\"text\": \"a\", \"intent\": \"x\"\n", 3, "not valid JSON"),
        ("[1, 2]", 1, "expected a JSON object"),
        ("{\"text\": 5, \"intent\": \"x\"}", 1, "\"text\" must be a string"),
        ("{\"text\": \"a\", \"intent\": \"  \"}", 1, "\"intent\" is empty"),
    ])
    func malformedLinesNameTheirLineNumber(text: String, line: Int, reason: String) {
        #expect(throws: TrainingDataError.malformedLine(source: "train.jsonl", line: line, reason: reason)) {
            try TrainingData.parse(text, source: "train.jsonl")
        }
    }

    @Test func errorMessagesSayWhatToFix() {
        let error = TrainingDataError.malformedLine(source: "train.jsonl", line: 12, reason: "missing \"intent\"")
        #expect(error.description == "train.jsonl line 12: missing \"intent\"; each line must be {\"text\": \"...\", \"intent\": \"...\"}")
        #expect(TrainingDataError.empty(source: "x.jsonl").description.contains("holds no examples"))
    }

    @Test func blankInputIsEmpty() {
        #expect(throws: TrainingDataError.empty(source: "<input>")) { try TrainingData.parse("\n  \n") }
    }

    @Test func missingFileIsUnreadable() {
        #expect(throws: TrainingDataError.unreadable(path: "/nonexistent/train.jsonl", reason: "no such file")) {
            try TrainingData.load(path: "/nonexistent/train.jsonl")
        }
    }

    @Test func loadReadsAFileAndNamesItInErrors() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("router-\(UInt32.random(in: 0...UInt32.max)).jsonl").path
        try "{\"text\": \"hi\", \"intent\": \"greeting\"}\nnot json\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let name = URL(fileURLWithPath: path).lastPathComponent
        #expect(throws: TrainingDataError.malformedLine(source: name, line: 2, reason: "not valid JSON")) {
            try TrainingData.load(path: path)
        }
    }

    @Test func encodeRoundTrips() throws {
        let examples = [TrainingExample(text: "a \"quoted\" text", intent: "x"), TrainingExample(text: "zwrót", intent: "oos")]
        #expect(try TrainingData.parse(TrainingData.encode(examples)) == examples)
    }
}

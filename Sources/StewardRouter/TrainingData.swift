import Foundation

/// Loads labelled utterances from JSON lines, one `{"text": "...", "intent": "..."}` object per line.
public enum TrainingData {
    /// The intent label that marks an out-of-scope message.
    public static let outOfScopeIntent = "oos"

    /// Reads and parses a JSON lines file; blank lines are skipped.
    public static func load(path: String) throws(TrainingDataError) -> [TrainingExample] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "\(error.localizedDescription)" : "no such file"
            throw .unreadable(path: path, reason: reason)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path, reason: "the file is not UTF-8 text")
        }
        let name = URL(fileURLWithPath: path).lastPathComponent
        return try parse(text, source: name)
    }

    /// Parses JSON lines text; `source` names the input in error messages.
    public static func parse(_ jsonLines: String, source: String = "<input>") throws(TrainingDataError) -> [TrainingExample] {
        var examples: [TrainingExample] = []
        var lineNumber = 0
        for rawLine in jsonLines.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            examples.append(try parseLine(line, source: source, line: lineNumber))
        }
        if examples.isEmpty { throw .empty(source: source) }
        return examples
    }

    /// Encodes examples as JSON lines, one object per line.
    public static func encode(_ examples: [TrainingExample]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return examples.map { example in
            (try? encoder.encode(example)).flatMap { String(data: $0, encoding: .utf8) } ?? ""
        }.joined(separator: "\n") + "\n"
    }

    private static func parseLine(_ line: String, source: String, line number: Int) throws(TrainingDataError) -> TrainingExample {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [])
        } catch {
            throw .malformedLine(source: source, line: number, reason: "not valid JSON")
        }
        guard let dictionary = object as? [String: Any] else {
            throw .malformedLine(source: source, line: number, reason: "expected a JSON object")
        }
        guard let textValue = dictionary["text"] else {
            throw .malformedLine(source: source, line: number, reason: "missing \"text\"")
        }
        guard let text = textValue as? String else {
            throw .malformedLine(source: source, line: number, reason: "\"text\" must be a string")
        }
        guard let intentValue = dictionary["intent"] else {
            throw .malformedLine(source: source, line: number, reason: "missing \"intent\"")
        }
        guard let intent = intentValue as? String else {
            throw .malformedLine(source: source, line: number, reason: "\"intent\" must be a string")
        }
        let trimmedIntent = intent.trimmingCharacters(in: .whitespaces)
        if trimmedIntent.isEmpty {
            throw .malformedLine(source: source, line: number, reason: "\"intent\" is empty")
        }
        return TrainingExample(text: text, intent: trimmedIntent)
    }
}

import Foundation

// The pipe decoder's JSON layer, before and after issue 12's strict reading, on the same lines:
// before = JSONSerialization plus the bracket count for nesting (the reader until issue 12, part 10);
// after = StrictJSON's one pass (duplicates, trailing commas, surrogates, numbers and depth included).
// Both then check session and id with Identifier's rules; UTF-8 validation is common to both.
let lines = try! String(contentsOfFile: CommandLine.arguments[1], encoding: .utf8)
    .split(separator: "\n").map { Array($0.utf8) }
let rounds = 5

func mayBeTooDeep(_ bytes: ArraySlice<UInt8>) -> Bool {
    var opening = 0
    for byte in bytes where byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
        opening += 1
        if opening > 64 { return true }
    }
    return false
}

func before(_ line: [UInt8]) -> Int {
    guard String(validating: line, as: UTF8.self) != nil,
        let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any], !mayBeTooDeep(line[...]),
        let session = object["session"] as? String, Identifier.problem(session, field: "session") == nil
    else { return 0 }
    return (object["id"] as? String).map { Identifier.problem($0, field: "id") == nil ? 1 : 0 } ?? 1
}

func after(_ line: [UInt8]) -> Int {
    guard String(validating: line, as: UTF8.self) != nil else { return 0 }
    let (value, problem) = StrictJSON.read(line[...])
    guard problem == nil, let fields = value?.object, let session = fields["session"]?.string,
        Identifier.problem(session, field: "session") == nil
    else { return 0 }
    return fields["id"]?.string.map { Identifier.problem($0, field: "id") == nil ? 1 : 0 } ?? 1
}

for (name, decode) in [("before", before), ("after", after), ("before", before), ("after", after)] {
    var accepted = 0
    let start = Date()
    for _ in 0..<rounds { for line in lines { accepted += decode(line) } }
    let seconds = Date().timeIntervalSince(start)
    let count = lines.count * rounds
    print("\(name): \(count) lines in \(String(format: "%.2f", seconds)) s: \(Int(Double(count) / seconds)) lines/s, "
        + "\(String(format: "%.2f", seconds / Double(count) * 1e6)) µs/line (accepted \(accepted))")
}

/// The error line for a line ``StrictJSON`` does not take, in words a host developer can act on.
///
/// Codes (the pipe section of README.md lists them): `invalid_json` (with the byte, counted from 1, and
/// what was expected there), `duplicate_key` (the key's path), `invalid_string` (an unpaired surrogate
/// escape, naming the field), `number_out_of_range`, `nesting_too_deep`.
enum JSONProblem {
    /// The error for `problem` on input line `line`; `value` is what could be read, for the line's
    /// `session` and `id` (given only when the problem is not in them and they are valid identifiers).
    static func error(_ problem: StrictJSON.Problem, value: JSONValue?, line: Int) -> PipeLineError {
        let fields = value?.object
        func readable(_ key: String, unlessAt path: String) -> String? {
            guard path != key, !path.hasPrefix(key + "."), !path.hasPrefix(key + "["),
                let text = fields?[key]?.string, Identifier.problem(text, field: key) == nil
            else { return nil }
            return text
        }
        func make(_ code: String, _ message: String, at path: String) -> PipeLineError {
            PipeLineError(
                code: code, message: message, line: line, session: readable("session", unlessAt: path),
                id: readable("id", unlessAt: path))
        }
        switch problem {
        case .syntax(let message, let offset):
            return PipeLineError(
                code: "invalid_json",
                message: "The line is not valid JSON: \(message), at byte \(offset + 1); send one JSON object per line.",
                line: line)
        case .tooDeep:
            return PipeLineError(
                code: "nesting_too_deep",
                message: "The line nests objects and arrays deeper than \(JSONLimits.maxDepth) levels; Steward reads at most \(JSONLimits.maxDepth).",
                line: line)
        case .duplicateKey(let path):
            return make(
                "duplicate_key",
                "The field `\(path)` appears more than once in its object; send each field once (readers disagree on which copy counts).",
                at: path)
        case .unpairedSurrogate(let path, let escape, let inKey):
            let place = inKey ? "A field name at `\(path)`" : "The field `\(path)`"
            return make(
                "invalid_string",
                "\(place) has an unpaired surrogate escape \(escape); a \\uD800–\\uDBFF escape must be followed by a "
                    + "\\uDC00–\\uDFFF one (together one character), and neither may stand alone.",
                at: path)
        case .numberOutOfRange(let path, let literal):
            return make(
                "number_out_of_range",
                "The number \(literal) in field `\(path)` is out of range; numbers must be finite 64-bit "
                    + "floating point values (at most about ±1.8e308).",
                at: path)
        }
    }
}

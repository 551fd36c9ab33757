/// A JSON value as `steward pipe` reads it: numbers as 64-bit floats, objects with unique keys.
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// The string, or nil for any other kind of value.
    var string: String? { if case .string(let value) = self { value } else { nil } }
    /// The object's fields, or nil for any other kind of value.
    var object: [String: JSONValue]? { if case .object(let fields) = self { fields } else { nil } }
    /// True for `null`.
    var isNull: Bool { self == .null }
}

/// A strict RFC 8259 reader for one line of `steward pipe` input: one pass over the bytes, which must
/// already be valid UTF-8, that builds the value and finds every way the line breaks JSON or Steward's
/// rules for it, with where.
///
/// Beyond what `JSONSerialization` checks, it refuses (RFC 8259 sections 2–7; ``JSONLimits`` for the limits):
/// - trailing commas (`{"a":1,}`, `[1,2,]`), leading zeros, `+1`, `NaN`, comments, a byte-order mark;
///   `invalid_json`, saying what was expected at which byte (counted from 1);
/// - a key that appears twice in one object, at any level (section 4 leaves duplicates to the reader;
///   a gateway may read the first where Steward would read the last): `duplicate_key` naming the path
///   (`customer.authenticated`); keys are compared as Unicode text, so `"a"` and `"\u0061"` are the same;
/// - a `\uD800`–`\uDFFF` escape that is not a high-then-low pair (section 8.2: not a character):
///   `invalid_string` naming the field;
/// - a number not finite as a 64-bit float (`number_out_of_range`) and nesting deeper than
///   ``JSONLimits/maxDepth`` (`nesting_too_deep`).
///
/// A syntax error anywhere wins over the other problems (the line is not JSON); nesting too deep stops
/// the reading at once; otherwise the first problem in the line is reported.
struct StrictJSON {
    /// What is wrong with a line, with the path of the field concerned where there is one.
    enum Problem: Equatable, Sendable {
        /// Not JSON: `message` says what was found and expected, `offset` is the byte, counted from 0.
        case syntax(message: String, offset: Int)
        /// The same key twice in the object at `path`'s parent.
        case duplicateKey(path: String)
        /// An unpaired surrogate escape (`escape` like `\udfff`) in the string at `path`; `inKey` when it is in a field name.
        case unpairedSurrogate(path: String, escape: String, inKey: Bool)
        /// A number that is not finite as a 64-bit float.
        case numberOutOfRange(path: String, literal: String)
        /// Objects and arrays nested deeper than ``JSONLimits/maxDepth``.
        case tooDeep
    }

    /// The value read and the problem that keeps it from being taken (nil when there is none).
    /// With a problem, `value` is what could be read (nil after a syntax error or too deep a nesting).
    static func read(_ bytes: ArraySlice<UInt8>) -> (value: JSONValue?, problem: Problem?) {
        bytes.withUnsafeBufferPointer { buffer in
            var reader = StrictJSON(bytes: buffer)
            do throws(Failure) {
                reader.skipSpace()
                let value = try reader.value()
                reader.skipSpace()
                if reader.index < buffer.count {
                    throw reader.syntax("unexpected \(reader.shown(reader.index)) after the end of the JSON value")
                }
                return (value, reader.firstProblem)
            } catch {
                return (nil, error.problem)
            }
        }
    }

    private struct Failure: Error { var problem: Problem }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    /// The field names and array indexes from the top level down to the value being read.
    private var path: [PathPart] = []
    private var firstProblem: Problem?

    private enum PathPart {
        case key(String)
        case index(Int)
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    // MARK: - Values

    private mutating func value() throws(Failure) -> JSONValue {
        guard index < bytes.count else { throw syntax("the line ends where a value was expected") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string(isKey: false))
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw syntax("\(shown(index)) where a value (object, array, string, number, true, false or null) was expected")
        }
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > JSONLimits.maxDepth { throw Failure(problem: .tooDeep) }
    }

    private mutating func object() throws(Failure) -> JSONValue {
        try enter()
        index += 1
        var fields: [String: JSONValue] = [:]
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(fields)
        }
        while true {
            guard index < bytes.count else { throw syntax("the line ends inside an object; a `}` is missing") }
            guard bytes[index] == UInt8(ascii: "\"") else {
                if bytes[index] == UInt8(ascii: "}") {
                    throw syntax("a comma before `}`: JSON does not allow a trailing comma (RFC 8259)")
                }
                throw syntax("\(shown(index)) where a field name in double quotes was expected")
            }
            let key = try string(isKey: true)
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw syntax("\(shown(index)) where `:` after a field name was expected")
            }
            index += 1
            skipSpace()
            path.append(.key(key))
            // Noted at the key, before its value: problems are reported in the order they stand in the line.
            if fields[key] != nil { note(.duplicateKey(path: pathText())) }
            fields[key] = try value()
            path.removeLast()
            skipSpace()
            guard index < bytes.count else { throw syntax("the line ends inside an object; a `}` is missing") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipSpace()
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else {
                throw syntax("\(shown(index)) where `,` or `}` was expected")
            }
            index += 1
            depth -= 1
            return .object(fields)
        }
    }

    private mutating func array() throws(Failure) -> JSONValue {
        try enter()
        index += 1
        var items: [JSONValue] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(items)
        }
        while true {
            if index < bytes.count, bytes[index] == UInt8(ascii: "]"), !items.isEmpty {
                throw syntax("a comma before `]`: JSON does not allow a trailing comma (RFC 8259)")
            }
            path.append(.index(items.count))
            items.append(try value())
            path.removeLast()
            skipSpace()
            guard index < bytes.count else { throw syntax("the line ends inside an array; a `]` is missing") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipSpace()
                continue
            }
            guard bytes[index] == UInt8(ascii: "]") else {
                throw syntax("\(shown(index)) where `,` or `]` was expected")
            }
            index += 1
            depth -= 1
            return .array(items)
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let start = index
        let count = word.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw syntax("\(shown(start)) where a value was expected") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw syntax("\(shown(start)) where a value was expected")
        }
        index += count
    }

    // MARK: - Numbers

    private mutating func number() throws(Failure) -> Double {
        let start = index
        // A malformed number is shown where it starts.
        func malformed(_ message: String) -> Failure { Failure(problem: .syntax(message: message, offset: start)) }
        func digit(_ at: Int) -> Bool { at < bytes.count && bytes[at] >= UInt8(ascii: "0") && bytes[at] <= UInt8(ascii: "9") }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard digit(index) else { throw malformed("a `-` not followed by a digit") }
        var simple = true  // digits only, few enough to add up exactly
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if digit(index) { throw malformed("a number with a leading zero: JSON does not allow one") }
        } else {
            while digit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            simple = false
            guard digit(index) else { throw malformed("a `.` in a number not followed by a digit") }
            while digit(index) { index += 1 }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            simple = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digit(index) else { throw malformed("an exponent in a number without digits") }
            while digit(index) { index += 1 }
        }
        let literal = UnsafeBufferPointer(rebasing: bytes[start..<index])
        let negative = literal[0] == UInt8(ascii: "-")
        if simple && literal.count - (negative ? 1 : 0) <= 15 {
            var value = 0
            for byte in literal.dropFirst(negative ? 1 : 0) { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
            return negative ? -Double(value) : Double(value)
        }
        let text = String(decoding: literal, as: UTF8.self)
        let value = Double(text) ?? .infinity
        if !value.isFinite {
            note(.numberOutOfRange(path: pathText(), literal: text.count > 40 ? String(text.prefix(40)) + "…" : text))
            return 0
        }
        return value
    }

    // MARK: - Strings

    private mutating func string(isKey: Bool) throws(Failure) -> String {
        let start = index + 1
        index = start
        // The common case: no escape; the bytes are the string.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                defer { index += 1 }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw controlCharacter(byte) }
            index += 1
        }
        guard index < bytes.count else { throw syntax("the line ends inside a string; a closing `\"` is missing") }
        var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &utf8, isKey: isKey)
            case ..<0x20:
                throw controlCharacter(byte)
            default:
                utf8.append(byte)
                index += 1
            }
        }
        throw syntax("the line ends inside a string; a closing `\"` is missing")
    }

    private mutating func escape(into utf8: inout [UInt8], isKey: Bool) throws(Failure) {
        let at = index
        index += 1
        guard index < bytes.count else { throw syntax("the line ends inside a string; a closing `\"` is missing") }
        let simple: UInt8?
        switch bytes[index] {
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default: throw Failure(problem: .syntax(message: "the escape \(shown(at, length: 2)) in a string; JSON knows \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX", offset: at))
        }
        if let simple {
            utf8.append(simple)
            index += 1
            return
        }
        index += 1
        let unit = try hex4(escapeAt: at)
        var scalar: Unicode.Scalar?
        if (0xD800...0xDBFF).contains(unit) {
            // A high surrogate counts only with a low one escaped right after it.
            if bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                let save = index
                index += 2
                let low = try hex4(escapeAt: save)
                if (0xDC00...0xDFFF).contains(low) {
                    scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                } else {
                    index = save  // the next escape is read on its own
                }
            }
        } else if !(0xDC00...0xDFFF).contains(unit) {
            scalar = Unicode.Scalar(unit)
        }
        guard let scalar else {
            let escape = String(decoding: UnsafeBufferPointer(rebasing: bytes[at..<(at + 6)]), as: UTF8.self)
            note(.unpairedSurrogate(path: pathText(), escape: escape, inKey: isKey))
            utf8.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFD, never taken: the line is refused
            return
        }
        utf8.append(contentsOf: UTF8.encode(scalar)!)
    }

    private mutating func hex4(escapeAt at: Int) throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw syntax("the line ends inside a \\u escape") }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw Failure(problem: .syntax(
                    message: "the escape \(shown(at, length: index - at + 1)) in a string; \\u takes four hex digits", offset: at))
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private func controlCharacter(_ byte: UInt8) -> Failure {
        let code = String(byte, radix: 16, uppercase: true)
        let hex = code.count == 1 ? "000" + code : "00" + code
        return Failure(problem: .syntax(
            message: "the control character U+\(hex) unescaped in a string; write it as \\u\(hex.lowercased())", offset: index))
    }

    // MARK: - Helpers

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// Keeps the first problem that is not a syntax error; reading goes on to find a syntax error.
    private mutating func note(_ problem: Problem) {
        if firstProblem == nil { firstProblem = problem }
    }

    private func syntax(_ message: String) -> Failure {
        Failure(problem: .syntax(message: message, offset: index))
    }

    /// The bytes at `offset`, quoted for a message: `` `x` ``, or "the end of the line".
    private func shown(_ offset: Int, length: Int = 1) -> String {
        guard offset < bytes.count else { return "the end of the line" }
        var end = min(bytes.count, offset + length)
        // Whole characters: a multi-byte UTF-8 sequence is shown complete.
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
        return "`" + JSONPath.printable(text) + "`"
    }

    private func pathText() -> String {
        JSONPath.text(path.map { part in
            switch part {
            case .key(let key): .key(key)
            case .index(let index): .index(index)
            }
        })
    }
}

/// A field's place in a JSON value as written in messages: `customer.authenticated`, `items[2].price`.
enum JSONPath {
    enum Part {
        case key(String)
        case index(Int)
    }

    /// The path's text; `(top level)` for the value itself. Field names are shown, not trusted: long
    /// paths are cut at 120 characters and invisible or control characters are written as `\u{…}`.
    static func text(_ parts: [Part]) -> String {
        var text = ""
        for part in parts {
            switch part {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        if text.isEmpty { return "(top level)" }
        let cut = text.count > 120 ? String(text.prefix(120)) + "…" : text
        return printable(cut)
    }

    /// `text` with control, format and separator characters written as `\u{XXXX}`.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: hidden) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if hidden(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func hidden(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value < 0x20 || scalar.value == 0x7F }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}

import Foundation

/// The limits `steward pipe` puts on valid JSON beyond what JSON itself says, and a scan of a line that
/// finds where a line breaks them.
///
/// JSON (RFC 8259, section 6) leaves number range and nesting depth to the reader; Steward reads numbers
/// as 64-bit floating point (so a number must be finite there: at most about ±1.8e308; smaller magnitudes
/// such as `1e-400` round to 0) and objects and arrays nested at most ``maxDepth`` deep. A line that
/// breaks either is answered with an error saying which, not "not valid JSON".
package enum JSONLimits {
    /// The deepest nesting of objects and arrays read; the top-level object counts as 1.
    package static let maxDepth = 64

    /// A limit a line breaks.
    enum Problem: Equatable {
        /// A number that is not finite as a 64-bit float, in `field` (a path such as `customer.age` or
        /// `items[2]`; `(top level)` when it stands alone), at `range` of the line's bytes.
        case numberOutOfRange(field: String, literal: String, range: Range<Int>)
        /// Objects and arrays nested deeper than ``maxDepth``.
        case tooDeep(depth: Int)
    }

    /// True when the line may nest deeper than ``maxDepth``: it holds more opening brackets than that.
    /// A cheap test before the full ``problems(in:)`` scan.
    static func mayBeTooDeep(_ bytes: ArraySlice<UInt8>) -> Bool {
        var opening = 0
        for byte in bytes where byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
            opening += 1
            if opening > maxDepth { return true }
        }
        return false
    }

    /// The limits `bytes` breaks, in the order found: every number out of range, and `tooDeep` once
    /// (scanning stops there). Works on any bytes; brackets and numbers inside strings are skipped.
    static func problems(in bytes: ArraySlice<UInt8>) -> [Problem] {
        enum Frame {
            case object(key: String?, expectingKey: Bool)
            case array(index: Int)
        }
        var stack: [Frame] = []
        var problems: [Problem] = []
        var index = bytes.startIndex
        let end = bytes.endIndex

        func path() -> String {
            var parts = ""
            for frame in stack {
                switch frame {
                case .object(let key, _):
                    guard let key else { continue }
                    parts += parts.isEmpty ? key : "." + key
                case .array(let index):
                    parts += "[\(index)]"
                }
            }
            if parts.isEmpty { return "(top level)" }
            // A field name is shown, not trusted: long ones are cut for the message.
            return parts.count > 120 ? String(parts.prefix(120)) + "…" : parts
        }

        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                // A string: its end is the next quote not escaped.
                var cursor = index + 1
                var escaped = false
                while cursor < end {
                    let c = bytes[cursor]
                    if escaped {
                        escaped = false
                    } else if c == UInt8(ascii: "\\") {
                        escaped = true
                    } else if c == UInt8(ascii: "\"") {
                        break
                    }
                    cursor += 1
                }
                if case .object(_, true)? = stack.last {
                    let raw = bytes[(index + 1)..<min(cursor, end)]
                    stack[stack.count - 1] = .object(key: String(decoding: raw, as: UTF8.self), expectingKey: false)
                }
                index = min(cursor + 1, end)
                continue
            case UInt8(ascii: "{"):
                stack.append(.object(key: nil, expectingKey: true))
                if stack.count > maxDepth {
                    problems.append(.tooDeep(depth: stack.count))
                    return problems
                }
            case UInt8(ascii: "["):
                stack.append(.array(index: 0))
                if stack.count > maxDepth {
                    problems.append(.tooDeep(depth: stack.count))
                    return problems
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !stack.isEmpty { stack.removeLast() }
            case UInt8(ascii: ","):
                switch stack.last {
                case .object?: stack[stack.count - 1] = .object(key: nil, expectingKey: true)
                case .array(let i)?: stack[stack.count - 1] = .array(index: i + 1)
                case nil: break
                }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                var cursor = index + 1
                while cursor < end {
                    let c = bytes[cursor]
                    let isNumberByte =
                        (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: ".")
                        || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") || c == UInt8(ascii: "+")
                        || c == UInt8(ascii: "-")
                    guard isNumberByte else { break }
                    cursor += 1
                }
                let literal = String(decoding: bytes[index..<cursor], as: UTF8.self)
                if let value = Double(literal), !value.isFinite {
                    let shown = literal.count > 40 ? String(literal.prefix(40)) + "…" : literal
                    problems.append(
                        .numberOutOfRange(
                            field: path(), literal: shown,
                            range: (index - bytes.startIndex)..<(cursor - bytes.startIndex)))
                }
                index = cursor
                continue
            default:
                break
            }
            index += 1
        }
        return problems
    }
}

extension JSONLimits {
    /// The error line for a line that breaks a limit, or nil when it breaks none (or is not JSON even
    /// within the limits, which is `invalid_json`).
    ///
    /// - `nesting_too_deep`: "The line nests objects and arrays deeper than 64 levels; …".
    /// - `number_out_of_range`: "The number 1e400 in field `customer.age` is out of range; …", with the
    ///   line's `session` and `id` when the line, the number aside, is a readable message.
    package static func error(for bytes: ArraySlice<UInt8>, line: Int) -> PipeLineError? {
        let problems = problems(in: bytes)
        if problems.contains(where: { if case .tooDeep = $0 { true } else { false } }) {
            return PipeLineError(
                code: "nesting_too_deep",
                message: "The line nests objects and arrays deeper than \(maxDepth) levels; Steward reads at most \(maxDepth).",
                line: line)
        }
        guard case .numberOutOfRange(let field, let literal, _)? = problems.first else { return nil }
        // The same line with every such number as 0: if that is JSON, the number was the only problem.
        var patched = Array(bytes)
        for case .numberOutOfRange(_, _, let range) in problems.reversed() {
            patched.replaceSubrange(range, with: [UInt8(ascii: "0")])
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(patched), options: []) else { return nil }
        let fields = object as? [String: Any]
        let session = (fields?["session"] as? String).flatMap { Identifier.problem($0, field: "session") == nil ? $0 : nil }
        let id = (fields?["id"] as? String).flatMap { Identifier.problem($0, field: "id") == nil ? $0 : nil }
        return PipeLineError(
            code: "number_out_of_range",
            message: "The number \(literal) in field `\(field)` is out of range; numbers must be finite 64-bit "
                + "floating point values (at most about ±1.8e308).",
            line: line, session: session, id: id)
    }
}

import ArgumentParser
import StewardRuntime

/// The rules for what an operator types on the command line: the same as the pipe's for identifiers
/// (``Identifier``, `Sources/StewardRuntime/Engine/Identifier.swift`), so no ticket, tag, name or file can
/// be made to look like another in `steward tickets list`, a terminal or a log.
///
/// Every rule refuses control characters (Unicode Cc: C0, DEL, C1) and the invisible format and
/// default-ignorable characters (Cf: U+200B, U+200E/F, U+202A–U+202E, U+2066–U+2069, U+FEFF, U+00AD, tag
/// characters …), naming the option and the character: "--as: `--as` contains the invisible character
/// U+202E (RIGHT-TO-LEFT OVERRIDE); …". A violation is an ArgumentParser validation error (exit status 64).
/// A NUL cannot reach the command at all: the operating system ends each argument at the first NUL
/// (execve(2)), so `--as $'Ann\0x'` arrives as `Ann`.
///
/// | rule | options | beyond the common rule |
/// |---|---|---|
/// | ``identifier(_:option:)`` | ticket IDs, skill IDs, dates | at most 256 bytes, not empty, no whitespace at either end |
/// | ``tag(_:option:)`` | tags | at most 256 bytes; whitespace at the ends is trimmed |
/// | ``name(_:option:)`` | `--as`, the assignee | at most 256 bytes; the joiners U+200C/U+200D between other characters (Persian and Indic names, emoji) |
/// | ``text(_:option:)`` | a reply's or note's text | any length; line feeds, tabs and CR before LF; U+200C/U+200D and variation selectors (U+FE00–U+FE0F) after another character; no U+2028/U+2029 |
/// | ``path(_:option:)`` | files (`--db`, `--config`, `--out`, `FILE` …) | any length; the joiners between other characters; no line breaks or tabs |
enum OperatorInput {
    /// A ticket ID (or prefix), skill ID or date: ``Identifier/Rule/strict``.
    static func identifier(_ value: String, option: String) throws {
        if let problem = Identifier.problem(value, field: option, rule: .strict) { throw ValidationError("\(option): \(problem)") }
    }

    /// A tag: ``Identifier/Rule/padded`` (trimmed afterwards).
    static func tag(_ value: String, option: String) throws {
        if let problem = Identifier.problem(value, field: option, rule: .padded) { throw ValidationError("\(option): \(problem)") }
    }

    /// A person's name (`--as`, the assignee): ``Identifier/Rule/name``, and not only whitespace when `required`.
    static func name(_ value: String, option: String, required: Bool = true) throws {
        if let problem = Identifier.problem(value, field: option, rule: .name) { throw ValidationError("\(option): \(problem)") }
        if value.isEmpty {
            if required { throw ValidationError("\(option): `\(option)` is empty; give the name to show, or leave the option out.") }
            return
        }
        if value.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            throw ValidationError("\(option): `\(option)` is only whitespace; give the name to show.")
        }
        if let first = value.unicodeScalars.first, first.properties.isWhitespace {
            throw ValidationError("\(option): `\(option)` begins with the whitespace \(named(first)); names may not begin or end with whitespace.")
        }
        if let last = value.unicodeScalars.last, last.properties.isWhitespace {
            throw ValidationError("\(option): `\(option)` ends with the whitespace \(named(last)); names may not begin or end with whitespace.")
        }
    }

    /// Free text for a person to read (a reply, a note).
    static func text(_ value: String, option: String) throws {
        if let problem = problem(value, option: option, allowsLayout: true) { throw ValidationError("\(option): \(problem)") }
    }

    /// A file path.
    static func path(_ value: String, option: String) throws {
        if let problem = problem(value, option: option, allowsLayout: false) { throw ValidationError("\(option): \(problem)") }
    }

    /// Checks every value of `values` as `rule`.
    static func paths(_ values: [String?], option: String) throws {
        for case let value? in values { try path(value, option: option) }
    }

    /// What is wrong with free text or a path; nil when it is fine.
    static func problem(_ value: String, option: String, allowsLayout: Bool) -> String? {
        let scalars = Array(value.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let previous = index > 0 ? scalars[index - 1] : nil
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            switch scalar.value {
            case 0x0A, 0x09:
                if allowsLayout { continue }
            case 0x0D:
                if allowsLayout, next == "\n" { continue }
            case 0x200C, 0x200D:
                if let previous, next != nil, !previous.properties.isWhitespace { continue }
            case 0xFE00...0xFE0F:
                if allowsLayout, let previous, !previous.properties.isWhitespace { continue }
            default:
                break
            }
            let kind: String
            if scalar.properties.generalCategory == .control || scalar.value == 0x2028 || scalar.value == 0x2029 {
                kind = "the control character"
            } else if scalar.properties.generalCategory == .format || scalar.properties.isDefaultIgnorableCodePoint
                || Identifier.blankLooking.contains(scalar.value)
            {
                kind = "the invisible character"
            } else {
                continue
            }
            let allowed = allowsLayout ? " (line breaks and tabs are fine)" : ""
            return "`\(option)` contains \(kind) \(Self.named(scalar)); it may not hold control or invisible characters\(allowed)."
        }
        return nil
    }

    /// `U+202E (RIGHT-TO-LEFT OVERRIDE)`.
    static func named(_ scalar: Unicode.Scalar) -> String {
        let code = String(scalar.value, radix: 16, uppercase: true)
        let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
        guard let name = scalar.properties.name ?? scalar.properties.nameAlias else { return "U+\(padded)" }
        return "U+\(padded) (\(name))"
    }
}

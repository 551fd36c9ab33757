import Foundation
import StewardCore

/// Decodes one line of `steward pipe` input.
///
/// `{"session": "s1", "id": "m1", "text": "where is my order #1001", "channel": "webchat",
///   "customer": {"email": "...", "profile_id": "...", "authenticated": true}}`
/// `action` may stand instead of `text` for a clicked quick reply or button; `"explain": true` asks
/// for the reply's `routing` object; `"language": "pl"` is the customer's explicit choice of language.
///
/// The line is read by ``StrictJSON`` in one pass: strict RFC 8259 (no trailing commas), no key twice in
/// one object (`duplicate_key`), no unpaired surrogate escape (`invalid_string`), numbers finite as
/// 64-bit floats and nesting at most ``JSONLimits/maxDepth`` deep, in any field, used or not
/// (`number_out_of_range`, `nesting_too_deep`). Identifiers and codes follow ``Identifier``'s rules:
/// ``Identifier/Rule/strict`` for `session`, `id`, `action`, `channel`, `language` and
/// `customer.profile_id`; ``Identifier/Rule/padded`` for `customer.email` and `customer.phone`;
/// ``Identifier/Rule/name`` for `customer.name` (`invalid_field` naming the field).
enum PipeRequest {
    static let maxLineBytes = 64 * 1024

    static func decode(_ bytes: ArraySlice<UInt8>, line: Int) -> Result<IncomingMessage, PipeLineError> {
        func fail(_ code: String, _ message: String, session: String? = nil, id: String? = nil)
            -> Result<IncomingMessage, PipeLineError>
        {
            .failure(PipeLineError(code: code, message: message, line: line, session: session, id: id))
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return fail("invalid_utf8", "The line is not valid UTF-8; send UTF-8 encoded JSON.")
        }
        let (value, problem) = StrictJSON.read(bytes)
        if let problem { return .failure(JSONProblem.error(problem, value: value, line: line)) }
        guard let fields = value?.object else {
            return fail("invalid_json", "The line must be a JSON object like {\"session\": \"s1\", \"text\": \"hi\"}.")
        }
        func present(_ value: JSONValue?) -> JSONValue? { value.flatMap { $0.isNull ? nil : $0 } }
        // The id, for error lines, when it is one.
        let readableID = fields["id"]?.string.flatMap { Identifier.problem($0, field: "id") == nil ? $0 : nil }
        guard let rawSession = present(fields["session"]) else {
            return fail("missing_field", "`session` is required: a string naming the conversation.", id: readableID)
        }
        guard let session = rawSession.string else {
            return fail("invalid_field", "`session` must be a non-empty string.", id: readableID)
        }
        // Identifiers are checked, never shortened: "s-42\u0000x" is not session s-42.
        if let problem = Identifier.problem(session, field: "session") {
            return fail("invalid_field", problem, id: readableID)
        }
        var id: String?
        if let raw = present(fields["id"]) {
            guard let value = raw.string else { return fail("invalid_field", "`id` must be a string.", session: session) }
            if let problem = Identifier.problem(value, field: "id") {
                return fail("invalid_field", problem, session: session)
            }
            id = value
        }
        var text: String?
        if let raw = present(fields["text"]) {
            guard let value = raw.string else {
                return fail("invalid_field", "`text` must be a string.", session: session, id: id)
            }
            text = value
        }
        var action: String?
        if let raw = present(fields["action"]) {
            guard let value = raw.string else {
                return fail("invalid_field", "`action` must be a string.", session: session, id: id)
            }
            // An empty action is no action (the host sent `text`).
            if !value.isEmpty {
                if let problem = Identifier.problem(value, field: "action") {
                    return fail("invalid_field", problem, session: session, id: id)
                }
                action = value
            }
        }
        let hasText = !(text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        if !hasText && action == nil {
            return fail("missing_field", "Send `text` (what the customer wrote) or `action` (a clicked button).", session: session, id: id)
        }
        var channel: Channel?
        if let raw = present(fields["channel"]) {
            let names = Channel.allCases.map(\.rawValue).joined(separator: ", ")
            guard let name = raw.string else {
                return fail("invalid_field", "`channel` must be one of \(names).", session: session, id: id)
            }
            if let problem = Identifier.problem(name, field: "channel") {
                return fail("invalid_field", problem, session: session, id: id)
            }
            guard let value = Channel(rawValue: name) else {
                return fail("invalid_field", "`channel` must be one of \(names).", session: session, id: id)
            }
            channel = value
        }
        var customer: Customer?
        if let raw = present(fields["customer"]) {
            guard let map = raw.object else {
                return fail("invalid_field", "`customer` must be an object.", session: session, id: id)
            }
            let rules: [(key: String, rule: Identifier.Rule)] = [
                ("email", .padded), ("profile_id", .strict), ("name", .name), ("phone", .padded),
            ]
            var strings: [String: String] = [:]
            for (key, rule) in rules {
                guard let value = present(map[key]) else { continue }
                guard let string = value.string else {
                    return fail("invalid_field", "`customer.\(key)` must be a string.", session: session, id: id)
                }
                if let problem = Identifier.problem(string, field: "customer.\(key)", rule: rule) {
                    return fail("invalid_field", problem, session: session, id: id)
                }
                strings[key] = string
            }
            var authenticated = false
            if let v = present(map["authenticated"]) {
                guard case .bool(let flag) = v else {
                    return fail("invalid_field", "`customer.authenticated` must be true or false.", session: session, id: id)
                }
                authenticated = flag
            }
            // Hosts pad fields now and then: " jane@example.com " is that address.
            let email = strings["email"]?.trimmingCharacters(in: .whitespacesAndNewlines)
            if let email, !EmailAddress.isValid(email) {
                return fail("invalid_field", "`customer.email` is not a valid email address.", session: session, id: id)
            }
            if authenticated && email == nil {
                return fail("invalid_field", "An authenticated `customer` needs an `email`.", session: session, id: id)
            }
            var phone: String?
            if let raw = strings["phone"] {
                guard let number = PhoneNumber.normalised(raw) else {
                    return fail(
                        "invalid_field",
                        "`customer.phone` is not a phone number: send 6 to 15 digits, optionally after + (like +15550100200).",
                        session: session, id: id)
                }
                phone = number
            }
            customer = Customer(
                email: email, profileID: strings["profile_id"], name: strings["name"],
                authenticated: authenticated, phone: phone)
        }
        var explain = false
        if let raw = present(fields["explain"]) {
            guard case .bool(let flag) = raw else {
                return fail("invalid_field", "`explain` must be true or false.", session: session, id: id)
            }
            explain = flag
        }
        var language: String?
        if let raw = present(fields["language"]) {
            let expected = "`language` must be an ISO 639-1 language code such as en, pl, sv, ko, de, es or fr "
                + "(or a BCP 47 tag starting with one, like pl-PL)."
            guard let tag = raw.string else { return fail("invalid_field", expected, session: session, id: id) }
            if let problem = Identifier.problem(tag, field: "language") {
                return fail("invalid_field", problem, session: session, id: id)
            }
            guard isLanguageTag(tag), let code = LanguageConfiguration.code(tag) else {
                return fail("invalid_field", expected, session: session, id: id)
            }
            language = code
        }
        return .success(
            IncomingMessage(
                session: session, id: id, text: text, action: action, channel: channel, customer: customer,
                explain: explain, language: language))
    }

    /// True for a BCP 47 shaped tag: subtags of 1 to 8 ASCII letters or digits joined by `-` (or `_`, as
    /// POSIX locales write it), the first of letters only (RFC 5646, section 2.1).
    static func isLanguageTag(_ tag: String) -> Bool {
        var length = 0
        var first = true
        for byte in tag.utf8 {
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "_"):
                guard length > 0 else { return false }
                length = 0
                first = false
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                length += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where !first:
                length += 1
            default:
                return false
            }
            if length > 8 { return false }
        }
        return length > 0
    }
}

/// Reads a line of `steward pipe` input, for tools that replay recorded traffic (`steward replay`).
public enum PipeRequestDecoder {
    /// The message on one input line, or what is wrong with it; `line` numbers errors.
    public static func decode(_ bytes: ArraySlice<UInt8>, line: Int) -> Result<IncomingMessage, PipeLineError> {
        PipeRequest.decode(bytes, line: line)
    }
}

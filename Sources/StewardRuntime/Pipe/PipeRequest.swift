import Foundation
import StewardCore

/// A line of `steward pipe` input that could not be taken, with what to fix.
public struct PipeLineError: Error, Sendable, Hashable {
    /// A stable code: `invalid_json`, `invalid_utf8`, `line_too_long`, `missing_field`, `invalid_field`, …
    public var code: String
    /// What is wrong, in a sentence.
    public var message: String
    /// The input line number, counted from 1.
    public var line: Int
    /// The session, when it could be read.
    public var session: String?
    /// The message id, when it could be read.
    public var id: String?

    package init(code: String, message: String, line: Int, session: String? = nil, id: String? = nil) {
        self.code = code
        self.message = message
        self.line = line
        self.session = session
        self.id = id
    }
}

/// Decodes one line of `steward pipe` input.
///
/// `{"session": "s1", "id": "m1", "text": "where is my order #1001", "channel": "webchat",
///   "customer": {"email": "...", "profile_id": "...", "authenticated": true}}`
/// `action` may stand instead of `text` for a clicked quick reply or button; `"explain": true` asks
/// for the reply's `routing` object; `"language": "pl"` is the customer's explicit choice of language.
/// Numbers must be finite as 64-bit floats and nesting at most ``JSONLimits/maxDepth`` deep, in any
/// field, used or not (`number_out_of_range`, `nesting_too_deep`).
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
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            // Valid JSON beyond Steward's limits (a number out of range, nesting too deep) says so.
            if let error = JSONLimits.error(for: bytes, line: line) { return .failure(error) }
            return fail("invalid_json", "The line is not valid JSON; send one JSON object per line.")
        }
        if JSONLimits.mayBeTooDeep(bytes), let error = JSONLimits.error(for: bytes, line: line) {
            return .failure(error)
        }
        guard let fields = object as? [String: Any] else {
            return fail("invalid_json", "The line must be a JSON object like {\"session\": \"s1\", \"text\": \"hi\"}.")
        }
        // An empty id is no id: it cannot tell a re-delivery from a new message.
        let id = (fields["id"] as? String ?? (fields["id"] as? NSNumber).map { "\($0)" }).flatMap { $0.isEmpty ? nil : $0 }
        let rawSession = fields["session"]
        guard let rawSession, !(rawSession is NSNull) else {
            return fail("missing_field", "`session` is required: a string naming the conversation.", id: id)
        }
        guard let session = rawSession as? String, !session.isEmpty else {
            return fail("invalid_field", "`session` must be a non-empty string.", id: id)
        }
        // Identifiers are checked, never shortened: "s-42\u0000x" is not session s-42.
        if let problem = Identifier.problem(session, field: "session") {
            return fail("invalid_field", problem, id: id.flatMap { Identifier.problem($0, field: "id") == nil ? $0 : nil })
        }
        if let rawID = fields["id"], !(rawID is NSNull), !(rawID is String) {
            return fail("invalid_field", "`id` must be a string.", session: session)
        }
        if let id, let problem = Identifier.problem(id, field: "id") {
            return fail("invalid_field", problem, session: session)
        }
        var text: String?
        if let raw = fields["text"], !(raw is NSNull) {
            guard let value = raw as? String else {
                return fail("invalid_field", "`text` must be a string.", session: session, id: id)
            }
            text = value
        }
        var action: String?
        if let raw = fields["action"], !(raw is NSNull) {
            guard let value = raw as? String else {
                return fail("invalid_field", "`action` must be a string.", session: session, id: id)
            }
            if let problem = Identifier.problem(value, field: "action") {
                return fail("invalid_field", problem, session: session, id: id)
            }
            action = value
        }
        let hasText = !(text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        if !hasText && (action ?? "").isEmpty {
            return fail("missing_field", "Send `text` (what the customer wrote) or `action` (a clicked button).", session: session, id: id)
        }
        var channel: Channel?
        if let raw = fields["channel"], !(raw is NSNull) {
            guard let name = raw as? String, let value = Channel(rawValue: name) else {
                let names = Channel.allCases.map(\.rawValue).joined(separator: ", ")
                return fail("invalid_field", "`channel` must be one of \(names).", session: session, id: id)
            }
            channel = value
        }
        var customer: Customer?
        if let raw = fields["customer"], !(raw is NSNull) {
            guard let map = raw as? [String: Any] else {
                return fail("invalid_field", "`customer` must be an object.", session: session, id: id)
            }
            for key in ["email", "profile_id", "name", "phone"] {
                if let v = map[key], !(v is NSNull), !(v is String) {
                    return fail("invalid_field", "`customer.\(key)` must be a string.", session: session, id: id)
                }
            }
            for key in ["email", "profile_id", "name", "phone"] {
                if let value = map[key] as? String, let problem = Identifier.problem(value, field: "customer.\(key)") {
                    return fail("invalid_field", problem, session: session, id: id)
                }
            }
            var authenticated = false
            if let v = map["authenticated"], !(v is NSNull) {
                guard let flag = JSONBool.value(v) else {
                    return fail("invalid_field", "`customer.authenticated` must be true or false.", session: session, id: id)
                }
                authenticated = flag
            }
            // Hosts pad fields now and then: " jane@example.com " is that address.
            let email = (map["email"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines)
            if let email, !EmailAddress.isValid(email) {
                return fail("invalid_field", "`customer.email` is not a valid email address.", session: session, id: id)
            }
            if authenticated && email == nil {
                return fail("invalid_field", "An authenticated `customer` needs an `email`.", session: session, id: id)
            }
            var phone: String?
            if let raw = map["phone"] as? String {
                guard let number = PhoneNumber.normalised(raw) else {
                    return fail(
                        "invalid_field",
                        "`customer.phone` is not a phone number: send 6 to 15 digits, optionally after + (like +15550100200).",
                        session: session, id: id)
                }
                phone = number
            }
            customer = Customer(
                email: email, profileID: map["profile_id"] as? String, name: map["name"] as? String,
                authenticated: authenticated, phone: phone)
        }
        var explain = false
        if let raw = fields["explain"], !(raw is NSNull) {
            guard let flag = JSONBool.value(raw) else {
                return fail("invalid_field", "`explain` must be true or false.", session: session, id: id)
            }
            explain = flag
        }
        var language: String?
        if let raw = fields["language"], !(raw is NSNull) {
            guard let tag = raw as? String, let code = LanguageConfiguration.code(tag) else {
                return fail(
                    "invalid_field", "`language` must be an ISO 639-1 language code such as en, pl, sv, ko, de, es or fr.",
                    session: session, id: id)
            }
            language = code
        }
        return .success(
            IncomingMessage(
                session: session, id: id, text: text, action: action, channel: channel, customer: customer,
                explain: explain, language: language))
    }
}

/// Reads a line of `steward pipe` input, for tools that replay recorded traffic (`steward replay`).
public enum PipeRequestDecoder {
    /// The message on one input line, or what is wrong with it; `line` numbers errors.
    public static func decode(_ bytes: ArraySlice<UInt8>, line: Int) -> Result<IncomingMessage, PipeLineError> {
        PipeRequest.decode(bytes, line: line)
    }
}

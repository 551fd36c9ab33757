import Foundation
import StewardCore

/// The JSON a store keeps for a session and its turns, written by hand for speed.
///
/// The output reads back with a plain `JSONDecoder()` as `Session` and `Turn`, with the same keys
/// as their `Codable` conformances and dates as seconds since 2001 (the decoder's default): key
/// order differs from `JSONEncoder`'s, nil optionals are left out as `encodeIfPresent` leaves them
/// out, and dictionary keys are sorted so equal sessions give equal text.
///
/// A stored property added to one of these types must be added here too; `SessionRecordTests`
/// fails until it is.
package enum SessionRecord {
    /// The session without its turns (`"turns":[]`); a store keeps those one by one with ``turn(_:)``.
    /// ``Session/earlierTurnCount`` is not part of the record.
    package static func header(_ session: Session) -> String {
        var json = JSONWriter(capacity: 512)
        json.beginObject()
        json.field("id", session.id)
        json.field("channel", session.channel.rawValue)
        json.key("customer")
        write(session.customer, to: &json)
        json.key("turns")
        json.beginArray()
        json.endArray()
        if let active = session.active {
            json.key("active")
            write(active, to: &json)
        }
        json.key("interrupted")
        json.beginArray()
        for task in session.interrupted { write(task, to: &json) }
        json.endArray()
        json.key("skillsUsed")
        json.beginArray()
        for skill in session.skillsUsed { json.string(skill) }
        json.endArray()
        json.key("routedToTeam")
        json.bool(session.routedToTeam)
        json.key("fallback")
        write(session.fallback, to: &json)
        json.key("facts")
        write(session.facts, to: &json)
        if let language = session.language {
            json.key("language")
            json.beginObject()
            json.field("code", language.code)
            json.field("source", language.source.rawValue)
            json.endObject()
        }
        json.key("createdAt")
        json.double(session.createdAt.timeIntervalSinceReferenceDate)
        json.key("updatedAt")
        json.double(session.updatedAt.timeIntervalSinceReferenceDate)
        json.endObject()
        return json.string
    }

    /// One turn.
    package static func turn(_ turn: Turn) -> String {
        var json = JSONWriter(capacity: turn.text.utf8.count + 128)
        json.beginObject()
        json.key("timestamp")
        json.double(turn.timestamp.timeIntervalSinceReferenceDate)
        json.field("role", turn.role.rawValue)
        json.field("text", turn.text)
        json.fieldIfPresent("intent", turn.intent)
        json.fieldIfPresent("skill", turn.skill)
        json.fieldIfPresent("author", turn.author)
        json.fieldIfPresent("outcome", turn.outcome)
        if let confidence = turn.confidence, confidence.isFinite {
            json.key("confidence")
            json.double(confidence)
        }
        json.fieldIfPresent("messageID", turn.messageID)
        json.endObject()
        return json.string
    }

    private static func write(_ customer: Customer, to json: inout JSONWriter) {
        json.beginObject()
        json.fieldIfPresent("email", customer.email)
        json.fieldIfPresent("profile_id", customer.profileID)
        json.fieldIfPresent("name", customer.name)
        json.key("authenticated")
        json.bool(customer.authenticated)
        json.fieldIfPresent("verified_email", customer.verifiedEmail)
        json.fieldIfPresent("phone", customer.phone)
        json.endObject()
    }

    private static func write(_ task: Session.Task, to json: inout JSONWriter) {
        json.beginObject()
        json.field("skill", task.skill)
        json.field("intent", task.intent)
        json.key("confidence")
        json.double(task.confidence)
        json.key("state")
        json.beginObject()
        json.key("slots")
        write(task.state.slots, to: &json)
        json.endObject()
        if let reasks = task.reasks {
            json.key("reasks")
            json.int(reasks)
        }
        json.endObject()
    }

    private static func write(_ fallback: FallbackState, to json: inout JSONWriter) {
        json.beginObject()
        json.key("misses")
        json.int(fallback.misses)
        json.key("complaints")
        json.int(fallback.complaints)
        if let pending = fallback.pending {
            json.field("pending", pending.rawValue)
        }
        json.fieldIfPresent("reason", fallback.reason)
        json.fieldIfPresent("ticketID", fallback.ticketID)
        if let reasks = fallback.reasks {
            json.key("reasks")
            json.int(reasks)
        }
        if let failures = fallback.toolFailures {
            json.key("toolFailures")
            json.int(failures)
        }
        json.endObject()
    }

    /// A string dictionary as an object with its keys in sorted order.
    private static func write(_ dictionary: [String: String], to json: inout JSONWriter) {
        json.beginObject()
        for (key, value) in dictionary.sorted(by: { $0.key < $1.key }) {
            json.key(key)
            json.string(value)
        }
        json.endObject()
    }
}

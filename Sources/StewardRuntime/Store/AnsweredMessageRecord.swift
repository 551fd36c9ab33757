import Foundation
import StewardCore

/// The JSON a store keeps for an ``AnsweredMessage``, written by hand for speed (every answered
/// message with an id is recorded, so `JSONEncoder` cost ~7% of the pipe's time).
///
/// The output reads back with a plain `JSONDecoder()` as ``AnsweredMessage``: the same keys as its
/// `Codable` conformance (cards as the pipe writes them, ``JSONWriter/card(_:)``), dates as seconds
/// since 2001 (the decoder's default), nil optionals left out (a card's are `null`). A stored property
/// added to ``AnsweredMessage``, ``Card``, ``Card/Button``, ``Card/Field`` or ``Suggestion`` must be
/// added here too; `AnsweredMessageRecordTests` fails until it is.
package enum AnsweredMessageRecord {
    package static func json(_ message: AnsweredMessage) -> String {
        var json = JSONWriter(capacity: message.text.utf8.count + 256)
        json.beginObject()
        json.field("session", message.session)
        json.field("messageID", message.messageID)
        json.key("mergedIDs")
        json.beginArray()
        for id in message.mergedIDs { json.string(id) }
        json.endArray()
        json.key("answeredAt")
        json.double(message.answeredAt.timeIntervalSinceReferenceDate)
        json.field("text", message.text)
        json.key("cards")
        json.beginArray()
        for card in message.cards { json.card(card) }
        json.endArray()
        json.key("suggestions")
        json.beginArray()
        for suggestion in message.suggestions {
            json.beginObject()
            json.field("title", suggestion.title)
            json.fieldIfPresent("action", suggestion.action)
            json.endObject()
        }
        json.endArray()
        json.fieldIfPresent("skill", message.skill)
        json.fieldIfPresent("intent", message.intent)
        if let confidence = message.confidence, confidence.isFinite {
            json.key("confidence")
            json.double(confidence)
        }
        json.field("outcome", message.outcome)
        json.field("channel", message.channel.rawValue)
        json.field("language", message.language)
        json.endObject()
        return json.string
    }
}

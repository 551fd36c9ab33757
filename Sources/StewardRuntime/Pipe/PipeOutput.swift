import StewardCore

/// Encodes `steward pipe` output lines, with a fixed key order.
package enum PipeOutput {
    /// A reply line: `{"session":…,"reply_to":…,"text":…,"cards":[…],"suggestions":[…],"skill":…,
    /// "intent":…,"confidence":0.9876,"outcome":…,"channel":…,"from":…,"author":…}`.
    ///
    /// `cards` appear only on channels that show cards, `suggestions` only on those that show
    /// suggestions, `author` only when there is one; `confidence` has four decimals, or is `null`
    /// when there is none or it is not finite.
    package static func reply(_ reply: AgentReply) -> String {
        var json = JSONWriter(capacity: reply.text.utf8.count + 256)
        json.beginObject()
        json.key("session")
        json.string(reply.session)
        json.key("reply_to")
        json.string(reply.replyTo)
        json.key("text")
        json.string(reply.text)
        if reply.channel.showsCards {
            json.key("cards")
            json.beginArray()
            for card in reply.cards { write(card, to: &json) }
            json.endArray()
        }
        if reply.channel.showsSuggestions {
            json.key("suggestions")
            json.beginArray()
            for suggestion in reply.suggestions { write(suggestion, to: &json) }
            json.endArray()
        }
        json.key("skill")
        json.string(reply.skill)
        json.key("intent")
        json.string(reply.intent)
        json.key("confidence")
        if let confidence = reply.confidence {
            json.fixed(confidence, fractionDigits: 4)
        } else {
            json.null()
        }
        json.key("outcome")
        json.string(reply.outcome)
        json.key("channel")
        json.string(reply.channel.rawValue)
        json.key("from")
        json.string(reply.from.rawValue)
        if let author = reply.author {
            json.key("author")
            json.string(author)
        }
        json.endObject()
        return json.string
    }

    /// An error line: `{"error":{"code":…,"message":…,"line":3,"session":…,"id":…}}`, `session` and
    /// `id` only when known.
    package static func error(_ error: PipeLineError) -> String {
        var json = JSONWriter(capacity: error.message.utf8.count + 128)
        json.beginObject()
        json.key("error")
        json.beginObject()
        json.key("code")
        json.string(error.code)
        json.key("message")
        json.string(error.message)
        json.key("line")
        json.int(error.line)
        if let session = error.session {
            json.key("session")
            json.string(session)
        }
        if let id = error.id {
            json.key("id")
            json.string(id)
        }
        json.endObject()
        json.endObject()
        return json.string
    }

    private static func write(_ card: Card, to json: inout JSONWriter) {
        json.beginObject()
        json.key("kind")
        json.string(card.kind.rawValue)
        json.key("title")
        json.string(card.title)
        json.key("subtitle")
        json.string(card.subtitle)
        json.key("fields")
        json.beginArray()
        for field in card.fields {
            json.beginObject()
            json.key("label")
            json.string(field.label)
            json.key("value")
            json.string(field.value)
            json.endObject()
        }
        json.endArray()
        json.key("image_url")
        json.string(card.imageURL)
        json.key("url")
        json.string(card.url)
        json.key("buttons")
        json.beginArray()
        for button in card.buttons {
            json.beginObject()
            json.key("title")
            json.string(button.title)
            if let url = button.url {
                json.key("url")
                json.string(url)
            }
            if let action = button.action {
                json.key("action")
                json.string(action)
            }
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    private static func write(_ suggestion: Suggestion, to json: inout JSONWriter) {
        json.beginObject()
        json.key("title")
        json.string(suggestion.title)
        json.key("action")
        json.string(suggestion.action)
        json.endObject()
    }
}

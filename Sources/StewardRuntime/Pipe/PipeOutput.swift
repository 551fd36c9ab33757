import StewardCore

/// Encodes `steward pipe` output lines, with a fixed key order.
package enum PipeOutput {
    /// A reply line: `{"session":…,"reply_to":…,"text":…,"cards":[…],"suggestions":[…],"skill":…,
    /// "intent":…,"confidence":0.9876,"outcome":…,"channel":…,"language":…,"from":…,"author":…,
    /// "duplicate":true,"merged":true,"merged_ids":["m1","m2"]}`.
    ///
    /// `duplicate` appears only on a repeated message id's reply (the first answer again, nothing
    /// changed); `merged` and `merged_ids` only when a burst of messages was answered as one turn
    /// (every id of the burst gets this reply, each with its own `reply_to`).
    /// `cards` appear only on channels that show cards, `suggestions` only on those that show
    /// suggestions, `author` only when there is one; `confidence` has four decimals, or is `null`
    /// when there is none or it is not finite.
    package static func reply(_ reply: AgentReply) -> String {
        var json = JSONWriter(capacity: reply.text.utf8.count + 256)
        json.beginObject()
        json.field("session", reply.session)
        json.field("reply_to", reply.replyTo)
        json.field("text", reply.text)
        if reply.channel.showsCards {
            json.key("cards")
            json.beginArray()
            for card in reply.cards { json.card(card) }
            json.endArray()
        }
        if reply.channel.showsSuggestions {
            json.key("suggestions")
            json.beginArray()
            for suggestion in reply.suggestions { write(suggestion, to: &json) }
            json.endArray()
        }
        json.field("skill", reply.skill)
        json.field("intent", reply.intent)
        json.key("confidence")
        if let confidence = reply.confidence {
            json.fixed(confidence, fractionDigits: 4)
        } else {
            json.null()
        }
        json.field("outcome", reply.outcome)
        json.field("channel", reply.channel.rawValue)
        json.field("language", reply.language)
        json.field("from", reply.from.rawValue)
        json.fieldIfPresent("author", reply.author)
        if reply.duplicate {
            json.key("duplicate")
            json.bool(true)
        }
        if !reply.mergedIDs.isEmpty {
            json.key("merged")
            json.bool(true)
            json.key("merged_ids")
            json.beginArray()
            for id in reply.mergedIDs { json.string(id) }
            json.endArray()
        }
        if let routing = reply.routing { write(routing, to: &json) }
        json.endObject()
        return json.string
    }

    /// `"routing":{"rule":…,"decision":…,"candidates":[{"intent","skill","confidence"}],"out_of_scope":…,
    /// "terms":[{"term","weight"}],"keywords":[…],"threshold":…,"margin":…}`.
    private static func write(_ routing: RoutingTrace, to json: inout JSONWriter) {
        json.key("routing")
        json.beginObject()
        json.field("rule", routing.rule.rawValue)
        json.field("decision", routing.decision.rawValue)
        json.key("candidates")
        json.beginArray()
        for candidate in routing.candidates {
            json.beginObject()
            json.field("intent", candidate.intent)
            json.field("skill", candidate.skill)
            json.key("confidence")
            json.fixed(candidate.confidence, fractionDigits: 4)
            json.endObject()
        }
        json.endArray()
        json.key("out_of_scope")
        if let oos = routing.outOfScope { json.fixed(oos, fractionDigits: 4) } else { json.null() }
        json.key("terms")
        json.beginArray()
        for term in routing.terms {
            json.beginObject()
            json.field("term", term.term)
            json.key("weight")
            json.fixed(term.weight, fractionDigits: 4)
            json.endObject()
        }
        json.endArray()
        json.key("keywords")
        json.beginArray()
        for keyword in routing.keywords { json.string(keyword) }
        json.endArray()
        json.key("threshold")
        json.fixed(routing.threshold, fractionDigits: 4)
        json.key("margin")
        json.fixed(routing.margin, fractionDigits: 4)
        json.endObject()
    }

    /// An error line: `{"error":{"code":…,"message":…,"line":3,"session":…,"id":…}}`, `session` and
    /// `id` only when known.
    ///
    /// The message is masked (``SecretMasker``): an error's text may quote what the customer typed.
    package static func error(_ error: PipeLineError) -> String {
        let message = SecretMasker.mask(error.message)
        var json = JSONWriter(capacity: message.utf8.count + 128)
        json.beginObject()
        json.key("error")
        json.beginObject()
        json.field("code", error.code)
        json.field("message", message)
        json.key("line")
        json.int(error.line)
        json.fieldIfPresent("session", error.session)
        json.fieldIfPresent("id", error.id)
        json.endObject()
        json.endObject()
        return json.string
    }

    private static func write(_ suggestion: Suggestion, to json: inout JSONWriter) {
        json.beginObject()
        json.field("title", suggestion.title)
        json.field("action", suggestion.action)
        json.endObject()
    }
}

import Foundation
import StewardCore

/// Writes whole JSON lines to a file descriptor, one `write` per line, from any thread.
public final class JSONLineWriter: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()  // serialises writes so lines never interleave

    /// A writer to `fd` (standard output by default).
    public init(fd: Int32 = 1) {
        self.fd = fd
    }

    /// Writes one line; `line` must not contain a newline.
    public func write(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(UInt8(ascii: "\n"))
        lock.withLock {
            var offset = 0
            while offset < bytes.count {
                let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }
}

/// Encodes pipe output lines with a fixed key order.
enum PipeOutput {
    static func reply(_ reply: AgentReply) -> String {
        var json = JSONObjectBuilder()
        json.string("session", reply.session)
        json.optionalString("reply_to", reply.replyTo)
        json.string("text", reply.text)
        if reply.channel.showsCards {
            json.raw("cards", "[" + reply.cards.map(card).joined(separator: ",") + "]")
        }
        if reply.channel.showsSuggestions {
            json.raw("suggestions", "[" + reply.suggestions.map(suggestion).joined(separator: ",") + "]")
        }
        json.optionalString("skill", reply.skill)
        json.optionalString("intent", reply.intent)
        if let confidence = reply.confidence {
            json.raw("confidence", String(format: "%.4f", confidence))
        } else {
            json.raw("confidence", "null")
        }
        json.string("outcome", reply.outcome)
        json.string("channel", reply.channel.rawValue)
        json.string("from", reply.from.rawValue)
        if let author = reply.author { json.string("author", author) }
        return json.build()
    }

    static func error(_ error: PipeLineError) -> String {
        var inner = JSONObjectBuilder()
        inner.string("code", error.code)
        inner.string("message", error.message)
        inner.raw("line", String(error.line))
        if let session = error.session { inner.string("session", session) }
        if let id = error.id { inner.string("id", id) }
        var outer = JSONObjectBuilder()
        outer.raw("error", inner.build())
        return outer.build()
    }

    static func card(_ card: Card) -> String {
        var json = JSONObjectBuilder()
        json.string("kind", card.kind.rawValue)
        json.string("title", card.title)
        json.optionalString("subtitle", card.subtitle)
        json.raw(
            "fields",
            "[" + card.fields.map { f in
                var o = JSONObjectBuilder()
                o.string("label", f.label)
                o.string("value", f.value)
                return o.build()
            }.joined(separator: ",") + "]")
        json.optionalString("image_url", card.imageURL)
        json.optionalString("url", card.url)
        json.raw(
            "buttons",
            "[" + card.buttons.map { b in
                var o = JSONObjectBuilder()
                o.string("title", b.title)
                if let url = b.url { o.string("url", url) }
                if let action = b.action { o.string("action", action) }
                return o.build()
            }.joined(separator: ",") + "]")
        return json.build()
    }

    static func suggestion(_ s: Suggestion) -> String {
        var json = JSONObjectBuilder()
        json.string("title", s.title)
        json.optionalString("action", s.action)
        return json.build()
    }
}

/// Builds a compact JSON object in insertion order.
struct JSONObjectBuilder {
    private var parts: [String] = []

    mutating func string(_ key: String, _ value: String) {
        parts.append(JSONObjectBuilder.quote(key) + ":" + JSONObjectBuilder.quote(value))
    }

    mutating func optionalString(_ key: String, _ value: String?) {
        if let value { string(key, value) } else { raw(key, "null") }
    }

    mutating func raw(_ key: String, _ json: String) {
        parts.append(JSONObjectBuilder.quote(key) + ":" + json)
    }

    func build() -> String { "{" + parts.joined(separator: ",") + "}" }

    static func quote(_ s: String) -> String {
        // Fast path: nothing to escape (no quote, backslash, control character or U+2028/9).
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0xE2 }) {
            return "\"" + s + "\""
        }
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }
}

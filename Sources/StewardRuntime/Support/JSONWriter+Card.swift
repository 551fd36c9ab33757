import StewardCore

extension JSONWriter {
    /// A card as the pipe writes it, and as stores keep it: `kind`, `title`, `subtitle`, `fields`
    /// (`label`/`value`), `image_url`, `url` (absent ones as `null`, so every card has the same keys),
    /// `buttons` (`title`, with `url` or `action`). Reads back with `JSONDecoder` as ``Card``.
    package mutating func card(_ card: Card) {
        beginObject()
        field("kind", card.kind.rawValue)
        field("title", card.title)
        field("subtitle", card.subtitle)
        key("fields")
        beginArray()
        for item in card.fields {
            beginObject()
            field("label", item.label)
            field("value", item.value)
            endObject()
        }
        endArray()
        field("image_url", card.imageURL)
        field("url", card.url)
        key("buttons")
        beginArray()
        for button in card.buttons {
            beginObject()
            field("title", button.title)
            fieldIfPresent("url", button.url)
            fieldIfPresent("action", button.action)
            endObject()
        }
        endArray()
        endObject()
    }
}

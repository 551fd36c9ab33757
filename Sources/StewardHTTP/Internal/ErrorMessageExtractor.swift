import Foundation

/// Pulls the human-readable message out of an API error body.
///
/// Knows the shapes in `api-contracts.md`: Shopify `{"errors": "..."}` and
/// `{"errors": {"field": ["..."]}}`, GraphQL/Klaviyo `{"errors": [{"message"|"detail": ...}]}`,
/// Zendesk `{"error": "RecordInvalid", "description": "..."}`, Gorgias `{"error": {"msg": ...}}`,
/// Loop/Smile `{"error": {"message": ...}}`, OAuth `error_description`. Anything else falls
/// back to a short prefix of the body text.
enum ErrorMessageExtractor {
    static let maxLength = 300
    /// The most characters of a message redacted (and then clipped to ``maxLength``): a part of a secret cut
    /// off here lies beyond the clip anyway.
    static let maxScanned = 4096

    /// The API's message, redacted by `redactor` as vendor text (``SecretRedactor/redactVendorText(_:)``:
    /// every form of a secret and every credential-like run) and only then clipped to ``maxLength``
    /// characters, so that a clip never leaves part of a secret visible.
    static func message(from body: [UInt8], redactor: SecretRedactor = SecretRedactor(secrets: [])) -> String {
        guard !body.isEmpty else { return "" }
        if let object = try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]),
            let dictionary = object as? [String: Any],
            let text = fromTopLevel(dictionary), !text.isEmpty
        {
            return clip(redactor.redactVendorText(String(text.prefix(maxScanned))))
        }
        guard let text = String(validating: body, as: UTF8.self) else { return "(\(body.count) bytes of binary data)" }
        return clip(redactor.redactVendorText(String(text.prefix(maxScanned))))
    }

    private static func fromTopLevel(_ object: [String: Any]) -> String? {
        let primary = object["errors"] ?? object["error"] ?? object["message"] ?? object["msg"]
        let detail = object["error_description"] ?? object["description"] ?? object["detail"]
        switch (primary.flatMap(flatten), detail.flatMap(flatten)) {
        case (let main?, let extra?) where main != extra: return "\(main): \(extra)"
        case (let main?, _): return main
        case (nil, let extra?): return extra
        case (nil, nil): return nil
        }
    }

    /// Turns a JSON value into one line of text, preferring message-like keys in objects.
    private static func flatten(_ value: Any) -> String? {
        switch value {
        case let string as String:
            return string
        case let number as NSNumber:
            return number.stringValue
        case let array as [Any]:
            let parts = array.compactMap(flatten).filter { !$0.isEmpty }
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        case let object as [String: Any]:
            for key in ["message", "msg", "detail", "title", "description", "error_description", "error"] {
                if let inner = object[key], let text = flatten(inner), !text.isEmpty {
                    if let data = object["data"].flatMap(flatten), !data.isEmpty {
                        return "\(text) (\(data))"
                    }
                    return text
                }
            }
            let parts = object.keys.sorted().compactMap { key in object[key].flatMap(flatten).map { "\(key) \($0)" } }
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        default:
            return nil
        }
    }

    private static func clip(_ text: String) -> String {
        let oneLine = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard oneLine.count > maxLength else { return oneLine }
        return String(oneLine.prefix(maxLength)) + "…"
    }
}

import Foundation

/// Finds fields of a demo record (a script's `tools.orders` entry, …) that the demo store ignores,
/// so that a misspelt field is an error instead of a silently missing value.
///
/// Rule: a field is ignored when giving it a value of a type no field accepts (a sentinel
/// mapping) still decodes, to the same record. A field the store reads fails to decode instead.
/// Fields with a null value are not checked. Nested mappings and lists are checked the same way.
enum RecordKeys {
    /// The path of the first ignored field, e.g. `["line_items", "[0]", "qty"]`, or nil.
    static func firstIgnored<T: Decodable & Equatable>(in record: [String: Any], as type: T.Type, decoder: JSONDecoder) -> [String]? {
        func decode(_ value: Any) -> T? {
            guard let data = try? JSONSerialization.data(withJSONObject: value) else { return nil }
            return try? decoder.decode(T.self, from: data)
        }
        guard let original = decode(record) else { return nil }
        let sentinel: [String: Any] = ["\u{1}steward-probe": [[1]]]
        func search(_ value: Any, at path: [String]) -> [String]? {
            if let list = value as? [Any] {
                for (index, item) in list.enumerated() {
                    if let found = search(item, at: path + ["[\(index)]"]) { return found }
                }
                return nil
            }
            guard let object = value as? [String: Any] else { return nil }
            for key in object.keys.sorted() where !(object[key] is NSNull) {
                if decode(replacing(record, at: path + [key], with: sentinel)) == original { return path + [key] }
                if let found = search(object[key]!, at: path + [key]) { return found }
            }
            return nil
        }
        return search(record, at: [])
    }

    /// The keys beside an ignored field that the store reads, for the message: those of the record as encoded back.
    static func knownKeys<T: Codable>(at path: [String], in record: [String: Any], as type: T.Type, decoder: JSONDecoder) -> [String] {
        guard let data = try? JSONSerialization.data(withJSONObject: record), let value = try? decoder.decode(T.self, from: data),
            let encoded = try? JSONEncoder().encode(value), var node = try? JSONSerialization.jsonObject(with: encoded)
        else { return [] }
        for part in path.dropLast() {
            if part.hasPrefix("["), let index = Int(part.dropFirst().dropLast()), let list = node as? [Any], index < list.count {
                node = list[index]
            } else if let object = node as? [String: Any], let next = object[part] {
                node = next
            } else {
                return []
            }
        }
        return ((node as? [String: Any])?.keys).map { $0.sorted() } ?? []
    }

    /// `value` with the field at `path` set to `replacement`.
    static func replacing(_ value: Any, at path: [String], with replacement: Any) -> Any {
        guard let first = path.first else { return replacement }
        let rest = Array(path.dropFirst())
        if first.hasPrefix("["), let index = Int(first.dropFirst().dropLast()), var list = value as? [Any], index < list.count {
            list[index] = replacing(list[index], at: rest, with: replacement)
            return list
        }
        guard var object = value as? [String: Any], let inner = object[first] else { return value }
        object[first] = replacing(inner, at: rest, with: replacement)
        return object
    }
}

import Foundation

/// Tells JSON `true`/`false` apart from the numbers 1 and 0 in `JSONSerialization` output.
enum JSONBool {
    static func value(_ any: Any) -> Bool? {
        if let number = any as? NSNumber {
            let type = String(cString: number.objCType)
            guard type == "c" || type == "B" else { return nil }
            return number.boolValue
        }
        return any as? Bool
    }
}

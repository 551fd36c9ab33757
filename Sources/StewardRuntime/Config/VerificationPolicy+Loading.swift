import Foundation
import StewardCore

extension VerificationPolicy {
    /// Reads the `verification` section: `max_attempts` (1 to 100, default 5) and `window_minutes`
    /// (1 to 10,080, a week; default 60).
    ///
    /// - Throws: ``ConfigurationError`` naming the key and what is allowed.
    static func parse(_ node: ConfigNode) throws -> VerificationPolicy {
        try node.allow(["max_attempts", "window_minutes"])
        var policy = VerificationPolicy.standard
        if let v = try node.count("max_attempts") { policy.maxAttempts = v }
        if let v = try node.number("window_minutes") {
            guard v >= 1, v <= 10_080, v == v.rounded() else {
                throw ConfigurationError.invalidValue(
                    key: "verification.window_minutes", expected: "a whole number of minutes from 1 to 10080 (a week)")
            }
            policy.window = v * 60
        }
        return policy
    }
}

import Foundation

/// How many failed identity checks (an order number with an email that does not match it) are
/// accepted, and over how long, before ``OrderLookup`` stops checking.
///
/// Set in `steward.yaml` as `verification: {max_attempts: 5, window_minutes: 60}` (the defaults).
/// A failed check counts against the conversation (session), the email given and the order number
/// given, each separately; once any of them has `maxAttempts` failures within the last
/// `window`, no further check is made for it until the oldest failure leaves the window. The
/// counts are kept in the store, so they survive an offer of a person, a new session and a restart.
public struct VerificationPolicy: Sendable, Hashable {
    /// Failed checks allowed per session, per email and per order number within ``window`` (1 to 100).
    public var maxAttempts: Int
    /// The window, in seconds (`window_minutes` in the configuration: 1 to 10,080, a week).
    public var window: TimeInterval

    /// The defaults: 5 failed checks per hour.
    public static let standard = VerificationPolicy(maxAttempts: 5, window: 60 * 60)

    public init(maxAttempts: Int, window: TimeInterval) {
        self.maxAttempts = maxAttempts
        self.window = window
    }
}

/// One identity check by order number and email, as counted by a ``VerificationAttemptStore``.
///
/// The fields are the keys the limit applies to, normalised by ``VerificationAttempt/init(session:email:orderNumber:at:)``
/// so that writing a key differently does not start a new count: the email lowercased and trimmed,
/// the order number without `#`, spaces and leading zeros, lowercased (`#001001` is `1001`).
public struct VerificationAttempt: Sendable, Hashable {
    /// The conversation's session id.
    public var session: String
    /// The email given, normalised.
    public var email: String
    /// The order number given, normalised.
    public var orderNumber: String
    /// When the check was made.
    public var at: Date

    public init(session: String, email: String, orderNumber: String, at: Date) {
        self.session = session
        self.email = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        self.orderNumber = Self.normalised(orderNumber)
        self.at = at
    }

    /// An order number as the limit counts it: `#`, whitespace and leading zeros dropped, lowercased,
    /// every Unicode digit as its ASCII digit ("＃００１００１" and "1001" are one order).
    public static func normalised(_ number: String) -> String {
        var out = ""
        for character in number.lowercased() where character != "#" && !character.isWhitespace {
            if let digit = character.wholeNumberValue, character.isNumber, digit < 10 {
                out += String(digit)
            } else {
                out.append(character)
            }
        }
        let trimmed = out.drop { $0 == "0" }
        return trimmed.isEmpty ? (out.isEmpty ? out : "0") : String(trimmed)
    }
}

/// Where failed identity checks are counted, shared by every process using the same store.
///
/// Implementations must make ``reserve(_:policy:)`` atomic (count and record in one step), so that
/// concurrent checks of one email from many sessions or processes cannot all pass the limit.
public protocol VerificationAttemptStore: Sendable {
    /// Records `attempt` and returns its id, unless its session, email or order number already has
    /// `policy.maxAttempts` attempts recorded since `attempt.at - policy.window`; then records
    /// nothing and returns nil. Attempts older than the window may be forgotten.
    func reserve(_ attempt: VerificationAttempt, policy: VerificationPolicy) async throws -> Int64?
    /// Forgets a reserved attempt: it matched, or the check never reached the shop's system.
    func release(attemptID: Int64) async throws
}

/// The identity check was refused: too many failed checks of this session, email or order number
/// within the window (``VerificationPolicy``). Nothing was looked up.
public struct VerificationLimitReached: Error, Sendable, Hashable, CustomStringConvertible {
    public var policy: VerificationPolicy

    public init(policy: VerificationPolicy) {
        self.policy = policy
    }

    /// How ``description`` starts, so a `cannot_resolve` reason built from it is recognised.
    public static let reasonPrefix = "verification limit"

    public var description: String {
        "\(Self.reasonPrefix): \(policy.maxAttempts) failed order number and email checks within \(Int(policy.window / 60)) minutes"
    }
}

/// The limit on identity checks as a skill sees it: the store, the conversation and the clock.
///
/// The engine puts one in ``SkillContext/verification``; ``OrderLookup`` uses it around each check.
public struct VerificationGate: Sendable {
    public var store: any VerificationAttemptStore
    public var session: String
    public var policy: VerificationPolicy
    /// The current time (injected in tests).
    public var now: @Sendable () -> Date

    public init(
        store: any VerificationAttemptStore, session: String, policy: VerificationPolicy = .standard,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.session = session
        self.policy = policy
        self.now = now
    }

    /// Counts a check of `orderNumber` with `email` before it is made.
    ///
    /// - Returns: The attempt's id, to ``release(_:)`` when the check succeeds or fails for another reason.
    /// - Throws: ``VerificationLimitReached`` past the limit, or the store's error.
    public func begin(email: String, orderNumber: String) async throws -> Int64 {
        let attempt = VerificationAttempt(session: session, email: email, orderNumber: orderNumber, at: now())
        guard let id = try await store.reserve(attempt, policy: policy) else {
            throw VerificationLimitReached(policy: policy)
        }
        return id
    }

    /// Forgets a counted check that did not fail (a match, or a tool error before any answer).
    public func release(_ id: Int64) async {
        try? await store.release(attemptID: id)
    }
}

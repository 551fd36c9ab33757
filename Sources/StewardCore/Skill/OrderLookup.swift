import StewardRouter

/// Finds the order a customer means and proves it is theirs, asking for what is missing.
///
/// An identified customer (authenticated by the host, or verified earlier) only needs an order
/// number, or none when they have a single recent order. Anyone else gives the order number and
/// the email on the order; a mismatch reveals nothing about the order. The order number comes
/// from `Entities.orderNumbers` in any form ("#1001", "order no. 1001", "purchase
/// 370795561790", "zamówienie 1001", "주문번호 1001번"), or from a bare number when the previous
/// turn asked for it; it is looked up as written, then without leading zeros. Skills that work on one
/// order (tracking, returns, order editing) share this flow:
///
/// ```swift
/// switch try await OrderLookup().resolve(request, context: context) {
/// case .found(let order, let verifiedEmail): …
/// case .reply(let response): return response
/// }
/// ```
///
/// Failed checks are limited per session, per email and per order number over a time window
/// (``VerificationPolicy``, through ``SkillContext/verification``): past the limit `resolve` throws
/// ``VerificationLimitReached`` without looking anything up, and the engine tells the customer to try
/// later and offers a person. Let the error propagate.
public struct OrderLookup: Sendable {
    /// The outcome of a lookup.
    public enum Result: Sendable {
        /// The customer's order, and the email proven by this turn (nil if already identified).
        case found(Order, verifiedEmail: String?)
        /// A question or refusal to send back as is.
        case reply(SkillResponse)
    }

    /// How many wrong order number and email pairs are accepted before giving up.
    public var maxAttempts: Int
    /// Slot names used in the skill's state.
    static let orderSlot = "order", emailSlot = "email", attemptsSlot = "lookup_attempts", awaitingSlot = "awaiting", askEmailSlot = "ask_email"

    public init(maxAttempts: Int = 3) {
        self.maxAttempts = maxAttempts
    }

    /// Resolves the order for this request.
    ///
    /// - Throws: The order tool's error when it fails; ``VerificationLimitReached`` when too many
    ///   checks failed (nothing was looked up).
    public func resolve(_ request: SkillRequest, context: SkillContext, state initial: SkillState? = nil) async throws -> Result {
        guard let orders = context.tools.orders else {
            return .reply(.cannotResolve("I can't look up orders right now.", reason: "no order provider configured"))
        }
        var state = initial ?? request.state
        let awaiting = state[Self.awaitingSlot]

        // Take what this message gives: an order number in any form, or a bare number when we asked for one.
        if let number = request.entities.orderNumbers.first
            ?? (awaiting == Self.orderSlot ? request.entities.possibleOrderNumbers.first : nil)
        {
            state[Self.orderSlot] = number
        } else if awaiting == Self.orderSlot, request.action != "resume", !request.text.isEmpty {
            return .reply(.ask("That doesn't look like an order number. It's on your confirmation email, like #1001. What is it?", state: state))
        }
        if let email = request.entities.emails.first {
            state[Self.emailSlot] = email
        } else if awaiting == Self.emailSlot, request.action != "resume", !request.text.isEmpty {
            return .reply(.ask("That doesn't look like an email address. Which email did you use for the order?", state: state))
        }

        if let identified = request.customer.identifiedEmail {
            if let number = state[Self.orderSlot] {
                if let order = try await find(number, in: orders), order.belongs(to: identified) {
                    return .found(order, verifiedEmail: nil)
                }
                state[Self.orderSlot] = nil
                state[Self.awaitingSlot] = Self.orderSlot
                return .reply(.ask("I couldn't find order #\(number) on your account. Could you check the number?", state: state))
            }
            let mine = try await orders.orders(email: identified)
            if mine.count == 1 { return .found(mine[0], verifiedEmail: nil) }
            if mine.isEmpty {
                return .reply(.answer("I couldn't find any orders for \(identified)."))
            }
            state[Self.awaitingSlot] = Self.orderSlot
            let recent = mine.prefix(3)
            return .reply(.ask(
                "Which order do you mean? Your recent orders: "
                    + recent.map { "\($0.name) (\($0.progress.phrase))" }.joined(separator: ", ") + ".",
                state: state,
                suggestions: recent.map { Suggestion($0.name) }))
        }

        // Anonymous: order number plus the email on the order.
        guard let number = state[Self.orderSlot] else {
            state[Self.awaitingSlot] = Self.orderSlot
            return .reply(.ask("Sure, I can check that. What's your order number? (It looks like #1001.)", state: state))
        }
        let claimed = state[Self.askEmailSlot] == nil ? request.customer.email : nil
        guard let email = state[Self.emailSlot] ?? claimed else {
            state[Self.awaitingSlot] = Self.emailSlot
            return .reply(.ask("Thanks. To keep your details safe, what's the email address on order #\(number)?", state: state))
        }
        // Every check counts against the session, the email and the order number (VerificationPolicy),
        // before anything is looked up: past the limit nothing is checked, so nothing is revealed.
        let attempt = try await context.verification?.begin(email: email, orderNumber: number)
        let order: Order?
        do {
            order = try await find(number, in: orders)
        } catch {
            if let attempt { await context.verification?.release(attempt) }
            throw error
        }
        if let order, order.belongs(to: email) {
            if let attempt { await context.verification?.release(attempt) }
            return .found(order, verifiedEmail: email)
        }
        let attempts = (Int(state[Self.attemptsSlot] ?? "0") ?? 0) + 1
        if attempts >= maxAttempts {
            return .reply(.cannotResolve(
                "I'm sorry, I still couldn't find an order with that number and email.",
                reason: "order number and email did not match after \(attempts) attempts",
                facts: ["order": "#\(number)"]))
        }
        state = SkillState(slots: [Self.attemptsSlot: String(attempts), Self.awaitingSlot: Self.orderSlot, Self.askEmailSlot: "1"])
        return .reply(.ask(
            "I couldn't find an order with that number and email. Please check both. What's the order number?",
            state: state))
    }

    /// The order with this number as the customer wrote it or, when there is none and the number
    /// has leading zeros, without them ("#001001" finds order 1001 in a shop that numbers from 1001).
    func find(_ number: String, in orders: any OrderProvider) async throws -> Order? {
        if let order = try await orders.order(number: number) { return order }
        let trimmed = number.drop { $0 == "0" }
        guard !trimmed.isEmpty, trimmed.count < number.count else { return nil }
        return try await orders.order(number: String(trimmed))
    }

    /// True when the request continues this flow (it was waiting for an order number or email).
    public static func isWaiting(_ state: SkillState) -> Bool {
        state[awaitingSlot] != nil
    }

    /// What the flow is waiting for in this state: ``Awaited/orderNumber``, ``Awaited/email``, or nil.
    public static func awaited(in state: SkillState) -> Awaited? {
        switch state[awaitingSlot] {
        case orderSlot: .orderNumber
        case emailSlot: .email
        default: nil
        }
    }

    /// What an order lookup asks the customer for.
    public enum Awaited: Sendable, Hashable {
        case orderNumber, email
    }
}

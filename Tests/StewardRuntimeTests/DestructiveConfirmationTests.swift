import Foundation
import Logging
import Loyalty
import OrderEditing
import StewardCore
import StewardRuntime
import Subscriptions
import Testing

/// Every destructive action runs only on a clear yes: for each of the order cancel and the
/// subscription pause, skip and cancel, every reply in ``ConfirmationReplies`` is put to the skill
/// directly, over the demo store wrapped in tools that count the destructive calls (and never make
/// them, so the demo store stays as it is for other tests).
@Suite struct DestructiveConfirmationTests {
    static let jane = Customer(email: "jane.doe@example.com", authenticated: true)

    /// What the reply clearly means.
    enum Meaning: String, Sendable, CaseIterable { case yes, no, unclear }

    static func replies(_ meaning: Meaning) -> [ConfirmationReplies.Reply] {
        switch meaning {
        case .yes: ConfirmationReplies.yes
        case .no: ConfirmationReplies.no
        case .unclear: ConfirmationReplies.unclear
        }
    }

    /// What every destructive action must do with a reply: act once on a clear yes; not act on a no, ending
    /// the task and saying so (`declined`); not act on an unclear reply, asking again (`askedAgain`) with Yes and No.
    static func expect(
        _ meaning: Meaning, calls: Int, answer: SkillResponse, declined: String, askedAgain: String, label: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        switch meaning {
        case .yes:
            #expect(calls == 1, "\(label)", sourceLocation: sourceLocation)
        case .no:
            #expect(calls == 0, "\(label)", sourceLocation: sourceLocation)
            #expect(answer.outcome == .resolved, "\(label)", sourceLocation: sourceLocation)
            #expect(answer.text.contains(declined), "\(label)", sourceLocation: sourceLocation)
        case .unclear:
            #expect(calls == 0, "\(label)", sourceLocation: sourceLocation)
            #expect(answer.outcome == .needsInput, "\(label)", sourceLocation: sourceLocation)
            #expect(answer.text.contains(askedAgain), "\(label)", sourceLocation: sourceLocation)
            #expect(answer.suggestions.map(\.title) == ["Yes", "No"], "\(label)", sourceLocation: sourceLocation)
        }
    }

    @Test func theTablesAreBigEnoughAndSpanEveryLanguage() {
        for meaning in Meaning.allCases {
            let replies = Self.replies(meaning)
            #expect(replies.count >= 40, "\(meaning)")
            #expect(Set(replies.map(\.language)) == ["en", "pl", "sv", "ko", "de", "es", "fr"], "\(meaning)")
        }
    }

    // MARK: - Order cancel

    @Test(arguments: Meaning.allCases) func orderCancelRunsOnlyOnAClearYes(_ meaning: Meaning) async throws {
        let base = try #require(try makeEngine().tools.orders)
        for reply in Self.replies(meaning) {
            let orders = CountingOrders(base)
            let context = SkillContext(tools: Toolbox(orders: orders), knowledge: KnowledgeBase(), logger: Logger(label: "test"))
            let skill = OrderEditingSkill()
            let ask = try await skill.handle(
                SkillRequest(text: "cancel order #1003", intent: "order_cancel", customer: Self.jane), context: context)
            try #require(ask.outcome == .needsInput, "the cancel question is asked first")
            let answer = try await skill.handle(
                SkillRequest(text: reply.text, intent: "order_cancel", state: ask.state ?? SkillState(), customer: Self.jane,
                             isContinuation: true),
                context: context)
            Self.expect(
                meaning, calls: await orders.cancels, answer: answer, declined: "left order #1003 as it is", askedAgain: "reply yes",
                label: "\(meaning) [\(reply.language)] \(reply.text) -> \(answer.text)")
        }
    }

    // MARK: - Subscription pause, skip, cancel

    enum Change: String, Sendable, CaseIterable {
        case pause, skip, cancel

        var intent: String { "subscription_\(rawValue)" }
        var request: String {
            switch self {
            case .pause: "pause my coffee subscription"
            case .skip: "skip my next coffee delivery"
            case .cancel: "cancel my coffee subscription"
            }
        }
    }

    @Test(arguments: Change.allCases, Meaning.allCases)
    func subscriptionChangeRunsOnlyOnAClearYes(_ change: Change, _ meaning: Meaning) async throws {
        let base = try #require(try makeEngine().tools.subscriptions)
        for reply in Self.replies(meaning) {
            let subscriptions = CountingSubscriptions(base)
            let context = SkillContext(tools: Toolbox(subscriptions: subscriptions), knowledge: KnowledgeBase(), logger: Logger(label: "test"))
            let skill = SubscriptionsSkill()
            let ask = try await skill.handle(SkillRequest(text: change.request, intent: change.intent, customer: Self.jane), context: context)
            try #require(ask.outcome == .needsInput, "the confirmation is asked first: \(ask.text)")
            try #require(ask.suggestions.map(\.title) == ["Yes", "No"], "\(ask.text)")
            // "Yes please cancel it" names the action: said of this change ("Yes please pause it").
            let text = reply.text.replacingOccurrences(of: "cancel it", with: "\(change.rawValue) it")
            let answer = try await skill.handle(
                SkillRequest(text: text, intent: change.intent, state: ask.state ?? SkillState(), customer: Self.jane,
                             isContinuation: true),
                context: context)
            let calls = await subscriptions.calls
            let label = "\(change) \(meaning) [\(reply.language)] \(reply.text) -> \(answer.text)"
            // Only the change asked about is ever called (the counting tool answers with the subscription unchanged).
            #expect(Set(calls.keys).isSubset(of: [change.rawValue]), "\(label)")
            Self.expect(
                meaning, calls: calls[change.rawValue] ?? 0, answer: answer, declined: "haven't changed", askedAgain: "reply yes",
                label: label)
        }
    }

    /// The buttons decide without reading any text.
    @Test func theButtonsConfirmAndDecline() async throws {
        let base = try #require(try makeEngine().tools.subscriptions)
        for (action, expected) in [("skill:subscriptions:confirm", 1), ("skill:subscriptions:decline", 0)] {
            let subscriptions = CountingSubscriptions(base)
            let context = SkillContext(tools: Toolbox(subscriptions: subscriptions), knowledge: KnowledgeBase(), logger: Logger(label: "test"))
            let ask = try await SubscriptionsSkill().handle(
                SkillRequest(text: "pause my coffee subscription", intent: "subscription_pause", customer: Self.jane), context: context)
            let answer = try await SubscriptionsSkill().handle(
                SkillRequest(text: "", action: action, intent: "subscription_pause", state: ask.state ?? SkillState(),
                             customer: Self.jane, isContinuation: true),
                context: context)
            #expect(await subscriptions.calls.values.reduce(0, +) == expected, "\(action)")
            #expect(answer.outcome != .needsInput, "\(action)")
        }
    }
}

/// Orders from the demo store; `cancel` is counted and answers with the order unchanged.
actor CountingOrders: OrderProvider {
    let base: any OrderProvider
    private(set) var cancels = 0

    init(_ base: any OrderProvider) { self.base = base }

    func order(number: String) async throws -> Order? { try await base.order(number: number) }
    func orders(email: String) async throws -> [Order] { try await base.orders(email: email) }
    func cancel(orderNumber: String, reason: String) async throws -> Order {
        cancels += 1
        guard let order = try await base.order(number: orderNumber) else { throw ToolError.notFound("Order #\(orderNumber)") }
        return order
    }
}

/// Subscriptions from the demo store; `pause`, `skipNext` and `cancel` are counted by name and
/// answer with the subscription unchanged.
actor CountingSubscriptions: SubscriptionProvider {
    let base: any SubscriptionProvider
    private(set) var calls: [String: Int] = [:]
    private var seen: [String: Subscription] = [:]

    init(_ base: any SubscriptionProvider) { self.base = base }

    nonisolated var portalURL: String { base.portalURL }

    func subscriptions(email: String) async throws -> [Subscription] {
        let subs = try await base.subscriptions(email: email)
        for sub in subs { seen[sub.id] = sub }
        return subs
    }

    func pause(subscriptionID: String) async throws -> Subscription { try record("pause", subscriptionID) }
    func skipNext(subscriptionID: String) async throws -> Subscription { try record("skip", subscriptionID) }
    func cancel(subscriptionID: String, reason: String) async throws -> Subscription { try record("cancel", subscriptionID) }

    private func record(_ call: String, _ id: String) throws -> Subscription {
        calls[call, default: 0] += 1
        guard let sub = seen[id] else { throw ToolError.notFound("Subscription \(id)") }
        return sub
    }
}

extension DestructiveConfirmationTests {
    /// The order asked about may be named in the yes; another order number makes the answer unclear.
    @Test(arguments: [
        ("yes, cancel #1003", 1), ("Yes please cancel order 1003", 1), ("yes cancel #1004", 0), ("yes, 1004", 0),
        ("tak, anuluj #1003", 1), ("no, cancel #1004 instead", 0),
    ])
    func onlyTheOrderAskedAboutIsConfirmed(_ text: String, _ cancels: Int) async throws {
        let orders = CountingOrders(try #require(try makeEngine().tools.orders))
        let context = SkillContext(tools: Toolbox(orders: orders), knowledge: KnowledgeBase(), logger: Logger(label: "test"))
        let ask = try await OrderEditingSkill().handle(
            SkillRequest(text: "cancel order #1003", intent: "order_cancel", customer: Self.jane), context: context)
        let answer = try await OrderEditingSkill().handle(
            SkillRequest(text: text, intent: "order_cancel", state: ask.state ?? SkillState(), customer: Self.jane, isContinuation: true),
            context: context)
        #expect(await orders.cancels == cancels, "\(text) -> \(answer.text)")
        // The counting tool answers with the order unchanged, so a yes ends in "can't confirm", never a question.
        #expect((answer.outcome == .needsInput) == (cancels == 0), "\(text) -> \(answer.text)")
    }
}

extension DestructiveConfirmationTests {
    /// "Which subscription?" (Emma has two active ones): a clear no stops, anything unclear asks again.
    @Test(arguments: [
        ("no thanks", true), ("nie, dziękuję", true), ("nej", true), ("아니요", true), ("nein danke", true), ("no gracias", true),
        ("non merci", true), ("hmm", false), ("not sure", false), ("yes", false),
    ])
    func whichSubscriptionStopsOnANo(_ text: String, _ stops: Bool) async throws {
        let emma = Customer(email: "emma.johansson@example.com", authenticated: true)
        let subscriptions = CountingSubscriptions(try #require(try makeEngine().tools.subscriptions))
        let context = SkillContext(tools: Toolbox(subscriptions: subscriptions), knowledge: KnowledgeBase(), logger: Logger(label: "test"))
        let which = try await SubscriptionsSkill().handle(
            SkillRequest(text: "pause my subscription", intent: "subscription_pause", customer: emma), context: context)
        try #require(which.text.contains("Which subscription"), "\(which.text)")
        let answer = try await SubscriptionsSkill().handle(
            SkillRequest(text: text, intent: "subscription_pause", state: which.state ?? SkillState(), customer: emma, isContinuation: true),
            context: context)
        #expect(await subscriptions.calls.isEmpty, "\(text)")
        if stops {
            #expect(answer.outcome == .resolved, "\(text) -> \(answer.text)")
            #expect(answer.text.contains("haven't changed any"), "\(text) -> \(answer.text)")
        } else {
            #expect(answer.outcome == .needsInput, "\(text) -> \(answer.text)")
            #expect(answer.text.contains("Which subscription"), "\(text) -> \(answer.text)")
        }
    }
}

// MARK: - Redeeming points

extension DestructiveConfirmationTests {
    @Test(arguments: Meaning.allCases) func redeemingPointsRunsOnlyOnAClearYes(_ meaning: Meaning) async throws {
        let base = try #require(try makeEngine().tools.loyalty)
        for reply in Self.replies(meaning) {
            let loyalty = CountingLoyalty(base)
            let context = SkillContext(tools: Toolbox(loyalty: loyalty), knowledge: KnowledgeBase(), logger: Logger(label: "test"))
            let skill = LoyaltySkill()
            let ask = try await skill.handle(
                SkillRequest(text: "redeem 1000 points for $10 off please", intent: "loyalty_redeem", customer: Self.jane), context: context)
            try #require(ask.outcome == .needsInput, "the confirmation is asked first: \(ask.text)")
            try #require(ask.suggestions.map(\.title) == ["Yes", "No"], "\(ask.text)")
            let text = reply.text.replacingOccurrences(of: "cancel it", with: "redeem it")
            let answer = try await skill.handle(
                SkillRequest(text: text, intent: "loyalty_redeem", state: ask.state ?? SkillState(), customer: Self.jane,
                             isContinuation: true),
                context: context)
            Self.expect(
                meaning, calls: await loyalty.redeems, answer: answer, declined: "haven't redeemed anything",
                askedAgain: "Reply yes to redeem it", label: "redeem \(meaning) [\(reply.language)] \(reply.text) -> \(answer.text)")
        }
    }
}

/// Loyalty from the demo store; `redeem` is counted and never made (the demo balance stays as it is).
actor CountingLoyalty: LoyaltyProvider {
    let base: any LoyaltyProvider
    private(set) var redeems = 0

    init(_ base: any LoyaltyProvider) { self.base = base }

    func account(email: String) async throws -> LoyaltyAccount? { try await base.account(email: email) }
    func redeem(rewardID: String, email: String) async throws -> LoyaltyRedemption {
        redeems += 1
        throw ToolError.notAllowed("counted only")
    }
}

extension DestructiveConfirmationTests {
    /// A yes that names another action is no yes to this one.
    @Test(arguments: [
        ("pause my coffee subscription", "subscription_pause", "yes cancel it"),
        ("skip my next coffee delivery", "subscription_skip", "yes, just pause it"),
        ("cancel my coffee subscription", "subscription_cancel", "yes skip the next one"),
        ("cancel my coffee subscription", "subscription_cancel", "tak, wstrzymaj"),
        ("cancel my coffee subscription", "subscription_cancel", "ja, bitte pausieren"),
    ])
    func aYesNamingAnotherChangeChangesNothing(_ ask: String, _ intent: String, _ reply: String) async throws {
        let subscriptions = CountingSubscriptions(try #require(try makeEngine().tools.subscriptions))
        let context = SkillContext(tools: Toolbox(subscriptions: subscriptions), knowledge: KnowledgeBase(), logger: Logger(label: "test"))
        let question = try await SubscriptionsSkill().handle(SkillRequest(text: ask, intent: intent, customer: Self.jane), context: context)
        let answer = try await SubscriptionsSkill().handle(
            SkillRequest(text: reply, intent: intent, state: question.state ?? SkillState(), customer: Self.jane, isContinuation: true),
            context: context)
        #expect(await subscriptions.calls.isEmpty, "\(reply) -> \(answer.text)")
        #expect(answer.outcome == .needsInput, "\(reply) -> \(answer.text)")
    }
}

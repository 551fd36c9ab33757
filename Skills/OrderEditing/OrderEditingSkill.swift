import Foundation
import StewardCore

/// Cancels an order before it ships, once the customer confirms; explains address and item
/// changes from `knowledge/order-editing.md` and passes them to a person (there is no tool for them).
/// Shipped orders are refused with the returns path instead.
public struct OrderEditingSkill: Skill {
    public init() {}

    public var manifestURL: URL? { Bundle.module.skillManifestURL }

    /// Slots: the order waiting for a yes or no to its cancellation.
    static let pendingSlot = "cancel_pending"
    static let confirmAction = "skill:order_editing:confirm", declineAction = "skill:order_editing:decline"

    /// The Yes and No buttons of the question "cancel order `number`?".
    static func buttons(_ number: String) -> ConfirmationButtons {
        ConfirmationButtons(skill: "order_editing", question: "cancel:\(number)")
    }

    public func handle(_ request: SkillRequest, context: SkillContext) async throws -> SkillResponse {
        if let number = request.state[Self.pendingSlot] {
            return try await answerConfirmation(for: number, request: request, context: context)
        }
        if let action = request.action, action.hasPrefix(Self.confirmAction) || action.hasPrefix(Self.declineAction) {
            return .answer("There's no cancellation waiting for your answer. Which order would you like to change?")
        }
        switch try await OrderLookup().resolve(request, context: context) {
        case .reply(let response):
            return response
        case .found(let order, let verifiedEmail):
            var response = edit(order, intent: request.intent, context: context)
            response.verifiedEmail = verifiedEmail
            return response
        }
    }

    /// What can be done with this order for the intent: refuse, ask to confirm a cancellation, or explain and hand over.
    func edit(_ order: Order, intent: String, context: SkillContext) -> SkillResponse {
        let facts = ["order": order.name, "order_status": order.progress.rawValue, "requested": intent]
        switch order.progress {
        case .cancelled:
            return .answer("Order \(order.name) is already cancelled, so there's nothing left to change.", facts: facts)
        case .returned:
            return .answer("Order \(order.name) has already been returned and refunded.", facts: facts)
        case .processing where order.fulfillmentStatus == .unfulfilled:
            break
        case .processing, .labelCreated, .inTransit, .outForDelivery, .delivered:
            return shipped(order, intent: intent, facts: facts, context: context)
        }
        switch intent {
        case "order_address_change":
            var text = "Order \(order.name) hasn't shipped yet, so its address can still be changed, but I can't make that change myself: a person from our team needs to do it."
            if let address = order.shippingAddress { text += " The address on the order now is \(address.oneLine)." }
            return handOver(text, heading: "Changing the shipping address", reason: "address changes need a person", facts: facts, context: context)
        case "order_item_change":
            let text = "Order \(order.name) hasn't shipped yet, so its items can still be changed, but I can't make that change myself: a person from our team needs to do it. It has: \(itemList(order))."
            return handOver(text, heading: "Changing quantities, sizes or colours", reason: "quantity changes need a person", facts: facts, context: context)
        default:
            return SkillResponse(
                text: "Cancel order \(order.name) (\(itemCount(order)), \(order.total.formatted))? Reply yes to cancel it or no to keep it.",
                cards: [card(order, context: context)],
                suggestions: Self.buttons(order.number).suggestions,
                outcome: .needsInput, state: SkillState(slots: [Self.pendingSlot: order.number]), facts: facts)
        }
    }

    /// The customer's answer to cancelling order `number`: only a clear yes (or the Yes button)
    /// cancels; a clear no (or the No button) leaves the order as it is; anything else (a hedge,
    /// mixed signals, a yes with another request, a new question) asks again with explicit choices.
    func answerConfirmation(for number: String, request: SkillRequest, context: SkillContext) async throws -> SkillResponse {
        let facts = ["order": "#\(number)"]
        // Only this question's own Yes (or a typed clear yes about cancelling) cancels.
        let reply = SkillRequest(
            text: Self.withoutOrderNumber(number, in: request.text), action: request.action, intent: request.intent,
            customer: request.customer)
        let answer = Self.buttons(number).answer(reply, about: .cancel)
        switch answer {
        case .yes:
            break
        case .no:
            return .answer("OK, I haven't cancelled anything: I've left order #\(number) as it is. Anything else I can help with?", facts: facts)
        case .unclear, .neither:
            return .ask("I haven't cancelled anything. To cancel order #\(number) reply yes; to keep it reply no.", state: request.state,
                        suggestions: Self.buttons(number).suggestions)
        }
        guard let orders = context.tools.orders, let email = request.customer.identifiedEmail,
            let order = try await orders.order(number: number), order.belongs(to: email)
        else {
            return .cannotResolve("I'm sorry, I couldn't cancel order #\(number).", reason: "order not found for the identified customer at confirmation", facts: facts)
        }
        // Cancelled meanwhile (another tab or channel): say so rather than "already shipped".
        if order.progress == .cancelled {
            return .answer("Order \(order.name) is already cancelled, so there's nothing left to do.", cards: [card(order, context: context)],
                           facts: facts.merging(["order_status": order.progress.rawValue]) { _, new in new })
        }
        do {
            let cancelled = try await orders.cancel(orderNumber: order.number, reason: "customer request via Steward")
            return outcome(of: cancelled, facts: facts, context: context)
        } catch {
            return await failedCancel(order, error: error, orders: orders, facts: facts, context: context)
        }
    }

    /// The truthful reply when the cancel call failed, from what is known about the order now (api-contracts.md §1.5):
    ///
    /// - the order shows as cancelled when read again → it is (``outcome(of:facts:context:)``);
    /// - it shipped meanwhile (a refusal whose re-read shows a fulfillment) → the shipped answer;
    /// - ``ActionFailure/notDone(action:reason:)`` (the shop refused for now, nothing changed) → not cancelled,
    ///   it can be tried again in a few minutes, or a person;
    /// - a refusal (``ActionFailure/refused(action:reason:)``, or ``ToolError/notAllowed(_:)`` for an order that
    ///   still looks unshipped) → couldn't cancel it, a person can;
    /// - anything else (``ActionFailure/unconfirmed(action:reason:)``, an unknown error) → couldn't confirm yet,
    ///   don't try again yet, a person can check.
    func failedCancel(
        _ order: Order, error: any Error, orders: any OrderProvider, facts: [String: String], context: SkillContext
    ) async -> SkillResponse {
        let now = try? await orders.order(number: order.number)
        if let now, now.status == .cancelled || now.cancelledAt != nil {
            return outcome(of: now, facts: facts, context: context)
        }
        let current = now ?? order
        let hasShipped = !(current.progress == .processing && current.fulfillmentStatus == .unfulfilled && current.fulfillments.isEmpty)
        switch error {
        case ActionFailure.notDone:
            return .cannotResolve(
                "I couldn't cancel order \(order.name) just now: the shop's system is busy, and nothing was changed. You can ask me again in a few minutes, or a person from our team can do it for you.",
                reason: "order cancel not done: \(error)", facts: facts)
        case ToolError.notAllowed where hasShipped:
            return shipped(current, intent: "order_cancel", facts: facts, context: context)
        case ActionFailure.refused, ToolError.notAllowed:
            return .cannotResolve(
                "I couldn't cancel order \(order.name): the shop's system didn't accept the cancellation, so the order is unchanged. A person from our team can look at it for you.",
                reason: "order cancel refused: \(error)", facts: facts)
        case let tool as ToolError:
            return .cannotResolve("I'm sorry, I couldn't cancel order \(order.name): \(tool.description)", reason: "order cancel failed: \(tool)", facts: facts)
        default:
            // Sent, outcome unknown, and the order does not show as cancelled yet: it may still be in progress.
            return .cannotResolve(
                "I couldn't confirm whether order \(order.name) was cancelled yet: the shop's system didn't answer clearly, so please don't ask again just yet. A person from our team can check it for you.",
                reason: "order cancel outcome unknown: \(error)", facts: facts)
        }
    }

    /// The reply without the order asked about ("yes, cancel #1003" reads as "yes, cancel"), so that
    /// only another order number ("yes, cancel #1004") makes the answer unclear.
    static func withoutOrderNumber(_ number: String, in text: String) -> String {
        text.replacingOccurrences(of: "#\(number)", with: " ").replacingOccurrences(of: number, with: " ")
    }

    /// The reply to a cancellation, from the order the platform returned (never from the request):
    /// whether it is cancelled, and what happened to the payment (`financial_status`: `refunded`,
    /// `partially_refunded`, `voided`, `authorized`, `paid`…; api-contracts.md §1.5 says it "may
    /// become `refunded`", so nothing is assumed). An order that still shows as open is not claimed
    /// as cancelled: the customer is offered a person (`.cannotResolve`); so is a cancelled order
    /// whose payment was taken and shows no refund.
    func outcome(of order: Order, facts: [String: String], context: SkillContext) -> SkillResponse {
        var facts = facts
        facts["order_status"] = order.progress.rawValue
        facts["financial_status"] = order.financialStatus
        let cards = [card(order, context: context)]
        guard order.status == .cancelled || order.cancelledAt != nil else {
            return .cannotResolve(
                "I asked to cancel order \(order.name), but it still shows as \(order.progress.phrase), so I can't confirm it's cancelled. A person from our team can check it for you.",
                reason: "order cancel not confirmed by the returned order", facts: facts)
        }
        let payment: String
        switch order.financialStatus.lowercased() {
        case "refunded":
            payment = "The \(order.total.formatted) has been refunded to your original payment method (it can take a few days to show)."
        case "partially_refunded":
            payment = "Part of the payment has been refunded so far."
        case "voided":
            payment = "The payment was only authorised, and that authorisation has been cancelled, so you won't be charged."
        case "authorized", "pending":
            payment = "The payment was only authorised, not taken, so you haven't been charged."
        default:
            return SkillResponse(
                text: "Order \(order.name) is cancelled, but its payment still shows as \(order.financialStatus.replacingOccurrences(of: "_", with: " ")): I can't see a refund yet. A person from our team can check the refund for you.",
                cards: cards, outcome: .cannotResolve(reason: "order cancelled but no refund shown"), state: SkillState(), facts: facts)
        }
        return .answer("Done: order \(order.name) is cancelled. \(payment)", cards: cards, facts: facts)
    }

    /// A polite refusal for an order that has (partly) shipped, with the returns path.
    func shipped(_ order: Order, intent: String, facts: [String: String], context: SkillContext) -> SkillResponse {
        let portal = context.shop.returnsPortalURL
        let heading = intent == "order_address_change" ? "Changing the shipping address" : "Orders that have already shipped"
        var text = order.fulfillmentStatus == .partial
            ? "Part of order \(order.name) has already shipped, so I can't change or cancel it here."
            : "Order \(order.name) has already shipped (it's \(order.progress.phrase)), so it can't be changed or cancelled any more."
        text += "\n\n" + (passage(heading, context: context).map { "\($0.text)\n\n(From \($0.source))" }
            ?? "You can return it within \(context.shop.returnWindowDays) days of delivery at \(portal)")
        return .answer(text, cards: [card(order, context: context)],
                       suggestions: [Suggestion("Start a return", action: "intent:return_start")], facts: facts)
    }

    /// Explains a change only a person can make, quoting the shop's rules, and asks the runtime to offer a person.
    func handOver(_ text: String, heading: String, reason: String, facts: [String: String], context: SkillContext) -> SkillResponse {
        var text = text
        if let rule = passage(heading, context: context) { text += "\n\n\(rule.text)\n\n(From \(rule.source))" }
        return .cannotResolve(text, reason: reason, facts: facts)
    }

    func passage(_ heading: String, context: SkillContext) -> KnowledgeBase.Passage? {
        context.knowledge.passages(topic: "order-editing").first { $0.heading == heading }
    }

    func itemCount(_ order: Order) -> String {
        let count = order.lineItems.reduce(0) { $0 + $1.quantity }
        return count == 1 ? "1 item" : "\(count) items"
    }

    func itemList(_ order: Order) -> String {
        order.lineItems.map { "\($0.quantity)× \($0.title)" + ($0.variant.map { " (\($0))" } ?? "") }.joined(separator: ", ")
    }

    func card(_ order: Order, context: SkillContext) -> Card {
        let status = order.progress.phrase.prefix(1).uppercased() + order.progress.phrase.dropFirst()
        let page = order.statusURL ?? context.shop.orderStatusURL(for: order.number)
        return Card(
            kind: .order, title: "Order \(order.name)", subtitle: status,
            fields: [Card.Field("Items", itemList(order)), Card.Field("Total", order.total.formatted)],
            url: page, buttons: [Card.Button(title: "View order", url: page)])
    }
}

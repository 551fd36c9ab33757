import Foundation
import StewardCore

/// Answers return-policy questions, checks whether an order can be returned and reports a return's status.
public struct ReturnsSkill: Skill {
    public init() {}

    public var manifestURL: URL? { Bundle.module.skillManifestURL }

    public func handle(_ request: SkillRequest, context: SkillContext) async throws -> SkillResponse {
        if request.intent == "return_policy" {
            return policy(request.text, context: context)
        }
        switch try await OrderLookup().resolve(request, context: context) {
        case .reply(let response):
            return response
        case .found(let order, let verifiedEmail):
            if request.intent == "return_status" {
                return try await status(of: order, verifiedEmail: verifiedEmail, context: context)
            }
            return eligibility(of: order, verifiedEmail: verifiedEmail, context: context)
        }
    }

    func policy(_ question: String, context: SkillContext) -> SkillResponse {
        guard let passage = context.knowledge.answer(question, topics: ["returns"], minimumCoverage: 0.5)?.passage
            ?? context.knowledge.passages(topic: "returns").first
        else {
            return .cannotResolve("I don't have our return policy to hand.", reason: "no returns page in knowledge/")
        }
        return .answer(
            "\(passage.text)\n\n(From \(passage.source))",
            suggestions: [Suggestion("Start a return", action: "intent:return_start")])
    }

    func eligibility(of order: Order, verifiedEmail: String?, context: SkillContext, now: Date = Date()) -> SkillResponse {
        let portal = context.tools.returns?.portalURL ?? context.shop.returnsPortalURL
        let facts = ["order": order.name, "order_status": order.progress.rawValue]
        switch order.progress {
        case .processing:
            return .answer(
                "Order \(order.name) hasn't shipped yet, so there's nothing to return. If you'd rather not receive it, it can still be changed or cancelled before it ships.",
                verifiedEmail: verifiedEmail, facts: facts)
        case .labelCreated, .inTransit, .outForDelivery:
            return .answer(
                "Order \(order.name) is still on its way. Once it's delivered you'll have \(context.shop.returnWindowDays) days to return it at \(portal).",
                verifiedEmail: verifiedEmail, facts: facts)
        case .cancelled:
            return .answer("Order \(order.name) was cancelled, so there's nothing to return.", verifiedEmail: verifiedEmail, facts: facts)
        case .returned:
            return .answer("Order \(order.name) has already been returned and refunded.", verifiedEmail: verifiedEmail, facts: facts)
        case .delivered:
            break
        }
        let delivered = order.fulfillments.compactMap(\.deliveredAt).max() ?? order.createdAt
        let days = Int(now.timeIntervalSince(delivered) / 86_400)
        let window = context.shop.returnWindowDays
        guard days <= window else {
            return .answer(
                "Order \(order.name) was delivered \(days) days ago, which is past our \(window)-day return window, so it can't be returned through the portal.",
                verifiedEmail: verifiedEmail, facts: facts.merging(["delivered_days_ago": String(days)]) { a, _ in a })
        }
        let returnable = order.lineItems.filter(\.returnable)
        let finalSale = order.lineItems.filter { !$0.returnable }
        guard !returnable.isEmpty else {
            return .answer(
                "The items in order \(order.name) were final sale, so they can't be returned.",
                verifiedEmail: verifiedEmail, facts: facts)
        }
        var text = "Good news: order \(order.name) can be returned until \(DateText.day(delivered.addingTimeInterval(Double(window) * 86_400))) (\(window - days) days left)."
        text += " Returnable: " + returnable.map(\.title).joined(separator: ", ") + "."
        if !finalSale.isEmpty { text += " Not returnable (final sale): " + finalSale.map(\.title).joined(separator: ", ") + "." }
        text += " Start your return or exchange at \(portal)"
        let card = Card(
            kind: .order, title: "Return order \(order.name)", subtitle: "\(window - days) days left to return",
            fields: returnable.map { Card.Field($0.title, $0.variant ?? "\($0.quantity)×") }, url: portal,
            buttons: [Card.Button(title: "Start a return", url: portal)])
        return .answer(text, cards: [card], verifiedEmail: verifiedEmail, facts: facts)
    }

    func status(of order: Order, verifiedEmail: String?, context: SkillContext) async throws -> SkillResponse {
        guard let provider = context.tools.returns else {
            return .cannotResolve("I can't check returns right now.", reason: "no returns provider configured")
        }
        let facts = ["order": order.name]
        guard let latest = try await provider.returns(orderNumber: order.number).max(by: { $0.createdAt < $1.createdAt }) else {
            return .answer(
                "I don't see a return for order \(order.name) yet. You can start one at \(provider.portalURL)",
                verifiedEmail: verifiedEmail, facts: facts)
        }
        var text: String
        switch latest.status {
        case .open: text = "Your return for order \(order.name) is open: please send the items back."
        case .inTransit: text = "Your return for order \(order.name) is on its way back to us."
        case .received: text = "We've received your return for order \(order.name); the \(latest.resolution.replacingOccurrences(of: "_", with: " ")) is being processed."
        case .refunded: text = "Your return for order \(order.name) is complete and the refund has been issued."
        case .closed: text = "Your return for order \(order.name) is closed."
        case .cancelled: text = "The return for order \(order.name) was cancelled."
        }
        if let label = latest.labelURL, latest.status == .open { text += " Your prepaid label: \(label)" }
        return .answer(text, verifiedEmail: verifiedEmail, facts: facts.merging(["return_status": latest.status.rawValue]) { a, _ in a })
    }

}

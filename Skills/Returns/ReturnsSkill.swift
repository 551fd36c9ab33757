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
            return await eligibility(of: order, verifiedEmail: verifiedEmail, context: context, now: context.now)
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

    /// Whether the order's items can be returned: by state, the return window, final sale, and the
    /// returns the returns provider (Loop, or the demo store) already holds for the order. An item
    /// already in a return that is not cancelled is not offered again; the reply names it and the
    /// return's status. A return that does not say which items it holds blocks the whole order.
    func eligibility(of order: Order, verifiedEmail: String?, context: SkillContext, now: Date = Date()) async -> SkillResponse {
        let portal = context.tools.returns?.portalURL ?? context.shop.returnsPortalURL
        var facts = ["order": order.name, "order_status": order.progress.rawValue]
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
        var existing: [ReturnRequest] = []
        var checked = true
        if let provider = context.tools.returns {
            do {
                existing = try await provider.returns(orderNumber: order.number).filter(\.status.holdsItems)
            } catch {
                checked = false
                context.logger.warning("open returns could not be checked", metadata: ["order": "\(order.name)", "error": "\(error)"])
            }
        }
        if let unscoped = existing.first(where: { $0.items.isEmpty }) {
            facts["return_status"] = unscoped.status.rawValue
            return .answer(
                "Order \(order.name) already has a return (\(unscoped.id)), which is \(unscoped.status.phrase), and I can't tell which items it covers, so I can't say what else could be returned. You can see it and add items at \(portal)",
                verifiedEmail: verifiedEmail, facts: facts)
        }
        let held: [(line: LineItem, request: ReturnRequest)] = order.lineItems.compactMap { line in
            existing.first { $0.holds(line) }.map { (line, $0) }
        }
        let heldIDs = Set(held.map(\.line.id))
        let returnable = order.lineItems.filter { $0.returnable && !heldIDs.contains($0.id) }
        let finalSale = order.lineItems.filter { !$0.returnable && !heldIDs.contains($0.id) }
        let alreadyText = held.isEmpty ? "" : " Already in a return: "
            + held.map { "\($0.line.title) (return \($0.request.id), \($0.request.status.phrase))" }.joined(separator: "; ") + "."
        if !held.isEmpty {
            facts["items_in_return"] = held.map(\.line.id).joined(separator: ",")
            facts["return_status"] = held.map(\.request.status.rawValue).joined(separator: ",")
        }
        let unchecked = checked ? "" : " (I couldn't check for returns already open on this order just now.)"
        guard !returnable.isEmpty else {
            var text = held.isEmpty
                ? "The items in order \(order.name) were final sale, so they can't be returned."
                : "Every returnable item in order \(order.name) already has a return, so there's nothing more to return.\(alreadyText)"
            if !held.isEmpty, !finalSale.isEmpty { text += " Not returnable (final sale): " + finalSale.map(\.title).joined(separator: ", ") + "." }
            if !held.isEmpty { text += " Ask me \"where is my return?\" for its progress." }
            return .answer(text, verifiedEmail: verifiedEmail, facts: facts)
        }
        var text = "Good news: order \(order.name) can be returned until \(DateText.day(delivered.addingTimeInterval(Double(window) * 86_400))) (\(window - days) days left)."
        text += " Returnable: " + returnable.map(\.title).joined(separator: ", ") + "."
        text += alreadyText
        if !finalSale.isEmpty { text += " Not returnable (final sale): " + finalSale.map(\.title).joined(separator: ", ") + "." }
        text += unchecked
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

import Foundation
import StewardCore

/// Tells an identified customer where their order is: status, carrier, tracking number and link.
public struct OrderTrackingSkill: Skill {
    public init() {}

    public var manifestURL: URL? { Bundle.module.skillManifestURL }

    public func handle(_ request: SkillRequest, context: SkillContext) async throws -> SkillResponse {
        // The order list, unless the message names one order ("my previous purchase 1002").
        if request.intent == "order_history", request.entities.orderNumbers.isEmpty,
            let email = request.customer.identifiedEmail, let orders = context.tools.orders
        {
            return try await history(email: email, orders: orders, context: context)
        }
        // A click on "Track #1002" from the history list.
        var request = request
        if let action = request.action, action.hasPrefix("skill:order_tracking:order:") {
            let number = String(action.dropFirst("skill:order_tracking:order:".count))
            request.entities.orderNumbers = [number]
        }
        switch try await OrderLookup().resolve(request, context: context) {
        case .reply(let response):
            return response
        case .found(let order, let verifiedEmail):
            return status(of: order, verifiedEmail: verifiedEmail, context: context)
        }
    }

    func status(of order: Order, verifiedEmail: String?, context: SkillContext) -> SkillResponse {
        var text = "Order \(order.name) is \(order.progress.phrase)."
        let shipment = order.fulfillments.last
        if let shipment, order.progress != .cancelled {
            if let carrier = shipment.carrier, let number = shipment.trackingNumber {
                text += order.progress == .delivered
                    ? " It was shipped with \(carrier), tracking number \(number)."
                    : " It's with \(carrier), tracking number \(number)."
            }
            if order.progress == .delivered, let delivered = shipment.deliveredAt {
                text += " It was delivered on \(DateText.day(delivered))."
            } else if let eta = shipment.estimatedDelivery {
                text += " Expected delivery: \(DateText.day(eta))."
            }
            if let url = shipment.trackingURL { text += " Track it here: \(url)" }
        } else if order.progress == .processing {
            text += " It was placed on \(DateText.day(order.createdAt)); you'll get a tracking link by email once it ships."
        } else if order.progress == .cancelled, let when = order.cancelledAt {
            text += " It was cancelled on \(DateText.day(when))."
        }
        if order.fulfillmentStatus == .partial {
            text += " Part of the order has shipped; the rest will follow."
        }
        return .answer(
            text, cards: [card(for: order, context: context)], verifiedEmail: verifiedEmail,
            facts: ["order": order.name, "order_status": order.progress.rawValue])
    }

    func card(for order: Order, context: SkillContext) -> Card {
        let shipment = order.fulfillments.last
        var fields = [
            Card.Field("Placed", DateText.day(order.createdAt)),
            Card.Field("Total", order.total.formatted),
            Card.Field("Items", order.lineItems.map { "\($0.quantity)× \($0.title)" }.joined(separator: ", ")),
        ]
        if let carrier = shipment?.carrier { fields.append(Card.Field("Carrier", carrier)) }
        if let tracking = shipment?.trackingNumber { fields.append(Card.Field("Tracking", tracking)) }
        if let eta = shipment?.estimatedDelivery, order.progress == .inTransit || order.progress == .outForDelivery {
            fields.append(Card.Field("Expected", DateText.day(eta)))
        }
        let orderPage = order.statusURL ?? context.shop.orderStatusURL(for: order.number)
        var buttons: [Card.Button] = []
        if let url = shipment?.trackingURL { buttons.append(Card.Button(title: "Track package", url: url)) }
        buttons.append(Card.Button(title: "View order", url: orderPage))
        return Card(
            kind: .order, title: "Order \(order.name)", subtitle: order.progress.phrase.capitalizedFirst, fields: fields,
            url: shipment?.trackingURL ?? orderPage, buttons: buttons)
    }

    func history(email: String, orders: any OrderProvider, context: SkillContext) async throws -> SkillResponse {
        let mine = try await orders.orders(email: email)
        guard !mine.isEmpty else { return .answer("I couldn't find any orders for \(email).") }
        let recent = Array(mine.prefix(5))
        let lines = recent.map { "\($0.name) · \(DateText.day($0.createdAt)) · \($0.total.formatted) · \($0.progress.phrase)" }
        return .answer(
            "Your recent orders:\n" + lines.joined(separator: "\n"),
            cards: recent.map { card(for: $0, context: context) },
            suggestions: recent.prefix(3).map { Suggestion("Track \($0.name)", action: "skill:order_tracking:order:\($0.number)") })
    }

}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

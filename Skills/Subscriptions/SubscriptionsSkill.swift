import Foundation
import StewardCore

/// Shows an identified customer's subscriptions, and pauses, skips or cancels one once they confirm.
/// A customer who isn't signed in proves who they are with an order number and its email first.
public struct SubscriptionsSkill: Skill {
    public init() {}

    public var manifestURL: URL? { Bundle.module.skillManifestURL }

    /// Slots: what the customer asked for, the subscription chosen, and whether a yes/no is awaited.
    static let verbSlot = "verb", subscriptionSlot = "subscription", confirmingSlot = "confirming"
    static let confirmAction = "skill:subscriptions:confirm", declineAction = "skill:subscriptions:decline"

    /// The Yes and No buttons of "<verb> subscription `sub`?": a Yes from another question never answers it.
    static func buttons(_ verb: Verb, _ sub: Subscription) -> ConfirmationButtons {
        ConfirmationButtons(skill: "subscriptions", question: "\(verb.rawValue):\(sub.id)")
    }
    static let chooseAction = "skill:subscriptions:choose:"

    /// A change the skill can make, with the statuses it applies to.
    enum Verb: String {
        case show, pause, skip, cancel

        init(intent: String) {
            switch intent {
            case "subscription_pause": self = .pause
            case "subscription_skip": self = .skip
            case "subscription_cancel": self = .cancel
            default: self = .show
            }
        }

        func applies(to sub: Subscription) -> Bool {
            switch self {
            case .show: true
            case .pause: sub.status == .active
            case .skip: sub.status == .active && sub.nextChargeAt != nil
            case .cancel: sub.status != .cancelled
            }
        }

        /// The action a yes must be about.
        var confirmedAction: ConfirmedAction {
            switch self {
            case .pause: .pause
            case .skip: .skip
            case .cancel, .show: .cancel
            }
        }

        var phrase: String {
            switch self {
            case .show: "show"
            case .pause: "pause"
            case .skip: "skip the next delivery of"
            case .cancel: "cancel"
            }
        }
    }

    public func handle(_ request: SkillRequest, context: SkillContext) async throws -> SkillResponse {
        guard let provider = context.tools.subscriptions else {
            return .cannotResolve("I can't look up subscriptions right now.", reason: "no subscription provider configured")
        }
        if request.intent == "subscription_manage", !request.isContinuation {
            return manage(request.text, portal: provider.portalURL, context: context)
        }
        var state = request.state
        let verb = Verb(rawValue: state[Self.verbSlot] ?? "") ?? Verb(intent: request.intent)
        state[Self.verbSlot] = verb.rawValue

        // Who is asking: signed in, or proven in this conversation by an order number and its email.
        var verifiedEmail: String?
        var email = request.customer.identifiedEmail
        if email == nil {
            switch try await OrderLookup().resolve(request, context: context, state: state) {
            case .found(_, let proven):
                email = proven
                verifiedEmail = proven
                state = SkillState(slots: [Self.verbSlot: verb.rawValue])
            case .reply(let response):
                return identityQuestion(response, request: request, verb: verb)
            }
        }
        guard let email else {
            return .cannotResolve("I couldn't check your details.", reason: "order lookup gave no email")
        }
        let subs = try await provider.subscriptions(email: email)
        var response: SkillResponse
        do {
            response = try await act(verb, on: subs, request: request, state: state, provider: provider)
        } catch let error as ToolError {
            response = .answer("I couldn't make that change: \(error.description) You can manage your subscriptions at \(provider.portalURL)")
        } catch ActionFailure.notDone {
            // Refused for now (429/503) or not reached: nothing changed, and trying again later is safe.
            response = .cannotResolve(
                "I couldn't make that change just now: the subscription system is busy, and nothing was changed. You can ask me again in a few minutes, manage your subscriptions at \(provider.portalURL), or a person from our team can do it for you.",
                reason: "subscription \(verb.rawValue) not done")
        } catch ActionFailure.refused(_, let reason) {
            response = .cannotResolve(
                "I couldn't make that change: the subscription system didn't accept it, so your subscription is unchanged. A person from our team can look at it for you, or you can manage it at \(provider.portalURL)",
                reason: "subscription \(verb.rawValue) refused: \(reason)")
        } catch {
            // A failure after the request was sent (a timeout, a 500) may hide a change that went through.
            response = .cannotResolve(
                "I couldn't confirm whether that change went through, so please don't try again just yet: a person from our team can check your subscription.",
                reason: "subscription \(verb.rawValue) outcome unknown: \(error)")
        }
        response.verifiedEmail = verifiedEmail
        return response
    }

    /// The order lookup's question, remembering what the customer asked for.
    func identityQuestion(_ lookup: SkillResponse, request: SkillRequest, verb: Verb) -> SkillResponse {
        guard lookup.outcome == .needsInput else { return lookup }
        var response = lookup
        response.state?[Self.verbSlot] = verb.rawValue
        if !request.isContinuation, request.entities.orderNumbers.isEmpty {
            response.text = "I can help with your subscriptions once I know it's you (or sign in and ask again). What's the number of one of your orders? (It looks like #1001.)"
        }
        return response
    }

    /// Shows the subscriptions, or walks through choosing, confirming and making a change.
    func act(_ verb: Verb, on subs: [Subscription], request: SkillRequest, state: SkillState, provider: any SubscriptionProvider) async throws -> SkillResponse {
        guard !subs.isEmpty else {
            return .answer("I don't see any subscriptions for your email. You can subscribe from a product page; see \(provider.portalURL)")
        }
        if verb == .show {
            let lines = subs.map { "• \(summary($0))" }.joined(separator: "\n")
            return .answer("Your subscriptions:\n\(lines)\n\nManage them any time at \(provider.portalURL)",
                           cards: subs.map { card($0, portal: provider.portalURL) }, facts: ["subscriptions": subs.map(\.id).joined(separator: ",")])
        }
        var state = state
        if let action = request.action, action.hasPrefix(Self.chooseAction) {
            state[Self.subscriptionSlot] = String(action.dropFirst(Self.chooseAction.count))
        }
        let candidates = subs.filter { verb.applies(to: $0) }
        // The subscription the customer was asked about changed meanwhile (another tab or channel): say so,
        // and never apply the answer to another one.
        if state[Self.confirmingSlot] != nil, let id = state[Self.subscriptionSlot], !candidates.contains(where: { $0.id == id }) {
            let now = subs.first { $0.id == id }
            return .answer(
                "Nothing changed: " + (now.map { "your \($0.productTitle) subscription is \($0.status.rawValue) now, so there's nothing to \(verb.phrase)." }
                    ?? "I can't find that subscription any more.") + " You can manage your subscriptions at \(provider.portalURL)")
        }
        guard let sub = chosen(from: candidates, request: request, state: state) else {
            if candidates.isEmpty {
                let statuses = subs.map { "\($0.productTitle) is \($0.status.rawValue)" }.joined(separator: ", ")
                return .answer("There's no subscription I can \(verb.phrase) right now: \(statuses). You can manage them at \(provider.portalURL)")
            }
            if request.isContinuation, request.action?.hasPrefix(Self.declineAction) == true || Confirmation.read(request.text) == .no {
                return .answer("OK, I haven't changed any of your subscriptions.")
            }
            state[Self.subscriptionSlot] = nil
            let names = candidates.enumerated().map { "\($0.offset + 1). \($0.element.productTitle)" }.joined(separator: ", ")
            return .ask("Which subscription would you like to \(verb.phrase)? \(names)", state: state,
                        suggestions: candidates.map { Suggestion($0.productTitle, action: Self.chooseAction + $0.id) })
        }
        state[Self.subscriptionSlot] = sub.id
        let facts = ["subscription": "\(sub.id) (\(sub.productTitle))"]
        guard state[Self.confirmingSlot] != nil else {
            state[Self.confirmingSlot] = "1"
            return confirmQuestion(verb, sub, state: state, facts: facts, portal: provider.portalURL, pause: provider.pauseBehavior)
        }
        // Only a clear yes (or the Yes button) changes the subscription; a clear no ends the task;
        // anything else (a hedge, mixed signals, a yes with another request) asks again.
        let answer = Self.buttons(verb, sub).answer(request, about: verb.confirmedAction)
        switch answer {
        case .unclear, .neither:
            return confirmQuestion(verb, sub, state: state, facts: facts, portal: provider.portalURL, pause: provider.pauseBehavior, again: true)
        case .no:
            return .answer("OK, I haven't changed your \(sub.productTitle) subscription.", facts: facts)
        case .yes:
            let updated: Subscription
            switch verb {
            case .pause: updated = try await provider.pause(subscriptionID: sub.id)
            case .skip: updated = try await provider.skipNext(subscriptionID: sub.id)
            case .cancel, .show: updated = try await provider.cancel(subscriptionID: sub.id, reason: "customer request via Steward")
            }
            return outcome(of: verb, before: sub, after: updated, facts: facts, portal: provider.portalURL)
        }
    }

    /// The reply to a change, from the subscription the platform returned, never from the verb asked:
    /// a real pause says "paused"; a postponement (Recharge has no pause endpoint and moves the
    /// next charge instead, api-contracts.md §5.2) says the subscription stays active and when the
    /// next charge now is. A result that does not show the change is not claimed as done: the
    /// customer is told it could not be confirmed and offered a person (`.cannotResolve`).
    func outcome(of verb: Verb, before sub: Subscription, after updated: Subscription, facts: [String: String], portal: String) -> SkillResponse {
        var facts = facts
        facts["subscription_status"] = updated.status.rawValue
        if let next = updated.nextChargeAt { facts["next_charge"] = DateText.day(next) }
        let cards = [card(updated, portal: portal)]
        let moved = updated.nextChargeAt.map { new in sub.nextChargeAt.map { new > $0 } ?? true } ?? false
        switch verb {
        case .pause where updated.status == .paused:
            return .answer("Done: your \(sub.productTitle) subscription is paused, so there are no charges or deliveries until you resume it at \(portal)", cards: cards, facts: facts)
        case .pause where updated.status == .active && moved:
            let next = DateText.day(updated.nextChargeAt!)
            return .answer(
                "Done: our subscription system can't pause a subscription, so I postponed it instead. Your \(sub.productTitle) subscription stays active, and its next charge has moved to \(next). You'll be charged and sent a delivery then unless you change it again at \(portal)",
                cards: cards, facts: facts)
        case .skip where updated.status == .active && moved:
            return .answer(
                "Done: the next delivery of \(sub.productTitle) is skipped. Your next charge is now \(DateText.day(updated.nextChargeAt!)).",
                cards: cards, facts: facts)
        case .cancel where updated.status == .cancelled:
            return .answer("Done: your \(sub.productTitle) subscription is cancelled, and there will be no more charges for it.", cards: cards, facts: facts)
        default:
            var now = "it is \(updated.status.rawValue)"
            if updated.status == .active, let next = updated.nextChargeAt { now += " with the next charge on \(DateText.day(next))" }
            return .cannotResolve(
                "I asked to \(verb.phrase) your \(sub.productTitle) subscription, but I can't confirm it worked: \(now). A person from our team can check it for you.",
                reason: "subscription \(verb.rawValue) not confirmed by the returned subscription (status \(updated.status.rawValue))", facts: facts)
        }
    }

    /// The subscription meant: the only candidate, a clicked or previously chosen one, the one whose
    /// name the message matches best ("the coffee", "wool socks"), or the one picked by number ("2").
    func chosen(from candidates: [Subscription], request: SkillRequest, state: SkillState) -> Subscription? {
        if let id = state[Self.subscriptionSlot], let sub = candidates.first(where: { $0.id == id }) { return sub }
        if candidates.count == 1 { return candidates[0] }
        let words = Set(Words.split(request.text))
        let overlaps = candidates.map { Set(Words.split($0.productTitle)).intersection(words).count }
        if let best = overlaps.max(), best > 0, overlaps.filter({ $0 == best }).count == 1 {
            return candidates[overlaps.firstIndex(of: best)!]
        }
        if request.isContinuation, words.count == 1, let number = Int(words.first!), candidates.indices.contains(number - 1) {
            return candidates[number - 1]
        }
        return nil
    }

    /// "Pause your … subscription (…)? Reply yes or no."; where the platform postpones instead of
    /// pausing (``SubscriptionPauseBehavior/postpone(days:)``), the question says so. `again` when the
    /// customer's last reply was not a clear yes or no: it says nothing has changed and spells out both answers.
    func confirmQuestion(
        _ verb: Verb, _ sub: Subscription, state: SkillState, facts: [String: String], portal: String,
        pause: SubscriptionPauseBehavior = .pause, again: Bool = false
    ) -> SkillResponse {
        var question = "\(verb.phrase.prefix(1).uppercased() + verb.phrase.dropFirst()) your \(sub.productTitle) subscription (\(sub.interval), \(sub.price.formatted))"
        if let next = sub.nextChargeAt { question += ", next charge \(DateText.day(next))" }
        question += "? Reply yes or no."
        if verb == .pause, case .postpone(let days) = pause {
            question = "Our subscription system can't pause a subscription, but I can postpone your \(sub.productTitle) subscription (\(sub.interval), \(sub.price.formatted)): it stays active and its next charge"
                + (sub.nextChargeAt.map { " (now \(DateText.day($0)))" } ?? "") + " moves \(days) days later. Postpone it? Reply yes or no."
        }
        if again {
            let action = verb == .pause && pause != .pause ? "postpone" : verb.phrase
            question = "I haven't changed anything. To \(action) your \(sub.productTitle) subscription reply yes; to keep it as it is reply no."
        }
        return SkillResponse(
            text: question, cards: [card(sub, portal: portal)],
            suggestions: Self.buttons(verb, sub).suggestions,
            outcome: .needsInput, state: state, facts: facts)
    }

    /// The portal and how subscriptions work, from knowledge; no account data, so no identity needed.
    func manage(_ question: String, portal: String, context: SkillContext) -> SkillResponse {
        let match = context.knowledge.answer(question, topics: ["subscriptions"], minimumCoverage: 0.3)?.passage
            ?? context.knowledge.passages(topic: "subscriptions").first { $0.heading.hasPrefix("Managing") }
        var text = "You can manage your subscriptions at \(portal)"
        if let match { text = "\(match.text)\n\n(From \(match.source))" + (match.text.contains(portal) ? "" : "\n\nManage your subscriptions at \(portal)") }
        return .answer(text, suggestions: [Suggestion("Show my subscriptions", action: "intent:subscription_status")])
    }

    func summary(_ sub: Subscription) -> String {
        var line = "\(sub.productTitle) ×\(sub.quantity), \(sub.interval), \(sub.price.formatted), \(sub.status.rawValue)"
        if let next = sub.nextChargeAt, sub.status == .active { line += ", next charge \(DateText.day(next))" }
        return line
    }

    func card(_ sub: Subscription, portal: String) -> Card {
        var fields = [
            Card.Field("Interval", sub.interval.prefix(1).uppercased() + sub.interval.dropFirst()),
            Card.Field("Quantity", String(sub.quantity)),
            Card.Field("Price", sub.price.formatted),
        ]
        if let next = sub.nextChargeAt, sub.status == .active { fields.append(Card.Field("Next charge", DateText.day(next))) }
        return Card(kind: .subscription, title: sub.productTitle, subtitle: sub.status.rawValue.capitalized,
                    fields: fields, url: portal, buttons: [Card.Button(title: "Manage subscription", url: portal)])
    }
}

import Foundation
import StewardCore

/// Tells an identified customer their points, tier and the rewards they can redeem now, redeems
/// one once they confirm (`LoyaltySkill+Redeem.swift`), and explains the loyalty programme
/// (earning, tiers, expiry, how to redeem) to anyone from `knowledge/loyalty.md`.
public struct LoyaltySkill: Skill {
    public init() {}

    public var manifestURL: URL? { Bundle.module.skillManifestURL }

    public func handle(_ request: SkillRequest, context: SkillContext) async throws -> SkillResponse {
        if request.intent == "loyalty_program" {
            return program(request.text, context: context)
        }
        if request.intent == "loyalty_redeem", !request.customer.isIdentified, !request.isContinuation {
            // How to redeem is public; the customer's own rewards come once we know who they are.
            var response = program(request.text, context: context, preferred: "Rewards and how to redeem")
            response.suggestions = [Suggestion("My points balance", action: "intent:loyalty_balance")]
            return response
        }
        guard let provider = context.tools.loyalty else {
            return .cannotResolve("I can't look up reward points right now.", reason: "no loyalty provider configured")
        }
        if let email = request.customer.identifiedEmail {
            if request.intent == "loyalty_redeem" {
                return try await redeem(request, email: email, provider: provider, context: context)
            }
            return try await balance(email: email, provider: provider, context: context)
        }
        switch try await OrderLookup().resolve(request, context: context) {
        case .reply(var response):
            if response.outcome == .needsInput, !request.isContinuation, request.entities.orderNumbers.isEmpty {
                response.text = "I can show your points once I know it's you (or sign in and ask again). What's the number of one of your orders? (It looks like #1001.)"
            }
            return response
        case .found(_, let verifiedEmail):
            guard let email = verifiedEmail ?? request.customer.identifiedEmail else {
                return .cannotResolve("I couldn't check your details.", reason: "order lookup gave no email")
            }
            var response: SkillResponse
            if request.intent == "loyalty_redeem" {
                // Proven just now: start choosing a reward afresh (the lookup's slots are done with).
                var fresh = request
                fresh.state = SkillState()
                fresh.isContinuation = false
                fresh.text = ""
                response = try await redeem(fresh, email: email, provider: provider, context: context)
            } else {
                response = try await balance(email: email, provider: provider, context: context)
            }
            response.verifiedEmail = verifiedEmail
            return response
        }
    }

    /// The customer's balance, tier and rewards, with the next reward to aim for.
    func balance(email: String, provider: any LoyaltyProvider, context: SkillContext) async throws -> SkillResponse {
        guard let account = try await provider.account(email: email) else {
            let join = passage("How to join", context: context).map { "\n\n\($0.text)\n\n(From \($0.source))" } ?? ""
            return .answer("\(email) isn't a member of our rewards programme yet.\(join)")
        }
        let points = grouped(account.pointsBalance)
        var text = "You have \(points) points" + (account.tier.map { " and you're \($0) tier" } ?? "") + "."
        let redeemable = account.redeemable.sorted { $0.pointsCost < $1.pointsCost }
        if redeemable.isEmpty {
            text += " That's not enough for a reward yet."
        } else {
            text += " You can redeem now: " + redeemable.map { "\($0.name) (\(grouped($0.pointsCost)) points)" }.joined(separator: ", ") + "."
        }
        let next = account.rewards.filter { $0.pointsCost > account.pointsBalance }.min { $0.pointsCost < $1.pointsCost }
        if let next {
            text += " \(grouped(next.pointsCost - account.pointsBalance)) more points gets you \(next.name)."
        }
        let url = rewardsURL(context)
        if let url { text += " Redeem at \(url)" }
        var fields = [Card.Field("Points", points)]
        if let tier = account.tier { fields.append(Card.Field("Tier", tier)) }
        fields.append(Card.Field("Redeem now", redeemable.isEmpty ? "Nothing yet" : redeemable.map(\.name).joined(separator: ", ")))
        if let next { fields.append(Card.Field("Next reward", "\(next.name) at \(grouped(next.pointsCost)) points")) }
        let card = Card(
            kind: .loyalty, title: "Your rewards", subtitle: account.tier.map { "\($0) tier" }, fields: fields, url: url,
            buttons: url.map { [Card.Button(title: "Redeem points", url: $0)] } ?? [])
        var suggestions = [Suggestion("How do I earn more points?", action: "intent:loyalty_program")]
        if !redeemable.isEmpty { suggestions.insert(Suggestion("Redeem my points", action: "intent:loyalty_redeem"), at: 0) }
        return .answer(
            text, cards: [card], suggestions: suggestions,
            facts: ["loyalty_points": String(account.pointsBalance), "loyalty_tier": account.tier ?? "none"])
    }

    /// How the programme works, quoted from knowledge.
    func program(_ question: String, context: SkillContext, preferred: String? = nil) -> SkillResponse {
        let match = context.knowledge.answer(question, topics: ["loyalty"], minimumCoverage: 0.3)?.passage
            ?? preferred.flatMap { passage($0, context: context) }
            ?? passage("Earning points", context: context)
        guard let match else {
            return .cannotResolve("I don't have the details of our rewards programme to hand.", reason: "no loyalty page in knowledge/")
        }
        return .answer("\(match.text)\n\n(From \(match.source))", cards: [Card(kind: .article, title: match.heading, subtitle: "\(match.topic).md")])
    }

    /// A number with thousands separators, as in the knowledge base: 1,250.
    func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        let groups = stride(from: digits.count, to: 0, by: -3).reversed().map { end in
            String(digits[digits.index(digits.startIndex, offsetBy: max(0, end - 3))..<digits.index(digits.startIndex, offsetBy: end)])
        }
        return (number < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    func passage(_ heading: String, context: SkillContext) -> KnowledgeBase.Passage? {
        context.knowledge.passages(topic: "loyalty").first { $0.heading == heading }
    }

    /// The rewards page named in the knowledge base, if any.
    func rewardsURL(_ context: SkillContext) -> String? {
        for passage in context.knowledge.passages(topic: "loyalty") {
            if let link = TextEntities.links(in: passage.text).first(where: { $0.hasPrefix("https://") && $0.contains("reward") }) {
                return link
            }
        }
        return nil
    }
}

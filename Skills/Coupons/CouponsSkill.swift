import Foundation
import StewardCore

/// Finds discount codes: public ones for anyone, personal ones only for an identified customer.
public struct CouponsSkill: Skill {
    public init() {}

    public var manifestURL: URL? { Bundle.module.skillManifestURL }

    public func handle(_ request: SkillRequest, context: SkillContext) async throws -> SkillResponse {
        guard let provider = context.tools.coupons else {
            return .cannotResolve("I can't look up discount codes right now.", reason: "no coupon provider configured")
        }
        let now = context.now
        // Every configured source is asked (Shopify and Klaviyo through CompositeCouponProvider); one
        // that fails leaves its codes out and the reply says some codes could not be checked.
        var incomplete = false
        var publicCodes: [Coupon] = []
        do {
            publicCodes = try await provider.publicCoupons()
        } catch {
            context.logger.warning("public coupons unavailable", metadata: ["error": "\(error)"])
            incomplete = true
        }
        var personal: [Coupon] = []
        if let email = request.customer.identifiedEmail {
            let lookup = await provider.personalCoupons(email: email)
            for failure in lookup.failures {
                context.logger.warning("personal coupons unavailable from a source", metadata: ["error": "\(failure)"])
            }
            incomplete = incomplete || lookup.isPartial
            personal = lookup.coupons.filter { $0.isValid(at: now) }
        }
        let missing = incomplete ? " I couldn't check all of our discount systems just now, so there may be other codes for you; please ask again later." : ""
        if request.intent == "coupon_problem" {
            return problem(request.text, known: publicCodes + personal, now: now, context: context)
        }
        let valid = publicCodes.filter { $0.isValid(at: now) }
        let codes = personal + valid
        guard !codes.isEmpty else {
            if incomplete {
                return .cannotResolve("I couldn't look up discount codes just now.", reason: "every coupon source failed or gave nothing while one failed")
            }
            return .answer("There are no discount codes available right now. Sign up to our newsletter to hear about the next one.")
        }
        var text = ""
        if !personal.isEmpty {
            text += "You have \(personal.count == 1 ? "a personal code" : "personal codes"): "
                + personal.map { "\($0.code) (\($0.description))" }.joined(separator: "; ") + ". "
        }
        if !valid.isEmpty {
            text += (personal.isEmpty ? "Here are the codes anyone can use: " : "Codes anyone can use: ")
                + valid.map { "\($0.code) (\($0.description))" }.joined(separator: "; ") + "."
        }
        if !request.customer.isIdentified {
            text += " Personal codes are shown once we know it's you (after checking an order, or when you're signed in)."
        }
        text += " Only one code can be used per order." + missing
        return .answer(text.trimmingCharacters(in: .whitespaces), cards: codes.map(card), facts: ["coupons": codes.map(\.code).joined(separator: ",")])
    }

    func card(_ coupon: Coupon) -> Card {
        var fields = [Card.Field("Code", coupon.code)]
        if let expires = coupon.expiresAt { fields.append(Card.Field("Valid until", DateText.day(expires))) }
        if let minimum = coupon.minimumSubtotal { fields.append(Card.Field("Minimum order", minimum.formatted)) }
        fields.append(Card.Field("For", coupon.isPublic ? "Everyone" : "You only"))
        return Card(kind: .coupon, title: coupon.code, subtitle: coupon.description, fields: fields,
                    buttons: [Card.Button(title: "Copy code", action: "copy:\(coupon.code)")])
    }

    func problem(_ text: String, known: [Coupon], now: Date, context: SkillContext) -> SkillResponse {
        let words = Set(Words.codes(in: text))
        if let coupon = known.first(where: { words.contains($0.code.uppercased()) }) {
            if !coupon.isValid(at: now), let expired = coupon.expiresAt {
                return .answer("The code \(coupon.code) expired on \(DateText.day(expired)), so it can't be used any more.")
            }
            var answer = "\(coupon.code) is valid (\(coupon.description))."
            if let minimum = coupon.minimumSubtotal { answer += " It needs an order of at least \(minimum.formatted)." }
            answer += " Check that it's typed exactly, that no other code is applied (one per order), and that the items aren't already on sale."
            return .answer(answer)
        }
        if let match = context.knowledge.answer(text, topics: ["discounts"], minimumCoverage: 0.25) {
            return .answer("\(match.passage.text)\n\n(From \(match.passage.source))")
        }
        return .cannotResolve(
            "I couldn't tell why that code didn't work.", reason: "coupon problem not explained by codes or knowledge")
    }
}

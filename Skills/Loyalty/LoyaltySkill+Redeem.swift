import Foundation
import StewardCore

/// Redeeming points for an identified customer: list the rewards their balance covers, let them
/// pick one (button, name or number), ask "Redeem N points for <reward>? Reply yes or no." and
/// redeem only on a clear yes (``Confirmation/yes`` or the Yes button). Redemption cannot be undone
/// (Smile.io has no undo API, api-contracts.md §5.3), so anything but a clear yes or no is asked again.
extension LoyaltySkill {
    /// Slots: the reward chosen, and `confirm` once the yes/no question has been asked.
    static let rewardSlot = "redeem_reward", stageSlot = "redeem_stage"
    static let chooseAction = "skill:loyalty:redeem:"
    static let confirmAction = "skill:loyalty:confirm", declineAction = "skill:loyalty:decline"

    /// The Yes and No buttons of "redeem `reward`?": a Yes from another question never answers it.
    static func buttons(_ reward: LoyaltyAccount.Reward) -> ConfirmationButtons {
        ConfirmationButtons(skill: "loyalty", question: "redeem:\(reward.id)")
    }

    /// One turn of the redemption conversation for the customer with this (identified) email.
    func redeem(_ request: SkillRequest, email: String, provider: any LoyaltyProvider, context: SkillContext) async throws -> SkillResponse {
        guard let account = try await provider.account(email: email) else {
            return try await balance(email: email, provider: provider, context: context)
        }
        let affordable = account.redeemable.sorted { $0.pointsCost < $1.pointsCost }
        var state = request.continuationState
        if let action = request.action, action.hasPrefix(Self.chooseAction) {
            state = SkillState(slots: [Self.rewardSlot: String(action.dropFirst(Self.chooseAction.count))])
        }
        if state[Self.stageSlot] == "confirm", let id = state[Self.rewardSlot] {
            guard let reward = affordable.first(where: { $0.id == id }) else {
                return .answer("You have \(grouped(account.pointsBalance)) points now, which doesn't cover that reward any more, so nothing was redeemed.")
            }
            let answer = Self.buttons(reward).answer(request, about: .redeem)
            switch answer {
            case .yes:
                return await perform(reward, account: account, email: email, provider: provider, context: context)
            case .no:
                return .answer(
                    "OK, I haven't redeemed anything. You still have \(grouped(account.pointsBalance)) points.",
                    facts: ["loyalty_points": String(account.pointsBalance)])
            case .unclear, .neither:
                return confirmQuestion(reward, state: state, again: true)
            }
        }
        guard !affordable.isEmpty else {
            var text = "You have \(grouped(account.pointsBalance)) points, which isn't enough for a reward yet."
            if let next = account.rewards.min(by: { $0.pointsCost < $1.pointsCost }) {
                text += " \(grouped(next.pointsCost - account.pointsBalance)) more points gets you \(next.name)."
            }
            return .answer(text, facts: ["loyalty_points": String(account.pointsBalance)])
        }
        let picked = state[Self.rewardSlot].flatMap { id in affordable.first { $0.id == id } } ?? chosen(from: affordable, request: request)
        guard let reward = picked else {
            if request.isContinuation, Confirmation.read(request.text) == .no {
                return .answer("OK, I haven't redeemed anything. You still have \(grouped(account.pointsBalance)) points.")
            }
            let list = affordable.enumerated().map { "\($0.offset + 1). \($0.element.name) (\(grouped($0.element.pointsCost)) points)" }
                .joined(separator: ", ")
            // A reward named but out of reach is answered, not silently ignored.
            var lead = ""
            if let wanted = chosen(from: account.rewards, request: request), wanted.pointsCost > account.pointsBalance {
                lead = "\(wanted.name) needs \(grouped(wanted.pointsCost)) points, \(grouped(wanted.pointsCost - account.pointsBalance)) more than you have. "
            }
            return .ask(
                lead + "You have \(grouped(account.pointsBalance)) points. Which reward would you like to redeem? \(list). Reply with its name or number.",
                state: SkillState(slots: [Self.stageSlot: "choose"]),
                suggestions: affordable.map { Suggestion($0.name, action: Self.chooseAction + $0.id) },
                facts: ["loyalty_points": String(account.pointsBalance)])
        }
        return confirmQuestion(reward, state: SkillState(slots: [Self.rewardSlot: reward.id, Self.stageSlot: "confirm"]), again: false)
    }

    /// "Redeem N points for <reward>? Reply yes or no." with Yes and No buttons; asked again more explicitly.
    func confirmQuestion(_ reward: LoyaltyAccount.Reward, state: SkillState, again: Bool) -> SkillResponse {
        let question = again
            ? "I need a clear yes or no before I spend your points. Redeem \(grouped(reward.pointsCost)) points for \(reward.name)? Reply yes to redeem it or no to keep your points."
            : "Redeem \(grouped(reward.pointsCost)) points for \(reward.name)? Reply yes or no."
        return .ask(
            question, state: state,
            suggestions: Self.buttons(reward).suggestions,
            facts: ["loyalty_reward": reward.id])
    }

    /// Redeems and says only what the provider returned: the code and the balance it reports. A
    /// result that shows neither a code nor a lower balance is not claimed as done, and an error that
    /// leaves the outcome unknown is handed to a person rather than retried.
    func perform(
        _ reward: LoyaltyAccount.Reward, account: LoyaltyAccount, email: String, provider: any LoyaltyProvider, context: SkillContext
    ) async -> SkillResponse {
        let facts = ["loyalty_reward": reward.id]
        let redemption: LoyaltyRedemption
        do {
            redemption = try await provider.redeem(rewardID: reward.id, email: email)
        } catch let error as ToolError {
            if case .unavailable = error {
                return unknownOutcome(reward, reason: error.description, facts: facts)
            }
            return .answer("I couldn't redeem \(reward.name): \(error.description) None of your points were spent.", facts: facts)
        } catch ActionFailure.notDone {
            // Refused for now (429/503) or not reached: nothing was spent, and trying again later is safe.
            return .cannotResolve(
                "I couldn't redeem \(reward.name) just now: the rewards programme is busy, and none of your points were spent. You can ask me again in a few minutes, or a person from our team can help.",
                reason: "loyalty redemption not done", facts: facts)
        } catch ActionFailure.refused(_, let reason) {
            return .cannotResolve(
                "I couldn't redeem \(reward.name): the rewards programme didn't accept it, so none of your points were spent. A person from our team can look at it for you.",
                reason: "loyalty redemption refused: \(reason)", facts: facts)
        } catch {
            return unknownOutcome(reward, reason: String(describing: error), facts: facts)
        }
        let balanceDropped = redemption.pointsBalance.map { $0 < account.pointsBalance } ?? false
        guard redemption.code != nil || balanceDropped else {
            return .cannotResolve(
                "I asked to redeem \(grouped(reward.pointsCost)) points for \(reward.name), but the rewards programme didn't confirm it: no code came back and I can't see your balance change. A person from our team can check it for you.",
                reason: "loyalty redemption not confirmed by the provider's answer", facts: facts)
        }
        var text = "Done: you redeemed \(grouped(redemption.pointsSpent)) points for \(redemption.rewardName)."
        if let code = redemption.code {
            text += " Your code is \(code)" + (redemption.expiresAt.map { " (valid until \(DateText.day($0)))" } ?? "") + ": enter it at checkout."
        } else {
            text += " No code came back yet" + (rewardsURL(context).map { "; you'll find the reward in your account at \($0)." } ?? ".")
        }
        text += redemption.pointsBalance.map { " Your balance is now \(grouped($0)) points." } ?? " I couldn't read your new balance just now."
        var fields: [Card.Field] = []
        if let code = redemption.code { fields.append(Card.Field("Code", code)) }
        fields.append(Card.Field("Points spent", grouped(redemption.pointsSpent)))
        if let balance = redemption.pointsBalance { fields.append(Card.Field("Points left", grouped(balance))) }
        let card = Card(
            kind: .coupon, title: redemption.code ?? redemption.rewardName, subtitle: redemption.rewardName, fields: fields,
            buttons: redemption.code.map { [Card.Button(title: "Copy code", action: "copy:\($0)")] } ?? [])
        var allFacts = facts
        allFacts["loyalty_redeemed"] = redemption.id ?? reward.id
        if let balance = redemption.pointsBalance { allFacts["loyalty_points"] = String(balance) }
        return .answer(text, cards: [card], facts: allFacts)
    }

    /// The redemption may or may not have gone through: say so, and offer a person.
    func unknownOutcome(_ reward: LoyaltyAccount.Reward, reason: String, facts: [String: String]) -> SkillResponse {
        .cannotResolve(
            "I couldn't confirm whether \(reward.name) was redeemed, so please don't try again just yet: a person from our team can check your points and code.",
            reason: "loyalty redemption outcome unknown: \(reason)", facts: facts)
    }

    /// The reward the message names ("the $10 off", "free shipping"), or picks by number when
    /// answering the list ("2"); nil when it names none or several equally.
    func chosen(from rewards: [LoyaltyAccount.Reward], request: SkillRequest) -> LoyaltyAccount.Reward? {
        let words = Words.split(request.text)
        if request.isContinuation, words.count == 1, let number = Int(words[0]), rewards.indices.contains(number - 1) {
            return rewards[number - 1]
        }
        let wordSet = Set(words)
        let overlaps = rewards.map { Set(Words.split($0.name)).intersection(wordSet).count }
        guard let best = overlaps.max(), best > 0, overlaps.filter({ $0 == best }).count == 1 else { return nil }
        return rewards[overlaps.firstIndex(of: best)!]
    }
}

extension SkillRequest {
    /// The skill's state when the message answers its question; empty for a fresh request.
    var continuationState: SkillState { isContinuation ? state : SkillState() }
}

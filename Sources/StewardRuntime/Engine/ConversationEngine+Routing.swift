import Foundation
import Logging
import StewardCore
import StewardRouter

extension ConversationEngine {
    /// Decides who answers a message and runs it, updating the session's task state.
    func decide(text: String, action: String?, session: inout Session) async -> Decision {
        // A clicked button: route it directly.
        if let action, !action.isEmpty {
            var decision = await handle(action: action, text: text, session: &session)
            decision.rule = .action
            return decision
        }
        let decision = router.classify(text)
        // Read as an answer only when something may be waiting for one, or the router places the message
        // nowhere in particular ("yes", "no thanks" after an answer): most messages are new requests.
        let reading = MessageReading(
            text, readsAnswer: session.active != nil || !session.interrupted.isEmpty || !placesInSkill(decision))
        let cue = reading.cue

        // A question a skill asked is waiting for its answer.
        if let task = session.active {
            // "no" / "never mind" may answer the question ("Cancel order #1003?" → "never mind": keep it)
            // or leave it ("What's your order number?" → "never mind"): the skill reads it first, and
            // only if it asks the same again does the message leave the question.
            if cue == .stop || decision.intent == SystemIntent.cancel.rawValue, reading.confirmation == .no {
                var trial = session
                var answer = await run(
                    skillID: task.skill, intent: task.intent, confidence: task.confidence, text: text,
                    action: nil, state: task.state, continuation: true, session: &trial)
                if !(answer.response.outcome == .needsInput && trial.active?.state == task.state) {
                    session = trial
                    answer.rule = .waitingQuestion
                    return answer
                }
            }
            if let control = controlWhileWaiting(task, reading: reading, decision: decision, text: text, session: &session) {
                return control
            }
            if isDigression(decision, from: task, text: text, answer: reading.confirmation) {
                // "#1001, and do you ship to Canada?": the awaited answer goes to the task first.
                let (kept, earlier) = mayAbsorb(text, routedTo: decision)
                    ? await absorbAnswer(text, into: task, session: &session) : (task, nil)
                if let kept { session.interrupted.append(kept) }
                session.active = nil
                let rest = kept == task ? text : Self.removingAnswers(from: text)
                var routed = await routeDecision(rest == text ? decision : router.classify(rest), text: rest, session: &session)
                routed.rule = .digression
                if let earlier {
                    routed.response.text = earlier.response.text + "\n\n" + routed.response.text
                    routed.response.cards = earlier.response.cards + routed.response.cards
                }
                return routed
            } else {
                var answer = await run(
                    skillID: task.skill, intent: task.intent, confidence: task.confidence, text: text,
                    action: nil, state: task.state, continuation: true, session: &session)
                // "ok" or "thanks" that did not answer is not one of the customer's tries, and is told
                // "take your time" rather than "that doesn't look like an order number".
                if cue == .acknowledgement, answer.response.outcome == .needsInput, session.active?.state == task.state {
                    session.active?.reasks = task.reasks
                    var held = system(localized(.holdOn, session), intent: nil, confidence: nil, session: session, label: "hold")
                    held.rule = .cue
                    return held
                }
                answer = limitReasks(answer, task: task, session: &session)
                answer.rule = .waitingQuestion
                return answer
            }
        }
        // A topic put aside by a digression: go back to it when asked, or when this is its answer.
        if !session.interrupted.isEmpty, var resumed = await resumeIfAsked(text: text, reading: reading, decision: decision, session: &session) {
            resumed.rule = .resume
            return resumed
        }
        // The awaited answer of a topic put aside, with another question ("jane@example.com, also can I use
        // two codes?"): the put-aside task takes the answer, the question is answered.
        if let waiting = session.interrupted.last, carriesAwaitedAnswer(text, task: waiting, loosely: true),
            mayAbsorb(text, routedTo: decision)
        {
            session.interrupted.removeLast()
            let (kept, earlier) = await absorbAnswer(text, into: waiting, session: &session)
            if let kept { session.interrupted.append(kept) }
            if kept != waiting {
                let rest = Self.removingAnswers(from: text)
                var routed = await routeDecision(router.classify(rest), text: rest, session: &session)
                if let earlier {
                    routed.response.text = earlier.response.text + "\n\n" + routed.response.text
                    routed.response.cards = earlier.response.cards + routed.response.cards
                }
                return routed
            }
        }
        // A bare yes or no with nothing asked ("yes" after an answer, "no" to "anything else?"): an
        // acknowledgement or a close, never a miss.
        if cue == nil, session.fallback.pending == nil {
            switch reading.confirmation {
            case .yes: return await answerCue(.acknowledgement, decision: decision, session: &session)
            case .no: return await answerCue(.closing, decision: decision, session: &session)
            case .unclear, .neither: break
            }
        }
        // One or two words nobody placed, right after an answer ("much obliged", "okkk", "💯"): taken as an
        // acknowledgement rather than a miss that could hand the conversation off.
        if decision.kind == .noMatch, session.fallback.pending == nil, !text.contains("?"),
            !text.contains(where: \.isNumber), Tokenizer().words(text).count <= 2,
            let last = session.turns.last(where: { $0.role == .customer })?.outcome,
            ["resolved", "acknowledged", "closing"].contains(last)
        {
            return await answerCue(.acknowledgement, decision: decision, session: &session)
        }
        // "stop" as the very first message is left to the router ("cancel" alone may mean an order); later,
        // with nothing open ("I said cancel" after the wait ended), it is a no-op, never a new cancellation.
        // "go back" with nothing put aside goes to the router too.
        let opening = !session.turns.contains { $0.role == .agent }
        if let cue, cue != .resume, cue != .stop || !opening {
            return await answerCue(cue, decision: decision, session: &session)
        }
        return await routeDecision(decision, text: text, session: &session)
    }

    /// Acts on the router's decision for a message no waiting question took.
    func routeDecision(_ decision: RouteDecision, text: String, session: inout Session) async -> Decision {
        let top = decision.top
        switch decision.kind {
        case .match:
            guard let top else { break }
            // "I don't want to talk to a human, just tell me where order 1001 is": the person is refused,
            // the rest is the request.
            if top.intent == SystemIntent.human.rawValue, Self.refusesPerson(text),
                let other = decision.ranked.first(where: { registry.entry(intent: $0.intent) != nil })
            {
                var routed = await route(intent: other.intent, confidence: other.confidence, text: text, session: &session)
                routed.rule = .router
                return routed
            }
            var routed = await route(intent: top.intent, confidence: top.confidence, text: text, session: &session)
            routed.rule = SystemIntent(rawValue: top.intent) != nil ? .systemIntent : .router
            return routed
        case .ambiguous:
            let candidates = Array(decision.ranked.prefix(2))
            // "my parcel never came, agent please": a request for a person is honoured, not questioned.
            if let human = candidates.first(where: { $0.intent == SystemIntent.human.rawValue }), !Self.refusesPerson(text) {
                var routed = await route(intent: human.intent, confidence: human.confidence, text: text, session: &session)
                routed.rule = .systemIntent
                return routed
            }
            let owners = Set(candidates.map { owner(of: $0.intent) })
            if owners.count == 1, let best = candidates.first {
                // Both readings belong to the same skill (or both are small talk): let the top one answer.
                var routed = await route(intent: best.intent, confidence: best.confidence, text: text, session: &session)
                routed.rule = SystemIntent(rawValue: best.intent) != nil ? .systemIntent : .router
                return routed
            }
            var question = ambiguous(candidates, text: text, session: session)
            question.rule = .ambiguity
            return question
        case .noMatch:
            if let answer = await knowledgeFallback(text: text, language: replyLanguage(for: session), session: &session) { return answer }
        }
        var miss = noMatch(session: session, confidence: top?.confidence)
        miss.rule = .fallback
        return miss
    }

    /// True when the router places the message, with confidence, in one of the skills' intents.
    func placesInSkill(_ decision: RouteDecision) -> Bool {
        decision.kind == .match && decision.top.map { registry.entry(intent: $0.intent) != nil } == true
    }

    /// True when a message asking about a person says it does not want one ("I don't want to talk to a
    /// human", "no need for a human", "nie chcę rozmawiać z konsultantem", "상담원 연결은 필요 없어요"): a
    /// negation before the word for a person (anywhere, in Korean), not after it ("someone from support,
    /// not a bot" asks for a person).
    static func refusesPerson(_ text: String) -> Bool {
        let words = Tokenizer().words(text)
        let person: Set<String> = [
            "human", "agent", "person", "someone", "somebody", "representative", "operator", "konsultant", "konsultantem",
            "czlowiekiem", "człowiekiem", "kims", "kimś", "manniska", "människa", "person", "mitarbeiter", "menschen", "mensch",
            "agente", "persona", "humano", "alguien", "humain", "conseiller", "personne", "상담원", "사람", "직원",
        ]
        let negations: Set<String> = [
            "dont", "don't", "not", "never", "without", "nie", "bez", "inte", "utan", "nicht", "kein", "keinen", "keine",
            "ohne", "pas", "sans", "jamais", "sin", "nunca",
        ]
        let korean: Set<String> = ["없어요", "없습니다", "필요없어요", "싫어요", "안"]
        if !Set(words).isDisjoint(with: korean) { return true }
        guard let personAt = words.firstIndex(where: { person.contains($0) }) else { return false }
        let wants: Set<String> = ["quiero", "necesito", "need", "want", "hace"]
        for index in words.indices where index < personAt {
            if negations.contains(words[index]) { return true }
            if words[index] == "no", index + 1 < words.count, wants.contains(words[index + 1]) { return true }
        }
        return false
    }

    /// Who answers an intent, for deciding whether two readings differ: the skill's id; `system` for
    /// Steward's small talk (greeting, thanks, goodbye, cancel, complaint); the intent itself for a
    /// person or the capabilities list.
    func owner(of intent: String) -> String {
        if let entry = registry.entry(intent: intent) { return entry.manifest.id }
        switch SystemIntent(rawValue: intent) {
        case .human, .capabilities: return intent
        case .some: return "system"
        case nil: return intent
        }
    }

    /// True when a message asked while a skill waits for an answer clearly changes topic.
    func isDigression(_ decision: RouteDecision, from task: Session.Task, text: String, answer: Confirmation) -> Bool {
        guard decision.kind == .match, let top = decision.top,
            top.confidence >= configuration.router.digressionThreshold
        else { return false }
        // A clear yes or no ("Yes I'm sure", "nie, dziękuję") answers the question, whatever the router thinks.
        if answer == .yes || answer == .no { return false }
        if top.intent == SystemIntent.human.rawValue || top.intent == SystemIntent.capabilities.rawValue { return true }
        if top.intent.hasPrefix("system.") { return false }
        // Another skill, or another request of the same skill ("show my subscriptions" while it asks which
        // one to cancel, "what's your return policy?" while returns asks for the order number).
        guard let owner = registry.entry(intent: top.intent)?.manifest.id, owner != task.skill || top.intent != task.intent
        else { return false }
        // A bare answer (an order number, an email, "yes") is not a new topic.
        let entities = Entities.extract(from: text)
        let words = Tokenizer().words(text).filter { word in
            !entities.orderNumbers.contains(word) && !entities.emails.contains(word) && !entities.numbers.contains(word)
        }
        return words.count >= 3
    }

    /// Sends a message to the skill that owns `intent`, or answers a system intent.
    func route(intent: String, confidence: Double, text: String, session: inout Session) async -> Decision {
        if let system = SystemIntent(rawValue: intent) {
            return await answer(system, confidence: confidence, text: text, session: &session)
        }
        guard let entry = registry.entry(intent: intent) else {
            return noMatch(session: session, confidence: confidence)
        }
        return await run(
            skillID: entry.manifest.id, intent: intent, confidence: confidence, text: text, action: nil,
            state: SkillState(), continuation: false, session: &session)
    }

    /// Runs a skill, if it is live on the session's channel, and updates the task state.
    func run(
        skillID: String, intent: String, confidence: Double, text: String, action: String?, state: SkillState,
        continuation: Bool, session: inout Session
    ) async -> Decision {
        guard let entry = registry.entry(id: skillID) else {
            return noMatch(session: session, confidence: confidence)
        }
        let manifest = entry.manifest
        let status = statuses[manifest.id] ?? .live
        guard status.isLive, manifest.serves(session.channel) else {
            session.active = nil
            let reason = status.isLive ? "not offered on \(session.channel.rawValue)" : status.description
            logger.notice("request for a skill that is not live", metadata: ["skill": "\(manifest.id)", "reason": "\(reason)"])
            let response = SkillResponse.cannotResolve(
                localized(.skillUnavailable, session, ["skill": manifest.name.lowercased()]),
                reason: "skill \(manifest.id) \(reason)")
            return Decision(response: response, skill: manifest.id, intent: intent, confidence: confidence)
        }
        let request = SkillRequest(
            text: text, action: action, intent: intent, confidence: confidence,
            history: session.turns, state: state, customer: session.customer, channel: session.channel,
            isContinuation: continuation, language: replyLanguage(for: session))
        var skillLogger = logger
        skillLogger[metadataKey: "skill"] = "\(manifest.id)"
        skillLogger[metadataKey: "session"] = "\(session.id)"
        let context = SkillContext(
            tools: tools, knowledge: knowledge, shop: configuration.shop, logger: skillLogger, now: clock(),
            verification: VerificationGate(
                store: verificationAttempts, session: session.id, policy: configuration.verification, now: clock))
        var response: SkillResponse
        do {
            response = try await entry.skill.handle(request, context: context)
            session.fallback.toolFailures = nil
        } catch let limit as VerificationLimitReached {
            skillLogger.notice("identity checks refused", metadata: ["reason": "\(limit)"])
            return verificationLimited(limit, skill: manifest.id, intent: intent, confidence: confidence, session: &session)
        } catch {
            skillLogger.error("skill failed", metadata: ["error": "\(error)"])
            return toolFailure(error, skill: manifest.id, intent: intent, confidence: confidence, state: state, continuation: continuation, session: &session)
        }
        if let email = response.verifiedEmail { session.customer.verifiedEmail = email.lowercased() }
        var trailer: String?
        switch response.outcome {
        case .needsInput:
            session.active = Session.Task(
                skill: manifest.id, intent: intent, confidence: confidence, state: response.state ?? state)
        case .resolved, .cannotResolve:
            session.active = nil
            // A reply that cannot resolve is followed by the offer of a person: one question at a time.
            if response.outcome == .resolved, let waiting = session.interrupted.last {
                let name = skillName(waiting.skill)
                switch session.channel {
                case .sms, .whatsapp:
                    // No buttons to rely on: say how to go back in words (a typed yes resumes).
                    trailer = localized(.resumeByText, session, ["skill": name])
                case .webchat, .email:
                    trailer = localized(.resumeQuestion, session, ["skill": name])
                    response.suggestions.append(Suggestion(localized(.resumeButton, session, ["skill": name]), action: "resume"))
                }
            }
        }
        var decision = Decision(response: response, skill: manifest.id, intent: intent, confidence: confidence)
        decision.trailer = trailer
        return decision
    }

    /// A skill whose tool failed (the shop's system did not answer): not the customer's fault, so not a miss
    /// and not "my answer didn't help". The first failure asks to try again and keeps a waiting question
    /// open, so the retry goes to the tool again; a second failure in a row is a `cannotResolve`, which
    /// offers a person.
    func toolFailure(
        _ error: any Error, skill: String, intent: String, confidence: Double, state: SkillState, continuation: Bool,
        session: inout Session
    ) -> Decision {
        let failures = (session.fallback.toolFailures ?? 0) + 1
        session.fallback.toolFailures = failures
        session.active = continuation ? Session.Task(skill: skill, intent: intent, confidence: confidence, state: state) : nil
        guard failures >= 2 else {
            return Decision(
                response: SkillResponse(text: localized(.skillFailed, session), outcome: .resolved), skill: skill,
                intent: intent, confidence: confidence, label: "tool_failed")
        }
        session.active = nil
        session.fallback.toolFailures = nil
        let response = SkillResponse.cannotResolve(
            localized(.skillFailed, session), reason: "tool failed twice in a row: skill \(skill): \(error)")
        return Decision(response: response, skill: skill, intent: intent, confidence: confidence)
    }

    /// Handles a clicked quick reply or button.
    func handle(action: String, text: String, session: inout Session) async -> Decision {
        if action == "resume", let task = session.interrupted.popLast() {
            return await run(
                skillID: task.skill, intent: task.intent, confidence: task.confidence, text: "", action: "resume",
                state: task.state, continuation: true, session: &session)
        }
        if action.hasPrefix("intent:") {
            let intent = String(action.dropFirst("intent:".count))
            if SystemIntent(rawValue: intent) != nil || registry.entry(intent: intent) != nil {
                session.active = nil
                // A pick from "did you mean …?" answers the question asked then, not the option's title.
                let asked = session.facts.removeValue(forKey: Self.ambiguousTextFact).flatMap { $0.isEmpty ? nil : $0 }
                return await route(intent: intent, confidence: 1, text: asked ?? text, session: &session)
            }
        }
        if action.hasPrefix("skill:") {
            // skill:<id>:<verb…>, sent by a skill's own buttons.
            let parts = action.split(separator: ":", maxSplits: 2).map(String.init)
            if parts.count >= 2, let entry = registry.entry(id: parts[1]) {
                let task = session.active?.skill == entry.manifest.id ? session.active : nil
                // An old Yes or No (the question is no longer open) never acts: a question put aside is
                // asked again, anything else is said to be over.
                let answersAQuestion = ["confirm", "decline", "choose"].contains { parts.count == 3 && parts[2].hasPrefix($0) }
                if task == nil, answersAQuestion {
                    if let index = session.interrupted.lastIndex(where: { $0.skill == entry.manifest.id }) {
                        let waiting = session.interrupted.remove(at: index)
                        return await run(
                            skillID: waiting.skill, intent: waiting.intent, confidence: waiting.confidence, text: "",
                            action: "resume", state: waiting.state, continuation: true, session: &session)
                    }
                    return system(
                        localized(.optionExpired, session), intent: nil, confidence: nil, session: session, label: "option_expired")
                }
                let intent = task?.intent ?? entry.manifest.intents.keys.sorted().first ?? entry.manifest.id
                return await run(
                    skillID: entry.manifest.id, intent: intent, confidence: 1, text: text, action: action,
                    state: task?.state ?? SkillState(), continuation: task != nil, session: &session)
            }
        }
        if let task = session.active {
            return await run(
                skillID: task.skill, intent: task.intent, confidence: task.confidence, text: text, action: action,
                state: task.state, continuation: true, session: &session)
        }
        if !text.isEmpty {
            var copy = session
            let decision = await decide(text: text, action: nil, session: &copy)
            session = copy
            return decision
        }
        return system(localized(.optionExpired, session), intent: nil, confidence: nil, session: session, label: "option_expired")
    }
}

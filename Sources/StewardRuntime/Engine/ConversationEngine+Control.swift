import Foundation
import StewardCore
import StewardRouter

/// Conversation control: leaving a question, holding on, going back to an interrupted topic,
/// acknowledgements and closes, and the limit on asking the same question again.
///
/// These run before the router's decision is acted on, so that a cue ("never mind", "one sec",
/// "ok", "go back") is never taken as a skill's intent, a miss, a complaint or a reason to hand off.
extension ConversationEngine {
    /// While a skill waits for an answer: "stop" ends the wait, "hold on" keeps it; nil lets the
    /// message go on as an answer or a digression.
    func controlWhileWaiting(
        _ task: Session.Task, reading: MessageReading, decision: RouteDecision, text: String, session: inout Session
    ) -> Decision? {
        let cue = reading.cue
        // The router's "never mind" reading counts only for a message that is no answer to a yes/no
        // question: "don't", "keep it", "avbryt inte" and "👍 wait" go to the skill as a no or an unclear answer.
        let routerStop = (decision.intent == SystemIntent.cancel.rawValue || isBareCancelRequest(decision, text: text, task: task))
            && reading.confirmation != .yes
        if cue == .stop || routerStop {
            session.active = nil
            var stopped = system(
                localized(.taskStopped, session, ["skill": skillName(task.skill)]),
                intent: SystemIntent.cancel.rawValue, confidence: decision.top?.confidence, session: session)
            stopped.rule = .cue
            return stopped
        }
        // "hold on", or a message that opens with it and goes on with no request the router places
        // ("wait a sec, it's in my email", "brb getting my laptop").
        if cue == .hold || (!placesInSkill(decision) && reading.startsWithHold) {
            var held = system(localized(.holdOn, session), intent: nil, confidence: nil, session: session, label: "hold")
            held.rule = .cue
            return held
        }
        return nil
    }

    /// "cancel", "cancel it", "I said cancel" while another skill's question is open: the customer wants out,
    /// not to cancel an order or a subscription (that needs the order or subscription named, or its own flow).
    func isBareCancelRequest(_ decision: RouteDecision, text: String, task: Session.Task) -> Bool {
        guard let top = decision.top, top.intent.hasSuffix("_cancel"),
            registry.entry(intent: top.intent)?.manifest.id != task.skill
        else { return false }
        // Only the verb and words that name nothing: "cancel it", "cancel please", "just cancel now";
        // "cancel my order" names what to cancel and is a request.
        let empty: Set<String> = [
            "it", "that", "this", "please", "pls", "plz", "now", "just", "i", "said", "ok", "then", "all", "already", "right",
            "away", "asap", "thanks", "thx",
        ]
        let rest = Tokenizer().words(text).filter { !empty.contains($0) }
        return rest.count == 1
    }

    /// Counts a skill's question asked again without progress (its state unchanged), and ends the wait
    /// at ``HandoffConfiguration/maxReasks``: the customer is told where to find what was asked and
    /// offered a person.
    func limitReasks(_ answer: Decision, task: Session.Task, session: inout Session) -> Decision {
        guard answer.response.outcome == .needsInput, let now = session.active, now.skill == task.skill,
            now.state == task.state
        else { return answer }
        let reasks = (task.reasks ?? 0) + 1
        guard reasks >= handoff.maxReasks else {
            session.active?.reasks = reasks
            return answer
        }
        session.active = nil
        var lead = localized(.reaskLimit, session, ["skill": skillName(task.skill)])
        switch OrderLookup.awaited(in: task.state) {
        case .orderNumber: lead += " " + localized(.findOrderNumber, session)
        case .email: lead += " " + localized(.findEmail, session)
        case nil: break
        }
        // Offered, not opened, on every channel: the customer did not ask for a person (see offerHandoff).
        var offer = offerHandoff(reason: .reaskLimit, session: &session, intent: task.intent, confidence: answer.confidence, lead: lead)
        offer.response.facts = answer.response.facts
        return offer
    }

    /// With a topic put aside: "go back", the resume button typed, yes to "shall we get back to …?",
    /// or the awaited answer itself (an order number, an email) resumes it; no to the offer drops it.
    func resumeIfAsked(text: String, reading: MessageReading, decision: RouteDecision, session: inout Session) async -> Decision? {
        let cue = reading.cue
        guard let task = session.interrupted.last else { return nil }
        let name = skillName(task.skill)
        let offered = resumeWasOffered(for: name, session: session)
        let confirmation = reading.confirmation
        let typedButton = Self.normalized(text) == Self.normalized(localized(.resumeButton, session, ["skill": name]))
        if cue == .resume || typedButton || (offered && confirmation == .yes) {
            session.interrupted.removeLast()
            return await run(
                skillID: task.skill, intent: task.intent, confidence: task.confidence, text: "", action: "resume",
                state: task.state, continuation: true, session: &session)
        }
        if offered, confirmation == .no {
            session.interrupted.removeLast()
            return system(localized(.resumeDeclined, session, ["skill": name]), intent: nil, confidence: nil, session: session)
        }
        // The awaited answer: alone, or in a message the router places in no other skill
        // ("my order number is 1001 thanks").
        let elsewhere = decision.kind == .match
            && decision.top.flatMap { registry.entry(intent: $0.intent)?.manifest.id }.map { $0 != task.skill } == true
        if carriesAwaitedAnswer(text, task: task, loosely: !elsewhere) {
            session.interrupted.removeLast()
            return await run(
                skillID: task.skill, intent: task.intent, confidence: task.confidence, text: text, action: nil,
                state: task.state, continuation: true, session: &session)
        }
        return nil
    }

    /// A message that changes topic but also carries what the task waits for ("1001 - also, can I return
    /// it?"): the task takes the answer first. Returns the task to put aside (moved on by the answer, or
    /// as it was), or nil and the task's own reply when the answer finished it.
    func absorbAnswer(_ text: String, into task: Session.Task, session: inout Session) async -> (Session.Task?, Decision?) {
        guard carriesAwaitedAnswer(text, task: task, loosely: true) else { return (task, nil) }
        var trial = session
        let answer = await run(
            skillID: task.skill, intent: task.intent, confidence: task.confidence, text: text, action: nil,
            state: task.state, continuation: true, session: &trial)
        switch answer.response.outcome {
        case .needsInput:
            guard let moved = trial.active, moved.state != task.state else { return (task, nil) }
            trial.active = nil
            session = trial
            return (moved, nil)
        case .resolved:
            trial.active = nil
            session = trial
            return (nil, answer)
        case .cannotResolve:
            return (task, nil)
        }
    }

    /// True when the awaited answer in a message may go to the waiting task: always for an email, and for
    /// an order number unless the new topic works on orders too ("cancel order #1003 instead" keeps its number).
    func mayAbsorb(_ text: String, routedTo decision: RouteDecision) -> Bool {
        guard !Entities.extract(from: text).orderNumbers.isEmpty,
            let top = decision.top, let manifest = registry.entry(intent: top.intent)?.manifest
        else { return true }
        return !manifest.tools.contains(.orders)
    }

    /// The message without the order numbers and emails in it ("1001 - btw do you ship to Canada?" →
    /// "btw do you ship to Canada?"), once a task took them: the rest is routed on its own.
    static func removingAnswers(from text: String) -> String {
        let entities = Entities.extract(from: text)
        var rest = text
        let numbers = entities.orderNumbers + entities.possibleOrderNumbers
        for value in entities.emails + numbers.map({ "#" + $0 }) + numbers {
            rest = rest.replacingOccurrences(of: value, with: " ")
        }
        let trimmed = rest.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(.punctuationCharacters))
        return trimmed.isEmpty ? text : trimmed
    }

    /// True when the last reply asked to go back to `skill` (a button on web chat, words on SMS and WhatsApp).
    func resumeWasOffered(for skill: String, session: Session) -> Bool {
        guard let last = session.turns.last(where: { $0.role == .agent }) else { return false }
        return last.text.contains(localized(.resumeQuestion, session, ["skill": skill]))
            || last.text.contains(localized(.resumeByText, session, ["skill": skill]))
    }

    /// True when a message is essentially the answer an interrupted task waits for: an order number
    /// or an email, with at most two other words ("it's jane@example.com").
    func carriesAwaitedAnswer(_ text: String, task: Session.Task, loosely: Bool = false) -> Bool {
        let entities = Entities.extract(from: text)
        let numbers = entities.orderNumbers + entities.possibleOrderNumbers
        let fits: Bool
        switch OrderLookup.awaited(in: task.state) {
        case .orderNumber: fits = !numbers.isEmpty
        case .email: fits = !entities.emails.isEmpty
        case nil: fits = !entities.orderNumbers.isEmpty || !entities.emails.isEmpty
        }
        guard fits else { return false }
        let values = Set(numbers + entities.emails + entities.numbers)
        let others = Tokenizer().words(text).filter { !values.contains($0) && Int($0) == nil }
        return others.count <= (loosely ? 8 : 2)
    }

    /// A cue with no question open: "ok", 👍 and "thanks" get a short polite reply; "no thanks" and
    /// "that's all" a close; "one sec" an "I'll be here"; "stop" what "never mind" gets. Never a miss,
    /// a complaint or a handoff, and the fallback counters stay as they are.
    func answerCue(_ cue: ConversationCue, decision: RouteDecision, session: inout Session) async -> Decision {
        let confidence = decision.top?.confidence
        var reply: Decision
        switch cue {
        case .stop:
            reply = await answer(.cancel, confidence: confidence ?? 1, text: "", session: &session)
        case .hold:
            reply = system(localized(.holdOn, session), intent: nil, confidence: nil, session: session, label: "hold")
        case .acknowledgement, .resume:  // (`resume` is resolved before: it never gets here)
            let answered = session.turns.last(where: { $0.role == .customer })?.outcome == "resolved"
            if !session.turns.contains(where: { $0.role == .agent }) {
                reply = await answer(.greeting, confidence: confidence ?? 1, text: "", session: &session)
            } else if decision.intent == SystemIntent.thanks.rawValue {
                reply = system(localized(.thanks, session), intent: SystemIntent.thanks.rawValue, confidence: confidence, session: session)
            } else if answered {
                reply = system(localized(.acknowledged, session), intent: nil, confidence: nil, session: session)
            } else {
                // "ok" after a miss or a question: no "glad I could help".
                reply = system(localized(.whatElse, session), intent: nil, confidence: nil, session: session)
            }
            reply.label = "acknowledged"
        case .closing:
            reply = system(localized(.closing, session), intent: SystemIntent.goodbye.rawValue, confidence: confidence, session: session, label: "closing")
        }
        reply.rule = .cue
        return reply
    }

    /// A skill's name as used in Steward's texts ("order tracking").
    func skillName(_ id: String) -> String {
        (registry.entry(id: id)?.manifest.name ?? id).lowercased()
    }

    /// Lower-cased words joined by single spaces, for comparing a typed reply with a button title.
    static func normalized(_ text: String) -> String {
        Tokenizer().words(text).joined(separator: " ")
    }
}

import Foundation
import Logging
import StewardCore
import StewardModel
import StewardRouter

extension ConversationEngine {
    /// Runs the handoff flow and the fallback policy around the normal routing.
    func decideWithFallback(text: String, action: String?, session: inout Session, turn: Turn) async -> Decision {
        // While a ticket is open on the local helpdesk, the customer's messages go to the ticket.
        if var forwarded = await forwardToOpenTicket(turn: turn, session: &session) {
            forwarded.rule = .handoff
            return forwarded
        }
        if let pending = session.fallback.pending, var answer = await continueHandoff(pending, text: text, action: action, session: &session) {
            answer.rule = .handoff
            return answer
        }
        if action == "handoff:no" {
            // An old No to an offer that is no longer open: nothing happens.
            return system(localized(.optionExpired, session), intent: nil, confidence: nil, session: session, label: "option_expired")
        }
        // "Talk to a person" (`handoff`) or a "Yes, talk to a person" button (`handoff:yes`, even from an
        // earlier offer): the customer's own click asking for a person.
        if action == "handoff" || action == "handoff:yes" {
            var offer = offerHandoff(reason: .requested, session: &session, intent: SystemIntent.human.rawValue, confidence: 1, lead: nil, confirmed: action == "handoff:yes")
            offer.rule = .action
            return offer
        }
        if action == nil, isRepeatedQuestion(text, session: session) {
            var offer = offerHandoff(
                reason: .repeatedQuestion, session: &session, intent: nil, confidence: nil,
                lead: localized(.repeatedQuestion, session))
            offer.rule = .fallback
            return offer
        }
        var decision = await decide(text: text, action: action, session: &session)
        let rule = decision.rule
        applyPolicy(to: &decision, session: &session)
        decision.rule = rule
        return decision
    }

    /// Counts misses, offers a person when a skill cannot resolve, resets on success.
    func applyPolicy(to decision: inout Decision, session: inout Session) {
        if decision.label == "no_match" {
            session.fallback.misses += 1
            if session.fallback.misses >= handoff.maxMisses {
                decision = offerHandoff(
                    reason: .repeatedMiss, session: &session, intent: nil, confidence: decision.confidence,
                    lead: localized(.apologyMessage, session), suggestions: capabilitySuggestions(for: session.channel))
            } else {
                let names = liveSkills(on: session.channel).prefix(3).map { $0.name.lowercased() }
                let skills = names.isEmpty ? "questions about your order" : list(names, session)
                decision.response.text = localized(.rephraseMessage, session, ["skills": skills])
            }
            return
        }
        if case .cannotResolve(let reason) = decision.response.outcome {
            let unavailable = reason.hasPrefix("skill ") && (reason.contains("Unavailable") || reason.contains("not offered") || reason.contains("Coming soon"))
            let toolFailed = reason.hasPrefix("tool failed")
            let limited = reason.hasPrefix(VerificationLimitReached.reasonPrefix)
            var offer = offerHandoff(
                reason: limited ? .verificationLimit : unavailable ? .skillUnavailable : toolFailed ? .toolFailure : .cannotResolve,
                session: &session, intent: decision.intent,
                confidence: decision.confidence, lead: decision.response.text)
            offer.skill = decision.skill
            offer.response.facts = decision.response.facts
            decision = offer
            return
        }
        if decision.label == nil, decision.skill != "system", decision.skill != "handoff",
            decision.response.outcome == .resolved
        {
            session.fallback.misses = 0
            session.fallback.complaints = 0
        }
    }

    /// "No, that's not what I asked": a rephrase the first time, a person the second.
    func complaint(confidence: Double, session: inout Session) -> Decision {
        session.fallback.complaints += 1
        if session.fallback.complaints >= handoff.maxComplaints {
            return offerHandoff(
                reason: .wrongAnswers, session: &session, intent: SystemIntent.complaint.rawValue, confidence: confidence,
                lead: localized(.complaintHandoff, session))
        }
        return system(
            localized(.complaintRephrase, session),
            intent: SystemIntent.complaint.rawValue, confidence: confidence, session: session)
    }

    /// Offers a person (or sends the configured message), asking for confirmation on web chat.
    func offerHandoff(
        reason: Ticket.Reason, session: inout Session, intent: String?, confidence: Double?, lead: String?,
        suggestions extra: [Suggestion] = [], confirmed: Bool = false
    ) -> Decision {
        session.fallback.misses = 0
        session.fallback.complaints = 0
        let prefix = lead.map { $0 + " " } ?? ""
        guard handoff.method == .helpdesk, tickets != nil else {
            session.fallback.pending = nil
            return Decision(
                response: SkillResponse(text: prefix + localized(.handoffMessage, session), outcome: .resolved), skill: "handoff",
                intent: intent, confidence: confidence, label: "handoff")
        }
        session.fallback.reason = reason.rawValue
        // Only a customer's own request for a person (or a language the shop does not serve) goes straight
        // to a ticket on SMS, WhatsApp and email; an offer Steward makes itself is asked first everywhere.
        let ownRequest = reason == .requested || reason == .unsupportedLanguage
        if (session.channel == .webchat || !ownRequest) && !confirmed {
            session.fallback.pending = .confirm
            return Decision(
                response: SkillResponse(
                    text: prefix + localized(.offerMessage, session),
                    suggestions: [
                        Suggestion(localized(.handoffYes, session), action: "handoff:yes"),
                        Suggestion(localized(.handoffNo, session), action: "handoff:no"),
                    ] + extra.prefix(3),
                    outcome: .needsInput),
                skill: "handoff", intent: intent, confidence: confidence, label: "handoff_offered")
        }
        var decision = startHandoff(session: &session, intent: intent, confidence: confidence)
        if !prefix.isEmpty { decision.response.text = prefix + decision.response.text }
        return decision
    }

    /// After "yes": asks an anonymous customer for an email, or opens the ticket.
    func startHandoff(session: inout Session, intent: String?, confidence: Double?) -> Decision {
        if session.customer.contactEmail == nil && session.channel != .sms && session.channel != .whatsapp {
            session.fallback.pending = .email
            return Decision(
                response: SkillResponse(text: localized(.emailPrompt, session), outcome: .needsInput), skill: "handoff", intent: intent,
                confidence: confidence, label: "needs_input")
        }
        session.fallback.pending = nil
        session.routedToTeam = true
        session.active = nil
        session.interrupted = []
        let open = handoff.businessHours.isOpen(at: clock())
        var text = localized(open ? .handedOffMessage : .awayMessage, session, ["response_time": localized(.responseTime, session)])
        if handoff.helpdesk != .local {
            switch session.channel {
            case .sms, .whatsapp: text += " " + localized(.continueByText, session)
            default: text += " " + localized(.continueByEmail, session, ["email": session.customer.contactEmail ?? ""])
            }
        }
        var decision = Decision(
            response: SkillResponse(text: text, outcome: .resolved), skill: "handoff", intent: intent,
            confidence: confidence, label: "handoff")
        decision.opensTicket = true
        return decision
    }

    /// Answers to "Do you want a person?" and "What's your email?".
    ///
    /// The offer: a clear yes (typed in any language Steward reads, an emoji, or a long "yes please, …")
    /// starts the handoff; a no or "never mind" declines it; a hedge ("hmm", "not sure", "one sec") asks
    /// again with explicit choices (up to ``HandoffConfiguration/maxReasks`` times); anything else is
    /// a new message. The email prompt: an email starts the handoff; no or "never mind" declines;
    /// "one sec" waits; a clear new topic goes its own way; anything else asks again, up to the limit.
    func continueHandoff(_ pending: FallbackState.Pending, text: String, action: String?, session: inout Session) async -> Decision? {
        let cue = action == nil ? ConversationCue.detect(text) : nil
        switch pending {
        case .confirm:
            // A goodbye or "that's all" (also after an "ok": "ok thanks, bye") declines, whatever yes it holds.
            if action == nil, cue == .closing || cue == .stop {
                return declineHandoff(session: &session)
            }
            let answer = action == nil ? Self.readOffer(text) : .neither
            // Asking for a person while one is offered ("agent please") is a yes.
            let asksForPerson = action == nil && answer != .no && router.classify(text).intent == SystemIntent.human.rawValue
            if action == "handoff:yes" || answer == .yes || asksForPerson {
                session.fallback.reasks = nil
                return startHandoff(session: &session, intent: SystemIntent.human.rawValue, confidence: 1)
            }
            if action == "handoff:no" || answer == .no || cue == .stop || cue == .closing {
                return declineHandoff(session: &session)
            }
            if answer == .unclear || cue == .hold {
                guard let reasked = reaskHandoff(.confirmHandoff, session: &session) else {
                    return system(localized(.offerGaveUp, session), intent: nil, confidence: nil, session: session, label: "handoff_declined")
                }
                return Decision(
                    response: SkillResponse(
                        text: reasked,
                        suggestions: [
                            Suggestion(localized(.handoffYes, session), action: "handoff:yes"),
                            Suggestion(localized(.handoffNo, session), action: "handoff:no"),
                        ],
                        outcome: .needsInput),
                    skill: "handoff", intent: SystemIntent.human.rawValue, confidence: nil, label: "handoff_offered")
            }
            session.fallback.pending = nil
            session.fallback.reasks = nil
            return nil  // Something else: carry on as a new message.
        case .email:
            if let email = Entities.extract(from: text).emails.first, EmailAddress.isValid(email) {
                session.customer.email = email
                session.fallback.reasks = nil
                return startHandoff(session: &session, intent: SystemIntent.human.rawValue, confidence: 1)
            }
            if action == "handoff:no" || cue == .stop || cue == .closing || (action == nil && Confirmation.read(text) == .no) {
                return declineHandoff(session: &session)
            }
            if cue == .hold {
                return Decision(
                    response: SkillResponse(text: localized(.holdOn, session), outcome: .needsInput),
                    skill: "handoff", intent: SystemIntent.human.rawValue, confidence: nil, label: "hold")
            }
            if action == nil, isNewTopic(text) {
                session.fallback.pending = nil
                session.fallback.reasks = nil
                return nil
            }
            guard let reasked = reaskHandoff(.emailPrompt, session: &session) else {
                return system(localized(.emailGaveUp, session), intent: nil, confidence: nil, session: session, label: "handoff_declined")
            }
            return Decision(
                response: SkillResponse(text: localized(.notAnEmail, session) + " " + reasked, outcome: .needsInput),
                skill: "handoff", intent: SystemIntent.human.rawValue, confidence: 1, label: "needs_input")
        }
    }

    /// "No, thanks" to a person: the offer ends.
    func declineHandoff(session: inout Session) -> Decision {
        session.fallback.pending = nil
        session.fallback.reasks = nil
        return system(localized(.declinedMessage, session), intent: nil, confidence: nil, session: session, label: "handoff_declined")
    }

    /// The handoff question's text to ask again, or nil (and the question dropped) once it was asked
    /// ``HandoffConfiguration/maxReasks`` times without an answer.
    func reaskHandoff(_ key: TextKey, session: inout Session) -> String? {
        let reasks = (session.fallback.reasks ?? 0) + 1
        guard reasks < handoff.maxReasks else {
            session.fallback.pending = nil
            session.fallback.reasks = nil
            return nil
        }
        session.fallback.reasks = reasks
        return localized(key, session)
    }

    /// True when a message is a clear request the router places with confidence (not small talk):
    /// at the email prompt it goes its own way instead of being read as a wrong email.
    func isNewTopic(_ text: String) -> Bool {
        let decision = router.classify(text)
        guard decision.kind == .match, let top = decision.top, top.confidence >= configuration.router.digressionThreshold,
            registry.entry(intent: top.intent) != nil || top.intent == SystemIntent.capabilities.rawValue
        else { return false }
        return Tokenizer().words(text).count >= 3
    }

    /// Reads the answer to the offer of a person. Unlike a destructive action, a yes followed by more
    /// words ("yes please, I've waited a week") still accepts: the words go to the person with the
    /// transcript. A yes followed by "but" or a negation stays unclear.
    static func readOffer(_ text: String) -> Confirmation {
        let whole = Confirmation.read(text, about: .contact)
        guard whole == .unclear || whole == .neither else { return whole }
        // The yes comes first, then the reason: "yes please, I've waited a week", "yes I want to
        // speak to someone about my refund". Cut after the first punctuation, else after the first word.
        let separators: Set<Character> = [",", ".", "!", ";", ":", "—", "–", "\n"]
        let head: String, rest: String
        if let cut = text.firstIndex(where: { separators.contains($0) }) {
            (head, rest) = (String(text[..<cut]), String(text[text.index(after: cut)...]))
        } else {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard let space = trimmed.firstIndex(of: " ") else { return whole }
            (head, rest) = (String(trimmed[..<space]), String(trimmed[trimmed.index(after: space)...]))
        }
        guard Confirmation.read(head, about: .contact) == .yes else { return whole }
        // The reason may say what went wrong ("yes, my parcel has not arrived"); only a turn away from the
        // yes ("yes, but…", "yes… actually no", "yes, wait") or a bare no keeps it unclear.
        let restWords = Set(Tokenizer().words(rest))
        let contrast: Set<String> = [
            "but", "wait", "actually", "instead", "ale", "jednak", "men", "vänta", "aber", "doch", "pero", "mais", "하지만", "근데", "잠깐",
        ]
        guard restWords.isDisjoint(with: contrast), Confirmation.read(rest) != .no || restWords.count > 3 else { return .unclear }
        // "sure, I'll sort it out myself", "perfect, thanks for the info": a close, not a yes.
        if ConversationCue.detect(rest) == .closing { return .no }
        return .yes
    }

    /// True when the customer sends essentially the same question again right after an answer.
    func isRepeatedQuestion(_ text: String, session: Session) -> Bool {
        // Only after a successful answer: a retry after a tool failure, a question or a miss is not dissatisfaction.
        guard let lastAgent = session.turns.last, lastAgent.role == .agent,
            lastAgent.skill != nil, lastAgent.skill != "system", lastAgent.skill != "handoff", session.active == nil,
            let previous = session.turns.last(where: { $0.role == .customer }), previous.outcome == "resolved"
        else { return false }
        let tokenizer = Tokenizer()
        let a = Set(tokenizer.words(previous.text)), b = Set(tokenizer.words(text))
        guard a.count >= 3, b.count >= 3 else { return false }
        let overlap = Double(a.intersection(b).count) / Double(a.union(b).count)
        return overlap >= 0.8
    }

    /// The ticket for this conversation, with a summary for the person who picks it up.
    ///
    /// - Parameter transcript: Every turn of the conversation (a loaded session may hold only the recent ones).
    func makeTicket(session: Session, transcript: [Turn]) -> Ticket {
        let customerTurns = transcript.filter { $0.role == .customer && !$0.text.hasPrefix("[") }
        let asked = customerTurns.first { turn in
            guard let intent = turn.intent else { return true }
            return !intent.hasPrefix("system.")
        } ?? customerTurns.first
        let skills = session.skillsUsed
        let intents = transcript.compactMap { $0.role == .customer ? $0.intent : nil }.reduce(into: [String]()) {
            if $0.last != $1 { $0.append($1) }
        }
        var summary: [String: String] = ["asked": asked?.text ?? "(nothing yet)"]
        if let skill = skills.last { summary["skill_tried"] = skill }
        for (key, value) in session.facts { summary[key] = value }
        if let language = session.language { summary["language"] = language.code }
        var subject = asked?.text ?? "Conversation with the assistant"
        if let order = session.facts["order"] { subject = "Order \(order): \(subject)" }
        if subject.count > 90 { subject = String(subject.prefix(87)) + "…" }
        let reason = Ticket.Reason(rawValue: session.fallback.reason ?? "") ?? .requested
        return Ticket(
            sessionID: session.id, channel: session.channel, subject: subject,
            customerEmail: session.customer.contactEmail, customerProfileID: session.customer.profileID,
            customerName: session.customer.name, transcript: transcript, intents: intents, skills: skills,
            reason: reason, summary: summary, tags: ["steward", "handoff", reason.rawValue] + skills)
    }

    /// Writes the ticket, then queues delivery to an external helpdesk, if one is configured.
    ///
    /// SMS and WhatsApp keep one ticket per person: an earlier ticket of the same customer on the
    /// same channel is reopened and gets the new turns instead of a second ticket, atomically in the
    /// store (``TicketStore/createOrAppend(_:forCustomer:deliverTo:)``), so concurrent conversations
    /// of one person share one ticket; only a new ticket is queued for the external helpdesk.
    /// - Returns: The id of the ticket that now holds the conversation.
    func openTicket(for session: Session) async throws -> String? {
        guard let tickets else { return nil }
        let transcript = try await transcript(of: session)
        let ticket = makeTicket(session: session, transcript: transcript)  // the transcript includes this very turn
        let provider = handoff.helpdesk == .local ? nil : handoff.helpdesk.rawValue
        if session.channel == .sms || session.channel == .whatsapp {
            let placed = try await tickets.createOrAppend(ticket, forCustomer: Self.customerKey(session), deliverTo: provider)
            logger.notice(
                placed.created ? "ticket opened" : "ticket reopened",
                metadata: ["ticket": "\(placed.ticketID)", "session": "\(session.id)", "reason": "\(ticket.reason.rawValue)"])
            if placed.created, provider != nil { outboxSignal.signal() }
            return placed.ticketID
        }
        try await tickets.create(ticket, deliverTo: provider)
        logger.notice("ticket opened", metadata: ["ticket": "\(ticket.id)", "session": "\(session.id)", "reason": "\(ticket.reason.rawValue)"])
        if provider != nil { outboxSignal.signal() }
        return ticket.id
    }

    /// Every turn of the conversation: those the store left out of the loaded session, then the session's.
    func transcript(of session: Session) async throws -> [Turn] {
        guard session.earlierTurnCount > 0 else { return session.turns }
        return try await store.turns(session: session.id, before: session.earlierTurnCount) + session.turns
    }

    /// Who a ticket belongs to on channels that keep one ticket per person (see ``PersonKey``).
    static func customerKey(_ session: Session) -> String {
        PersonKey.of(session)
    }

    /// Sends a message to the conversation's local ticket instead of the bot, if there is one.
    ///
    /// Web chat never reopens a closed ticket (the bot answers again); SMS, WhatsApp and email
    /// (one ticket per person or thread) reopen it with the new message.
    func forwardToOpenTicket(turn: Turn, session: inout Session) async -> Decision? {
        guard handoff.helpdesk == .local, let tickets, let id = session.fallback.ticketID else { return nil }
        guard let status = try? await tickets.status(ofTicket: id) else { return nil }
        if status == .closed {
            guard session.channel != .webchat else {
                session.fallback.ticketID = nil
                return nil
            }
            _ = try? await tickets.modifyTicket(id: id) { ticket in
                ticket.status = .open
                ticket.updatedAt = Date()
            }
        }
        do {
            try await tickets.append(turn, toTicket: id)
            // A person's ticket (SMS, WhatsApp) follows them to the session they write in now, so the team's
            // replies reach them there.
            if session.channel == .sms || session.channel == .whatsapp {
                try await tickets.moveTicket(id: id, toSession: session.id)
            }
        } catch {
            logger.error("could not add a message to a ticket", metadata: ["ticket": "\(id)", "error": "\(error)"])
            return nil
        }
        return Decision(
            response: SkillResponse(text: localized(.forwardedToTeam, session), outcome: .resolved),
            skill: "handoff", intent: nil, confidence: nil, label: "forwarded_to_team")
    }
}

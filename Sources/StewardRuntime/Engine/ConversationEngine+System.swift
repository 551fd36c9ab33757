import StewardCore
import StewardRouter

extension ConversationEngine {
    /// Answers the intents Steward handles itself: greetings, thanks, what it can do, a person.
    func answer(_ intent: SystemIntent, confidence: Double, text: String, session: inout Session) async -> Decision {
        let name = intent.rawValue
        switch intent {
        case .greeting:
            let greeting = session.customer.name.map { localized(.greetingNamed, session, ["name": $0]) } ?? localized(.greeting, session)
            return system(
                greeting, intent: name, confidence: confidence, session: session,
                suggestions: capabilitySuggestions(for: session.channel))
        case .thanks:
            return system(localized(.thanks, session), intent: name, confidence: confidence, session: session)
        case .goodbye:
            return system(
                localized(.goodbye, session, ["shop": configuration.shop.name]), intent: name, confidence: confidence, session: session)
        case .cancel:
            if !session.interrupted.isEmpty { session.interrupted.removeAll() }
            return system(localized(.cancel, session), intent: name, confidence: confidence, session: session)
        case .capabilities:
            let skills = liveSkills(on: session.channel)
            let list = skills.map { "• \($0.name): \($0.summary)" }.joined(separator: "\n")
            return system(
                localized(.capabilities, session, ["agent": configuration.agent.name, "shop": configuration.shop.name, "skills": list]),
                intent: name, confidence: confidence, session: session,
                suggestions: capabilitySuggestions(for: session.channel))
        case .human:
            return offerHandoff(reason: .requested, session: &session, intent: name, confidence: confidence, lead: nil)
        case .complaint:
            return complaint(confidence: confidence, session: &session)
        }
    }

    /// A reply from Steward itself rather than a skill.
    func system(
        _ text: String, intent: String?, confidence: Double?, session: Session, suggestions: [Suggestion] = [],
        label: String? = nil
    ) -> Decision {
        Decision(
            response: SkillResponse(text: text, suggestions: suggestions, outcome: .resolved), skill: "system",
            intent: intent, confidence: confidence, label: label)
    }

    /// "Did you mean A or B?"
    func ambiguous(_ candidates: [IntentScore], text: String = "", session: Session) -> Decision {
        let options = candidates.map { candidate -> (String, String) in
            let title = label(forIntent: candidate.intent, session: session)
            return (title, candidate.intent)
        }
        let question = localized(.ambiguous, session, ["options": list(options.map { $0.0.lowercased() }, session)])
        return Decision(
            response: SkillResponse(
                text: question, suggestions: options.map { Suggestion($0.0, action: "intent:\($0.1)") },
                // The question the customer asked, for the skill they pick (not the option's title).
                outcome: .needsInput, state: nil, facts: [Self.ambiguousTextFact: text]),
            skill: "system", intent: candidates.first?.intent, confidence: candidates.first?.confidence,
            label: "ambiguous")
    }

    /// "I didn't understand; I can help with …"
    func noMatch(session: Session, confidence: Double?) -> Decision {
        let skills = liveSkills(on: session.channel)
        let names = skills.prefix(3).map { $0.name.lowercased() }
        let offer: String
        switch names.count {
        case 0: offer = ""
        case 1: offer = " I can help with \(names[0])."
        default: offer = " I can help with \(names.dropLast().joined(separator: ", ")) or \(names.last!)."
        }
        return Decision(
            response: SkillResponse(
                text: "Sorry, I didn't understand that.\(offer)",
                suggestions: capabilitySuggestions(for: session.channel), outcome: .resolved),
            skill: "system", intent: nil, confidence: confidence, label: "no_match")
    }

    /// One suggestion per live skill (at most three), from each manifest's `suggestion`.
    func capabilitySuggestions(for channel: Channel) -> [Suggestion] {
        // Sent back as text, so the router picks the right intent of the skill.
        liveSkills(on: channel).compactMap { manifest in manifest.suggestion.map { Suggestion($0) } }
        .prefix(3).map { $0 }
    }

    /// A short label for an intent: its skill's suggestion or name, or Steward's own in the conversation's language.
    func label(forIntent intent: String, session: Session) -> String {
        if let entry = registry.entry(intent: intent) { return entry.manifest.suggestion ?? entry.manifest.name }
        switch SystemIntent(rawValue: intent) {
        case .human: return localized(.talkToPerson, session)
        case .capabilities: return localized(.whatICanDo, session)
        case .cancel: return "Stop what we're doing"
        case .complaint: return "That's not what I asked"
        case .greeting: return "Just saying hello"
        case .thanks: return "Just saying thanks"
        case .goodbye: return "That's all for now"
        case nil: return intent
        }
    }

    /// The session fact holding the message an ambiguity question was about.
    static let ambiguousTextFact = "ambiguous_text"
}

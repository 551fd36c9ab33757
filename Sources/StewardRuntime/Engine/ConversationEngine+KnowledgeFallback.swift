import StewardCore
import StewardRouter

extension ConversationEngine {
    /// A message no intent matched, answered from the knowledge base when a passage covers it well:
    /// the skill that owns `general_question` (the general-questions skill) answers it, if it is live on
    /// the session's channel.
    ///
    /// The passage must cover at least `router.knowledge_fallback` of the question's informative words
    /// (``StewardConfiguration/Router/knowledgeFallbackCoverage``), more than a routed question needs,
    /// because nothing says the message is a question about the shop at all. 0 turns this off.
    func knowledgeFallback(text: String, language: String?, session: inout Session) async -> Decision? {
        let coverage = configuration.router.knowledgeFallbackCoverage
        // A number, an order number or a word or two says too little to quote the shop's policies at.
        let entities = Entities.extract(from: text)
        let words = Tokenizer().words(text).filter { word in
            !word.allSatisfy(\.isNumber) && !entities.orderNumbers.contains(word) && !entities.emails.contains(word)
        }
        guard words.count >= Self.knowledgeFallbackMinimumWords else { return nil }
        guard coverage > 0, let entry = registry.entry(intent: Self.knowledgeIntent),
            liveSkills(on: session.channel).contains(where: { $0.id == entry.manifest.id })
        else { return nil }
        // A copy: a skill that does not answer well enough leaves the session as it was.
        var trial = session
        var decision = await run(
            skillID: entry.manifest.id, intent: Self.knowledgeIntent, confidence: 0, text: text, action: nil,
            state: SkillState(), continuation: false, session: &trial)
        guard case .resolved = decision.response.outcome else { return nil }
        // The skill reports how much of the question its passage covers; without that figure, check.
        let covered = decision.response.facts[Self.coverageFact].flatMap(Double.init)
            ?? knowledge.answer(text, language: language, minimumCoverage: coverage)?.coverage ?? 0
        guard covered >= coverage else { return nil }
        session = trial
        decision.confidence = nil
        decision.rule = .knowledge
        return decision
    }

    /// Words (not numbers, order numbers or emails) an unrouted message needs for a knowledge answer.
    static let knowledgeFallbackMinimumWords = 3

    /// The intent whose skill answers unrouted messages from knowledge.
    static let knowledgeIntent = "general_question"
    /// The fact a knowledge skill's answer carries with the share of the question it covers.
    static let coverageFact = "knowledge_coverage"
}

import Foundation
import StewardCore

/// Answers general questions by quoting the best passage of the knowledge base with its source,
/// and says it does not know when nothing matches well enough.
///
/// The passage comes from the customer's language (``SkillRequest/language``) when
/// `knowledge/<language>/` has files, else from the default language.
public struct KnowledgeBaseSkill: Skill {
    /// The share of the question's informative words a passage must contain to be quoted.
    public var minimumCoverage: Double

    /// A knowledge skill quoting passages that cover at least `minimumCoverage` of a question
    /// (by default the threshold chosen on the knowledge validation set).
    public init(minimumCoverage: Double = KnowledgeBase.defaultMinimumCoverage) {
        self.minimumCoverage = minimumCoverage
    }

    public var manifestURL: URL? { Bundle.module.skillManifestURL }

    /// The fact naming how much of the question the quoted passage covers (0...1, four decimals).
    public static let coverageFact = "knowledge_coverage"

    static let topicsByIntent: [String: Set<String>] = [
        "shipping_info": ["shipping"],
        "payment_info": ["payment"],
        "sizing_info": ["sizing"],
        "contact_info": ["contact"],
    ]

    public func handle(_ request: SkillRequest, context: SkillContext) async throws -> SkillResponse {
        let preferred = Self.topicsByIntent[request.intent]
        let knowledge = context.knowledge
        let language = request.language
        func find(_ language: String) -> KnowledgeBase.Match? {
            preferred.flatMap { knowledge.answer(request.text, language: language, topics: $0, minimumCoverage: minimumCoverage) }
                ?? knowledge.answer(request.text, language: language, minimumCoverage: minimumCoverage)
        }
        // A customer who chose a language may still ask in another (often the shop's default): try that too.
        let fallback = knowledge.resolvedLanguage(nil)
        let match = find(language) ?? (knowledge.resolvedLanguage(language) != fallback ? find(fallback) : nil)
        guard let match else {
            return .cannotResolve(
                "I'm not sure about that one, and I'd rather not guess.",
                reason: "no knowledge passage matched the question well enough")
        }
        let passage = match.passage
        let card = Card(kind: .article, title: passage.heading, subtitle: passage.file)
        return .answer(
            "\(passage.text)\n\n(From \(passage.source))", cards: [card],
            facts: ["source": passage.source, Self.coverageFact: String(format: "%.4f", match.coverage)])
    }
}

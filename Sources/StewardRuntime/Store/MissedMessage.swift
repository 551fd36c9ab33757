import Foundation
import StewardCore

/// A customer message the agent did not understand well, ready to be labelled and added to a
/// skill's examples (`steward misses`).
public struct MissedMessage: Sendable, Hashable {
    /// Why a message counts as missed.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// No intent matched (`no_match`).
        case noMatch = "no_match"
        /// "Did you mean A or B?" (`ambiguous`).
        case ambiguous
        /// Routed, but with a confidence under the low-confidence bound.
        case lowConfidence = "low_confidence"
        /// The customer said the previous answer was wrong ("that's not what I asked").
        case complaint
        /// A person was offered or the conversation was handed to the team.
        case handoff
    }

    /// The message, with secrets masked as stored.
    public var text: String
    /// The intent the message was routed to, or the router's best guess when it was not routed.
    public var guess: String?
    /// The router's confidence in `guess` (0...1), when known.
    public var confidence: Double?
    /// The reply's outcome (`no_match`, `ambiguous`, `handoff_offered`, …).
    public var outcome: String
    /// Why it counts as missed.
    public var reason: Reason
    /// The session it came from.
    public var session: String
    /// When the customer wrote it.
    public var at: Date

    /// Outcomes of messages Steward understood without the router (acknowledgements, closes, "one sec",
    /// a tool that failed): never low-confidence misses, whatever the router scored them.
    static let understood: Set<String> = ["acknowledged", "closing", "hold", "tool_failed"]

    /// The missed customer messages of `sessions`, oldest first.
    ///
    /// A customer turn counts when its outcome is `no_match`, `ambiguous`, `handoff_offered` or `handoff`,
    /// when its intent is `system.complaint` (then the message before it is also listed, as `complaint`:
    /// that is the one answered wrongly), or when it was routed with a confidence below `lowConfidence`
    /// (except the ``understood`` outcomes: "ok", "no thanks", "one sec").
    /// Turns written before Steward kept outcomes are judged by intent alone.
    ///
    /// - Parameters:
    ///   - guess: The router's best intent for a message, for turns that were not routed.
    public static func collect(
        from sessions: [(id: String, turns: [Turn])], since: Date? = nil, lowConfidence: Double = 0.5,
        guess: (String) -> (intent: String, confidence: Double)? = { _ in nil }
    ) -> [MissedMessage] {
        var result: [MissedMessage] = []
        for (id, turns) in sessions {
            var previousCustomer: Turn?
            for turn in turns where turn.role == .customer {
                defer { previousCustomer = turn }
                if let since, turn.timestamp < since { continue }
                let outcome = turn.outcome ?? ""
                var reason: Reason?
                switch outcome {
                case "no_match": reason = .noMatch
                case "ambiguous": reason = .ambiguous
                case "handoff_offered", "handoff": reason = .handoff
                default: break
                }
                if turn.intent == "system.complaint" {
                    if let earlier = previousCustomer, !(earlier.text.hasPrefix("[") && earlier.text.hasSuffix("]")) {
                        result.append(missed(earlier, reason: .complaint, session: id, guess: guess))
                    }
                    reason = .complaint
                } else if reason == nil, !Self.understood.contains(outcome), let confidence = turn.confidence,
                    confidence < lowConfidence, turn.intent != nil
                {
                    reason = .lowConfidence
                }
                guard let reason else { continue }
                // Clicked buttons are stored as "[action]"; they are not text to label.
                if turn.text.hasPrefix("[") && turn.text.hasSuffix("]") { continue }
                result.append(missed(turn, reason: reason, session: id, guess: guess))
            }
        }
        var seen = Set<String>()
        return result.sorted { $0.at < $1.at }.filter { seen.insert("\($0.session)|\($0.at.timeIntervalSince1970)|\($0.text)").inserted }
    }

    private static func missed(
        _ turn: Turn, reason: Reason, session: String, guess: (String) -> (intent: String, confidence: Double)?
    ) -> MissedMessage {
        var intent = turn.intent
        var confidence = turn.confidence
        if intent == nil || intent == "system.complaint", let guessed = guess(turn.text) {
            intent = guessed.intent
            confidence = guessed.confidence
        }
        return MissedMessage(
            text: turn.text, guess: intent, confidence: confidence, outcome: turn.outcome ?? "unknown", reason: reason,
            session: session, at: turn.timestamp)
    }
}

/// Yes and No buttons bound to one question, and the reading of the answer to it.
///
/// Each button's action names the question (`skill:<skill>:confirm:<question>`), so a Yes clicked under an
/// earlier question ("pause it?") never answers a later one ("cancel it?"): it reads as ``Confirmation/unclear``
/// and the skill asks again. Typed answers are read with ``Confirmation/read(_:about:)``.
///
/// ```swift
/// let buttons = ConfirmationButtons(skill: "order_editing", question: "cancel:\(order.number)")
/// // asking: suggestions: buttons.suggestions
/// // answering: switch buttons.answer(request, about: .cancel) { case .yes: … }
/// ```
public struct ConfirmationButtons: Sendable, Hashable {
    /// The skill's id, as in its manifest.
    public var skill: String
    /// What is asked, e.g. `cancel:1003` or `pause:sub_001` (no spaces).
    public var question: String

    public init(skill: String, question: String) {
        self.skill = skill
        self.question = question
    }

    /// `skill:<skill>:confirm:<question>`.
    public var confirmAction: String { "skill:\(skill):confirm:\(question)" }
    /// `skill:<skill>:decline:<question>`.
    public var declineAction: String { "skill:\(skill):decline:\(question)" }

    /// The Yes and No quick replies.
    public var suggestions: [Suggestion] {
        [Suggestion("Yes", action: confirmAction), Suggestion("No", action: declineAction)]
    }

    /// The answer a message gives to this question: its own Yes or No button (or the unbound
    /// `skill:<skill>:confirm` of older replies), a button of another question (``Confirmation/unclear``),
    /// or the typed text read about `action`.
    public func answer(_ request: SkillRequest, about action: ConfirmedAction) -> Confirmation {
        guard let clicked = request.action, !clicked.isEmpty else {
            return Confirmation.read(request.text, about: action)
        }
        switch clicked {
        case confirmAction, "skill:\(skill):confirm": return .yes
        case declineAction, "skill:\(skill):decline": return .no
        default: return .unclear
        }
    }
}

import Foundation
import StewardCore

/// Secrets split between a session's previous message and the new one ("my card is 4111 1111", then
/// "1111 1111"; "my password is", then "Hunter2!x"), whether the two came in one burst, in two bursts,
/// or to two processes sharing the store.
extension ConversationEngine {
    /// The session's previous customer turn, masked again together with a new message.
    struct EarlierTurnMask: Sendable {
        /// The turn's index in the loaded session's ``Session/turns``.
        let index: Int
        /// The turn as stored before.
        let original: Turn
        /// Its text with the part of the split secret it holds masked.
        let text: String
    }

    /// The received messages masked (``IncomingMessage/masked(burst:after:)``) after the text of the loaded
    /// session's last customer turn, and that turn's new text when part of a secret was in it.
    func maskAfterPreviousTurn(_ received: [IncomingMessage], session: Session?) -> ([IncomingMessage], EarlierTurnMask?) {
        guard let session, let index = session.turns.lastIndex(where: { $0.role == .customer }) else {
            return (IncomingMessage.masked(burst: received), nil)
        }
        let previous = session.turns[index]
        let (messages, rewritten) = IncomingMessage.masked(burst: received, after: previous.text)
        guard let rewritten else { return (messages, nil) }
        return (messages, EarlierTurnMask(index: index, original: previous, text: rewritten))
    }

    /// Applies `mask` to `session` and writes it where the earlier turn is already stored: the session's
    /// turn (``SessionTurnRewriting``) and the transcript of the session's ticket, if it has one.
    func storeEarlierTurnMask(_ mask: EarlierTurnMask, session: inout Session) async throws {
        session.turns[mask.index].text = mask.text
        if let rewriting = store as? any SessionTurnRewriting {
            try await rewriting.replaceText(ofTurn: session.earlierTurnCount + mask.index, session: session.id, with: mask.text)
        }
        guard let tickets, let ticketID = session.fallback.ticketID else { return }
        if let rewriting = tickets as? any TicketTurnRewriting {
            try await rewriting.replaceText(of: mask.original, with: mask.text, inTicket: ticketID)
        } else {
            let (original, text) = (mask.original, mask.text)
            _ = try? await tickets.modifyTicket(id: ticketID) { ticket in
                for index in ticket.transcript.indices where ticket.transcript[index].isSameStoredTurn(as: original) {
                    ticket.transcript[index].text = text
                }
            }
        }
    }
}

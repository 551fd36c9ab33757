import Foundation
import StewardCore

/// A session store whose ``SessionStore/save(_:)`` writes only the turns added since a load, and that can
/// replace the text of a turn it already holds: how a secret split between two messages ("my card is 4111
/// 1111", then "1111 1111") is masked in the earlier message too (``SecretMasker/mask(parts:separator:)``).
///
/// A store that writes the whole session on every save (``InMemorySessionStore``) needs no such method: the
/// engine changes its copy of the turn, and the next save carries it.
public protocol SessionTurnRewriting: Sendable {
    /// Replaces the text of the session's stored turn at `position` (0-based over the whole conversation,
    /// ``Session/earlierTurnCount`` included), keeping the turn's other fields. Called under the session's
    /// claim (``SessionStore/claim(session:)``), before the save of the message that revealed the secret.
    /// Nothing happens when the session or the turn is not stored.
    /// - Throws: The store's error.
    func replaceText(ofTurn position: Int, session id: String, with text: String) async throws
}

/// A ticket store that can replace the text of a turn a ticket's transcript holds, keeping whatever marks
/// the turn as held (``TicketTurnKey``) in step, so a person's later conversation does not add it again.
///
/// For other stores the engine changes the transcript with ``TicketStore/modifyTicket(id:_:)``.
public protocol TicketTurnRewriting: Sendable {
    /// Replaces the text of every turn of the ticket's transcript with `turn`'s timestamp (to the
    /// microsecond), role and text by `text`. Nothing happens when the ticket holds no such turn.
    /// - Throws: The store's error (a missing ticket is not one).
    func replaceText(of turn: Turn, with text: String, inTicket id: String) async throws
}

extension Turn {
    /// Whether `other` is the same turn as stores compare turns: timestamp to the microsecond, role and text.
    package func isSameStoredTurn(as other: Turn) -> Bool {
        role == other.role && text == other.text
            && (timestamp.timeIntervalSince1970 * 1_000_000).rounded() == (other.timestamp.timeIntervalSince1970 * 1_000_000).rounded()
    }
}

import Foundation
import StewardCore

/// Which turns of a conversation a ticket does not hold yet, for stores that add a person's later
/// messages to their one ticket.
package enum TicketTurns {
    /// The turns of `conversation`, in order, that `transcript` lacks: a turn counts as held when
    /// one with the same timestamp (to the microsecond, as stores keep it), role and text is there.
    package static func missing(from transcript: [Turn], in conversation: [Turn]) -> [Turn] {
        let held = Set(transcript.map(key))
        return conversation.filter { !held.contains(key($0)) }
    }

    private static func key(_ turn: Turn) -> String {
        "\((turn.timestamp.timeIntervalSince1970 * 1_000_000).rounded())|\(turn.role.rawValue)|\(turn.text)"
    }
}

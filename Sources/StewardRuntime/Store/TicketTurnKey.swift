import Foundation
import StewardCore

/// A 64-bit key naming one turn of a ticket's transcript (its timestamp to the microsecond, role and
/// text, as ``TicketTurns`` compares them), for stores that add a person's later conversations to one
/// ticket: a lookup of the key tells whether the ticket holds the turn without reading the transcript.
///
/// FNV-1a over the UTF-8 bytes, the same in every process (Swift's `Hasher` is seeded per process).
package enum TicketTurnKey {
    package static func of(_ turn: Turn) -> Int64 {
        let micros = Int64((turn.timestamp.timeIntervalSince1970 * 1_000_000).rounded())
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        for byte in "\(micros)|\(turn.role.rawValue)|".utf8 { mix(byte) }
        for byte in turn.text.utf8 { mix(byte) }
        return Int64(bitPattern: hash)
    }
}

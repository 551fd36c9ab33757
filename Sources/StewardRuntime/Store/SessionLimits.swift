import Foundation
import StewardCore

/// What one session may hold, so that no conversation (however long or hostile) grows a session
/// without bound in memory or in the session row of the store.
///
/// Applied by the engine before every save. The figures:
/// - ids (session, message, action, customer fields) are at most ``Identifier/maxBytes`` (256) bytes:
///   refused at the boundary, never cut;
/// - a message's text is at most 64 KiB (the pipe's line limit);
/// - a session in memory holds its last `store.recent_turns` turns (6 by default; older ones stay in the file);
/// - facts for the handoff summary: at most ``maxFacts`` (32), keys ``maxFactKeyBytes`` (64) and values
///   ``maxFactValueBytes`` (2 KiB) bytes of UTF-8, longer values cut at a character boundary with "…";
/// - a skill's state: at most ``maxSlots`` (32) slots of at most ``maxSlotValueBytes`` (4 KiB) each;
/// - topics put aside by digressions: the latest ``maxInterrupted`` (3);
/// - answered message ids: the latest ``AnsweredMessage/retainedPerSession`` (100).
public enum SessionLimits {
    public static let maxFacts = 32
    public static let maxFactKeyBytes = 64
    public static let maxFactValueBytes = 2_048
    public static let maxSlots = 32
    public static let maxSlotValueBytes = 4_096
    public static let maxInterrupted = 3

    /// Cuts what exceeds the limits: extra facts and slots (keeping the first by name), long values,
    /// the oldest topics put aside.
    public static func apply(to session: inout Session) {
        session.facts = bounded(session.facts, count: maxFacts, keyBytes: maxFactKeyBytes, valueBytes: maxFactValueBytes)
        if var task = session.active {
            task.state.slots = bounded(task.state.slots, count: maxSlots, keyBytes: maxFactKeyBytes, valueBytes: maxSlotValueBytes)
            session.active = task
        }
        if session.interrupted.count > maxInterrupted {
            session.interrupted.removeFirst(session.interrupted.count - maxInterrupted)
        }
        for index in session.interrupted.indices {
            session.interrupted[index].state.slots = bounded(
                session.interrupted[index].state.slots, count: maxSlots, keyBytes: maxFactKeyBytes, valueBytes: maxSlotValueBytes)
        }
    }

    /// An estimate of the memory a session takes, in bytes: its strings' UTF-8 plus a fixed
    /// overhead per turn, fact and slot. Used to bound the store's session cache by bytes.
    public static func estimatedBytes(of session: Session) -> Int {
        var bytes = 512 + session.id.utf8.count
        for turn in session.turns {
            bytes += 160 + turn.text.utf8.count + (turn.messageID?.utf8.count ?? 0) + (turn.intent?.utf8.count ?? 0)
                + (turn.skill?.utf8.count ?? 0) + (turn.outcome?.utf8.count ?? 0) + (turn.author?.utf8.count ?? 0)
        }
        for (key, value) in session.facts { bytes += 48 + key.utf8.count + value.utf8.count }
        let tasks = (session.active.map { [$0] } ?? []) + session.interrupted
        for task in tasks {
            bytes += 96
            for (key, value) in task.state.slots { bytes += 48 + key.utf8.count + value.utf8.count }
        }
        let customer = session.customer
        for field in [customer.email, customer.profileID, customer.name, customer.verifiedEmail, customer.phone] {
            bytes += field?.utf8.count ?? 0
        }
        bytes += session.skillsUsed.reduce(0) { $0 + 16 + $1.utf8.count }
        return bytes
    }

    static func bounded(_ values: [String: String], count: Int, keyBytes: Int, valueBytes: Int) -> [String: String] {
        guard values.count > count || values.contains(where: { $0.key.utf8.count > keyBytes || $0.value.utf8.count > valueBytes })
        else { return values }
        var kept: [String: String] = [:]
        for key in values.keys.sorted() where key.utf8.count <= keyBytes {
            guard kept.count < count else { break }
            kept[key] = clipped(values[key]!, toBytes: valueBytes)
        }
        return kept
    }

    /// `text` cut to at most `limit` UTF-8 bytes at a character boundary, ending in "…" when cut.
    public static func clipped(_ text: String, toBytes limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        let ellipsis = "…"
        var out = ""
        var used = 0
        for character in text {
            let size = character.utf8.count
            guard used + size + ellipsis.utf8.count <= limit else { break }
            out.append(character)
            used += size
        }
        return out + ellipsis
    }
}

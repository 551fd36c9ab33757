import Foundation

/// The clock of a conversation script's engine: the real time, or the time the script set with
/// `now:` (at the top, or in a turn from that turn on). Safe to read from any task.
final class ScriptClock: @unchecked Sendable {
    private let lock = NSLock()
    private var fixed: Date?

    /// A clock fixed at `now`, or the real time when nil.
    init(_ now: Date?) { fixed = now }

    /// The time the script is at.
    var now: Date {
        lock.withLock { fixed } ?? Date()
    }

    /// Fixes the clock at `date`.
    func set(_ date: Date) {
        lock.withLock { fixed = date }
    }
}

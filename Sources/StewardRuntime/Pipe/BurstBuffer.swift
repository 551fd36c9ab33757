import Foundation
import StewardCore

/// Holds back a session's messages on channels with a burst window, so a quick succession of them
/// is answered as one turn (see ``BurstPolicy``).
///
/// Each session has its own buffer and timer: a burst never delays another session. A burst is
/// handed on when its session has been quiet for the channel's window, at the latest
/// ``BurstPolicy/maxDelayFactor`` windows after its first message, before a message that cannot
/// join it (another channel, a clicked action, a channel without a window), and by ``flushAll()``
/// at the end of input. Messages are handed on in the order they were taken, per session.
/// The buffer holds at most ``maxBuffered`` messages: beyond that the oldest burst is handed on
/// early (answered sooner, never dropped), so memory stays bounded however many customers type at once.
final class BurstBuffer: @unchecked Sendable {
    /// A message with its input line number (for error lines).
    typealias Entry = (message: IncomingMessage, line: Int)
    /// Receives the messages of one session to answer as one turn, oldest first; called with the
    /// buffer's lock held, so it must only queue work (``SessionQueues/submit(session:_:)``).
    typealias Dispatch = @Sendable (_ entries: [Entry]) -> Void

    private struct Pending {
        var entries: [Entry]
        var channel: Channel
        var first: ContinuousClock.Instant
        /// When the burst is handed on at the latest, however many messages join it.
        var latest: ContinuousClock.Instant
        var generation: Int
    }

    /// The most messages held in windows at once, over all sessions.
    let maxBuffered: Int
    private let policy: BurstPolicy
    private let dispatch: Dispatch
    private let lock = NSLock()  // guards everything below
    private var pending: [String: Pending] = [:]
    /// The channel each session last named, for its messages that name none.
    private var channels: [String: Channel] = [:]
    private var generation = 0
    /// Messages held in `pending`.
    private var buffered = 0

    init(policy: BurstPolicy, maxBuffered: Int = 4_096, dispatch: @escaping Dispatch) {
        self.maxBuffered = max(1, maxBuffered)
        self.policy = policy
        self.dispatch = dispatch
    }

    /// Takes a message: hands it on at once when its channel has no window, else buffers it.
    func take(_ message: IncomingMessage, line: Int) {
        let session = message.session
        let timer: (delay: Duration, generation: Int)? = lock.withLock {
            if let named = message.channel { channels[session] = named }
            let channel = message.channel ?? channels[session] ?? .webchat
            let window = policy.window(for: channel)
            let joins = window > 0 && message.action == nil
            if let current = pending[session], !joins || current.channel != channel { handOn(session) }
            guard joins else {
                dispatch([(message, line)])
                return nil
            }
            let now = ContinuousClock.now
            generation += 1
            var burst = pending[session]
                ?? Pending(
                    entries: [], channel: channel, first: now,
                    latest: now + .seconds(window * BurstPolicy.maxDelayFactor), generation: generation)
            burst.entries.append((message, line))
            burst.generation = generation
            pending[session] = burst
            buffered += 1
            if buffered > maxBuffered,
                let oldest = pending.min(by: { $0.value.first < $1.value.first })?.key
            {
                handOn(oldest)
                if oldest == session { return nil }
            }
            let due = min(now + .seconds(window), burst.latest)
            return (now.duration(to: due), generation)
        }
        guard let timer else { return }
        // A dispatch timer rather than a sleeping task: it neither waits for nor occupies the task
        // pool that answers messages.
        let seconds = Double(timer.delay.components.seconds) + Double(timer.delay.components.attoseconds) / 1e18
        DispatchQueue.global().asyncAfter(deadline: .now() + max(0, seconds)) {
            self.fire(session: session, generation: timer.generation)
        }
    }

    /// Hands on the session's burst if no message joined it since the timer was set, or once it is
    /// due however many did.
    private func fire(session: String, generation: Int) {
        lock.withLock {
            guard let burst = pending[session], burst.generation == generation || ContinuousClock.now >= burst.latest
            else { return }
            handOn(session)
        }
    }

    /// Removes the session's burst and hands it on; the lock must be held.
    private func handOn(_ session: String) {
        guard let burst = pending.removeValue(forKey: session) else { return }
        buffered -= burst.entries.count
        dispatch(burst.entries)
    }

    /// Hands on every buffered burst now (end of input: nothing taken is left unanswered).
    func flushAll() {
        lock.withLock {
            for (_, burst) in pending.sorted(by: { $0.value.generation < $1.value.generation }) {
                dispatch(burst.entries)
            }
            pending.removeAll()
            buffered = 0
        }
    }
}

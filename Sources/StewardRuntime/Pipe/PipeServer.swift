import Foundation
import Logging
import StewardCore

/// `steward pipe`: JSON lines in, JSON lines out, many conversations interleaved.
///
/// Each input line is one message; each reply is one output line, flushed as it is written.
/// Sessions are answered concurrently, each in its own order. A malformed line gets an error
/// line and the pipe goes on. At end of input every pending reply is written before returning,
/// including those of bursts still inside their window.
///
/// A message whose `session` and `id` were answered before gets that reply again, marked
/// `"duplicate": true`, and changes nothing; on channels with a burst window (``BurstPolicy``) a
/// session's quick succession of messages is answered as one turn, each id getting the reply
/// marked `"merged": true` with `"merged_ids"` (see ``ConversationEngine/respond(to:)``).
///
/// It stops (``PipeStop``) at end of input; on SIGTERM, SIGINT or SIGHUP after answering every line
/// already sent; when standard output is closed (what was read is still stored); or after
/// `maxStorageFailures` messages in a row failed in the store.
public final class PipeServer: Sendable {
    /// Messages failing in the store in a row after which the pipe stops (`--max-storage-failures`).
    public static let defaultMaxStorageFailures = 50

    private let engine: ConversationEngine
    private let input: Int32
    private let writer: JSONLineWriter
    private let logger: Logger
    private let bursts: BurstPolicy
    private let shutdown: ShutdownSignal
    private let maxStorageFailures: Int

    /// A server reading `input` and writing to `output` (standard input and output by default).
    ///
    /// - Parameters:
    ///   - bursts: Which channels merge a session's quick succession of messages into one
    ///     turn; nil takes the engine's configuration (`bursts` in `steward.yaml`).
    ///   - maxStorageFailures: Messages failing in the store in a row (a ``StorageFailure``) after which
    ///     the pipe stops with ``PipeStop/storageFailures(count:lastError:)``; 0 never stops.
    public init(
        engine: ConversationEngine, input: Int32 = 0, output: Int32 = 1, bursts: BurstPolicy? = nil,
        maxStorageFailures: Int = PipeServer.defaultMaxStorageFailures,
        logger: Logger = Logger(label: "steward.pipe")
    ) {
        self.engine = engine
        self.bursts = bursts ?? engine.configuration.bursts
        self.input = input
        let shutdown = ShutdownSignal()
        self.shutdown = shutdown
        self.writer = JSONLineWriter(fd: output) { shutdown.stop(.outputClosed, drainingInput: false) }
        self.maxStorageFailures = maxStorageFailures
        self.logger = logger
    }

    /// Serves until end of input, or until SIGTERM, SIGINT or SIGHUP when `stopsOnSignals` (then every
    /// line already sent is still read and answered), until standard output is closed, or until a run
    /// of storage failures; returns once every reply is written (and every message read is answered).
    ///
    /// With `stopsOnSignals` the signals stay caught for as long as this server exists, so a second
    /// signal during the rest of the shutdown (the outbox, the checkpoint) still ends the process at once.
    /// - Returns: Why it stopped; ``PipeStop/exitStatus`` is the status to exit with.
    @discardableResult
    public func run(stopsOnSignals: Bool = false) async -> PipeStop {
        let shutdown = self.shutdown
        if stopsOnSignals { shutdown.install() }
        let failures = StorageFailureRun(limit: maxStorageFailures)
        let queues = SessionQueues()
        let engine = self.engine
        let writer = self.writer
        let logger = self.logger
        let seen = SessionSet()
        // A person's reply from the local helpdesk (written by `steward tickets reply`, possibly from
        // another process, possibly before this pipe started) is delivered once: at once to a session
        // this pipe served, else just before the reply to the session's next message.
        let waitingReplies = SessionSet()
        let deliverReplies: @Sendable (String) async -> Void = { session in
            do {
                for line in try await engine.deliverPendingReplies(session: session) { writer.write(PipeOutput.reply(line)) }
            } catch {
                logger.error("could not deliver a reply from the team", metadata: ["session": "\(session)", "error": "\(error)"])
            }
        }
        let relayReady = ReadyGate()
        let relay = Task {
            await engine.followHumanReplies(
                wants: { seen.contains($0) },
                emit: { reply in queues.submit(session: reply.sessionID) { await deliverReplies(reply.sessionID) } },
                waiting: { waitingReplies.insert($0.sessionID) }, ready: { relayReady.open() })
        }
        await relayReady.wait()
        // Backpressure: the reader waits while this many messages are in flight, so a fast
        // producer cannot queue unbounded work in memory.
        let inFlight = InFlightLimit(high: 512, low: 384)
        // A burst (or a single message) is answered in its session's queue, so the duplicate check
        // and the answer are one step per session.
        let bursts = BurstBuffer(policy: self.bursts) { entries in
            guard let session = entries.first?.message.session else { return }
            // Messages hold an in-flight place from here (not while they wait in a burst window, so a
            // crowd of SMS customers mid-burst cannot hold up the reader and other sessions).
            inFlight.add(entries.count)
            queues.submit(session: session) {
                defer { for _ in entries { inFlight.release() } }
                if waitingReplies.remove(session) { await deliverReplies(session) }
                let messages = entries.map(\.message)
                do {
                    let replies = try await engine.respond(to: messages)
                    failures.succeeded()
                    for reply in replies { writer.write(PipeOutput.reply(reply)) }
                } catch let error as EngineError {
                    for entry in entries {
                        writer.write(PipeOutput.error(PipeLineError(
                            code: error.code, message: error.description, line: entry.line,
                            session: entry.message.session, id: entry.message.id)))
                    }
                } catch {
                    logger.error("message failed", metadata: ["session": "\(session)", "error": "\(error)"])
                    if let failure = error as? any StorageFailure, failure.isStorageFailure,
                        let stop = failures.failed(error)
                    {
                        // The store keeps failing: stop reading rather than answer every message with an error.
                        logger.critical("stopping: messages keep failing in the store", metadata: ["error": "\(error)"])
                        shutdown.stop(stop, drainingInput: false)
                    }
                    let stored = (error as? any StorageFailure)?.isStorageFailure == true
                    for entry in entries {
                        writer.write(PipeOutput.error(PipeLineError(
                            code: stored ? "storage_failure" : "internal_error",
                            message: stored
                                ? "The message could not be stored, so it was not answered; send it again later: \(error)"
                                : "The message could not be processed: \(error)",
                            line: entry.line, session: entry.message.session, id: entry.message.id)))
                    }
                }
            }
        }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let reader = Thread { [input] in
                var reader = LineReader(
                    fd: input, maxLine: PipeRequest.maxLineBytes, stopFD: shutdown.fd, drainsOnStop: { shutdown.drainsInput })
                var number = 0
                while let line = reader.next() {
                    number += 1
                    switch line {
                    case .tooLong:
                        writer.write(PipeOutput.error(PipeLineError(
                            code: "line_too_long",
                            message: "The line is longer than \(PipeRequest.maxLineBytes / 1024) KiB; send shorter messages.",
                            line: number)))
                    case .bytes(let bytes):
                        if bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
                        switch PipeRequest.decode(bytes[...], line: number) {
                        case .failure(let error):
                            writer.write(PipeOutput.error(error))
                        case .success(let message):
                            seen.insert(message.session)
                            inFlight.waitForRoom()
                            bursts.take(message, line: number)
                        }
                    }
                }
                // End of input: answer what a burst window still holds before returning.
                bursts.flushAll()
                done.resume()
            }
            reader.name = "steward.pipe.reader"
            reader.start()
        }
        relay.cancel()
        await queues.waitUntilIdle()
        var stop = shutdown.stopReason ?? .endOfInput
        switch stop {
        case .endOfInput, .signal:
            // Input ended (or a signal came) and not one message could be stored: no success either.
            if let failed = failures.nothingStored() { stop = failed }
        case .outputClosed, .storageFailures:
            break
        }
        switch stop {
        case .signal(let number):
            logger.notice("stopped by a signal; every message received was answered", metadata: ["signal": "\(number)"])
        case .outputClosed:
            logger.warning("standard output was closed; stopped reading, and every message read was stored")
        case .storageFailures(let count, let lastError):
            logger.critical(
                "stopped after messages failed in the store in a row", metadata: ["count": "\(count)", "last_error": "\(lastError)"])
        case .endOfInput:
            break
        }
        return stop
    }
}

/// A thread-safe set of session ids.
final class SessionSet: @unchecked Sendable {
    private let lock = NSLock()  // guards `ids`
    private var ids: Set<String> = []

    func insert(_ id: String) { lock.withLock { _ = ids.insert(id) } }
    func contains(_ id: String) -> Bool { lock.withLock { ids.contains(id) } }
    /// Removes `id`; true when it was there.
    func remove(_ id: String) -> Bool { lock.withLock { ids.remove(id) != nil } }
}

/// Splits a file descriptor's bytes into lines, refusing lines over a size limit.
struct LineReader {
    enum Line {
        case bytes([UInt8])
        case tooLong
    }

    private let fd: Int32
    private let maxLine: Int
    /// Readable when the reader is to stop: it then takes what is already sent (when `drainsOnStop`
    /// says so) and ends.
    private let stopFD: Int32
    private let drainsOnStop: @Sendable () -> Bool
    private var buffer: [UInt8] = []
    private var start = 0
    private var eof = false
    private var stopping = false
    /// True when a stop ended the input (not the end of the input itself).
    private var cutShort = false
    private var drained = 0
    /// Bytes waiting in the input when the stop came: what the host had sent by then.
    private var budget = 16 << 20
    /// When a line begun before the stop must be finished by (set once the stop's bytes are read).
    private var graceDeadline: ContinuousClock.Instant?
    private var discarding = false

    init(fd: Int32, maxLine: Int, stopFD: Int32 = -1, drainsOnStop: @escaping @Sendable () -> Bool = { true }) {
        self.fd = fd
        self.maxLine = maxLine
        self.stopFD = stopFD
        self.drainsOnStop = drainsOnStop
    }

    /// Waits until the input or the stop descriptor is readable; true when the input is (or, once
    /// stopping, when more input is already there without waiting).
    private mutating func inputReady() -> Bool {
        if stopping {
            // What the host had sent when the stop came (the bytes then waiting in the input), not a
            // producer that never stops.
            if drained < budget { return pollInput(timeout: 0) }
            // A line begun but not finished by then gets a second to end; a line never finished is not a line.
            guard buffer.count > start else { return false }
            let deadline = graceDeadline ?? ContinuousClock.now.advanced(by: .seconds(1))
            graceDeadline = deadline
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { return false }
            return pollInput(timeout: Int32(max(1, left.components.attoseconds / 1_000_000_000_000_000 + left.components.seconds * 1_000)))
        }
        guard stopFD >= 0 else { return true }
        var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: stopFD, events: Int16(POLLIN), revents: 0)]
        while poll(&fds, 2, -1) < 0 {
            if errno != EINTR { return true }
        }
        if fds[1].revents != 0 {
            stopping = true
            // A stop other than a signal (output closed, storage failing) reads nothing more.
            guard drainsOnStop() else { return false }
            var waiting: Int32 = 0
            if ioctl(fd, UInt(FIONREAD), &waiting) == 0 { budget = min(budget, Int(max(0, waiting))) }
            return inputReady()
        }
        return true
    }

    /// True when the input has bytes (or its end) to read within `timeout` milliseconds.
    private func pollInput(timeout: Int32) -> Bool {
        var one = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&one, 1, timeout)
            if ready < 0 && errno == EINTR { continue }
            return ready > 0
        }
    }

    mutating func next() -> Line? {
        while true {
            if let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                if discarding {
                    discarding = false
                    return .tooLong
                }
                if line.count > maxLine { return .tooLong }
                return .bytes(line.last == 13 ? Array(line.dropLast()) : line)
            }
            if buffer.count - start > maxLine {
                // Drop what we have of an over-long line and keep reading to its end.
                discarding = true
                buffer.removeAll(keepingCapacity: true)
                start = 0
            }
            if eof {
                // A stop leaves a line the host had not finished sending unanswered: it was never sent whole.
                if cutShort { return nil }
                guard start < buffer.count || discarding else { return nil }
                let line = Array(buffer[start...])
                buffer.removeAll()
                start = 0
                if discarding {
                    discarding = false
                    return .tooLong
                }
                return .bytes(line)
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            guard inputReady() else {
                // Stopping and nothing more was sent: the complete lines buffered were the last of the input.
                eof = true
                cutShort = true
                continue
            }
            // Once stopping, no further than what was waiting at the stop (and then the rest of a line begun).
            // (The rest of that line byte by byte, so that nothing after it is taken.)
            let want = !stopping ? 65_536 : drained < budget ? min(65_536, budget - drained) : 1
            var chunk = [UInt8](repeating: 0, count: want)
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                eof = true
            } else if n == 0 {
                eof = true
            } else {
                buffer.append(contentsOf: chunk[0..<n])
                if stopping { drained += n }
            }
        }
    }
}

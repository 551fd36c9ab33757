import Foundation

/// Stops `steward pipe`: turns SIGTERM, SIGINT and SIGHUP into a graceful stop, and carries the other
/// reasons to stop (standard output closed, a run of storage failures) to the input reader. A stop
/// makes a file descriptor readable, which the input reader watches beside standard input.
///
/// - A signal: the reader takes every line already sent (what the pipe holds, without waiting for
///   more), every one of them is answered and written, and the pipe returns as at end of input.
/// - A second signal (or two arriving together) ends the process at once with status 128 + the
///   signal's number (143 for SIGTERM, 130 for SIGINT, 129 for SIGHUP): lines not yet answered are not,
///   and what was stored stays stored (SQLite's log makes every committed write survive).
/// - Any other stop: the reader stops at once, without reading what was sent meanwhile.
final class ShutdownSignal: @unchecked Sendable {
    /// Readable once a stop was asked for.
    let fd: Int32
    private let writeEnd: Int32
    private var sources: [any DispatchSourceSignal] = []
    private let lock = NSLock()  // guards `sources`, `reason` and `drains`
    private var reason: PipeStop?
    private var drains = true

    /// Why the pipe stops, once it does.
    var stopReason: PipeStop? { lock.withLock { reason } }

    /// True when the reader should still take the lines already sent before it stops (a signal).
    var drainsInput: Bool { lock.withLock { drains } }

    init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) != 0 { ends = [-1, -1] }
        fd = ends[0]
        writeEnd = ends[1]
    }

    /// Starts catching the signals (the default action, killing the process, is turned off for them).
    func install(signals: [Int32] = [SIGTERM, SIGINT, SIGHUP]) {
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            // `data` counts the signals since the last call: two sent together are a second signal.
            // (The handler holds the source until `deinit` cancels it, which releases the handler.)
            source.setEventHandler { [weak self, source] in
                self?.signalled(number, count: Int(source.data))
            }
            source.resume()
            lock.withLock { sources.append(source) }
        }
    }

    /// Asks for a graceful stop, as a signal does.
    func trigger(_ number: Int32 = SIGTERM) {
        stop(.signal(number), drainingInput: true)
    }

    /// Asks the reader to stop for `reason`; the first reason given is kept.
    func stop(_ reason: PipeStop, drainingInput: Bool) {
        lock.withLock {
            if self.reason == nil {
                self.reason = reason
                drains = drainingInput
            }
        }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    private func signalled(_ number: Int32, count: Int) {
        let again: Bool = lock.withLock {
            if case .signal? = reason { return true }
            return false
        }
        if again || count > 1 { Self.exitAtOnce(number) }
        trigger(number)
    }

    /// Ends the process now, with status 128 + `number`, saying so on standard error.
    private static func exitAtOnce(_ number: Int32) -> Never {
        let message = "steward: a second signal (\(number)); exiting at once with status \(128 + number)\n"
        _ = message.withCString { Glibc.write(2, $0, strlen($0)) }
        _exit(128 + number)
    }

    deinit {
        for source in sources { source.cancel() }
        if fd >= 0 { close(fd) }
        if writeEnd >= 0 { close(writeEnd) }
    }
}

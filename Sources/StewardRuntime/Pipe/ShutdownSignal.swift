import Foundation

/// Turns SIGTERM, SIGINT and SIGHUP into a graceful stop of `steward pipe`: the signals no longer kill the
/// process; they make a file descriptor readable, which the input reader watches beside standard input.
///
/// On a stop the reader takes every line already sent (what the pipe holds, without waiting for more),
/// every one of them is answered and written, and the pipe returns as at end of input.
final class ShutdownSignal: @unchecked Sendable {
    /// Readable once a stop was asked for.
    let fd: Int32
    private let writeEnd: Int32
    private var sources: [any DispatchSourceSignal] = []
    private let lock = NSLock()  // guards `sources` and `caught`
    private var caught: Int32?

    /// The signal that asked for the stop, if one did.
    var received: Int32? { lock.withLock { caught } }

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
            source.setEventHandler { [weak self] in self?.trigger(number) }
            source.resume()
            lock.withLock { sources.append(source) }
        }
    }

    /// Asks for a stop (what a signal does).
    func trigger(_ number: Int32 = SIGTERM) {
        lock.withLock { if caught == nil { caught = number } }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    deinit {
        for source in sources { source.cancel() }
        if fd >= 0 { close(fd) }
        if writeEnd >= 0 { close(writeEnd) }
    }
}

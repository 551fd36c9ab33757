import Foundation

/// Writes whole JSON lines to a file descriptor from any thread.
///
/// A line is never held back waiting for others: the first writer writes its line at once, and
/// lines handed in meanwhile by other threads are written by it right after, together, in the
/// order they came. Lines never interleave, and ``write(_:)`` returns only after the line is
/// written when it is the only one.
///
/// When the reader on the other end has gone (`EPIPE`, or another write error than an interruption or
/// a full non-blocking pipe), the writer calls `onClosed` once and drops every later line: the
/// process must have SIGPIPE ignored (`steward pipe` does) so that such a write fails instead of killing it.
public final class JSONLineWriter: @unchecked Sendable {
    private let fd: Int32
    private let onClosed: (@Sendable () -> Void)?
    private let lock = NSLock()  // guards `pending`, `writing` and `closed`
    private var pending: [UInt8] = []
    private var writing = false
    private var closed = false

    /// A writer to `fd` (standard output by default); `onClosed` is called once when `fd` can no
    /// longer be written (its reader closed it).
    public init(fd: Int32 = 1, onClosed: (@Sendable () -> Void)? = nil) {
        self.fd = fd
        self.onClosed = onClosed
    }

    /// True once the output could not be written any more; later lines are dropped.
    public var isClosed: Bool { lock.withLock { closed } }

    /// Writes one line; `line` must not contain a newline.
    public func write(_ line: String) {
        let first: Bool = lock.withLock {
            if closed { return false }
            pending.append(contentsOf: line.utf8)
            pending.append(UInt8(ascii: "\n"))
            if writing { return false }
            writing = true
            return true
        }
        // Another thread is writing and takes this line with its next write.
        guard first else { return }
        var chunk: [UInt8] = []
        while true {
            lock.withLock {
                swap(&chunk, &pending)
                pending.removeAll(keepingCapacity: true)
                if chunk.isEmpty { writing = false }
            }
            if chunk.isEmpty { return }
            if !writeAll(chunk) {
                lock.withLock {
                    closed = true
                    pending.removeAll()
                    writing = false
                }
                onClosed?()
                return
            }
            chunk.removeAll(keepingCapacity: true)
        }
    }

    /// Writes every byte; false when the output is gone.
    private func writeAll(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                switch errno {
                case EINTR:
                    continue
                case EAGAIN, EWOULDBLOCK:
                    // A non-blocking output that is full: wait until it takes more.
                    var one = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&one, 1, 1000)
                    continue
                default:
                    return false  // EPIPE (the reader closed it), EBADF, EIO, …
                }
            }
            offset += n
        }
        return true
    }
}

import Foundation

/// Writes whole JSON lines to a file descriptor from any thread.
///
/// A line is never held back waiting for others: the first writer writes its line at once, and
/// lines handed in meanwhile by other threads are written by it right after, together, in the
/// order they came. Lines never interleave, and ``write(_:)`` returns only after the line is
/// written when it is the only one.
public final class JSONLineWriter: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()  // guards `pending` and `writing`
    private var pending: [UInt8] = []
    private var writing = false

    /// A writer to `fd` (standard output by default).
    public init(fd: Int32 = 1) {
        self.fd = fd
    }

    /// Writes one line; `line` must not contain a newline.
    public func write(_ line: String) {
        let first: Bool = lock.withLock {
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
            writeAll(chunk)
            chunk.removeAll(keepingCapacity: true)
        }
    }

    private func writeAll(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += n
        }
    }
}

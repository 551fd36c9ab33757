import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The sockets and threads behind ``StubHTTPServer``.
///
/// One accept thread plus one thread per connection. Shutdown uses a self-pipe: ``stop()`` writes
/// to it once and never drains it, so every `poll` that includes its read end wakes up for good.
///
/// `@unchecked Sendable`: all mutable state is guarded by `lock`; the descriptors are only closed
/// by the thread that owns them, after removing them from `openConnections` under the lock, so
/// ``stop()`` never shuts down a descriptor number that has been reused.
final class StubServerCore: @unchecked Sendable {
    let port: Int
    let handler: StubHTTPServer.Handler
    private let listenDescriptor: Int32
    private let wakeRead: Int32
    private let wakeWrite: Int32

    private let lock = NSCondition()
    private var requests: [StubRequest] = []
    private var connections = 0
    private var sequence = 0
    private var openConnections: Set<Int32> = []
    private var runningThreads = 0
    private var stopped = false
    private var pipeClosed = false

    init(port: Int, handler: @escaping StubHTTPServer.Handler) throws {
        self.handler = handler
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw StubHTTPServerError("create a socket", errno: errno) }
        var yes: Int32 = 1
        _ = setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: port).bigEndian)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian  // 127.0.0.1: loopback only
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let code = errno
            close(descriptor)
            throw StubHTTPServerError("bind 127.0.0.1:\(port)", errno: code)
        }
        guard listen(descriptor, 1024) == 0 else {
            let code = errno
            close(descriptor)
            throw StubHTTPServerError("listen", errno: code)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.port = Int(UInt16(bigEndian: address.sin_port))

        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            let code = errno
            close(descriptor)
            throw StubHTTPServerError("create its wake-up pipe", errno: code)
        }
        for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        listenDescriptor = descriptor
        wakeRead = pipeEnds[0]
        wakeWrite = pipeEnds[1]

        runningThreads = 1
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "stub-http-accept"
        thread.start()
    }

    // MARK: Recorded state

    var recordedRequests: [StubRequest] {
        lock.lock()
        defer { lock.unlock() }
        return requests
    }

    var acceptedConnections: Int {
        lock.lock()
        defer { lock.unlock() }
        return connections
    }

    func clearRequests() {
        lock.lock()
        requests.removeAll()
        lock.unlock()
    }

    /// Records a request and returns its sequence number.
    func record(_ make: (Int) -> StubRequest) -> StubRequest {
        lock.lock()
        defer { lock.unlock() }
        sequence += 1
        let request = make(sequence)
        requests.append(request)
        return request
    }

    var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    // MARK: Shutdown

    func stop() {
        lock.lock()
        if stopped {
            lock.unlock()
            return
        }
        stopped = true
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
        for descriptor in openConnections { _ = shutdown(descriptor, Int32(SHUT_RDWR)) }
        // The last thread to end closes the wake-up pipe (see threadEnded); the accept thread
        // counts as one until it sees the stop, so that cannot happen before now.
        let deadline = Date().addingTimeInterval(5)
        while runningThreads > 0, lock.wait(until: deadline) {}
        lock.unlock()
    }

    private func threadEnded() {
        lock.lock()
        runningThreads -= 1
        if runningThreads == 0, stopped, !pipeClosed {
            close(wakeRead)
            close(wakeWrite)
            pipeClosed = true
        }
        lock.broadcast()
        lock.unlock()
    }

    // MARK: Threads

    private func acceptLoop() {
        defer {
            close(listenDescriptor)
            threadEnded()
        }
        while true {
            var fds = [
                pollfd(fd: listenDescriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if fds[1].revents != 0 { return }
            guard fds[0].revents != 0 else { continue }
            let client = accept(listenDescriptor, nil, nil)
            guard client >= 0 else { continue }
            // Keep test connections out of child processes (end-to-end tests spawn `steward`).
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            var yes: Int32 = 1
            _ = setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))

            lock.lock()
            if stopped {
                lock.unlock()
                close(client)
                return
            }
            connections += 1
            let number = connections
            openConnections.insert(client)
            runningThreads += 1
            lock.unlock()

            let wake = wakeRead
            let thread = Thread {
                StubConnection(descriptor: client, number: number, wakeDescriptor: wake, core: self).serve()
                self.closeConnection(client)
            }
            thread.name = "stub-http-conn-\(number)"
            thread.stackSize = 512 * 1024
            thread.start()
        }
    }

    private func closeConnection(_ descriptor: Int32) {
        lock.lock()
        openConnections.remove(descriptor)
        lock.unlock()
        close(descriptor)
        threadEnded()
    }
}

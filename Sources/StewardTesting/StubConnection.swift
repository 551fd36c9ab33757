import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Serves the requests of one accepted connection, one after another (keep-alive), on its own thread.
///
/// Owned by exactly one thread; never shared, so it needs no lock.
final class StubConnection {
    private let descriptor: Int32
    private let number: Int
    private let wakeDescriptor: Int32
    private let core: StubServerCore
    private var buffer: [UInt8] = []
    /// One read buffer per connection, reused for every `recv`.
    private var chunk = [UInt8](repeating: 0, count: 16 * 1024)

    private static let maxHeadSize = 64 * 1024
    private static let maxBodySize = 64 * 1024 * 1024
    /// Linux `POLLRDHUP`: the peer closed its end.
    private static let peerClosedEvent: Int16 = 0x2000

    init(descriptor: Int32, number: Int, wakeDescriptor: Int32, core: StubServerCore) {
        self.descriptor = descriptor
        self.number = number
        self.wakeDescriptor = wakeDescriptor
        self.core = core
    }

    /// Serves until the client closes, a response closes the connection, or the server stops.
    func serve() {
        while !core.isStopped {
            guard let head = readHead() else { return }
            guard let parsed = parseHead(head) else {
                sendSimple(400, "Bad Request")
                return
            }
            if parsed.headers["Transfer-Encoding"] != nil {
                sendSimple(501, "Chunked request bodies are not supported by the stub server")
                return
            }
            let length = parsed.headers["Content-Length"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
            guard length >= 0, length <= Self.maxBodySize else {
                sendSimple(413, "Payload Too Large")
                return
            }
            if length > buffer.count, parsed.headers["Expect"]?.lowercased() == "100-continue" {
                guard send(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return }
            }
            guard let body = readBody(length: length) else { return }
            let request = core.record { sequence in
                StubRequest(
                    method: parsed.method, target: parsed.target, headers: parsed.headers, body: body,
                    connectionNumber: number, sequenceNumber: sequence
                )
            }
            let clientKeepsAlive =
                parsed.version == "HTTP/1.1" && parsed.headers["Connection"]?.lowercased() != "close"
            guard perform(core.handler(request), keepAlive: clientKeepsAlive, head: parsed.method == "HEAD") else { return }
        }
    }

    // MARK: Answering

    /// Carries out a response; returns whether the connection stays open.
    private func perform(_ response: StubResponse, keepAlive: Bool, head: Bool) -> Bool {
        switch response.action {
        case .delay(let seconds, let next):
            guard waitWhileConnected(seconds: seconds) else { return false }
            return perform(next, keepAlive: keepAlive, head: head)
        case .drop:
            return false
        case .malformed:
            _ = send(Array("THIS IS NOT HTTP\u{1}\u{2}\r\n\r\n".utf8))
            return false
        case .truncated:
            let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
            _ = send(Array(head.utf8) + Array(#"{"partial""#.utf8))
            return false
        case .respond:
            let keep = keepAlive && !response.closesConnection
                && !response.headers.contains { $0.0.lowercased() == "connection" && $0.1.lowercased() == "close" }
            var headText = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
            for (name, value) in response.headers { headText += "\(name): \(value)\r\n" }
            if !response.omitsContentLength, !response.headers.contains(where: { $0.0.lowercased() == "content-length" }) {
                headText += "Content-Length: \(response.body.count)\r\n"
            }
            if !keep, !response.headers.contains(where: { $0.0.lowercased() == "connection" }) {
                headText += "Connection: close\r\n"
            }
            headText += "\r\n"
            guard send(Array(headText.utf8) + (head ? [] : response.body)) else { return false }
            return keep
        }
    }

    private func sendSimple(_ status: Int, _ text: String) {
        let body = Array(text.utf8)
        let head = "HTTP/1.1 \(status) \(Self.reason(status))\r\nContent-Type: text/plain\r\n"
            + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n"
        _ = send(Array(head.utf8) + body)
    }

    private func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                #if canImport(Glibc)
                Glibc.send(descriptor, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                #else
                Darwin.send(descriptor, raw.baseAddress! + offset, raw.count - offset, 0)
                #endif
            }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// Sleeps up to `seconds`; returns `false` early when the server stops or the client hangs up.
    private func waitWhileConnected(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(max(0, seconds))
        while true {
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return true }
            var fds = [
                pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: descriptor, events: Self.peerClosedEvent, revents: 0),
            ]
            let ready = poll(&fds, 2, Int32(min(remaining * 1000, 60_000).rounded(.up)))
            if ready < 0 {
                if errno == EINTR { continue }
                return false
            }
            if ready == 0 { continue }
            return false  // stop requested, or the client went away
        }
    }

    // MARK: Reading

    /// Reads until a complete request head is buffered; returns it and keeps the rest buffered.
    private func readHead() -> [UInt8]? {
        while true {
            if let end = Self.headEnd(in: buffer) {
                let head = Array(buffer[..<end])
                buffer.removeFirst(end + 4)
                return head
            }
            // A request line starts with an upper-case method; anything else (say a TLS
            // ClientHello) gets a 400 at once instead of waiting for a blank line that never comes.
            if let first = buffer.first(where: { $0 != 0x0D && $0 != 0x0A }), !(0x41...0x5A).contains(first) {
                sendSimple(400, "Bad Request")
                return nil
            }
            if buffer.count > Self.maxHeadSize {
                sendSimple(431, "Request Header Fields Too Large")
                return nil
            }
            guard readMore() else { return nil }
        }
    }

    private func readBody(length: Int) -> [UInt8]? {
        while buffer.count < length {
            guard readMore() else { return nil }
        }
        let body = Array(buffer[..<length])
        buffer.removeFirst(length)
        return body
    }

    /// Appends whatever the socket has; `false` on end of stream, error, or server stop.
    private func readMore() -> Bool {
        var fds = [
            pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            let ready = poll(&fds, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return false
            }
            break
        }
        if fds[1].revents != 0 { return false }
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[..<count])
            return true
        }
    }

    private struct Head {
        var method: String
        var target: String
        var version: String
        var headers: StubHeaders
    }

    private func parseHead(_ bytes: [UInt8]) -> Head? {
        guard let text = String(validating: bytes, as: UTF8.self) ?? String(validating: bytes, as: Unicode.ASCII.self)
        else { return nil }
        var lines = text.components(separatedBy: "\r\n")
        while lines.first?.isEmpty == true { lines.removeFirst() }  // tolerate stray CRLF between requests
        guard !lines.isEmpty else { return nil }
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: true)
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/1.") else { return nil }
        var fields: [StubHeaderField] = []
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = String(line[..<colon])
            guard !name.isEmpty, !name.contains(where: \.isWhitespace) else { return nil }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            fields.append(StubHeaderField(name: name, value: value))
        }
        return Head(
            method: String(requestLine[0]), target: String(requestLine[1]), version: String(requestLine[2]),
            headers: StubHeaders(fields)
        )
    }

    private static func headEnd(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        var index = 0
        while index <= bytes.count - 4 {
            if bytes[index] == 0x0D, bytes[index + 1] == 0x0A, bytes[index + 2] == 0x0D, bytes[index + 3] == 0x0A {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 402: "Payment Required"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 406: "Not Acceptable"
        case 409: "Conflict"
        case 413: "Payload Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Entity"
        case 423: "Locked"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }
}

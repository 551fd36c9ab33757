import Foundation

/// A running `steward pipe` fed and read on threads of its own, for tests that signal it or close its
/// output mid-stream.
final class LiveSteward: @unchecked Sendable {
    let process = Process()
    private let input = Pipe(), output = Pipe(), errors = Pipe()
    private let condition = NSCondition()  // guards `received`, `outputDone` and `errorText`
    private var received: [UInt8] = []
    private var outputDone = false
    private var errorText = Data()
    private let hold = DispatchSemaphore(value: 0)

    /// Lets a held input (`holdAfter`) go on streaming.
    func release() { hold.signal() }

    /// Starts `steward ARGS` and writes `input` to it from another thread; standard input stays open
    /// unless `closeInput` (then it ends after `input`).
    /// Without `readsOutput` nothing reads standard output but ``readFirstLineThenCloseOutput()``.
    /// With `holdAfter`, only that many lines are written at once; the rest follow after ``release()``,
    /// a hundred lines every 2 ms, as a host still streaming would send them.
    init(
        _ arguments: [String], input data: Data, closeInput: Bool = false, readsOutput: Bool = true, holdAfter: Int? = nil
    ) throws {
        // Writing to a process that stopped reading must fail, not kill the test runner.
        signal(SIGPIPE, SIG_IGN)
        process.executableURL = StewardProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let writeFD = input.fileHandleForWriting.fileDescriptor
        let hold = self.hold
        Thread.detachNewThread {
            let bytes = [UInt8](data)
            func send(_ part: ArraySlice<UInt8>) -> Bool {
                var offset = part.startIndex
                while offset < part.endIndex {
                    let n = bytes[offset..<part.endIndex].withUnsafeBytes { write(writeFD, $0.baseAddress, $0.count) }
                    if n <= 0 { return false }
                    offset += n
                }
                return true
            }
            let newlines = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }
            if let holdAfter, holdAfter < newlines.count {
                guard send(bytes[..<(newlines[holdAfter - 1] + 1)]) else { return }
                hold.wait()
                var line = holdAfter
                while line < newlines.count {
                    let end = min(line + 100, newlines.count)
                    guard send(bytes[(newlines[line - 1] + 1)...newlines[end - 1]]) else { return }
                    line = end
                    usleep(2_000)
                }
            } else {
                _ = send(bytes[...])
            }
            if closeInput { try? self.input.fileHandleForWriting.close() }
        }
        let readFD = output.fileHandleForReading.fileDescriptor
        if !readsOutput {
            outputDone = true
        } else {
            startReading(readFD)
        }
        let errorHandle = errors.fileHandleForReading
        Thread.detachNewThread {
            let data = errorHandle.readDataToEndOfFile()
            self.condition.withLock { self.errorText = data }
        }
    }

    private func startReading(_ readFD: Int32) {
        Thread.detachNewThread {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = chunk.withUnsafeMutableBytes { read(readFD, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                self.condition.withLock {
                    self.received += chunk[0..<n]
                    self.condition.broadcast()
                }
            }
            self.condition.withLock {
                self.outputDone = true
                self.condition.broadcast()
            }
        }
    }

    /// Waits until at least `count` lines came out (or the output ended, or `seconds` passed).
    func waitForLines(_ count: Int, seconds: Double = 120) {
        let deadline = Date().addingTimeInterval(seconds)
        condition.withLock {
            while !outputDone && received.lazy.filter({ $0 == UInt8(ascii: "\n") }).count < count {
                if !condition.wait(until: deadline) { return }
            }
        }
    }

    /// Reads standard output up to its first line, then closes it (the process's next write fails);
    /// returns that line.
    func readFirstLineThenCloseOutput() throws -> String {
        let handle = output.fileHandleForReading
        var bytes: [UInt8] = []
        var one: UInt8 = 0
        while read(handle.fileDescriptor, &one, 1) == 1 {
            if one == UInt8(ascii: "\n") { break }
            bytes.append(one)
        }
        try handle.close()
        return String(decoding: bytes, as: UTF8.self)
    }

    func send(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for the exit and returns every output line.
    func finish() -> [String] {
        process.waitUntilExit()
        try? input.fileHandleForWriting.close()
        condition.withLock {
            while !outputDone { condition.wait() }
        }
        return condition.withLock { String(decoding: received, as: UTF8.self).split(separator: "\n").map(String.init) }
    }

    var stderr: String { condition.withLock { String(decoding: errorText, as: UTF8.self) } }
}

/// Pipe input lines: `count` messages over `sessions` sessions, ids `m0`, `m1`, ….
func messageLines(count: Int, sessions: Int, text: String = "do you ship to Canada?") -> Data {
    var lines = ""
    lines.reserveCapacity(count * 80)
    for index in 0..<count {
        lines += #"{"session":"s\#(index % sessions)","id":"m\#(index)","text":"\#(text)"}"# + "\n"
    }
    return Data(lines.utf8)
}

/// The `reply_to` of every reply line.
func replyIDs(_ lines: [String]) -> [String] {
    lines.compactMap { line in
        (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["reply_to"] as? String
    }
}

import Foundation
import StewardCore
import StewardRuntime

/// Runs a ``PipeServer`` in-process over OS pipes, feeding and draining them on their own threads so
/// that neither side can fill a pipe and wait forever.
enum PipeHarness {
    struct Run {
        var stop: PipeStop
        /// Every output line, as written.
        var lines: [String]
        /// Output lines decoded as JSON objects (lines that are not are left out).
        var objects: [[String: Any]] {
            lines.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
        }
    }

    /// Serves `input`; with `keepInputOpen` standard input never ends (only another stop ends the run);
    /// with `closeOutput` the output's reader is closed before the server starts.
    static func run(
        _ input: [UInt8], engine: ConversationEngine, keepInputOpen: Bool = false, closeOutput: Bool = false,
        maxStorageFailures: Int = PipeServer.defaultMaxStorageFailures
    ) async -> Run {
        // A write to a closed pipe must fail with EPIPE here too, as it does in `steward pipe`.
        signal(SIGPIPE, SIG_IGN)
        var inFDs: [Int32] = [0, 0], outFDs: [Int32] = [0, 0]
        precondition(pipe(&inFDs) == 0 && pipe(&outFDs) == 0)
        let (inRead, inWrite, outRead, outWrite) = (inFDs[0], inFDs[1], outFDs[0], outFDs[1])
        let feeder = Thread {
            var offset = 0
            while offset < input.count {
                let n = input[offset...].withUnsafeBytes { write(inWrite, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                offset += n
            }
            if !keepInputOpen { close(inWrite) }
        }
        feeder.start()
        let collected = OutputBox()
        if closeOutput {
            close(outRead)
        } else {
            let drainer = Thread {
                var bytes: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 65_536)
                while true {
                    let n = chunk.withUnsafeMutableBytes { read(outRead, $0.baseAddress, $0.count) }
                    if n <= 0 { break }
                    bytes += chunk[0..<n]
                }
                close(outRead)
                collected.finish(bytes)
            }
            drainer.start()
        }
        let stop = await PipeServer(engine: engine, input: inRead, output: outWrite, maxStorageFailures: maxStorageFailures).run()
        close(outWrite)
        close(inRead)
        if keepInputOpen { close(inWrite) }
        let bytes = closeOutput ? [] : collected.wait()
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
        return Run(stop: stop, lines: lines)
    }

    static func run(
        lines: [String], engine: ConversationEngine, keepInputOpen: Bool = false, closeOutput: Bool = false,
        maxStorageFailures: Int = PipeServer.defaultMaxStorageFailures
    ) async -> Run {
        await run(
            Array((lines.joined(separator: "\n") + "\n").utf8), engine: engine, keepInputOpen: keepInputOpen,
            closeOutput: closeOutput, maxStorageFailures: maxStorageFailures)
    }
}

/// The drained output, handed from the drainer thread.
private final class OutputBox: @unchecked Sendable {
    private let condition = NSCondition()  // guards `bytes`
    private var bytes: [UInt8]?

    func finish(_ value: [UInt8]) {
        condition.withLock {
            bytes = value
            condition.broadcast()
        }
    }

    func wait() -> [UInt8] {
        condition.withLock {
            while bytes == nil { condition.wait() }
            return bytes ?? []
        }
    }
}

import Foundation
import Testing

@testable import StewardRuntime

@Suite struct JSONLineWriterTests {
    @Test func linesFromManyThreadsArriveWholeAndNoneIsLost() async throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let (readEnd, writeEnd) = (fds[0], fds[1])
        let writer = JSONLineWriter(fd: writeEnd)
        // Read concurrently so the pipe never fills up.
        let reader = Task.detached { @Sendable () -> Data in
            var data = Data()
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
                if n <= 0 { return data }
                data.append(contentsOf: buffer[0..<n])
            }
        }
        await withTaskGroup(of: Void.self) { group in
            for thread in 0..<8 {
                group.addTask {
                    for index in 0..<500 {
                        writer.write(#"{"thread":\#(thread),"index":\#(index),"padding":"\#(String(repeating: "x", count: index % 97))"}"#)
                    }
                }
            }
        }
        close(writeEnd)
        let lines = String(decoding: await reader.value, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")  // every line ends with a newline
        let objects = try lines.dropLast().map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(objects.count == 8 * 500)
        // Each thread's lines keep their order.
        for thread in 0..<8 {
            let indices = objects.filter { $0["thread"] as? Int == thread }.compactMap { $0["index"] as? Int }
            #expect(indices == Array(0..<500))
        }
        close(readEnd)
    }
}

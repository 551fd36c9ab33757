import Foundation
import Testing

/// SIGTERM, SIGINT and SIGHUP stop `steward pipe` gracefully: every line already sent is answered and
/// written before it exits, with status 0.
@Suite(.serialized) struct PipeShutdownEndToEndTests {
    @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
    func everyLineSentBeforeTheSignalIsAnswered(_ signalNumber: Int32) throws {
        let db = FileManager.default.temporaryDirectory.appendingPathComponent("steward-stop-\(UUID().uuidString).db").path
        let process = Process()
        process.executableURL = StewardProcess.executable
        process.arguments = ["pipe", "--db", db]
        process.currentDirectoryURL = repositoryRoot
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let count = 300
        var lines = ""
        for index in 0..<count {
            lines += #"{"session":"s\#(index % 40)","id":"m\#(index)","text":"do you ship to Canada?"}"# + "\n"
        }
        input.fileHandleForWriting.write(Data(lines.utf8))  // stdin stays open: only the signal ends it
        // Wait for the first reply, so the process is up and reading, then ask it to stop.
        var received = Data()
        let reader = output.fileHandleForReading
        while !received.contains(UInt8(ascii: "\n")) {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            received.append(chunk)
        }
        kill(process.processIdentifier, signalNumber)
        received.append(reader.readDataToEndOfFile())
        process.waitUntilExit()
        _ = errors.fileHandleForReading.readDataToEndOfFile()
        let replies = String(decoding: received, as: UTF8.self).split(separator: "\n")
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(replies.count == count, "\(replies.count) of \(count) lines answered")
        let ids = Set(replies.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["reply_to"] as? String
        })
        #expect(ids.count == count)
        try? input.fileHandleForWriting.close()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
    }
}

import Foundation

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Runs the built `steward` executable with input and collects its output.
struct StewardProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }

        /// Every stdout line decoded as a JSON object.
        func json() throws -> [[String: Any]] {
            try lines.map { line in
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                    throw CocoaError(.coderReadCorrupt)
                }
                return object
            }
        }
    }

    static var executable: URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("steward"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("steward"),
            repositoryRoot.appendingPathComponent(".build/debug/steward"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    /// Runs `steward ARGS` in the repository root with `input` on standard input.
    static func run(_ arguments: [String], input: Data, environment: [String: String] = [:], directory: URL = repositoryRoot) throws -> Output {
        let process = Process()
        process.executableURL = executable
        var arguments = arguments
        // Each run gets its own database unless the test names one.
        if let command = arguments.first, ["pipe", "chat"].contains(command), !arguments.contains("--db") {
            arguments += ["--db", temporaryDatabase()]
        }
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Read both streams while writing, so a full pipe never blocks the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var out = Data(), err = Data()
        group.enter()
        DispatchQueue.global().async { out = stdout.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { err = stderr.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        stdin.fileHandleForWriting.write(input)
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    static func run(_ arguments: [String], lines: [String]) throws -> Output {
        try run(arguments, input: Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}

/// A fresh database path in the temporary folder.
func temporaryDatabase() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("steward-test-\(UUID().uuidString).db").path
}

import ArgumentParser
import Foundation
import StewardRuntime
import StewardStore

/// `steward store check`: SQLite's full integrity check of the database; exit 1 when it is damaged.
struct StoreCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run the full integrity check (PRAGMA integrity_check) on the database; exit 1 when it is damaged.",
        discussion: """
            Reads every page and checks every record and index (about 1.2 s per 100 MB). `steward pipe` and \
            `chat` run a quicker check at start-up and refuse a damaged file. A sound file's write-ahead log \
            (FILE-wal) is then copied into it (`PRAGMA wal_checkpoint(TRUNCATE)`, waiting up to 2 s for other \
            connections); when another connection keeps frames there, a warning on standard error says how many \
            (the exit status stays 0: nothing is lost, but FILE alone is not a complete copy).
            """
    )

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let configured = store.db == nil ? try StewardConfiguration.load(path: store.config).storePath : nil
        let path = store.path(configured: configured)
        let report = try StoreIntegrity.check(path: path)
        let size = String(format: "%.1f MB", Double(report.bytes) / 1_000_000)
        let time = String(format: "%.2f s", report.seconds)
        if report.isSound {
            print("ok: \(path) passed the integrity check (\(report.pages) pages, \(size), \(time)).")
            do {
                let checkpoint = try StoreIntegrity.checkpoint(path: path)
                if !checkpoint.isComplete {
                    FileHandle.standardError.write(Data((CheckpointWarning.afterCheck(
                        path: path, framesLeft: checkpoint.framesLeft, logFrames: checkpoint.logFrames) + "\n").utf8))
                }
            } catch {
                FileHandle.standardError.write(Data("Warning: the write-ahead log was not checkpointed: \(error)\n".utf8))
            }
            return
        }
        print("damaged: \(path) failed the integrity check (\(size), \(time)):")
        for problem in report.problems { print("  \(problem)") }
        print("Restore a backup (`steward store backup` makes one) or set `store.path` in steward.yaml to a new file.")
        throw ExitCode(1)
    }
}

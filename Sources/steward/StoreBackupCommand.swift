import ArgumentParser
import Foundation
import StewardRuntime
import StewardStore

/// `steward store backup FILE`: a consistent copy of the database with SQLite's online backup API.
struct StoreBackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to FILE with SQLite's online backup; safe while Steward writes to it.",
        discussion: """
            The copy is the database as of one moment (a write by another process is wholly in it or not at \
            all) and a complete file on its own, with no -wal file. FILE must not exist yet.
            """
    )

    @Argument(help: ArgumentHelp("The new file to write the copy to.", valueName: "file"))
    var destination: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let configured = store.db == nil ? try StewardConfiguration.load(path: store.config).storePath : nil
        let path = store.path(configured: configured)
        // A damaged database is still copied (the copy may help recover it), but never silently.
        var damage: String?
        do { try StoreIntegrity.startupCheck(path: path) } catch let error as IntegrityError { damage = "\(error)" } catch {}
        let report = try StoreIntegrity.backup(from: path, to: destination)
        let size = String(format: "%.1f MB", Double(report.bytes) / 1_000_000)
        print("Backed up \(path) to \(report.destination) (\(report.pages) pages, \(size), \(String(format: "%.2f s", report.seconds))).")
        if let damage {
            FileHandle.standardError.write(Data("Warning: the copy holds the same damage. \(damage)\n".utf8))
            throw ExitCode(1)
        }
    }
}

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
            all) and a complete file on its own, with no -wal file. It is written beside FILE and moved into \
            place when complete, so a failed backup leaves nothing behind. FILE must not exist yet: an existing \
            file is never overwritten unless --force is given (then it is replaced whole, with any FILE-wal, \
            FILE-shm and FILE-journal beside it removed). FILE may not be a directory or the database itself. \
            A database that is not an SQLite file, or is missing, is refused, naming it; a damaged one is still \
            copied, with a warning and exit status 1.
            """
    )

    @Argument(help: ArgumentHelp("The new file to write the copy to.", valueName: "file"))
    var destination: String

    @OptionGroup var store: StoreOptions

    @Flag(name: .long, help: "Replace FILE when it exists (never a directory, never the database itself).")
    var force = false

    func run() async throws {
        let configured = store.db == nil ? try StewardConfiguration.load(path: store.config).storePath : nil
        let path = store.path(configured: configured)
        // A damaged database is still copied (the copy may help recover it), but never silently.
        var damage: String?
        if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber, size.intValue > 0 {
            do { try StoreIntegrity.startupCheck(path: path) } catch let error as IntegrityError { damage = "\(error)" } catch {}
        }
        let report = try StoreIntegrity.backup(from: path, to: destination, overwrite: force)
        let size = String(format: "%.1f MB", Double(report.bytes) / 1_000_000)
        print("Backed up \(path) to \(report.destination) (\(report.pages) pages, \(size), \(String(format: "%.2f s", report.seconds))).")
        if let damage {
            FileHandle.standardError.write(Data("Warning: the copy holds the same damage. \(damage)\n".utf8))
            throw ExitCode(1)
        }
    }
}

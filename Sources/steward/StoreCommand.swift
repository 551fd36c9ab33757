import ArgumentParser

/// `steward store`: look after the SQLite database (`check`, `backup`).
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Check or back up the database where conversations and tickets are kept.",
        discussion: """
            `steward store check` runs SQLite's full integrity check; `steward store backup FILE` writes a \
            consistent copy with SQLite's online backup, safe while `steward pipe` or `chat` writes to the file.
            """,
        subcommands: [StoreCheckCommand.self, StoreBackupCommand.self]
    )
}

import ArgumentParser
import StewardStore

/// Where the commands that read the local helpdesk (`tickets`, `stats`) find the database.
///
/// `--db` and `store.path` in steward.yaml are the same setting; `--db` wins.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The SQLite database the agent writes (default: steward.db; same setting as `store.path` in steward.yaml).",
            valueName: "path"))
    var db: String?

    /// The database path: `--db`, else the configured `store.path`, else `steward.db`.
    func path(configured: String? = nil) -> String {
        db ?? configured ?? SQLiteStore.defaultPath
    }

    /// Opens the existing database; these commands never create one.
    /// - Parameter configured: `store.path` from the configuration file, if any.
    func openStore(configured: String? = nil) throws -> SQLiteStore {
        try SQLiteStore(path: path(configured: configured), configuration: .init(createIfMissing: false))
    }
}

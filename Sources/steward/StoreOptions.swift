import ArgumentParser
import StewardRuntime
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

    @Option(
        name: .long,
        help: "The configuration file whose `store.path` names the database (default: steward.yaml, if present).")
    var config: String?

    /// The database path: `--db`, else the configured `store.path`, else `steward.db`.
    func path(configured: String? = nil) -> String {
        db ?? configured ?? SQLiteStore.defaultPath
    }

    /// Opens the existing database (`--db`, else `store.path` of the configuration); these
    /// commands never create one.
    func openStore() throws -> SQLiteStore {
        let configured = db == nil ? try StewardConfiguration.load(path: config).storePath : nil
        let path = path(configured: configured)
        try StoreIntegrity.startupCheck(path: path)
        return try SQLiteStore(path: path, configuration: .init(createIfMissing: false))
    }
}

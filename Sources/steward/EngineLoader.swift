import Foundation
import Logging
import StewardCore
import StewardModel
import StewardRuntime
import StewardSkills
import StewardStore

/// Builds the engine from the configuration; start-up errors say what to fix and stop the command.
enum EngineLoader {
    struct Loaded {
        var engine: ConversationEngine
        var store: SQLiteStore
        var helpdesks: [String: any HelpdeskProvider]
    }

    static func load(configPath: String?, databasePath: String?) throws -> Loaded {
        let configuration = try StewardConfiguration.load(path: configPath)
        var settings = SQLiteStore.Configuration()
        if let turns = configuration.storeRecentTurns { settings.recentTurns = turns }
        if let sessions = configuration.storeCachedSessions { settings.cachedSessions = sessions }
        if let megabytes = configuration.storeCacheMegabytes { settings.cachedBytes = megabytes << 20 }
        if let seconds = configuration.storeBusyTimeout { settings.busyTimeout = seconds }
        let path = databasePath ?? configuration.storePath
        // A damaged file stops start-up with a message naming it, instead of failing message after message.
        try StoreIntegrity.startupCheck(path: path)
        let store = try SQLiteStore(path: path, configuration: settings)
        let integrations = try Integrations.build(configuration)
        let engine = try ConversationEngine.make(
            configuration: configuration, skills: ShippedSkills.all, tools: integrations.apply, store: store,
            tickets: store, verificationAttempts: store)
        return Loaded(engine: engine, store: store, helpdesks: integrations.helpdesks)
    }

    /// Copies the write-ahead log into the database file and closes it, once everything is answered
    /// and stored, so that after a clean exit `steward.db` alone holds every write; a failure is logged.
    /// When another connection keeps the log from being emptied (a long read, a write lock), the exit
    /// status stays 0 (nothing is lost: SQLite reads the log at the next open) and a warning on standard
    /// error says how many frames are left in the `-wal` file.
    static func close(_ loaded: Loaded) {
        do {
            let left = try loaded.store.close()
            if left > 0 {
                let path = loaded.store.path
                Logger(label: "steward.store").warning(
                    "\(CheckpointWarning.atExit(path: path, framesLeft: left))",
                    metadata: ["frames_left": "\(left)"])
            }
        } catch {
            Logger(label: "steward.store").error("could not checkpoint the database on exit", metadata: ["error": "\(error)"])
        }
    }

    /// Runs the outbox worker for as long as `body` runs, then makes one last attempt at what is
    /// due; anything still undelivered stays in the outbox for the next Steward process.
    static func withOutbox<T: Sendable>(_ loaded: Loaded, _ body: () async throws -> T) async rethrows -> T {
        let worker = OutboxWorker(engine: loaded.engine, helpdesks: loaded.helpdesks)
        let task = Task { await worker.run() }
        let result = try await body()
        worker.stop()
        await task.value
        await worker.deliverDue()
        return result
    }
}

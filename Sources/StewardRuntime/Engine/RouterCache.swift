import Foundation
import Logging
import Synchronization
import StewardRouter

/// Trains the router once and keeps the model in a file, so a restart does not retrain.
///
/// The file is named by a 64-bit FNV-1a hash of everything that shapes the model: the training
/// examples (text, intent, language) and keywords, the settings that act at training time, the
/// archive format, and the running executable's size and modification time (so a rebuilt Steward,
/// whose training code may differ, trains afresh). Threshold and margin act at routing time and are
/// applied to a cached model as given. A missing, unreadable or stale file is replaced; when the
/// folder cannot be written Steward trains in memory and goes on.
///
/// Folder: `STEWARD_CACHE_DIR`, else `$XDG_CACHE_HOME/steward`, else `~/.cache/steward`; files are
/// `router-<hash>.model` (a few MB), the six newest kept. `STEWARD_CACHE_DIR=off` disables the cache.
public enum RouterCache {
    /// A router for these examples and settings: from the cache when present, else trained and stored.
    public static func router(
        examples: [TrainingExample], keywords: [String: [String]], settings: RouterSettings,
        logger: Logger = Logger(label: "steward.router")
    ) throws -> IntentRouter {
        let key = key(examples: examples, keywords: keywords, settings: settings)
        if var router = memo.withLock({ $0[key] }) {
            router.settings.threshold = settings.threshold
            router.settings.margin = settings.margin
            return router
        }
        let router = try load(key: key, examples: examples, keywords: keywords, settings: settings, logger: logger)
        memo.withLock { $0[key] = router }
        return router
    }

    /// Routers already trained or read in this process, by key.
    private static let memo = Mutex<[String: IntentRouter]>([:])

    private static func load(
        key: String, examples: [TrainingExample], keywords: [String: [String]], settings: RouterSettings, logger: Logger
    ) throws -> IntentRouter {
        guard let folder = folder() else {
            return try IntentRouter(examples: examples, keywords: keywords, settings: settings)
        }
        let file = folder.appendingPathComponent("router-\(key).model")
        if let data = FileManager.default.contents(atPath: file.path) {
            do {
                var router = try IntentRouter(archive: [UInt8](data))
                router.settings.threshold = settings.threshold
                router.settings.margin = settings.margin
                return router
            } catch {
                logger.notice("router cache unreadable, retraining", metadata: ["file": "\(file.path)", "error": "\(error)"])
            }
        }
        let router = try IntentRouter(examples: examples, keywords: keywords, settings: settings)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let temporary = folder.appendingPathComponent(".router-\(UUID().uuidString).tmp")
            try Data(router.archive()).write(to: temporary)
            if rename(temporary.path, file.path) != 0 { try? FileManager.default.removeItem(at: temporary) }
            prune(folder, keeping: file)
        } catch {
            logger.warning(
                "router model cache not written; Steward will train again at the next start (set STEWARD_CACHE_DIR to a writable folder, or off)",
                metadata: ["folder": "\(folder.path)", "error": "\(error)"])
        }
        return router
    }

    /// Models kept in the folder: the newest ones; older ones (earlier builds or training data) are deleted.
    static let keptModels = 6

    /// Deletes all but the ``keptModels`` most recently written models.
    static func prune(_ folder: URL, keeping current: URL) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else { return }
        let models = names.filter { $0.hasPrefix("router-") && $0.hasSuffix(".model") }.map { folder.appendingPathComponent($0) }
        let dated = models.map { url in
            (url, (try? fm.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? .distantPast)
        }
        for (url, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(keptModels) where url != current {
            try? fm.removeItem(at: url)
        }
    }

    /// The cache folder, or nil when caching is off.
    static func folder() -> URL? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["STEWARD_CACHE_DIR"], !explicit.isEmpty {
            return explicit == "off" ? nil : URL(fileURLWithPath: explicit)
        }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("steward")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent(".cache/steward")
        }
        return nil
    }

    /// The hash naming the cache file, as 16 hex digits.
    static func key(examples: [TrainingExample], keywords: [String: [String]], settings: RouterSettings) -> String {
        var hash = FNV1a()
        hash.add("archive-v2")
        if let executable = Bundle.main.executablePath,
            let attributes = try? FileManager.default.attributesOfItem(atPath: executable)
        {
            hash.add("\(attributes[.size] ?? 0)|\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)")
        }
        var trained = settings
        trained.threshold = 0
        trained.margin = 0
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        hash.add(String(decoding: (try? encoder.encode(trained)) ?? Data(), as: UTF8.self))
        for example in examples {
            hash.add(example.text)
            hash.add(example.intent)
            hash.add(example.language ?? "")
        }
        for (intent, phrases) in keywords.sorted(by: { $0.key < $1.key }) {
            hash.add(intent)
            for phrase in phrases { hash.add(phrase) }
        }
        return String(hash.value, radix: 16).leftPadded(to: 16)
    }
}

/// 64-bit FNV-1a over strings, each followed by a separator byte.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 { mix(byte) }
        mix(0x1f)
    }

    private mutating func mix(_ byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01b3
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

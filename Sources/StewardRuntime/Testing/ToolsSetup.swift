import Foundation
import StewardCore

/// The shop data a conversation script's tools answer from: the demo store, records added or
/// replaced for the test, and tools switched off.
///
/// The records use the JSON shapes of the demo store's files (`demo/orders.json`, …); a record
/// whose key (an order's `number`, a coupon's `code`, …) matches one in the demo store replaces it.
public struct ToolsSetup: Sendable, Hashable {
    /// A file of the demo store and the field that identifies its records.
    public enum DemoFile: String, Sendable, Hashable, CaseIterable, Comparable {
        case orders, customers, products, coupons, returns, subscriptions, loyalty

        /// The file name in the demo folder.
        public var fileName: String { "\(rawValue).json" }

        /// The field whose value identifies a record; a record with the same value is replaced.
        public var key: String {
            switch self {
            case .orders: "number"
            case .customers, .loyalty: "email"
            case .products, .returns, .subscriptions: "id"
            case .coupons: "code"
            }
        }

        public static func < (lhs: DemoFile, rhs: DemoFile) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Starts from the demo store's records (true) or from none (false).
    public var demo: Bool
    /// Records to add or replace, per file, as the JSON array text of that file.
    public var records: [DemoFile: Data]
    /// Tools the shop does not have in this test (their skills become Unavailable).
    public var without: [ToolKind]

    /// The demo store as shipped.
    public init(demo: Bool = true, records: [DemoFile: Data] = [:], without: [ToolKind] = []) {
        self.demo = demo
        self.records = records
        self.without = without
    }

    /// True when the demo folder can be used as it is.
    public var usesDemoAsIs: Bool { demo && records.isEmpty }

    /// Writes a demo folder in `directory`: a copy of `source` (or empty files when `demo` is
    /// false) with the records laid over it.
    ///
    /// - Throws: ``ConversationScriptError/invalidRecords(file:key:reason:)`` when a demo file or a
    ///   record is not a JSON array of objects.
    func write(to directory: URL, from source: URL, script: String) throws {
        let files = FileManager.default
        try files.createDirectory(at: directory, withIntermediateDirectories: true)
        for file in DemoFile.allCases {
            var rows: [[String: Any]] = []
            let original = source.appendingPathComponent(file.fileName)
            if demo, let data = try? Data(contentsOf: original) {
                guard let array = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
                    throw ConversationScriptError.invalidRecords(
                        file: script, key: "tools", reason: "\(original.path) is not a JSON array of objects")
                }
                rows = array
            }
            if let overlay = records[file] {
                guard let added = try? JSONSerialization.jsonObject(with: overlay) as? [[String: Any]] else {
                    throw ConversationScriptError.invalidRecords(
                        file: script, key: "tools.\(file.rawValue)", reason: "give a list of records (mappings)")
                }
                for record in added {
                    let id = record[file.key].map { "\($0)" }
                    if let id, let index = rows.firstIndex(where: { $0[file.key].map { "\($0)" } == id }) {
                        rows[index] = record
                    } else {
                        rows.append(record)
                    }
                }
            }
            let data = try JSONSerialization.data(withJSONObject: rows, options: [.prettyPrinted, .sortedKeys])
            try data.write(to: directory.appendingPathComponent(file.fileName))
        }
    }
}

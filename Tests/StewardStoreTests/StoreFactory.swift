import Foundation
import StewardCore
import StewardModel
import StewardRuntime
import StewardStore
import Testing

/// A fresh directory under the system's temporary directory, removed after `body`.
func withTemporaryDirectory<T>(_ body: (URL) async throws -> T) async throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("steward-store-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    return try await body(directory)
}

/// Makes a fresh, empty store of one kind; the conformance suites run against every factory.
struct StoreFactory<Store: Sendable>: Sendable, CustomTestStringConvertible {
    let name: String
    let make: @Sendable (_ directory: URL) throws -> Store

    var testDescription: String { name }

    /// Runs `body` with a new store whose files (if any) are removed afterwards.
    func withStore(_ body: (Store) async throws -> Void) async throws {
        try await withTemporaryDirectory { directory in try await body(try make(directory)) }
    }
}

enum Factories {
    static let ticketStores: [StoreFactory<any TicketStore>] = [
        StoreFactory(name: "InMemoryTicketStore") { _ in InMemoryTicketStore() },
        StoreFactory(name: "SQLiteStore") { try SQLiteStore(path: $0.appendingPathComponent("steward.db").path) },
    ]

    static let sessionStores: [StoreFactory<any SessionStore>] = [
        StoreFactory(name: "InMemorySessionStore") { _ in InMemorySessionStore() },
        StoreFactory(name: "SQLiteStore") { try SQLiteStore(path: $0.appendingPathComponent("steward.db").path) },
    ]
}

/// Fixed instants, whole seconds so that they survive any storage exactly.
enum Instant {
    static let base = Date(timeIntervalSince1970: 1_700_000_000)
    static func at(_ seconds: TimeInterval) -> Date { base.addingTimeInterval(seconds) }
}

extension Ticket {
    /// A ticket with the fields the tests care about.
    static func sample(
        id: String = UUID().uuidString.lowercased(), session: String = "s1", channel: Channel = .webchat,
        email: String? = "jane@example.com", status: Status = .open, createdAt: Date = Instant.base
    ) -> Ticket {
        Ticket(
            id: id, sessionID: session, channel: channel, status: status, subject: "Order #1001: where is my order",
            customerEmail: email, customerName: "Jane",
            transcript: [
                Turn(timestamp: createdAt, role: .customer, text: "where is my order #1001", intent: "order_status")
            ],
            intents: ["order_status"], skills: ["OrderTracking"], reason: .requested,
            summary: ["order": "#1001"], tags: ["handoff"], createdAt: createdAt)
    }
}

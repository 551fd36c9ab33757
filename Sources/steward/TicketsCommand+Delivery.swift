import Foundation
import StewardStore

extension TicketsCommand {
    /// Waits up to `seconds` for the team's reply `sequence` to be delivered by a running chat or pipe
    /// (checked every 100 ms); true once it is, false when it is still pending.
    static func awaitDelivery(of sequence: Int64, in db: SQLiteStore, seconds: Double) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if try await db.replyDelivered(sequence: sequence) == true { return true }
            if Date() >= deadline { return false }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// "3 s", "0.5 s": the wait as the command reports it.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

import Foundation

extension ConversationEngine {
    /// How many times a message is answered again after ``SessionConflict`` before the error reaches the host.
    static let conflictRetries = 4

    /// Runs `body` while holding the session (``SessionStore/claim(session:)``), so that it loads, answers
    /// and saves the session as its only writer, in this process and in any other sharing the store.
    ///
    /// When the save still finds the session changed underneath (``SessionConflict``: the claim lapsed,
    /// or a writer that does not claim), the session is claimed again, read again from the store, and
    /// `body` runs again, up to ``conflictRetries`` times. `body` must therefore write nothing outside the
    /// session before its save that it cannot repeat; under the claim the conflict does not happen between
    /// Steward processes, so side effects (tickets, the shop's tools) run once.
    func exclusively<T>(session id: String, _ body: () async throws -> T) async throws -> T {
        var attempt = 0
        while true {
            try await store.claim(session: id)
            do {
                let result = try await body()
                // The answer is stored: a claim left behind by a failed release only delays another process.
                do {
                    try await store.release(session: id)
                } catch {
                    logger.error("could not release a session", metadata: ["session": "\(id)", "error": "\(error)"])
                }
                return result
            } catch let conflict as SessionConflict where attempt < Self.conflictRetries {
                attempt += 1
                logger.warning(
                    "the session changed in another process; answering again from the stored copy",
                    metadata: ["session": "\(id)", "attempt": "\(attempt)", "conflict": "\(conflict)"])
                try? await store.release(session: id)
            } catch {
                try? await store.release(session: id)
                throw error
            }
        }
    }
}

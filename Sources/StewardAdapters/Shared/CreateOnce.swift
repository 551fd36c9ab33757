import StewardHTTP

/// Creates a record at most once for a client-chosen external id, for APIs without idempotency keys.
///
/// 1. Look the record up by its external id; if it exists (an earlier attempt got through), return it.
/// 2. Otherwise create it, with the external id on it.
/// 3. If the create failed in a way that leaves its outcome unknown (timeout, broken connection,
///    5xx, a 2xx whose body cannot be read), look it up again: the server may have created it before
///    the failure (``SideEffect``). It is never sent a second time here: when the lookup shows nothing,
///    ``ActionFailure/unconfirmed(action:reason:)`` is thrown, and the outbox waits at least
///    ``SideEffect/lookAgainAfterSeconds`` (60 s) before its next attempt, which starts with step 1 again,
///    so a slow helpdesk has finished the first copy before any re-send.
enum CreateOnce {
    /// Looks up, creates once, and looks up again after an ambiguous failure (see the type's documentation).
    ///
    /// - Throws: ``ActionFailure/unconfirmed(action:reason:)`` when the outcome is unknown, else the lookup's or
    ///   the create's error (an ``HTTPClientError``, whose `retryLater` the outbox honours).
    static func run<Record: Sendable>(
        lookup: () async throws -> Record?, create: () async throws -> Record
    ) async throws -> Record {
        if let existing = try await lookup() { return existing }
        return try await SideEffect.perform(action: "create the ticket", confirm: lookup, act: create)
    }

    /// Tags as helpdesks accept them: trimmed, lower case, spaces as `_`, `steward` added, no duplicates.
    static func tags(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        return (tags + ["steward"]).compactMap { tag in
            let cleaned = tag.trimmingCharacters(in: .whitespaces).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: "_")
            guard !cleaned.isEmpty, seen.insert(cleaned).inserted else { return nil }
            return cleaned
        }
    }
}

import StewardHTTP

/// Creates a record at most once for a client-chosen external id, for APIs without idempotency keys.
///
/// 1. Look the record up by its external id; if it exists (an earlier attempt got through), return it.
/// 2. Otherwise create it, with the external id on it.
/// 3. If the create failed in a way that leaves its outcome unknown (timeout, broken connection,
///    5xx, a 2xx whose body cannot be read), look it up again: the server may have created it before
///    the failure (``SideEffect``). It is never sent a second time here.
///
/// A small window remains between a create that is still being processed and the second lookup;
/// the caller (the outbox) retries later, and step 1 then finds the record.
enum CreateOnce {
    static func run<Record: Sendable>(
        lookup: () async throws -> Record?, create: () async throws -> Record
    ) async throws -> Record {
        if let existing = try await lookup() { return existing }
        return try await SideEffect.perform(repeat: .never, confirm: lookup, act: create)
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

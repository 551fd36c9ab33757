import StewardCore

extension IncomingMessage {
    /// The message as Steward keeps and acts on it: ``text``, ``action`` and the customer's `email`,
    /// `profile_id` and `name` passed through ``SecretMasker/mask(_:)``.
    ///
    /// The engine takes every message through this before anything is stored, logged, put on a
    /// ticket or given to a skill, so a skill never sees (nor says back) a card number, PIN or
    /// password. `session` and `id` are left as they are: they are keys, and two different secrets
    /// masked to the same placeholder would join two conversations.
    public var masked: IncomingMessage {
        var copy = self
        copy.text = text.map(SecretMasker.mask)
        copy.action = action.map(SecretMasker.mask)
        copy.customer = customer?.masked
        return copy
    }

    /// The messages of a burst as Steward keeps them: each ``masked``, and their texts (trimmed of
    /// white space, as the engine reads them) masked together with ``SecretMasker/mask(parts:separator:)``,
    /// so a secret split between two messages ("my pin" + "4321") is masked in both.
    public static func masked(burst messages: [IncomingMessage]) -> [IncomingMessage] {
        var masked = messages.map(\.masked)
        guard messages.count > 1 else { return masked }
        let indices = messages.indices.filter { !(messages[$0].text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let parts = SecretMasker.mask(
            parts: indices.map { messages[$0].text!.trimmingCharacters(in: .whitespacesAndNewlines) }, separator: " ")
        for (index, part) in zip(indices, parts) { masked[index].text = part }
        return masked
    }

    /// The messages of a burst masked as ``masked(burst:)`` does, read after `previous`, the text of the
    /// session's last customer turn as stored: the previous text and the messages' texts are masked together
    /// (``SecretMasker/mask(parts:separator:)``), so a secret split between the previous message and these
    /// ("my card is 4111 1111" + "1111 1111", "my password is" + "Hunter2!x") is masked in both.
    ///
    /// - Returns: The masked messages, and the previous text masked when part of a secret was in it (nil
    ///   when it stays as stored).
    public static func masked(burst messages: [IncomingMessage], after previous: String?)
        -> (messages: [IncomingMessage], previous: String?)
    {
        guard let previous, !previous.isEmpty else { return (masked(burst: messages), nil) }
        var masked = messages.map(\.masked)
        let indices = messages.indices.filter { !(messages[$0].text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        guard !indices.isEmpty else { return (masked, nil) }
        let parts = SecretMasker.mask(
            parts: [previous] + indices.map { messages[$0].text!.trimmingCharacters(in: .whitespacesAndNewlines) }, separator: " ")
        for (index, part) in zip(indices, parts.dropFirst()) { masked[index].text = part }
        return (masked, parts[0] == previous ? nil : parts[0])
    }
}

extension Customer {
    /// The customer with `email`, `profile_id` and `name` passed through ``SecretMasker/mask(_:)``
    /// (`verifiedEmail` is set by skills from masked text).
    public var masked: Customer {
        var copy = self
        copy.email = email.map(SecretMasker.mask)
        copy.profileID = profileID.map(SecretMasker.mask)
        copy.name = name.map(SecretMasker.mask)
        return copy
    }
}

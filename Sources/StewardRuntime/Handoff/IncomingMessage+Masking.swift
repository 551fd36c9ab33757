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

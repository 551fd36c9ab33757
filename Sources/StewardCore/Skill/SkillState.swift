/// A skill's memory for one conversation: named string slots such as an order number.
public struct SkillState: Sendable, Hashable, Codable {
    /// The slots by name.
    public var slots: [String: String]

    public init(slots: [String: String] = [:]) {
        self.slots = slots
    }

    /// The value of a slot, or nil.
    public subscript(_ name: String) -> String? {
        get { slots[name] }
        set { slots[name] = newValue }
    }

    /// True when no slot is set.
    public var isEmpty: Bool { slots.isEmpty }
}

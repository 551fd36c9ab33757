/// Whether a skill takes traffic, and why not.
public enum SkillStatus: Sendable, Hashable, CustomStringConvertible {
    /// In service.
    case live
    /// Not in service; the reason says what is missing, e.g. "needs a returns provider".
    case unavailable(reason: String)
    /// Announced but not built yet.
    case comingSoon

    public var isLive: Bool { self == .live }

    public var description: String {
        switch self {
        case .live: "Live"
        case .unavailable(let reason): "Unavailable (\(reason))"
        case .comingSoon: "Coming soon"
        }
    }
}

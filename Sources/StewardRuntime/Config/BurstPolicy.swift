import Foundation
import StewardCore

/// How `steward pipe` treats several messages of one session arriving in quick succession, per channel.
///
/// A channel with a window merges a session's messages that arrive less than `window` seconds
/// apart into one turn answered once ("hi" / "where's my order" / "#1001" on SMS); a burst is
/// answered at most ``maxDelayFactor`` windows after its first message however long it goes on.
/// A channel without one answers each message in turn. In `steward.yaml`:
///
/// ```yaml
/// bursts:          # seconds per channel; 0 or off answers each message in turn
///   sms: 1.5
///   whatsapp: 1.5
///   webchat: off
///   email: off
/// ```
///
/// Channels not named answer each message in turn (the default everywhere, so that a script piped in
/// at once is answered line by line). 1.5 s is a good window on SMS and WhatsApp, where people send a
/// thought in pieces and each reply costs a message.
public struct BurstPolicy: Sendable, Hashable {
    /// The longest window allowed, in seconds: longer would make customers wait for an answer.
    public static let maxWindow = 10.0
    /// A burst is answered at the latest this many windows after its first message.
    public static let maxDelayFactor = 4.0

    /// The window of each channel in seconds; a channel absent or at 0 answers each message in turn.
    public var windows: [Channel: Double]

    /// The default: every message answered in turn on every channel.
    public static let standard = BurstPolicy(windows: [:])
    /// The recommended windows for a shop on SMS and WhatsApp: 1.5 s there, off on web chat and email.
    public static let recommended = BurstPolicy(windows: [.sms: 1.5, .whatsapp: 1.5])
    /// Every message answered in turn on every channel.
    public static let off = BurstPolicy(windows: [:])

    public init(windows: [Channel: Double]) {
        self.windows = windows.filter { $0.value > 0 }
    }

    /// The channel's window in seconds; 0 when its messages are answered each in turn.
    public func window(for channel: Channel) -> Double { windows[channel] ?? 0 }

    /// Reads the `bursts` section: a mapping of channel names to seconds (0 to ``maxWindow``) or `off`.
    ///
    /// - Throws: ``ConfigurationError/unknownKey(key:allowed:)`` for a name that is not a channel,
    ///   ``ConfigurationError/invalidValue(key:expected:)`` naming `bursts.<channel>` for any other value.
    static func parse(_ node: ConfigNode, defaults: BurstPolicy = .standard) throws -> BurstPolicy {
        try node.allow(Channel.allCases.map(\.rawValue))
        var windows = defaults.windows
        for channel in Channel.allCases {
            guard let value = node.values[channel.rawValue] else { continue }
            let key = node.path(channel.rawValue)
            let expected = "a number of seconds from 0 to \(Int(maxWindow)), or off (0 and off answer each message in turn)"
            let seconds: Double
            if let flag = value as? Bool {
                // YAML reads a bare `off` (and `no`, `false`) as false; `on`/`true` has no length.
                guard !flag else { throw ConfigurationError.invalidValue(key: key, expected: expected) }
                seconds = 0
            } else if let text = value as? String, text.lowercased() == "off" {
                seconds = 0
            } else if let number = value as? Double {
                seconds = number
            } else if let number = value as? Int {
                seconds = Double(number)
            } else {
                throw ConfigurationError.invalidValue(key: key, expected: expected)
            }
            guard seconds.isFinite, seconds >= 0, seconds <= maxWindow else {
                throw ConfigurationError.invalidValue(key: key, expected: expected)
            }
            windows[channel] = seconds
        }
        return BurstPolicy(windows: windows)
    }
}

public import Logging

/// A log handler that passes every message, metadata value and error text through
/// ``SecretMasker/mask(_:)`` before handing it to the handler it wraps.
///
/// The engine masks what customers type before it logs anything; this wrapper makes the same true of
/// every log line at every level (trace too), whatever a library or a skill puts in one. `steward`
/// installs it around its standard-error handler (`LogSetup`).
public struct MaskingLogHandler: LogHandler {
    /// The handler that writes the masked events.
    public var wrapped: any LogHandler

    /// Wraps `handler`.
    public init(_ handler: any LogHandler) {
        wrapped = handler
    }

    public var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    public var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = newValue }
    }

    public var metadataProvider: Logger.MetadataProvider? {
        get { wrapped.metadataProvider }
        set { wrapped.metadataProvider = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set { wrapped[metadataKey: key] = newValue }
    }

    public func log(event: LogEvent) {
        var event = event
        event.message = Logger.Message(stringLiteral: SecretMasker.mask(event.message.description))
        var metadata = event.metadata?.mapValues(Self.mask)
        if let error = event.error {
            metadata = (metadata ?? [:]).merging(["error": .string(SecretMasker.mask("\(error)"))]) { old, _ in old }
            event.error = nil
        }
        // The handler's own metadata (set with `logger[metadataKey:]`) is masked with each event.
        if !wrapped.metadata.isEmpty {
            metadata = wrapped.metadata.mapValues(Self.mask).merging(metadata ?? [:]) { _, event in event }
        }
        event.metadata = metadata
        wrapped.log(event: event)
    }

    /// A metadata value with every string in it masked.
    static func mask(_ value: Logger.MetadataValue) -> Logger.MetadataValue {
        switch value {
        case .string(let text): .string(SecretMasker.mask(text))
        case .stringConvertible(let convertible): .string(SecretMasker.mask(convertible.description))
        case .array(let values): .array(values.map(mask))
        case .dictionary(let values): .dictionary(values.mapValues(mask))
        @unknown default: .string(SecretMasker.mask(value.description))
        }
    }
}

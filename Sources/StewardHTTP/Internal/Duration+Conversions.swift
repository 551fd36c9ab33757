extension Duration {
    /// The duration in seconds as a `Double`.
    var inSeconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// The duration in whole milliseconds, rounded up, never negative (libcurl's `_MS` options).
    var inMilliseconds: Int {
        max(0, Int((inSeconds * 1000).rounded(.up)))
    }
}

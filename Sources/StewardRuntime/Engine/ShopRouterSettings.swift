import StewardRouter

extension RouterSettings {
    /// The settings of the shop agent's router, used by `steward chat` and `steward pipe` unless
    /// `router.threshold` / `router.margin` in the configuration override the decision pair.
    ///
    /// Chosen on `Benchmarks/routing/validation.jsonl` (never on `test.jsonl`) with
    /// `steward eval --skills Benchmarks/routing/test.jsonl --val Benchmarks/routing/validation.jsonl`,
    /// by the rule that command documents; figures in BENCHMARKS.md.
    public static let shop: RouterSettings = {
        var settings = RouterSettings()
        settings.hiddenUnits = 0
        return settings
    }()
}

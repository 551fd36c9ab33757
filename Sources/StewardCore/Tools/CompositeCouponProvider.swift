/// Discount codes from several sources at once, e.g. Shopify (the shop's discounts) and Klaviyo
/// (codes assigned to marketing profiles).
///
/// - Public codes: every source's ``CouponProvider/publicCoupons()`` (Klaviyo has none), in
///   source order.
/// - Personal codes: every source's codes for the email, merged in source order.
/// - Both are de-duplicated by code, ignoring case; the first source that names a code wins.
/// - A source that fails is left out and named in ``CouponLookup/failures``; the others' codes are
///   still returned. Only when every source fails does ``publicCoupons()`` or
///   ``coupons(email:)`` throw (the first source's error).
public struct CompositeCouponProvider: CouponProvider {
    /// The sources, in priority order.
    public let sources: [any CouponProvider]

    public init(_ sources: [any CouponProvider]) {
        self.sources = sources
    }

    public func publicCoupons() async throws -> [Coupon] {
        let results = await gather { try await $0.publicCoupons() }
        return try Self.merge(results)
    }

    public func coupons(email: String) async throws -> [Coupon] {
        let results = await gather { try await $0.coupons(email: email) }
        return try Self.merge(results)
    }

    public func personalCoupons(email: String) async -> CouponLookup {
        let results = await gather { await $0.personalCoupons(email: email) }
        var lookup = CouponLookup(coupons: [])
        for case .success(let part) in results {
            lookup.coupons += part.coupons
            lookup.failures += part.failures
        }
        lookup.coupons = Self.unique(lookup.coupons)
        return lookup
    }

    /// Asks every source concurrently; results come back in source order.
    func gather<T: Sendable>(_ ask: @escaping @Sendable (any CouponProvider) async throws -> T) async -> [Result<T, any Error>] {
        await withTaskGroup(of: (Int, Result<T, any Error>).self) { group in
            for (index, source) in sources.enumerated() {
                group.addTask {
                    do { return (index, .success(try await ask(source))) } catch { return (index, .failure(error)) }
                }
            }
            var results: [(Int, Result<T, any Error>)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// The codes of the sources that answered, de-duplicated; the first error when none answered.
    static func merge(_ results: [Result<[Coupon], any Error>]) throws -> [Coupon] {
        var codes: [Coupon] = []
        var firstError: (any Error)?
        var answered = false
        for result in results {
            switch result {
            case .success(let part):
                answered = true
                codes += part
            case .failure(let error):
                if firstError == nil { firstError = error }
            }
        }
        if !answered, let firstError { throw firstError }
        return unique(codes)
    }

    /// The coupons with each code once (case-insensitive), first occurrence kept, order kept.
    public static func unique(_ coupons: [Coupon]) -> [Coupon] {
        var seen: Set<String> = []
        return coupons.filter { seen.insert($0.code.uppercased()).inserted }
    }
}

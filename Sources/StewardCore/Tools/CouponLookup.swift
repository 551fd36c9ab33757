/// The personal codes found for a customer, and which sources could not be asked.
public struct CouponLookup: Sendable, Hashable {
    /// The codes found, de-duplicated by code.
    public var coupons: [Coupon]
    /// What went wrong with each source that failed (for logs; not shown to customers as is).
    public var failures: [String]

    public init(coupons: [Coupon], failures: [String] = []) {
        self.coupons = coupons
        self.failures = failures
    }

    /// True when at least one source failed, so some codes may be missing.
    public var isPartial: Bool { !failures.isEmpty }
}

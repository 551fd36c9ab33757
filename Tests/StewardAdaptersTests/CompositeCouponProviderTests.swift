import Foundation
import StewardCore
import Testing

/// The merge rules of ``CompositeCouponProvider`` with in-memory sources (the stub-server version is
/// `CouponSourcesTests` in StewardRuntimeTests).
@Suite struct CompositeCouponProviderTests {
    struct Source: CouponProvider {
        var publicCodes: [String] = []
        var personal: [String] = []
        var fails = false
        func publicCoupons() async throws -> [Coupon] {
            if fails { throw ToolError.unavailable(tool: "coupons", reason: "down") }
            return publicCodes.map { Coupon(code: $0, description: "public") }
        }
        func coupons(email: String) async throws -> [Coupon] {
            if fails { throw ToolError.unavailable(tool: "coupons", reason: "down") }
            return personal.map { Coupon(code: $0, description: "personal", email: email) }
        }
    }

    @Test func mergesInSourceOrderAndDropsRepeatedCodesIgnoringCase() async throws {
        let composite = CompositeCouponProvider([
            Source(publicCodes: ["SUMMER15"], personal: ["VIP-20", "welcome-1"]), Source(personal: ["WELCOME-1", "BDAY-5"]),
        ])
        #expect(try await composite.coupons(email: "a@example.com").map(\.code) == ["VIP-20", "welcome-1", "BDAY-5"])
        #expect(try await composite.publicCoupons().map(\.code) == ["SUMMER15"])
        let lookup = await composite.personalCoupons(email: "a@example.com")
        #expect(lookup.coupons.map(\.code) == ["VIP-20", "welcome-1", "BDAY-5"])
        #expect(!lookup.isPartial)
    }

    @Test func oneFailingSourceLeavesTheOthersCodes() async throws {
        let composite = CompositeCouponProvider([Source(fails: true), Source(publicCodes: ["FREESHIP"], personal: ["BDAY-5"])])
        #expect(try await composite.coupons(email: "a@example.com").map(\.code) == ["BDAY-5"])
        #expect(try await composite.publicCoupons().map(\.code) == ["FREESHIP"])
        let lookup = await composite.personalCoupons(email: "a@example.com")
        #expect(lookup.coupons.map(\.code) == ["BDAY-5"])
        #expect(lookup.failures.count == 1)
    }

    @Test func everySourceFailingThrows() async throws {
        let composite = CompositeCouponProvider([Source(fails: true), Source(fails: true)])
        await #expect(throws: ToolError.self) { try await composite.coupons(email: "a@example.com") }
        await #expect(throws: ToolError.self) { try await composite.publicCoupons() }
        #expect(await composite.personalCoupons(email: "a@example.com").failures.count == 2)
    }
}

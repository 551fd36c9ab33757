import Foundation

/// Wire shapes of Klaviyo's JSON:API responses (api-contracts.md §2).
enum KlaviyoAPI {
    /// A JSON:API collection: `data[]` plus `links.next` for the next page.
    struct Collection<Attributes: Decodable>: Decodable {
        var data: [Resource<Attributes>]
        var links: Links?
    }

    struct Links: Decodable {
        var next: String?
    }

    struct Resource<Attributes: Decodable>: Decodable {
        var type: String?
        var id: String?
        var attributes: Attributes?
        var relationships: Relationships?
    }

    struct Relationships: Decodable {
        var coupon: Relationship?
        var profile: Relationship?
    }

    struct Relationship: Decodable {
        var data: Linkage?
    }

    struct Linkage: Decodable {
        var type: String?
        var id: String?
    }

    struct ProfileAttributes: Decodable {
        var email: String?
        var phoneNumber: String?
        var externalId: String?
        var firstName: String?
        var lastName: String?
    }

    struct CouponCodeAttributes: Decodable {
        var uniqueCode: String?
        var expiresAt: FlexibleDate?
        var status: String?
    }

    /// A filter value in double quotes, as the docs write strings; `nil` when the value contains a quote.
    static func quoted(_ value: String) -> String? {
        guard !value.contains("\""), !value.contains("\\") else { return nil }
        return "\"\(value)\""
    }
}

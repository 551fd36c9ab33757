import Foundation
import StewardCore
import StewardHTTP
import StewardTesting
import Testing

@testable import StewardAdapters

/// A Klaviyo stand-in with the contract's JSON:API shapes (§2).
enum KlaviyoStub {
    static let profileID = "01GDDKASAP8TKDDA2GRZDSVP4H"

    static func handle(_ request: StubRequest) -> StubResponse {
        guard request.headers["Authorization"] == "Klaviyo-API-Key \(TestSupport.secret)", request.headers["revision"] != nil else {
            return .json(#"{"errors":[{"id":"e1","code":"not_authenticated","title":"Authentication credentials were not provided.","detail":"Missing or invalid private key."}]}"#, status: 401)
        }
        switch request.path {
        case "/api/profiles":
            let filter = request.queryValue("filter") ?? ""
            guard filter == #"equals(email,"sarah.mason@klaviyo-demo.com")"# || filter == "equals(email,'sarah.mason@klaviyo-demo.com')" else {
                return .json(#"{"data":[],"links":{"self":"https://a.klaviyo.com/api/profiles/","next":null,"prev":null}}"#, headers: [("Content-Type", "application/vnd.api+json")])
            }
            return .json("""
                {"data": [{"type": "profile", "id": "\(profileID)",
                  "attributes": {"email": "sarah.mason@klaviyo-demo.com", "phone_number": "+15005550006", "external_id": null,
                    "first_name": "Sarah", "last_name": "Mason", "organization": null, "locale": "en-US", "title": null, "image": null,
                    "created": "2024-01-05T16:20:52+00:00", "updated": "2025-06-01T09:00:00+00:00", "last_event_date": "2025-06-01T08:59:00+00:00",
                    "location": {"city": "Boston", "country": "United States", "region": "MA", "zip": "02110", "timezone": "America/New_York"},
                    "properties": {"loyalty_tier": "Gold"}},
                  "relationships": {"lists": {"links": {"self": "x", "related": "y"}}},
                  "links": {"self": "https://a.klaviyo.com/api/profiles/\(profileID)/"}}],
                 "links": {"self": "https://a.klaviyo.com/api/profiles/?filter=...", "next": null, "prev": null},
                 "meta": {"agent_hints": []}}
                """)
        case "/api/coupon-codes":
            guard request.queryValue("filter") == #"equals(profile.id,"\#(profileID)")"# else { return .json(#"{"data":[],"links":{"self":"x"}}"#) }
            return .json("""
                {"data": [
                  {"type": "coupon-code", "id": "10OFF-WELCOME-8F3K2", "attributes": {"unique_code": "WELCOME-8F3K2", "expires_at": null, "status": "ASSIGNED_TO_PROFILE"},
                   "relationships": {"coupon": {"data": {"type": "coupon", "id": "10OFF"}}, "profile": {"data": {"type": "profile", "id": "\(profileID)"}}},
                   "links": {"self": "x"}},
                  {"type": "coupon-code", "id": "10OFF-USEDCODE", "attributes": {"unique_code": "USEDCODE", "expires_at": null, "status": "USED"}, "links": {"self": "x"}},
                  {"type": "coupon-code", "id": "5OFF-OLDCODE", "attributes": {"unique_code": "OLDCODE", "expires_at": "2020-01-01T00:00:00+00:00", "status": "ASSIGNED_TO_PROFILE"}, "links": {"self": "x"}}
                ], "links": {"self": "x", "next": null}}
                """)
        default:
            return .json(#"{"errors":[{"id":"e2","code":"not_found","title":"Not found","detail":"Not found"}]}"#, status: 404)
        }
    }
}

@Suite struct KlaviyoAdapterTests {
    static func adapter(_ server: StubHTTPServer, client: HTTPClient = TestSupport.client()) throws -> KlaviyoAdapter {
        try KlaviyoAdapter(configuration: .init(baseURL: server.baseURLString, revision: "2025-07-15"), apiKey: TestSupport.secret, client: client)
    }

    @Test func profileByEmailSendsTheFilterAndHeaders() async throws {
        let server = try StubHTTPServer(handler: KlaviyoStub.handle)
        defer { server.stop() }
        let profile = try #require(try await Self.adapter(server).customer(email: "sarah.mason@klaviyo-demo.com"))
        #expect(profile.profileID == KlaviyoStub.profileID)
        #expect(profile.id == KlaviyoStub.profileID)
        #expect(profile.firstName == "Sarah")
        #expect(profile.phone == "+15005550006")
        let request = try #require(server.requests.first)
        #expect(request.path == "/api/profiles")
        #expect(request.query == "filter=equals%28email%2C%22sarah.mason%40klaviyo-demo.com%22%29&page%5Bsize%5D=1")
        #expect(request.headers["revision"] == "2025-07-15")
        #expect(request.headers["Accept"] == "application/vnd.api+json")
        #expect(request.headers["Authorization"] == "Klaviyo-API-Key \(TestSupport.secret)")
    }

    @Test func unknownEmailIsNilAndHasNoCoupons() async throws {
        let server = try StubHTTPServer(handler: KlaviyoStub.handle)
        defer { server.stop() }
        let klaviyo = try Self.adapter(server)
        #expect(try await klaviyo.customer(email: "nobody@example.com") == nil)
        #expect(try await klaviyo.coupons(email: "nobody@example.com").isEmpty)
        #expect(try await klaviyo.customer(email: #"evil"@example.com"#) == nil)
    }

    @Test func couponsAreTheProfilesUsableCodes() async throws {
        let server = try StubHTTPServer(handler: KlaviyoStub.handle)
        defer { server.stop() }
        let klaviyo = try Self.adapter(server)
        let coupons = try await klaviyo.coupons(email: "sarah.mason@klaviyo-demo.com")
        #expect(coupons.map(\.code) == ["WELCOME-8F3K2"])
        #expect(coupons.first?.email == "sarah.mason@klaviyo-demo.com")
        #expect(coupons.first?.description == "Your 10OFF code")
        #expect(try await klaviyo.publicCoupons().isEmpty)
        #expect(server.requests.last?.queryValue("filter") == #"equals(profile.id,"\#(KlaviyoStub.profileID)")"#)
    }

    @Test func missingKeySaysWhichVariableToSet() {
        #expect(throws: IntegrationError.missingSecret(
            integration: "Klaviyo", secret: "a private API key", variable: "KLAVIYO_API_KEY", setting: "integrations.klaviyo.api_key_env")
        ) { try KlaviyoAdapter.fromEnvironment(client: TestSupport.client(), environment: [:]) }
    }
}

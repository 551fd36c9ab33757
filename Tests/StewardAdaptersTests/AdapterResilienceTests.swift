import Foundation
import StewardCore
import StewardHTTP
import StewardTesting
import Testing

@testable import StewardAdapters

/// One adapter operation against its stub, for the faults every adapter must survive.
struct AdapterCase: Sendable, CustomTestStringConvertible {
    let name: String
    /// A fresh stub handler (stateful stubs start clean for every test).
    let makeHandler: @Sendable () -> StubHTTPServer.Handler
    /// Builds the adapter for this server and client and runs one read, checking its result.
    let run: @Sendable (StubHTTPServer, HTTPClient) async throws -> Void

    var testDescription: String { name }

    static let all: [AdapterCase] = [
        AdapterCase(name: "Shopify order by name", makeHandler: { ShopifyStub().handle }) { server, client in
            let order = try await ShopifyAdapterTests.adapter(server, client: client).order(number: "1001")
            #expect(order?.id == "450789469")
        },
        AdapterCase(name: "Klaviyo profile", makeHandler: { KlaviyoStub.handle }) { server, client in
            let profile = try await KlaviyoAdapterTests.adapter(server, client: client).customer(email: "sarah.mason@klaviyo-demo.com")
            #expect(profile?.profileID == KlaviyoStub.profileID)
        },
        AdapterCase(name: "Zendesk create", makeHandler: { HelpdeskStub().zendesk }) { server, client in
            let reference = try await ZendeskHelpdeskTests.helpdesk(server, client: client).createTicket(HelpdeskStub.ticket())
            #expect(reference.id == "35436")
        },
        AdapterCase(name: "Gorgias create", makeHandler: { HelpdeskStub().gorgias }) { server, client in
            let reference = try await GorgiasHelpdeskTests.helpdesk(server, client: client).createTicket(HelpdeskStub.ticket())
            #expect(reference.id == "35436")
        },
        AdapterCase(name: "Loop returns", makeHandler: { LoopStub.handle }) { server, client in
            let returns = try await LoopReturnsAdapterTests.adapter(server, client: client).returns(orderNumber: "1001")
            #expect(returns.count == 1)
        },
        AdapterCase(name: "Recharge subscriptions", makeHandler: { RechargeStub().handle }) { server, client in
            let subscriptions = try await RechargeAdapterTests.adapter(server, client: client).subscriptions(email: "bob.norman@mail.example.com")
            #expect(subscriptions.count == 1)
        },
        AdapterCase(name: "Smile.io account", makeHandler: { SmileStub.handle }) { server, client in
            let account = try await SmileLoyaltyAdapterTests.adapter(server, client: client).account(email: "bob.norman@mail.example.com")
            #expect(account?.pointsBalance == 300)
        },
    ]

    /// A server whose first `faulty` requests get `fault` and the rest the stub's answer.
    func server(faulty: Int = 1, _ fault: @escaping @Sendable (StubRequest) -> StubResponse) throws -> StubHTTPServer {
        let handler = makeHandler()
        let counter = RequestCounter()
        return try StubHTTPServer { request in
            counter.next() <= faulty ? fault(request) : handler(request)
        }
    }
}

@Suite struct AdapterResilienceTests {
    @Test(arguments: AdapterCase.all)
    func rateLimitedRequestWaitsForRetryAfterThenSucceeds(_ adapter: AdapterCase) async throws {
        let server = try adapter.server { _ in
            .json(#"{"errors":"Exceeded 2 calls per second for api client."}"#, status: 429, headers: [("Retry-after", "0.3")])
        }
        defer { server.stop() }
        let started = ContinuousClock.now
        try await adapter.run(server, TestSupport.client())
        #expect(ContinuousClock.now - started >= .milliseconds(300))
        let requests = server.requests
        #expect(requests.count >= 2)
        #expect(requests[0].target == requests[1].target)
    }

    @Test(arguments: AdapterCase.all)
    func oneServerErrorIsRetried(_ adapter: AdapterCase) async throws {
        let server = try adapter.server { _ in .json(#"{"errors":"Internal Server Error"}"#, status: 500) }
        defer { server.stop() }
        try await adapter.run(server, TestSupport.client())
        #expect(server.requests.count >= 2)
    }

    @Test(arguments: AdapterCase.all)
    func persistentServerErrorsSurfaceAsATypedStatusError(_ adapter: AdapterCase) async throws {
        let server = try adapter.server(faulty: .max) { _ in .json(#"{"error":"boom"}"#, status: 500) }
        defer { server.stop() }
        let error = await TestSupport.error { try await adapter.run(server, TestSupport.client()) }
        #expect((error as? HTTPClientError)?.statusCode == 500)
        #expect(server.requests.count == 3)
    }

    @Test(arguments: AdapterCase.all)
    func oneSlowResponseTimesOutAndIsRetried(_ adapter: AdapterCase) async throws {
        let server = try adapter.server { _ in .delay(2, then: .json("{}")) }
        defer { server.stop() }
        try await adapter.run(server, TestSupport.client(timeout: .milliseconds(300)))
    }

    @Test(arguments: AdapterCase.all)
    func persistentSlownessIsATimeoutError(_ adapter: AdapterCase) async throws {
        let server = try adapter.server(faulty: .max) { _ in .delay(2, then: .json("{}")) }
        defer { server.stop() }
        let error = await TestSupport.error { try await adapter.run(server, TestSupport.client(timeout: .milliseconds(200), attempts: 2)) }
        guard case .timeout = error as? HTTPClientError else {
            Issue.record("expected a timeout, got \(String(describing: error))")
            return
        }
    }

    @Test(arguments: AdapterCase.all)
    func aDroppedConnectionIsRetried(_ adapter: AdapterCase) async throws {
        let server = try adapter.server { _ in .dropConnection }
        defer { server.stop() }
        try await adapter.run(server, TestSupport.client())
    }

    @Test(arguments: AdapterCase.all)
    func aReplyThatIsNotHTTPIsAConnectionError(_ adapter: AdapterCase) async throws {
        let server = try adapter.server(faulty: .max) { _ in .malformed }
        defer { server.stop() }
        let error = await TestSupport.error { try await adapter.run(server, TestSupport.client()) }
        guard case .connection = error as? HTTPClientError else {
            Issue.record("expected a connection error, got \(String(describing: error))")
            return
        }
    }

    @Test(arguments: AdapterCase.all)
    func aMalformedBodyIsADecodeError(_ adapter: AdapterCase) async throws {
        let server = try adapter.server(faulty: .max) { _ in .json(#"{"orders": [{"id": tru"#) }
        defer { server.stop() }
        let error = await TestSupport.error { try await adapter.run(server, TestSupport.client()) }
        guard case .decode = error as? HTTPClientError else {
            Issue.record("expected a decode error, got \(String(describing: error))")
            return
        }
    }

    @Test(arguments: AdapterCase.all)
    func secretsNeverAppearInErrors(_ adapter: AdapterCase) async throws {
        // A hostile or buggy server echoes the credentials back in its error message.
        let server = try adapter.server(faulty: .max) { request in
            let echoed = request.headers.fields.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
            return .json(#"{"errors":"bad credentials \#(TestSupport.secret) \#(echoed)"}"#, status: 401)
        }
        defer { server.stop() }
        let error = await TestSupport.error { try await adapter.run(server, TestSupport.client()) }
        let text = String(describing: try #require(error)) + String(reflecting: try #require(error))
        #expect(!text.contains(TestSupport.secret))
        #expect(!text.contains(Data(TestSupport.secret.utf8).base64EncodedString().prefix(16)))
        #expect(text.contains("401"))
    }
}

@Suite struct AdapterSecretTests {
    @Test func adaptersNeverPrintTheirSecret() throws {
        let client = TestSupport.client()
        let secret = TestSupport.secret
        let adapters: [Any] = [
            try ShopifyAdapter(shop: "my-shop", accessToken: secret, client: client),
            try KlaviyoAdapter(apiKey: secret, client: client),
            try ZendeskHelpdesk(configuration: .init(subdomain: "acme", agentEmail: "bot@acme.com"), apiToken: secret, client: client),
            try GorgiasHelpdesk(configuration: .init(domain: "acme", username: "bot@acme.com"), apiKey: secret, client: client),
            try LoopReturnsAdapter(configuration: .init(portalURL: "https://acme.loopreturns.com"), apiKey: secret, client: client),
            try RechargeAdapter(configuration: .init(portalURL: "https://acme.example/portal"), apiToken: secret, client: client),
            try SmileLoyaltyAdapter(apiKey: secret, client: client),
        ]
        for adapter in adapters {
            var dumped = ""
            dump(adapter, to: &dumped)
            let text = String(describing: adapter) + String(reflecting: adapter) + dumped
            #expect(!text.contains(secret), "\(type(of: adapter)) shows its secret")
            #expect(!text.contains(Data(secret.utf8).base64EncodedString().prefix(16)), "\(type(of: adapter)) shows its credentials")
        }
    }

    @Test func integrationErrorsNameTheVariableNotTheValue() {
        let client = TestSupport.client()
        let environment = ["OTHER": TestSupport.secret]
        let errors: [IntegrationError?] = [
            Self.capture { try ShopifyAdapter.fromEnvironment(.init(shop: "my-shop"), client: client, environment: environment) },
            Self.capture { try KlaviyoAdapter.fromEnvironment(client: client, environment: environment) },
            Self.capture { try ZendeskHelpdesk.fromEnvironment(.init(subdomain: "acme", agentEmail: "bot@acme.com"), client: client, environment: environment) },
            Self.capture { try GorgiasHelpdesk.fromEnvironment(.init(domain: "acme", username: "bot@acme.com"), client: client, environment: environment) },
            Self.capture { try LoopReturnsAdapter.fromEnvironment(.init(portalURL: "https://acme.loopreturns.com"), client: client, environment: environment) },
            Self.capture { try RechargeAdapter.fromEnvironment(.init(portalURL: "https://acme.example/portal"), client: client, environment: environment) },
            Self.capture { try SmileLoyaltyAdapter.fromEnvironment(client: client, environment: environment) },
            Self.capture { try ShopifyAdapter(configuration: .init(shop: "bad shop"), accessToken: TestSupport.secret, client: client) },
            Self.capture { try KlaviyoAdapter(configuration: .init(baseURL: "ftp://x?token=\(TestSupport.secret)"), apiKey: TestSupport.secret, client: client) },
        ]
        let expectedVariables = ["SHOPIFY_ACCESS_TOKEN", "KLAVIYO_API_KEY", "ZENDESK_API_TOKEN", "GORGIAS_API_KEY", "LOOP_API_KEY", "RECHARGE_API_TOKEN", "SMILE_API_KEY"]
        for (index, error) in errors.enumerated() {
            let text = error.map(String.init(describing:)) ?? ""
            #expect(!text.isEmpty)
            #expect(!text.contains(TestSupport.secret))
            if index < expectedVariables.count { #expect(text.contains("set \(expectedVariables[index])"), "\(text)") }
        }
    }

    static func capture(_ body: () throws -> Any) -> IntegrationError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? IntegrationError
        }
    }
}

import Foundation
import StewardCore
import StewardRuntime
import Testing

@Suite struct ConfigurationTests {
    @Test func everyKeyHasADefault() throws {
        let config = try StewardConfiguration.parse(yaml: "")
        #expect(config.channels == Channel.allCases)
        #expect(config.data.knowledgeDirectory == "knowledge")
        #expect(config.router.threshold == nil)
    }

    @Test func documentedKeysAreRead() throws {
        let config = try StewardConfiguration.parse(yaml: """
            agent:
              name: Nora
              intro: Hello from Nora
            channels: [webchat, sms]
            router:
              threshold: 0.4
              margin: 0.1
            shop:
              name: Test Shop
              return_window_days: 14
            skills:
              disabled: [coupons]
            """)
        #expect(config.agent.name == "Nora")
        #expect(config.agent.intro == "Hello from Nora")
        #expect(config.channels == [.webchat, .sms])
        #expect(config.router.threshold == 0.4)
        #expect(config.router.margin == 0.1)
        #expect(config.shop.returnWindowDays == 14)
        #expect(config.disabledSkills == ["coupons"])
    }

    @Test(arguments: [
        ("agent:\n  nmae: X\n", "agent.nmae"),
        ("routr:\n  threshold: 0.5\n", "routr"),
        ("router:\n  threshold: 1.5\n", "router.threshold"),
        ("router:\n  margin: high\n", "router.margin"),
        ("channels: [webchat, fax]\n", "channels"),
        ("shop:\n  storefront_url: northwind.example\n", "shop.storefront_url"),
        ("shop:\n  return_window_days: 2.5\n", "shop.return_window_days"),
        ("store:\n  recent_turns: 1\n", "store.recent_turns"),
        ("store:\n  cached_sessions: lots\n", "store.cached_sessions"),
        ("agent: [1, 2]\n", "agent"),
    ])
    func badKeysAndValuesAreNamed(yaml: String, key: String) {
        do {
            _ = try StewardConfiguration.parse(yaml: yaml)
            Issue.record("expected an error for \(key)")
        } catch let error as ConfigurationError {
            #expect(error.description.contains("`\(key)`"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func aMissingExplicitFileIsAnError() {
        #expect(throws: ConfigurationError.self) { try StewardConfiguration.load(path: "/nonexistent/steward.yaml") }
    }

    @Test func channelsNotConfiguredAreRefused() async throws {
        var configuration = StewardConfiguration()
        configuration.channels = [.webchat]
        let engine = try makeEngine(configuration: configuration)
        await #expect(throws: EngineError.channelNotEnabled("sms")) {
            try await engine.respond(to: IncomingMessage(session: "x", text: "hi", channel: .sms))
        }
    }
}

@Suite struct StoreConfigurationTests {
    @Test func storeSettingsAreRead() throws {
        let config = try StewardConfiguration.parse(yaml: "store:\n  path: x.db\n  recent_turns: 8\n  cached_sessions: 100\n")
        #expect(config.storePath == "x.db")
        #expect(config.storeRecentTurns == 8)
        #expect(config.storeCachedSessions == 100)
        #expect(try StewardConfiguration.parse(yaml: "store:\n  path: x.db\n").storeRecentTurns == nil)
    }
}

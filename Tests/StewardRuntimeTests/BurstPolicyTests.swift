import Foundation
import StewardCore
import StewardRuntime
import Testing

@Suite struct BurstPolicyTests {
    @Test func byDefaultEveryMessageIsAnsweredInTurn() throws {
        let defaults = StewardConfiguration().bursts
        for channel in Channel.allCases { #expect(defaults.window(for: channel) == 0) }
        #expect(try StewardConfiguration.parse(yaml: "agent:\n  name: Bo\n").bursts == defaults)
        #expect(BurstPolicy.recommended.window(for: .sms) == 1.5)
        #expect(BurstPolicy.recommended.window(for: .whatsapp) == 1.5)
        #expect(BurstPolicy.recommended.window(for: .webchat) == 0)
    }

    @Test func channelsTakeSecondsOrOffAndKeepTheirDefaultsOtherwise() throws {
        let config = try StewardConfiguration.parse(yaml: "bursts:\n  sms: off\n  webchat: 2\n  email: 0.5\n  whatsapp: 1.5\n")
        #expect(config.bursts.window(for: .sms) == 0)
        #expect(config.bursts.window(for: .webchat) == 2)
        #expect(config.bursts.window(for: .email) == 0.5)
        #expect(config.bursts.window(for: .whatsapp) == 1.5)
        #expect(try StewardConfiguration.parse(yaml: "bursts:\n  whatsapp: \"off\"\n").bursts.window(for: .whatsapp) == 0)
        #expect(try StewardConfiguration.parse(yaml: "bursts:\n  whatsapp: 0\n").bursts.window(for: .whatsapp) == 0)
    }

    @Test func badValuesAreRefusedNamingTheKey() {
        let expected = "a number of seconds from 0 to 10, or off (0 and off answer each message in turn)"
        for value in ["30", "-1", "soon", "on", "[1]"] {
            #expect(throws: ConfigurationError.located(
                file: "<yaml>", line: 2, column: 3, problem: .invalidValue(key: "bursts.sms", expected: expected))) {
                try StewardConfiguration.parse(yaml: "bursts:\n  sms: \(value)\n")
            }
        }
        #expect(throws: ConfigurationError.located(
            file: "<yaml>", line: 2, column: 3,
            problem: .unknownKey(key: "bursts.fax", allowed: ["webchat", "sms", "whatsapp", "email"]))) {
            try StewardConfiguration.parse(yaml: "bursts:\n  fax: 1\n")
        }
        #expect(throws: ConfigurationError.located(
            file: "<yaml>", line: 1, column: 1, problem: .invalidValue(key: "bursts", expected: "a mapping of keys to values"))) {
            try StewardConfiguration.parse(yaml: "bursts: 1.5\n")
        }
    }
}

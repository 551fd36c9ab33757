import StewardRuntime
import Testing

/// `store.busy_timeout`: seconds a database write waits for another connection's write lock.
@Suite struct StoreBusyTimeoutConfigurationTests {
    @Test func absentMeansTheStoresDefaultAndAValueIsRead() throws {
        #expect(try StewardConfiguration.parse(yaml: "store:\n  path: x.db\n").storeBusyTimeout == nil)
        #expect(try StewardConfiguration.parse(yaml: "store:\n  busy_timeout: 0.5\n").storeBusyTimeout == 0.5)
        #expect(try StewardConfiguration.parse(yaml: "store:\n  busy_timeout: 30\n").storeBusyTimeout == 30)
    }

    @Test(arguments: ["0", "-1", "0.05", "601", "soon"])
    func outOfRangeValuesAreRefusedNamingTheKey(_ value: String) {
        #expect {
            try StewardConfiguration.parse(yaml: "store:\n  busy_timeout: \(value)\n")
        } throws: { error in
            "\(error)".contains("store.busy_timeout")
        }
    }
}

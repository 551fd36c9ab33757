// 200 concurrent Shopify order lookups through ShopifyAdapter against a loopback stub that
// answers each in 50 ms. Flags: --concurrency N --delay-ms MS --rounds N --connections N
import Foundation
import StewardAdapters
import StewardCore
import StewardHTTP
import StewardTesting

func flag(_ name: String, _ fallback: Int) -> Int {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count, let value = Int(arguments[index + 1]) else { return fallback }
    return value
}

let concurrency = flag("--concurrency", 200)
let delayMS = flag("--delay-ms", 50)
let rounds = flag("--rounds", 5)
let connections = flag("--connections", 64)

let orderJSON = """
    {"orders":[{"id":450789469,"name":"#1001","order_number":1001,"email":"bob.norman@mail.example.com","created_at":"2025-07-01T11:00:00-05:00",
    "cancelled_at":null,"closed_at":null,"financial_status":"paid","fulfillment_status":"fulfilled","currency":"USD","total_price":"598.94",
    "tags":"","line_items":[{"id":466157049,"title":"IPod Nano - 8gb","variant_title":"green","sku":"IPOD2008GREEN","quantity":1,"price":"199.00","product_id":632910392}],
    "fulfillments":[{"id":255858046,"status":"success","shipment_status":"in_transit","tracking_company":"USPS","tracking_number":"1Z1234512345123456",
    "tracking_url":"https://tools.usps.com/go/TrackConfirmAction_input?qtc_tLabels1=1Z1234512345123456","created_at":"2025-07-02T11:29:59-05:00"}],
    "shipping_address":null,"customer":null}]}
    """
let server = try StubHTTPServer { request in
    guard request.path == "/admin/api/2025-07/orders.json", request.queryValue("status") == "any" else {
        return .json(#"{"errors":"Not Found"}"#, status: 404)
    }
    return .delay(Double(delayMS) / 1000, then: .json(orderJSON))
}
defer { server.stop() }
let client = HTTPClient(configuration: .init(timeout: .seconds(10), maxConnectionsPerHost: connections))
let shopify = try ShopifyAdapter(shop: "bench", accessToken: "shpat_bench", client: client, baseURL: server.baseURLString)

print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; \(concurrency) concurrent lookups, stub answers in \(delayMS) ms, \(connections) connections per host")
var worst = Duration.zero
for round in 1...rounds {
    let started = ContinuousClock.now
    let found = try await withThrowingTaskGroup(of: Bool.self) { group in
        for _ in 0..<concurrency {
            group.addTask { try await shopify.order(number: "#1001")?.fulfillments.first?.carrier == "USPS" }
        }
        var count = 0
        for try await ok in group where ok { count += 1 }
        return count
    }
    let elapsed = ContinuousClock.now - started
    worst = max(worst, elapsed)
    let ms = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    print("round \(round): \(found)/\(concurrency) orders found in \(String(format: "%.1f", ms)) ms")
    guard found == concurrency else { fatalError("only \(found) of \(concurrency) lookups succeeded") }
}
let worstMS = Double(worst.components.seconds) * 1000 + Double(worst.components.attoseconds) / 1e15
print("worst round: \(String(format: "%.1f", worstMS)) ms (target: well under 1000 ms); TCP connections opened: \(server.connectionCount)")
client.shutdown()

import Foundation
import StewardCore
import StewardHTTP
import Testing

@testable import StewardAdapters

@Suite struct FlexibleDecodingTests {
    @Test(arguments: [
        ("2008-01-10T11:00:00-05:00", 1_199_980_800.0),
        ("2008-01-10T16:00:00Z", 1_199_980_800.0),
        ("2008-01-10T16:00:00.250Z", 1_199_980_800.25),
        ("2008-01-10T16:00:00.250000+00:00", 1_199_980_800.25),
        ("2008-01-10T16:00:00.250000", 1_199_980_800.25),
        ("2008-01-10 16:00:00", 1_199_980_800.0),
        ("2008-01-10T21:30:00+0530", 1_199_980_800.0),
        ("2008-01-10", 1_199_923_200.0),
    ])
    func timestampsInEveryDocumentedForm(_ text: String, _ seconds: Double) throws {
        let date = try #require(FlexibleDate.parse(text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.001)
    }

    @Test(arguments: ["", "yesterday", "2008-13-01", "2008-01-10T25:00:00Z", "2008-01-10T10:00:00Zjunk", "2008-01-10T10"])
    func garbageTimestampsAreRejected(_ text: String) {
        #expect(FlexibleDate.parse(text) == nil)
    }

    struct Sample: Decodable {
        var price: FlexibleDecimal
        var id: FlexibleID
        var tags: FlexibleTags
        var at: FlexibleDate?
    }

    @Test func moneyIdsAndTagsInEveryDocumentedForm() throws {
        let decoder = JSONDecoder.adapters
        let strings = try decoder.decode(Sample.self, from: Data(#"{"price":"12.50","id":"01GD","tags":"a, b ,c","at":null,"extra":{"x":[1]}}"#.utf8))
        #expect(strings.price.value == Decimal(string: "12.50"))
        #expect(strings.id.value == "01GD")
        #expect(strings.tags.values == ["a", "b", "c"])
        #expect(strings.at == nil)
        let numbers = try decoder.decode(Sample.self, from: Data(#"{"price":0.1,"id":450789469,"tags":[{"id":1,"name":"vip"}]}"#.utf8))
        #expect(numbers.price.value == Decimal(string: "0.1"))
        #expect(numbers.id.value == "450789469")
        #expect(numbers.tags.values == ["vip"])
        let arrays = try decoder.decode(Sample.self, from: Data(#"{"price":"-10.0","id":9007199254740993,"tags":["x","y"]}"#.utf8))
        #expect(arrays.price.value == -10)
        #expect(arrays.id.value == "9007199254740993")
        #expect(arrays.tags.values == ["x", "y"])
    }

    @Test func wrongTypesAreDecodingErrorsNotCrashes() {
        let decoder = JSONDecoder.adapters
        for body in [#"{"price":"abc","id":1,"tags":""}"#, #"{"price":"1","id":true,"tags":""}"#, #"{"price":"1","id":1,"tags":7}"#, #"{"price":"1","id":1,"tags":"","at":"soon"}"#] {
            #expect(throws: DecodingError.self) { try decoder.decode(Sample.self, from: Data(body.utf8)) }
        }
    }

    @Test func shopifyOrderWithWrongTypesIsATypedDecodeError() async throws {
        let response = HTTPResponse(status: 200, body: Array(#"{"orders":[{"id":1,"total_price":"twelve"}]}"#.utf8))
        #expect(throws: HTTPClientError.self) { try response.decode(ShopifyREST.OrderList.self, decoder: .adapters) }
        let minimal = try HTTPResponse(status: 200, body: Array(#"{"orders":[{"id":1,"customer":null,"shipping_address":null,"email":null}]}"#.utf8))
            .decode(ShopifyREST.OrderList.self, decoder: .adapters)
        let order = ShopifyREST.order(minimal.orders[0])
        #expect(order.email == nil)
        #expect(order.number == "1")
    }

    @Test func linkHeaderNextPageInfo() {
        let header = #"<https://s.myshopify.com/admin/api/2025-07/products.json?limit=50&page_info=xyz>; rel="previous", <https://s.myshopify.com/admin/api/2025-07/products.json?limit=50&page_info=abc>; rel="next""#
        #expect(ShopifyRESTTransport.nextPageInfo(header) == "abc")
        #expect(ShopifyRESTTransport.nextPageInfo(#"<https://x/p.json?page_info=xyz>; rel="previous""#) == nil)
        #expect(ShopifyRESTTransport.nextPageInfo(nil) == nil)
    }
}

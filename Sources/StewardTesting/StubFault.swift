public import Foundation

/// A fault a stub server injects in place of, or after, its normal answer, the way a vendor API
/// (Shopify, Klaviyo, Loop, Recharge, Smile.io, Zendesk, Gorgias) fails in production.
///
/// The faults that *process* the request first (``processThenDrop``, ``processThenDelay(seconds:)``,
/// ``garbage(_:)``) run the stub's handler, so its side effect happens (a ticket is created, an order
/// cancelled, points spent) and only the reply is lost or broken: the ambiguous failures that make a
/// blind retry act twice. The refusals (``rateLimited(retryAfter:)``, ``unavailable(retryAfter:)``,
/// ``dropBeforeProcessing``) never call the handler. Inject them with ``StubFaults``.
public enum StubFault: Sendable, Equatable {
    /// The handler runs (the side effect happens), then the connection is closed without a reply.
    case processThenDrop
    /// The handler runs, and its reply goes out only after `seconds`: set it longer than the
    /// client's timeout for a timeout after the side effect.
    case processThenDelay(seconds: Double)
    /// The connection is closed before the handler runs: nothing happens at the vendor.
    case dropBeforeProcessing
    /// `429 Too Many Requests` without processing, with `Retry-After` set to this value when given
    /// (delay-seconds like `"2"` or `"0.3"`, or an HTTP date from ``StubFault/httpDate(_:)``).
    case rateLimited(retryAfter: String?)
    /// `503 Service Unavailable` without processing, with `Retry-After` when given.
    case unavailable(retryAfter: String?)
    /// The handler runs, and its answer keeps its status but the body is replaced by garbage.
    case garbage(GarbageBody)
    /// A slow vendor: the handler runs only after `seconds` (the side effect happens then), and its answer
    /// follows. Set it longer than the client's timeout for a request still in flight when the client gives up.
    case delayThenProcess(seconds: Double)
    /// `500 Internal Server Error` without processing (a failing state read).
    case serverError

    /// Broken bodies a vendor (or a proxy in front of it) may send with a success status.
    public enum GarbageBody: String, Sendable, CaseIterable {
        /// Text that is not JSON at all (a load balancer's HTML error page).
        case notJSON
        /// JSON cut off in the middle.
        case truncatedJSON
        /// Valid JSON in a shape no adapter expects (an array of objects with mistyped fields).
        case wrongShape
        /// No body at all.
        case empty

        /// The bytes sent.
        public var body: String {
            switch self {
            case .notJSON: "<html><body><h1>502 Bad Gateway</h1>upstream sent an invalid response</body></html>"
            case .truncatedJSON: #"{"ticket": {"id": 35436, "external_id": "tkt"#
            case .wrongShape: #"[{"id": {"unexpected": true}, "status": 12, "data": "surprise"}]"#
            case .empty: ""
            }
        }
    }

    /// Whether the stub's handler runs (and its side effect happens) under this fault.
    public var processes: Bool {
        switch self {
        case .processThenDrop, .processThenDelay, .garbage, .delayThenProcess: true
        case .dropBeforeProcessing, .rateLimited, .unavailable, .serverError: false
        }
    }

    /// `date` as an HTTP date (IMF-fixdate, RFC 9110 §5.6.7), e.g. `Sun, 06 Nov 1994 08:49:37 GMT`,
    /// for a `Retry-After` given as a date.
    public static func httpDate(_ date: Date) -> String {
        // By hand, as StewardHTTP's HTTPDate does: DateFormatter goes through ICU's shared state.
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        let rest = seconds - days * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((days % 7) + 7) % 7]
        return "\(weekday), \(two(day)) \(months[month - 1]) \(year) \(two(rest / 3_600)):\(two(rest % 3_600 / 60)):\(two(rest % 60)) GMT"
    }

    /// What the server does for a request under this fault; `handler` computes the normal answer.
    func response(to request: StubRequest, handler: StubHTTPServer.Handler) -> StubResponse {
        switch self {
        case .processThenDrop:
            _ = handler(request)
            return .dropConnection
        case .processThenDelay(let seconds):
            return .delay(seconds, then: handler(request))
        case .dropBeforeProcessing:
            return .dropConnection
        case .rateLimited(let retryAfter):
            return .json(
                #"{"errors":"Exceeded the rate limit for this API client. Reduce request rates to resume uninterrupted service."}"#,
                status: 429, headers: retryAfter.map { [("Retry-After", $0)] } ?? [])
        case .unavailable(let retryAfter):
            return .json(
                #"{"error":{"msg":"An external service had an issue."}}"#, status: 503,
                headers: retryAfter.map { [("Retry-After", $0)] } ?? [])
        case .delayThenProcess(let seconds):
            // Blocks only this connection's thread, as a vendor busy with the request would.
            Thread.sleep(forTimeInterval: seconds)
            return handler(request)
        case .serverError:
            return .json(#"{"errors":"Internal Server Error"}"#, status: 500)
        case .garbage(let kind):
            var answer = handler(request)
            answer.headers.removeAll { $0.0.lowercased() == "content-length" }
            answer.body = Array(kind.body.utf8)
            return answer
        }
    }
}

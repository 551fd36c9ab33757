import Foundation
import Synchronization

/// Zendesk and Gorgias stand-ins speaking their ticket APIs' shapes (api-contracts.md §3, §4), keeping
/// the tickets they create so that duplicates show.
///
/// - Zendesk: `GET /api/v2/tickets.json?external_id=…` → `{"tickets": […]}`; `POST /api/v2/tickets.json`
///   → `201` with `{"ticket": {…}, "audit": {…}}` and a `Location`; a repeated `Idempotency-Key` returns the
///   first ticket with `x-idempotency-lookup: hit`, creating nothing.
/// - Gorgias: `GET /api/tickets?external_id=…` → `{"data": […], "object": "list", "meta": {…}}`;
///   `POST /api/tickets` → `201` with the ticket.
///
/// Both want HTTP Basic auth. Wrap a handler in ``StubFaults`` for faults.
public final class HelpdeskStub: Sendable {
    /// A ticket the stub created.
    public struct Created: Sendable {
        /// The helpdesk's id (35436, 35437, …).
        public var id: Int
        /// The `external_id` sent with it.
        public var externalID: String?
        /// The first comment or message text.
        public var body: String
    }

    private let tickets = Mutex([Created]())
    /// Zendesk's idempotency: the ticket created for each `Idempotency-Key` seen.
    private let idempotencyKeys = Mutex([String: Int]())
    /// Delays the answer to the first create by this many seconds (after storing the ticket).
    let slowFirstCreate: Double?

    /// A stub with no tickets.
    ///
    /// - Parameter slowFirstCreate: Delays the answer to the first create by this many seconds, after storing the ticket.
    public init(slowFirstCreate: Double? = nil) {
        self.slowFirstCreate = slowFirstCreate
    }

    /// How many tickets were created.
    public var count: Int { tickets.withLock { $0.count } }

    /// The tickets created, in order.
    public var created: [Created] { tickets.withLock { $0 } }

    private func store(externalID: String?, body: String) -> (id: Int, first: Bool) {
        tickets.withLock { list in
            let id = 35436 + list.count
            list.append(Created(id: id, externalID: externalID, body: body))
            return (id, list.count == 1)
        }
    }

    /// Answers a Zendesk Support API request.
    public func zendesk(_ request: StubRequest) -> StubResponse {
        guard request.headers["Authorization"]?.hasPrefix("Basic ") == true else { return .json(#"{"error":"Couldn't authenticate you"}"#, status: 401) }
        switch (request.method, request.path) {
        case ("GET", "/api/v2/tickets.json"), ("GET", "/api/v2/tickets"):
            let wanted = request.queryValue("external_id")
            let matches = tickets.withLock { $0 }.filter { $0.externalID == wanted }.map { ticket in
                #"{"url":"https://acme.zendesk.com/api/v2/tickets/\#(ticket.id).json","id":\#(ticket.id),"external_id":"\#(ticket.externalID ?? "")","status":"new","tags":["steward"]}"#
            }
            return .json(#"{"tickets":[\#(matches.joined(separator: ","))],"next_page":null,"previous_page":null,"count":\#(matches.count)}"#)
        case ("POST", "/api/v2/tickets.json"):
            let object = (request.jsonObject as? [String: Any])?["ticket"] as? [String: Any] ?? [:]
            let body = (object["comment"] as? [String: Any])?["body"] as? String ?? ""
            // Zendesk answers a repeated `Idempotency-Key` with the first request's ticket, creating nothing
            // (header `x-idempotency-lookup: hit`; developer.zendesk.com/api-reference/ticketing/introduction/#idempotency).
            let key = request.headers["Idempotency-Key"]
            let known = key.flatMap { key in idempotencyKeys.withLock { $0[key] } }
            let (id, first) = known.map { ($0, false) } ?? store(externalID: object["external_id"] as? String, body: body)
            if let key, known == nil { idempotencyKeys.withLock { $0[key] = id } }
            let response = StubResponse.json("""
                {"ticket": {"url": "https://acme.zendesk.com/api/v2/tickets/\(id).json", "id": \(id), "external_id": "\(object["external_id"] as? String ?? "")",
                  "via": {"channel": "api", "source": {"from": {}, "to": {}, "rel": null}}, "created_at": "2025-07-02T16:29:59Z",
                  "updated_at": "2025-07-02T16:29:59Z", "type": null, "subject": "s", "raw_subject": "s", "description": "d", "priority": "normal",
                  "status": "new", "requester_id": 371275811438, "submitter_id": 371275811438, "assignee_id": null, "organization_id": null,
                  "group_id": 360002166418, "tags": ["steward"], "custom_fields": [], "is_public": false, "brand_id": 360000827178},
                 "audit": {"id": 1, "events": []}}
                """, status: 201,
                headers: [("Location", "https://acme.zendesk.com/api/v2/tickets/\(id).json")] + (known == nil ? [] : [("x-idempotency-lookup", "hit")]))
            if first, let slow = slowFirstCreate { return .delay(slow, then: response) }
            return response
        default:
            return .json(#"{"error":"RecordNotFound","description":"Not found"}"#, status: 404)
        }
    }

    /// Answers a Gorgias REST API request.
    public func gorgias(_ request: StubRequest) -> StubResponse {
        guard request.headers["Authorization"]?.hasPrefix("Basic ") == true else { return .json(#"{"error":{"msg":"Unauthorized"}}"#, status: 401) }
        switch (request.method, request.path) {
        case ("GET", "/api/tickets"):
            let wanted = request.queryValue("external_id")
            let matches = tickets.withLock { $0 }.filter { $0.externalID == wanted }.map { ticket in
                #"{"id":\#(ticket.id),"uri":"/api/tickets/\#(ticket.id)/","external_id":"\#(ticket.externalID ?? "")","status":"open","tags":[{"id":1,"name":"steward","decoration":null}],"created_datetime":"2025-07-02T16:29:59.186726"}"#
            }
            return .json(#"{"data":[\#(matches.joined(separator: ","))],"object":"list","uri":"/api/tickets","meta":{"prev_cursor":null,"next_cursor":null}}"#)
        case ("POST", "/api/tickets"):
            let object = request.jsonObject as? [String: Any] ?? [:]
            let message = (object["messages"] as? [[String: Any]])?.first ?? [:]
            let (id, first) = store(externalID: object["external_id"] as? String, body: message["body_text"] as? String ?? "")
            let response = StubResponse.json("""
                {"id": \(id), "uri": "/api/tickets/\(id)/", "external_id": "\(object["external_id"] as? String ?? "")", "status": "open",
                 "priority": "normal", "channel": "api", "via": "api", "from_agent": false, "spam": false, "language": "en", "subject": "s",
                 "customer": {"id": 274085326, "email": "bob.norman@mail.example.com", "name": "Bob Norman"}, "assignee_user": null,
                 "tags": [{"id": 1, "name": "steward", "decoration": null}], "meta": null, "messages": [],
                 "created_datetime": "2025-07-02T16:29:59.186726+00:00", "updated_datetime": "2025-07-02T16:29:59.315130"}
                """, status: 201)
            if first, let slow = slowFirstCreate { return .delay(slow, then: response) }
            return response
        default:
            return .json(#"{"error":{"msg":"Resource not found."}}"#, status: 404)
        }
    }
}

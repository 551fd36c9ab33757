internal import CCurl
import Foundation

/// One libcurl easy handle and the response it is collecting.
///
/// Created, driven and destroyed on the transfer thread only (see ``CurlMultiLoop``); libcurl's
/// callbacks run there too, inside `curl_multi_perform`. Never shared with another thread,
/// so it needs no lock.
final class CurlTransfer {
    let id: UInt64
    let spec: TransferSpec
    let continuation: CheckedContinuation<TransferOutcome, Never>
    private(set) var easy: UnsafeMutableRawPointer?
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>

    private var status = 0
    private var responseHeaders = HTTPHeaders()
    private var body: [UInt8] = []
    private var exceededLimit = false

    init(id: UInt64, spec: TransferSpec, continuation: CheckedContinuation<TransferOutcome, Never>) {
        self.id = id
        self.spec = spec
        self.continuation = continuation
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        cleanUp()
        errorBuffer.deallocate()
    }

    /// Creates the easy handle and sets every option; returns a failure when libcurl refuses one.
    func configure() -> TransferFailure? {
        guard let easy = curl_easy_init() else {
            return TransferFailure(kind: .connection, reason: "libcurl could not create a transfer handle")
        }
        self.easy = easy
        let me = Unmanaged.passUnretained(self).toOpaque()
        var codes: [CURLcode] = []
        func long(_ option: CURLoption, _ value: Int) { codes.append(steward_easy_setopt_long(easy, option, value)) }
        func string(_ option: CURLoption, _ value: String) { codes.append(steward_easy_setopt_string(easy, option, value)) }

        string(CURLOPT_URL, spec.url)
        string(CURLOPT_PROTOCOLS_STR, "http,https")
        string(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
        long(CURLOPT_FOLLOWLOCATION, 0)
        long(CURLOPT_NOSIGNAL, 1)
        // TLS verification is always on; there is deliberately no switch for it.
        long(CURLOPT_SSL_VERIFYPEER, 1)
        long(CURLOPT_SSL_VERIFYHOST, 2)
        long(CURLOPT_CONNECTTIMEOUT_MS, spec.connectTimeoutMilliseconds)
        long(CURLOPT_TIMEOUT_MS, spec.timeoutMilliseconds)
        long(CURLOPT_TCP_KEEPALIVE, 1)
        if !spec.reusesConnection {
            // Never on a reused connection, so libcurl never re-sends it on its own after a dead one.
            long(CURLOPT_FRESH_CONNECT, 1)
            long(CURLOPT_FORBID_REUSE, 1)
        }
        // Ask for every encoding libcurl can decode; the size cap then applies to decoded bytes.
        string(CURLOPT_ACCEPT_ENCODING, "")
        codes.append(steward_easy_setopt_off_t(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(spec.maxResponseSize)))
        string(CURLOPT_USERAGENT, spec.userAgent)
        string(CURLOPT_NOPROXY, Self.noProxy)
        codes.append(steward_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer))
        codes.append(steward_easy_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION, Self.writeCallback))
        codes.append(steward_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, me))
        codes.append(steward_easy_setopt_data_callback(easy, CURLOPT_HEADERFUNCTION, Self.headerCallback))
        codes.append(steward_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, me))

        switch spec.method {
        case .get:
            long(CURLOPT_HTTPGET, 1)
        case .post:
            long(CURLOPT_POST, 1)
            setBody(spec.body ?? [], codes: &codes)
        case .put, .patch, .delete:
            string(CURLOPT_CUSTOMREQUEST, spec.method.rawValue)
            if let body = spec.body { setBody(body, codes: &codes) }
        }

        for line in spec.headerLines {
            guard let list = curl_slist_append(headerList, line) else {
                return TransferFailure(kind: .connection, reason: "libcurl could not allocate the header list")
            }
            headerList = list
        }
        codes.append(steward_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList))

        if let bad = codes.first(where: { $0 != CURLE_OK }) {
            let kind: TransferFailure.Kind =
                (bad == CURLE_UNSUPPORTED_PROTOCOL || bad == CURLE_URL_MALFORMAT) ? .invalidRequest : .connection
            return TransferFailure(kind: kind, reason: "libcurl rejected an option: \(Self.describe(bad))")
        }
        return nil
    }

    private func setBody(_ body: [UInt8], codes: inout [CURLcode]) {
        guard let easy else { return }
        codes.append(steward_easy_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
        // COPYPOSTFIELDS copies the bytes (POSTFIELDSIZE of them, NULs included) into the handle.
        if body.isEmpty {
            codes.append(steward_easy_setopt_string(easy, CURLOPT_COPYPOSTFIELDS, ""))
        } else {
            body.withUnsafeBytes { raw in
                codes.append(steward_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress)))
            }
        }
    }

    /// What happened, given libcurl's result code for the finished transfer.
    func outcome(for code: CURLcode) -> TransferOutcome {
        if exceededLimit || code == CURLE_FILESIZE_EXCEEDED {
            return .failure(TransferFailure(kind: .tooLarge, reason: "response larger than \(spec.maxResponseSize) bytes"))
        }
        guard code == CURLE_OK else {
            let notSent = code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST || code == CURLE_COULDNT_RESOLVE_PROXY
            return .failure(TransferFailure(kind: Self.kind(of: code), reason: reason(for: code), notSent: notSent))
        }
        var responseCode = 0
        if let easy, steward_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &responseCode) == CURLE_OK, responseCode > 0 {
            status = responseCode
        }
        return .response(status: status, headers: responseHeaders, body: body)
    }

    /// Frees the easy handle and header list. The caller has removed the handle from the multi handle.
    func cleanUp() {
        if let easy {
            curl_easy_cleanup(easy)
            self.easy = nil
        }
        if let headerList {
            curl_slist_free_all(headerList)
            self.headerList = nil
        }
    }

    private func reason(for code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? Self.describe(code) : detail
    }

    static func describe(_ code: CURLcode) -> String {
        String(cString: curl_easy_strerror(code))
    }

    static func kind(of code: CURLcode) -> TransferFailure.Kind {
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED,
            CURLE_SSL_ENGINE_INITFAILED, CURLE_SSL_SHUTDOWN_FAILED, CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR,
            CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CLIENTCERT, CURLE_USE_SSL_FAILED:
            return .tls
        case CURLE_URL_MALFORMAT:
            return .invalidRequest
        // The scheme was checked before sending; at transfer time this code means the server
        // answered with something that is not HTTP/1.x or 2 ("Received HTTP/0.9 when not allowed").
        case CURLE_UNSUPPORTED_PROTOCOL:
            return .connection
        case CURLE_FILESIZE_EXCEEDED:
            return .tooLarge
        default:
            return .connection
        }
    }

    /// Loopback never goes through a proxy; other hosts follow `no_proxy` from the environment.
    static let noProxy: String = {
        let fromEnvironment = ["NO_PROXY", "no_proxy"].compactMap { name -> String? in
            guard let value = getenv(name) else { return nil }
            return String(cString: value)
        }
        return (["localhost", "127.0.0.1", "::1"] + fromEnvironment).joined(separator: ",")
    }()

    // MARK: libcurl callbacks (run on the transfer thread inside curl_multi_perform)

    private static let writeCallback: steward_curl_data_callback = { data, size, count, userdata in
        guard let userdata else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
        let length = size * count
        guard length > 0, let data else { return length }
        guard transfer.body.count + length <= transfer.spec.maxResponseSize else {
            transfer.exceededLimit = true
            return 0  // a short count makes libcurl abort with CURLE_WRITE_ERROR
        }
        data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            transfer.body.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
        }
        return length
    }

    private static let headerCallback: steward_curl_data_callback = { data, size, count, userdata in
        guard let userdata else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
        let length = size * count
        guard length > 0, let data else { return length }
        let line = data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
        }
        transfer.receiveHeaderLine(line)
        return length
    }

    private func receiveHeaderLine(_ raw: String) {
        let line = raw.droppingTrailing { $0.isNewline }
        guard !line.isEmpty else { return }
        if line.hasPrefix("HTTP/") {
            // A new status line (after 1xx or a proxy CONNECT): start the header set over.
            responseHeaders = HTTPHeaders()
            let parts = line.split(separator: " ", maxSplits: 2)
            if parts.count >= 2, let code = Int(parts[1]) { status = code }
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = String(line[..<colon]).droppingTrailing { $0 == " " || $0 == "\t" }
        let value = String(line[line.index(after: colon)...]).droppingLeading { $0 == " " || $0 == "\t" }
        responseHeaders.add(name: name, value: value.droppingTrailing { $0 == " " || $0 == "\t" })
    }
}

extension String {
    func droppingTrailing(while predicate: (Character) -> Bool) -> String {
        var result = Substring(self)
        while let last = result.last, predicate(last) { result = result.dropLast() }
        return String(result)
    }

    func droppingLeading(while predicate: (Character) -> Bool) -> String {
        String(drop(while: predicate))
    }
}

import CCurl
import Foundation
import Synchronization

/// `curl_global_init` exactly once. Swift global initialisers run lazily under `swift_once`,
/// so the first transfer to touch this performs the call and every other thread waits for it.
private let curlGlobalInitResult: CURLcode = rb_curl_global_init_default()

/// `HTTPClient` over libcurl: one easy handle per request, performed on a dedicated `Thread`
/// (never on the cooperative pool). The response head is handed over as soon as its blank
/// line arrives; body chunks are yielded into an `AsyncThrowingStream` as libcurl writes them.
/// Cancelling the awaiting task, or ending iteration of the body, makes the XFERINFO callback
/// return non-zero, which aborts the transfer (`CURLE_ABORTED_BY_CALLBACK`); the caller sees
/// `CancellationError`. Proxies (`http_proxy`, `https_proxy`, `no_proxy`, …) are left to libcurl,
/// which reads them from the environment; `CURL_CA_BUNDLE` / `SSL_CERT_FILE` / `SSL_CERT_DIR`
/// are honoured the way the curl tool honours them.
public struct CurlHTTPClient: HTTPClient {
    public init() {}

    public func send(_ request: HTTPRequest) async throws -> (HTTPResponseHead, Data) {
        let (head, body) = try await stream(request)
        var data = Data()
        for try await chunk in body {
            data.append(contentsOf: chunk)
        }
        // A cancelled iterating task ends an AsyncThrowingStream silently; never return a
        // truncated body as if it were whole.
        try Task.checkCancellation()
        return (head, data)
    }

    public func stream(
        _ request: HTTPRequest
    ) async throws -> (HTTPResponseHead, AsyncThrowingStream<[UInt8], any Error>) {
        try CurlTransfer.validate(request)
        let (body, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        let transfer = CurlTransfer(request: request, body: continuation)
        continuation.onTermination = { termination in
            if case .cancelled = termination { transfer.requestCancel() }
        }
        let head = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (headContinuation: CheckedContinuation<HTTPResponseHead, any Error>) in
                transfer.start(headContinuation: headContinuation)
            }
        } onCancel: {
            transfer.requestCancel()
        }
        return (head, body)
    }
}

/// One transfer's shared state. libcurl's callbacks reach it through an `Unmanaged` pointer
/// (HEADERDATA / WRITEDATA / XFERINFODATA) on the transfer thread; Swift tasks reach it to
/// cancel. All mutable state is behind `Mutex` / `Atomic`, so plain `Sendable` holds.
final class CurlTransfer: Sendable {
    private struct State {
        var headContinuation: CheckedContinuation<HTTPResponseHead, any Error>?
        var headDelivered = false
        var status = 0
        var reason = ""
        var version = ""
        var headers: [HTTPHeaders.Field] = []
        var bytesReceived = 0

        var head: HTTPResponseHead {
            HTTPResponseHead(status: status, reason: reason, version: version, headers: HTTPHeaders(headers))
        }
    }

    let request: HTTPRequest
    private let body: AsyncThrowingStream<[UInt8], any Error>.Continuation
    private let cancelled = Atomic<Bool>(false)
    private let state = Mutex(State())

    init(request: HTTPRequest, body: AsyncThrowingStream<[UInt8], any Error>.Continuation) {
        self.request = request
        self.body = body
    }

    var host: String { request.host }

    func requestCancel() { cancelled.store(true, ordering: .sequentiallyConsistent) }

    var isCancelled: Bool { cancelled.load(ordering: .sequentiallyConsistent) }

    func start(headContinuation: CheckedContinuation<HTTPResponseHead, any Error>) {
        state.withLock { $0.headContinuation = headContinuation }
        let thread = Thread { [self] in self.run() }
        thread.name = "rbank-curl"
        thread.start()
    }

    // MARK: Validation

    static func validate(_ request: HTTPRequest) throws {
        guard let scheme = request.url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            throw HTTPError.invalidRequest(reason: "only http and https URLs are supported (host \(request.host))")
        }
        guard let host = request.url.host, !host.isEmpty else {
            throw HTTPError.invalidRequest(reason: "the URL has no host")
        }
        let tokenChars = CharacterSet(charactersIn: "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        func isToken(_ s: String) -> Bool {
            !s.isEmpty && s.unicodeScalars.allSatisfy { tokenChars.contains($0) }
        }
        guard isToken(request.method) else {
            throw HTTPError.invalidRequest(reason: "invalid method for a request to \(host)")
        }
        for field in request.headers {
            // Names are safe to mention; values (keys!) never are.
            guard isToken(field.name) else {
                throw HTTPError.invalidRequest(reason: "invalid header name for a request to \(host)")
            }
            guard !field.value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
                throw HTTPError.invalidRequest(reason: "header \(field.name) contains a line break (request to \(host))")
            }
        }
    }

    // MARK: The transfer thread

    private func run() {
        guard curlGlobalInitResult == CURLE_OK else {
            complete(code: curlGlobalInitResult, detail: "curl_global_init failed")
            return
        }
        if isCancelled {
            complete(code: CURLE_ABORTED_BY_CALLBACK, detail: "")
            return
        }
        guard let easy = curl_easy_init() else {
            complete(code: CURLE_FAILED_INIT, detail: "curl_easy_init failed")
            return
        }
        defer { curl_easy_cleanup(easy) }

        let errorBufferSize = rb_curl_error_size()
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: errorBufferSize)
        errorBuffer.initialize(repeating: 0, count: errorBufferSize)
        defer { errorBuffer.deallocate() }

        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headerList) }

        // Retained for the callbacks' sake until perform has returned.
        let unmanaged = Unmanaged.passRetained(self)
        defer { unmanaged.release() }
        let userdata = unmanaged.toOpaque()

        var setupCode = CURLE_OK
        func set(_ code: CURLcode) {
            if setupCode == CURLE_OK && code != CURLE_OK { setupCode = code }
        }

        set(rb_curl_setopt_pointer(easy, CURLOPT_ERRORBUFFER, errorBuffer))
        set(rb_curl_setopt_string(easy, CURLOPT_URL, request.url.absoluteString))
        set(rb_curl_setopt_long(easy, CURLOPT_NOSIGNAL, 1))
        set(rb_curl_setopt_long(easy, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1))
        set(rb_curl_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1))

        // Method and body.
        let method = request.method.uppercased()
        switch method {
        case "GET": set(rb_curl_setopt_long(easy, CURLOPT_HTTPGET, 1))
        case "HEAD": set(rb_curl_setopt_long(easy, CURLOPT_NOBODY, 1))
        case "POST": set(rb_curl_setopt_long(easy, CURLOPT_POST, 1))
        default: break
        }
        if let body = request.body ?? (method == "POST" ? Data() : nil) {
            set(rb_curl_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            if body.isEmpty {
                set(rb_curl_setopt_string(easy, CURLOPT_COPYPOSTFIELDS, ""))
            } else {
                body.withUnsafeBytes { raw in
                    set(rb_curl_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress)))
                }
            }
        }
        if method != "GET" && method != "POST" && method != "HEAD" || (request.body != nil && method != "POST") {
            set(rb_curl_setopt_string(easy, CURLOPT_CUSTOMREQUEST, method))
        }

        // Headers. "Expect:" turns off 100-continue round trips unless the caller set one.
        var fields = request.headers
        if !fields.contains("Expect") { fields.add(name: "Expect", value: "") }
        for field in fields {
            let line = field.value.isEmpty ? "\(field.name):" : "\(field.name): \(field.value)"
            guard let appended = curl_slist_append(headerList, line) else {
                set(CURLE_OUT_OF_MEMORY)
                break
            }
            headerList = appended
        }
        set(rb_curl_setopt_slist(easy, CURLOPT_HTTPHEADER, headerList))

        // Timeouts.
        if let seconds = request.connectTimeout {
            set(rb_curl_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(seconds)))
        }
        if let seconds = request.totalTimeout {
            set(rb_curl_setopt_long(easy, CURLOPT_TIMEOUT_MS, Self.milliseconds(seconds)))
        }
        if let limit = request.lowSpeedLimit, let time = request.lowSpeedTime {
            set(rb_curl_setopt_long(easy, CURLOPT_LOW_SPEED_LIMIT, max(1, limit)))
            set(rb_curl_setopt_long(easy, CURLOPT_LOW_SPEED_TIME, max(1, time)))
        }

        // CA settings the way the curl tool takes them from the environment (libcurl itself
        // already reads the proxy variables).
        let environment = ProcessInfo.processInfo.environment
        if let bundle = environment["CURL_CA_BUNDLE"] ?? environment["SSL_CERT_FILE"], !bundle.isEmpty {
            set(rb_curl_setopt_string(easy, CURLOPT_CAINFO, bundle))
        }
        if let directory = environment["SSL_CERT_DIR"], !directory.isEmpty {
            set(rb_curl_setopt_string(easy, CURLOPT_CAPATH, directory))
        }

        // Callbacks.
        set(rb_curl_setopt_header_function(easy) { buffer, size, count, userdata in
            guard let userdata else { return 0 }
            return Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
                .receiveHeader(buffer, size * count)
        })
        set(rb_curl_setopt_pointer(easy, CURLOPT_HEADERDATA, userdata))
        set(rb_curl_setopt_write_function(easy) { buffer, size, count, userdata in
            guard let userdata else { return 0 }
            return Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
                .receiveBody(buffer, size * count)
        })
        set(rb_curl_setopt_pointer(easy, CURLOPT_WRITEDATA, userdata))
        set(rb_curl_setopt_xferinfo_function(easy) { userdata, _, _, _, _ in
            guard let userdata else { return 1 }
            return Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue().isCancelled ? 1 : 0
        })
        set(rb_curl_setopt_pointer(easy, CURLOPT_XFERINFODATA, userdata))
        set(rb_curl_setopt_long(easy, CURLOPT_NOPROGRESS, 0))

        let code = setupCode == CURLE_OK ? curl_easy_perform(easy) : setupCode
        complete(code: code, detail: String(cString: errorBuffer))
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite, seconds > 0 else { return 0 }
        return max(1, Int((seconds * 1000).rounded()))
    }

    // MARK: Callbacks (transfer thread)

    private func receiveHeader(_ buffer: UnsafeMutablePointer<CChar>?, _ length: Int) -> Int {
        if isCancelled { return 0 }
        guard let buffer, length > 0 else { return length }
        let raw = UnsafeRawBufferPointer(start: buffer, count: length)
        let line = String(decoding: raw, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: "\r\n"))
        let ready: (CheckedContinuation<HTTPResponseHead, any Error>, HTTPResponseHead)? = state.withLock { s in
            if s.headDelivered { return nil }  // trailers after a chunked body
            if line.hasPrefix("HTTP/") {
                let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
                s.version = parts.first.map(String.init) ?? ""
                s.status = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
                s.reason = parts.count > 2 ? String(parts[2]) : ""
                s.headers = []
            } else if line.isEmpty {
                // End of a head. Interim 1xx heads are dropped; the final one is handed over.
                guard s.status >= 200 else {
                    s.status = 0
                    s.headers = []
                    return nil
                }
                guard let continuation = s.headContinuation else { return nil }
                s.headContinuation = nil
                s.headDelivered = true
                return (continuation, s.head)
            } else if line.first == " " || line.first == "\t", !s.headers.isEmpty {
                s.headers[s.headers.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                let name = String(line[..<colon]).trimmingCharacters(in: .whitespaces)
                let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
                s.headers.append(HTTPHeaders.Field(name: name, value: value))
            }
            return nil
        }
        if let (continuation, head) = ready { continuation.resume(returning: head) }
        return length
    }

    private func receiveBody(_ buffer: UnsafeMutablePointer<CChar>?, _ length: Int) -> Int {
        if isCancelled { return 0 }
        guard let buffer, length > 0 else { return length }
        // Should the head's blank line never have been seen, hand over what we have first.
        let pending: (CheckedContinuation<HTTPResponseHead, any Error>, HTTPResponseHead)? = state.withLock { s in
            s.bytesReceived += length
            guard !s.headDelivered, let continuation = s.headContinuation else { return nil }
            s.headContinuation = nil
            s.headDelivered = true
            return (continuation, s.head)
        }
        if let (continuation, head) = pending { continuation.resume(returning: head) }
        let chunk = [UInt8](UnsafeRawBufferPointer(start: buffer, count: length))
        if case .terminated = body.yield(chunk) {
            requestCancel()
            return 0
        }
        return length
    }

    // MARK: Completion

    private func complete(code: CURLcode, detail: String) {
        let error: (any Error)?
        if code == CURLE_OK {
            error = nil
        } else if isCancelled {
            error = CancellationError()
        } else {
            let (delivered, bytes) = state.withLock { ($0.headDelivered, $0.bytesReceived) }
            error = mapError(code: code, detail: detail, headDelivered: delivered, bytesReceived: bytes)
        }
        let pending: (CheckedContinuation<HTTPResponseHead, any Error>, HTTPResponseHead)? = state.withLock { s in
            guard let continuation = s.headContinuation else { return nil }
            s.headContinuation = nil
            s.headDelivered = true
            return (continuation, s.head)
        }
        if let (continuation, head) = pending {
            if let error { continuation.resume(throwing: error) } else { continuation.resume(returning: head) }
        }
        body.finish(throwing: error)
    }

    private func mapError(code: CURLcode, detail rawDetail: String, headDelivered: Bool, bytesReceived: Int) -> HTTPError {
        let detail: String = {
            let trimmed = rawDetail.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { return trimmed }
            guard let text = curl_easy_strerror(code) else { return "" }
            return String(cString: text)
        }()
        let number = Int(code.rawValue)
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return .couldNotResolveHost(host: host, curlCode: number, detail: detail)
        case CURLE_COULDNT_CONNECT:
            return .couldNotConnect(host: host, curlCode: number, detail: detail)
        case CURLE_OPERATION_TIMEDOUT:
            let lower = detail.lowercased()
            if lower.contains("too slow") {
                return .timedOut(host: host, kind: .lowSpeed, seconds: Double(request.lowSpeedTime ?? 0),
                                 curlCode: number, detail: detail)
            }
            if lower.contains("connection timed out") || lower.contains("resolving timed out") {
                return .timedOut(host: host, kind: .connect, seconds: request.connectTimeout ?? 300,
                                 curlCode: number, detail: detail)
            }
            return .timedOut(host: host, kind: .total, seconds: request.totalTimeout ?? 0,
                             curlCode: number, detail: detail)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR,
             CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE,
             CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED:
            return .tls(host: host, curlCode: number, detail: detail)
        case CURLE_GOT_NOTHING:
            return .emptyReply(host: host, curlCode: number, detail: detail)
        case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_HTTP2, CURLE_HTTP2_STREAM,
             CURLE_BAD_CONTENT_ENCODING:
            if headDelivered {
                return .transferAborted(host: host, bytesReceived: bytesReceived, curlCode: number, detail: detail)
            }
            return .transport(host: host, curlCode: number, detail: detail)
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return .invalidRequest(reason: "libcurl rejected the URL for \(host): \(detail) (curl error \(number))")
        default:
            return .transport(host: host, curlCode: number, detail: detail)
        }
    }
}

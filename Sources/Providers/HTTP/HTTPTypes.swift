import Foundation

/// An ordered list of HTTP header fields with case-insensitive lookup.
public struct HTTPHeaders: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public private(set) var fields: [Field]

    public init(_ fields: [Field] = []) { self.fields = fields }

    public init(_ pairs: [(String, String)]) {
        self.fields = pairs.map { Field(name: $0.0, value: $0.1) }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// The first value for `name`, compared case-insensitively (`headers["retry-after"]`).
    public subscript(name: String) -> String? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Every value for `name`, in order, compared case-insensitively.
    public func values(for name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }

    /// Appends a field, keeping any existing ones with the same name.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Replaces every field named `name` (case-insensitively) with a single one.
    public mutating func set(name: String, value: String) {
        remove(name: name)
        fields.append(Field(name: name, value: value))
    }

    public mutating func remove(name: String) {
        fields.removeAll { $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }

    public var isEmpty: Bool { fields.isEmpty }
    public var count: Int { fields.count }

    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }
}

/// One HTTP request. Timeouts are in seconds; `nil` means "no limit of that kind".
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: HTTPHeaders
    public var body: Data?
    /// Limit on establishing the connection (DNS + TCP + TLS).
    public var connectTimeout: Double?
    /// Limit on the whole transfer, head and body. Leave `nil` for long streams.
    public var totalTimeout: Double?
    /// Abort when fewer than `lowSpeedLimit` bytes/s arrive for `lowSpeedTime` seconds —
    /// the guard against a stalled stream. Both must be set to take effect.
    public var lowSpeedLimit: Int?
    public var lowSpeedTime: Int?

    public init(
        method: String = "GET",
        url: URL,
        headers: HTTPHeaders = HTTPHeaders(),
        body: Data? = nil,
        connectTimeout: Double? = 30,
        totalTimeout: Double? = nil,
        lowSpeedLimit: Int? = nil,
        lowSpeedTime: Int? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.lowSpeedLimit = lowSpeedLimit
        self.lowSpeedTime = lowSpeedTime
    }

    /// The host part of the URL, for messages (never the headers: they carry API keys).
    public var host: String { url.host ?? url.absoluteString }
}

/// The status line and header fields of a response (the final one, after any `1xx`).
public struct HTTPResponseHead: Sendable, Equatable {
    public var status: Int
    public var reason: String
    /// e.g. `HTTP/1.1`, `HTTP/2`.
    public var version: String
    public var headers: HTTPHeaders

    public init(status: Int, reason: String = "", version: String = "HTTP/1.1", headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.reason = reason
        self.version = version
        self.headers = headers
    }

    public var isSuccess: Bool { (200..<300).contains(status) }
}

/// The transport seam providers depend on. Non-2xx statuses are returned, not thrown;
/// only transport failures throw (`HTTPError`, or `CancellationError` when cancelled).
public protocol HTTPClient: Sendable {
    /// Performs the request and collects the whole body.
    func send(_ request: HTTPRequest) async throws -> (HTTPResponseHead, Data)

    /// Returns as soon as the response head has arrived; the body follows as chunks.
    /// Ending iteration early (dropping the stream or cancelling the iterating task) aborts
    /// the transfer. A transfer that fails mid-body finishes the stream with an `HTTPError`.
    /// Note that an `AsyncThrowingStream` whose iterating task is cancelled just ends, so a
    /// consumer should `try Task.checkCancellation()` after its loop.
    func stream(_ request: HTTPRequest) async throws -> (HTTPResponseHead, AsyncThrowingStream<[UInt8], any Error>)
}

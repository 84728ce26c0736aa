import Foundation

/// A transport failure. Messages name the host, the failure and the libcurl code; they never
/// include request headers (those carry API keys) nor bodies.
public enum HTTPError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    public enum TimeoutKind: String, Sendable, Equatable {
        /// Establishing the connection took too long.
        case connect
        /// The whole transfer took longer than `totalTimeout`.
        case total
        /// Fewer than `lowSpeedLimit` bytes/s arrived for `lowSpeedTime` seconds.
        case lowSpeed = "low-speed"
    }

    /// The request could not be built (bad URL, unsupported scheme, bad method).
    case invalidRequest(reason: String)
    /// DNS lookup of the host (or of the proxy) failed.
    case couldNotResolveHost(host: String, curlCode: Int, detail: String)
    /// TCP connection refused / unreachable.
    case couldNotConnect(host: String, curlCode: Int, detail: String)
    /// A timeout fired; `seconds` is the configured limit that was exceeded.
    case timedOut(host: String, kind: TimeoutKind, seconds: Double, curlCode: Int, detail: String)
    /// TLS handshake or certificate verification failed.
    case tls(host: String, curlCode: Int, detail: String)
    /// The connection broke after the response had started (e.g. closed mid-body).
    case transferAborted(host: String, bytesReceived: Int, curlCode: Int, detail: String)
    /// The server closed the connection without sending any response.
    case emptyReply(host: String, curlCode: Int, detail: String)
    /// Any other libcurl failure.
    case transport(host: String, curlCode: Int, detail: String)

    public var curlCode: Int? {
        switch self {
        case .invalidRequest: nil
        case .couldNotResolveHost(_, let c, _), .couldNotConnect(_, let c, _), .tls(_, let c, _),
             .emptyReply(_, let c, _), .transport(_, let c, _):
            c
        case .timedOut(_, _, _, let c, _), .transferAborted(_, _, let c, _):
            c
        }
    }

    public var isTimeout: Bool {
        if case .timedOut = self { return true }
        return false
    }

    public var description: String {
        func tail(_ code: Int, _ detail: String) -> String {
            detail.isEmpty ? " (curl error \(code))" : " (curl error \(code): \(detail))"
        }
        switch self {
        case .invalidRequest(let reason):
            return "invalid HTTP request: \(reason)"
        case .couldNotResolveHost(let host, let code, let detail):
            return "could not resolve host \(host)" + tail(code, detail)
        case .couldNotConnect(let host, let code, let detail):
            return "could not connect to \(host)" + tail(code, detail)
        case .timedOut(let host, let kind, let seconds, let code, let detail):
            let limit = seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
            let what: String
            switch kind {
            case .connect: what = "connecting to \(host) timed out after \(limit) s"
            case .total: what = "request to \(host) timed out after \(limit) s"
            case .lowSpeed: what = "transfer from \(host) stalled: too little data for \(limit) s"
            }
            return what + tail(code, detail)
        case .tls(let host, let code, let detail):
            return "TLS failure with \(host)" + tail(code, detail)
        case .transferAborted(let host, let bytes, let code, let detail):
            return "transfer from \(host) aborted mid-body after \(bytes) bytes" + tail(code, detail)
        case .emptyReply(let host, let code, let detail):
            return "\(host) closed the connection without a response" + tail(code, detail)
        case .transport(let host, let code, let detail):
            return "HTTP transfer with \(host) failed" + tail(code, detail)
        }
    }

    public var errorDescription: String? { description }
}

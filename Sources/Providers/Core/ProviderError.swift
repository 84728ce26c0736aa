import Foundation

/// A provider call that failed, with everything a person needs: which provider, the HTTP status, the
/// provider's error type and message, the request id, how many attempts were made, and what to do.
/// The API key never appears: server messages are scrubbed before they are stored here.
public struct ProviderError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    public enum Kind: String, Sendable, Hashable {
        /// The server answered with a non-2xx status.
        case http
        /// The request never got an answer: connection, DNS, TLS, timeout, or a broken transfer.
        case transport
        /// The answer was not the JSON (or event stream) the provider's API defines.
        case malformedResponse = "malformed-response"
        /// The server reported an error inside a stream that had started with 200.
        case streamError = "stream-error"
        /// The stream ended cleanly but before the provider's end marker.
        case truncatedStream = "truncated-stream"
        /// The configured model answered with vectors of an unexpected size, or similar misuse.
        case configuration
    }

    public var kind: Kind
    /// The provider, as a person names it: `Anthropic`, `OpenAI`, `OpenAI-compatible server at localhost:8000`.
    public var provider: String
    public var status: Int?
    /// The provider's error type or code, e.g. `rate_limit_error`, `RESOURCE_EXHAUSTED`, `invalid_api_key`.
    public var errorType: String?
    /// The server's message (scrubbed of the key, shortened), or the transport failure.
    public var message: String
    public var requestID: String?
    /// Attempts made, retries included.
    public var attempts: Int
    /// What to do about it.
    public var advice: String
    /// Whether a retry could succeed (used by the retry loop).
    public var isRetryable: Bool
    /// A wait the server asked for in its body (Gemini's `RetryInfo`), in seconds.
    public var serverRetryDelay: Double?

    public init(
        kind: Kind, provider: String, status: Int? = nil, errorType: String? = nil, message: String,
        requestID: String? = nil, attempts: Int = 1, advice: String, isRetryable: Bool = false,
        serverRetryDelay: Double? = nil
    ) {
        self.kind = kind
        self.provider = provider
        self.status = status
        self.errorType = errorType
        self.message = message
        self.requestID = requestID
        self.attempts = attempts
        self.advice = advice
        self.isRetryable = isRetryable
        self.serverRetryDelay = serverRetryDelay
    }

    public var description: String {
        var head = provider + ": "
        switch kind {
        case .http:
            head += "HTTP \(status.map(String.init) ?? "?")"
            if let errorType { head += " \(errorType)" }
        case .transport: head += "request failed"
        case .malformedResponse: head += "unreadable response" + (status.map { " (HTTP \($0))" } ?? "")
        case .streamError: head += "error inside the stream" + (errorType.map { " \($0)" } ?? "")
        case .truncatedStream: head += "the stream ended early"
        case .configuration: head += "unusable answer"
        }
        var text = head + ": " + message
        var notes: [String] = []
        if let requestID { notes.append("request \(requestID)") }
        if attempts > 1 { notes.append("gave up after \(attempts) attempts") }
        if !notes.isEmpty { text += " (" + notes.joined(separator: "; ") + ")" }
        if !advice.isEmpty { text += ". " + advice }
        return text
    }

    public var errorDescription: String? { description }
}

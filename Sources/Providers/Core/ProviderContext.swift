import Foundation

/// Who is being called, for requests (headers) and for errors (names, advice, scrubbing).
public struct ProviderContext: Sendable {
    /// The provider as a person names it in messages.
    public var name: String
    public var endpoint: ProviderEndpoint
    /// The model id, for "check LLM_MODEL" advice.
    public var model: String
    /// The variable naming the model (`LLM_MODEL`, `JUDGE_MODEL`, `EMBEDDING_MODEL`, …).
    public var modelVariable: String
    /// Whether each attempt carries `x-stainless-retry-count` (as the Anthropic and OpenAI SDKs send).
    public var sendsRetryCount: Bool

    public init(
        name: String, endpoint: ProviderEndpoint, model: String, modelVariable: String = "LLM_MODEL",
        sendsRetryCount: Bool = false
    ) {
        self.name = name
        self.endpoint = endpoint
        self.model = model
        self.modelVariable = modelVariable
        self.sendsRetryCount = sendsRetryCount
    }

    private var baseURLHint: String {
        endpoint.baseURLVariable.map { "\($0) (now \(endpoint.baseURL.absoluteString))" }
            ?? "the base URL (\(endpoint.baseURL.absoluteString))"
    }

    /// The error for a non-2xx response.
    func httpError(status: Int, headers: HTTPHeaders, body: Data) -> ProviderError {
        let envelope = ErrorEnvelope.parse(body, contentType: headers["content-type"])
        let requestID = envelope.requestID ?? headers["request-id"] ?? headers["x-request-id"]
        var types: [String] = []
        for type in [envelope.type, envelope.code].compactMap({ $0 }) where !type.isEmpty && !types.contains(type) {
            types.append(type)
        }
        let typeText = types.isEmpty ? nil : types.joined(separator: "/")
        let markers = Set(([envelope.type, envelope.code, envelope.reason].compactMap { $0 }).map { $0.lowercased() })
        let keyRejected = status == 401 || status == 403 || markers.contains("invalid_api_key")
            || markers.contains("authentication_error") || markers.contains("api_key_invalid")
        let quotaExhausted = markers.contains("insufficient_quota") || markers.contains("enforced_spend_limit_reached")
            || envelope.quotaIDs.contains { $0.contains("PerDay") }

        var retryable = RetryPolicy.isRetryable(status: status)
        let advice: String
        if envelope.isHTML {
            advice = "An HTML page usually comes from a proxy or gateway, or from a base URL that is not the API: check \(baseURLHint)."
        } else if keyRejected {
            let variable = endpoint.apiKeyVariable ?? "the API key variable"
            advice = status == 403 && !markers.contains("api_key_invalid")
                ? "The key is not allowed to do this: check that \(variable) holds a key with access to \(model)."
                : "The API key was rejected: set \(variable) to a valid key (in the environment, .env or reasoningbank.toml)."
            retryable = false
        } else if quotaExhausted {
            advice = "The account's quota or spend limit is exhausted: check the plan and billing; retrying will not help."
            retryable = false
        } else {
            switch status {
            case 404:
                advice = "Check \(modelVariable) (now \(model)) and \(baseURLHint)."
            case 408, 504:
                advice = "The provider timed out; try again, or raise LLM_TIMEOUT for long answers."
            case 409:
                advice = "A conflict on the provider's side; try again."
            case 413:
                advice = "The request is too large: shorten the prompt (fewer memories, a smaller TOP_K_RETRIEVAL)."
            case 429:
                advice = "Rate limited: wait, run fewer calls at once, or raise LLM_MAX_RETRIES."
            case 529:
                advice = "The provider is overloaded; try again later, or raise LLM_MAX_RETRIES."
            case 500...:
                advice = "The provider failed on its side; try again later, or raise LLM_MAX_RETRIES."
            case 400, 422:
                advice = "The request was refused: check \(modelVariable) (now \(model)) and the model's limits (context size, max tokens)."
            default:
                advice = "Check \(modelVariable) (now \(model)) and \(baseURLHint)."
            }
        }
        let message = envelope.isJSON ? envelope.message : "the server sent \(envelope.message)"
        return ProviderError(
            kind: .http, provider: name, status: status, errorType: typeText,
            message: shorten(endpoint.scrub(message)), requestID: requestID, advice: advice, isRetryable: retryable,
            serverRetryDelay: envelope.retryDelay)
    }

    /// The error for a transport failure (no usable response).
    func transportError(_ error: HTTPError) -> ProviderError {
        let retryable: Bool
        switch error {
        case .invalidRequest, .tls: retryable = false
        default: retryable = true
        }
        let advice: String
        switch error {
        case .couldNotResolveHost, .couldNotConnect, .emptyReply:
            advice = "Check that the server is up and \(baseURLHint) is right, and the network or proxy settings."
        case .timedOut(_, .lowSpeed, _, _, _):
            advice = "The answer stalled; try again, or raise LLM_STALL_TIMEOUT."
        case .timedOut:
            advice = "Try again, or raise LLM_TIMEOUT."
        case .tls:
            advice = "Check the certificate setup (CURL_CA_BUNDLE, SSL_CERT_FILE) and \(baseURLHint)."
        default:
            advice = "Try again; check \(baseURLHint) and the network."
        }
        return ProviderError(
            kind: .transport, provider: name, message: endpoint.scrub(error.description), advice: advice,
            isRetryable: retryable)
    }

    /// The error for a body that does not have the shape the API defines.
    func malformed(_ detail: String, status: Int? = nil) -> ProviderError {
        ProviderError(
            kind: .malformedResponse, provider: name, status: status, message: shorten(endpoint.scrub(detail)),
            advice: "Check that \(baseURLHint) points at a \(name) API (or a faithful compatible server).")
    }

    /// The error for an error event inside a stream that began with 200.
    func streamError(type: String?, message: String) -> ProviderError {
        ProviderError(
            kind: .streamError, provider: name, errorType: type, message: shorten(endpoint.scrub(message)),
            advice: "The provider failed mid-answer; try again later.")
    }

    /// The error for a stream that ended before its end marker.
    func truncated(_ marker: String) -> ProviderError {
        ProviderError(
            kind: .truncatedStream, provider: name, message: "the body ended before \(marker)",
            advice: "The connection or the server cut the answer short; try again.")
    }

    private func shorten(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= 400 ? flat : String(flat.prefix(400)) + "…"
    }
}

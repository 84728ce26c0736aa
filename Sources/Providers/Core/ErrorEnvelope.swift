import Foundation
import ReasoningBank

/// What an error body says, read from any provider's envelope:
/// Anthropic `{"type":"error","error":{"type","message"},"request_id"}`,
/// OpenAI and compatible servers `{"error":{"message","type","code"}}` (code a number, string or null),
/// Gemini `{"error":{"code","message","status","details":[ErrorInfo, RetryInfo, QuotaFailure]}}` (also
/// inside an array), Ollama and vLLM's `{"error":"text"}`, old vLLM's flat `{"object":"error",…}`,
/// and bodies that are not JSON at all (an HTML page from a proxy, plain text).
struct ErrorEnvelope: Sendable, Hashable {
    var type: String?
    var code: String?
    var message: String
    /// Gemini `ErrorInfo.reason`, e.g. `API_KEY_INVALID`.
    var reason: String?
    /// Gemini `RetryInfo.retryDelay` in seconds.
    var retryDelay: Double?
    /// Gemini `QuotaFailure` quota ids, e.g. `GenerateRequestsPerDayPerProjectPerModel-FreeTier`.
    var quotaIDs: [String] = []
    var requestID: String?
    /// The body was an HTML page rather than JSON.
    var isHTML = false
    /// The body was not JSON (HTML or text).
    var isJSON = true

    static func parse(_ data: Data, contentType: String?) -> ErrorEnvelope {
        let trimmed = String(decoding: data.prefix(8192), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let json = JSONValue.parse(data) else { return nonJSON(trimmed, contentType: contentType) }
        let root = json.array?.first ?? json
        var envelope = ErrorEnvelope(message: "")
        envelope.requestID = root["request_id"]?.string
        switch root["error"] {
        case .string(let text)?:
            envelope.message = text
        case .object?:
            let error = root["error"]
            envelope.message = error?["message"]?.string ?? ""
            envelope.type = error?["type"]?.string ?? error?["status"]?.string
            envelope.code = error?["code"]?.text
            for detail in error?["details"]?.array ?? [] {
                if let reason = detail["reason"]?.string { envelope.reason = reason }
                if let delay = detail["retryDelay"]?.string { envelope.retryDelay = duration(delay) }
                for violation in detail["violations"]?.array ?? [] {
                    if let id = violation["quotaId"]?.string { envelope.quotaIDs.append(id) }
                }
            }
            if error?["details"]?["error_code"]?.string == "enforced_spend_limit_reached" {
                envelope.code = "enforced_spend_limit_reached"
            }
        default:
            envelope.message = root["message"]?.string ?? ""
            envelope.type = root["type"]?.string
            envelope.code = root["code"]?.text
        }
        if envelope.message.isEmpty { envelope.message = String(trimmed.prefix(300)) }
        return envelope
    }

    private static func nonJSON(_ text: String, contentType: String?) -> ErrorEnvelope {
        let isHTML = (contentType?.lowercased().contains("html") ?? false) || text.lowercased().hasPrefix("<!doctype html")
            || text.lowercased().hasPrefix("<html")
        guard isHTML else {
            let shown = text.isEmpty ? "an empty body" : "\"\(String(text.prefix(200)))\""
            return ErrorEnvelope(message: "a non-JSON body: \(shown)", isJSON: false)
        }
        let title = TextSlice.between(text, "<title>", "</title>") ?? TextSlice.between(text, "<h1>", "</h1>")
        let shown = title.map { " titled \"\($0.trimmingCharacters(in: .whitespacesAndNewlines))\"" } ?? ""
        return ErrorEnvelope(message: "an HTML page\(shown) instead of JSON", isHTML: true, isJSON: false)
    }

    /// `"8s"`, `"8.168s"` → seconds.
    static func duration(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix("s") else { return Double(trimmed) }
        return Double(trimmed.dropLast())
    }
}

/// Case-insensitive text between two markers (for an HTML page's title).
enum TextSlice {
    static func between(_ text: String, _ start: String, _ end: String) -> String? {
        guard let open = text.range(of: start, options: .caseInsensitive),
            let close = text.range(of: end, options: .caseInsensitive, range: open.upperBound..<text.endIndex)
        else { return nil }
        return String(text[open.upperBound..<close.lowerBound])
    }
}

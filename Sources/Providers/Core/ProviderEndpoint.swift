import Foundation

/// Where a provider lives and how to authenticate: base URL, API key, and the configuration
/// variables a person would change, named in error messages.
public struct ProviderEndpoint: Sendable {
    /// The API's base URL, e.g. `https://api.anthropic.com`, `https://api.openai.com/v1`.
    public var baseURL: URL
    /// The API key, or `nil` for servers that need none. Never logged, printed or stored.
    public var apiKey: String?
    /// The variable the key comes from (e.g. `ANTHROPIC_API_KEY`), for "set this" advice.
    public var apiKeyVariable: String?
    /// The variable that overrides `baseURL` (e.g. `ANTHROPIC_BASE_URL`), for advice.
    public var baseURLVariable: String?

    public init(baseURL: URL, apiKey: String? = nil, apiKeyVariable: String? = nil, baseURLVariable: String? = nil) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.apiKeyVariable = apiKeyVariable
        self.baseURLVariable = baseURLVariable
    }

    /// `baseURL` with `path` appended (`path` may carry a `?query`).
    public func url(_ path: String) -> URL {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        let suffix = path.hasPrefix("/") ? path : "/" + path
        return URL(string: base + suffix) ?? baseURL.appendingPathComponent(path)
    }

    /// `host:port` of the base URL, for names like "OpenAI-compatible server at localhost:11434".
    public var hostAndPort: String {
        guard let host = baseURL.host else { return baseURL.absoluteString }
        return baseURL.port.map { "\(host):\($0)" } ?? host
    }

    /// Removes the API key from a text that came from elsewhere (a server's error message may echo it).
    public func scrub(_ text: String) -> String {
        guard let apiKey, apiKey.count >= 4 else { return text }
        return text.replacingOccurrences(of: apiKey, with: "[redacted]")
    }
}

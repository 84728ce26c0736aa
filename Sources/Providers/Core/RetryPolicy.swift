import Foundation

/// When and how long to wait before retrying a failed call, as the official Anthropic and OpenAI
/// SDKs do: `x-should-retry` wins; else 408, 409, 429 and every 5xx (529 included) are retried, as are
/// connection failures and timeouts. The wait is the server's `retry-after-ms` / `retry-after` (or a
/// Gemini `RetryInfo` delay) when it is positive and at most `maxServerDelay`; otherwise exponential
/// backoff, `min(initialDelay·2ⁿ, maxDelay)`, shortened by up to 25 % of jitter.
public struct RetryPolicy: Sendable {
    /// Retries after the first attempt (the SDKs' default is 2, so 3 attempts).
    public var maxRetries: Int
    public var initialDelay: Double
    public var maxDelay: Double
    /// The longest server-requested wait that is honoured (60 s in the Anthropic SDK).
    public var maxServerDelay: Double
    /// A number in `0..<1` for the jitter; replaceable in tests.
    public var jitter: @Sendable () -> Double

    public init(
        maxRetries: Int = 2, initialDelay: Double = 0.5, maxDelay: Double = 8, maxServerDelay: Double = 60,
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.maxRetries = max(0, maxRetries)
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.maxServerDelay = maxServerDelay
        self.jitter = jitter
    }

    /// Whether a failed response should be retried: `x-should-retry` wins when present; otherwise
    /// `classified`, the verdict from the status and body (see ``isRetryable(status:)``).
    public func shouldRetry(headers: HTTPHeaders?, classified: Bool) -> Bool {
        switch headers?["x-should-retry"]?.lowercased() {
        case "true": true
        case "false": false
        default: classified
        }
    }

    /// The statuses the SDKs retry: 408, 409, 429 and every 5xx (529 included).
    public static func isRetryable(status: Int) -> Bool {
        status == 408 || status == 409 || status == 429 || status >= 500
    }

    /// Seconds to wait before retry number `retriesSoFar + 1`. `serverHint` is a delay the body
    /// suggested (Gemini's `RetryInfo.retryDelay`), used when no header says otherwise.
    public func delay(retriesSoFar: Int, headers: HTTPHeaders?, serverHint: Double? = nil, now: Date = Date()) -> Double {
        if let requested = Self.requestedDelay(headers: headers, now: now) ?? serverHint,
            requested > 0, requested <= maxServerDelay
        {
            return requested
        }
        let exponent = Double(min(retriesSoFar, 30))
        let backoff = min(initialDelay * pow(2, exponent), maxDelay)
        return backoff * (1 - 0.25 * min(max(jitter(), 0), 1))
    }

    /// The wait a response asks for: `retry-after-ms`, else `retry-after` in seconds or as an HTTP date.
    static func requestedDelay(headers: HTTPHeaders?, now: Date) -> Double? {
        guard let headers else { return nil }
        if let text = headers["retry-after-ms"], let milliseconds = Double(text.trimmingCharacters(in: .whitespaces)) {
            return milliseconds / 1000
        }
        guard let text = headers["retry-after"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(text) { return seconds }
        return httpDate(text).map { $0.timeIntervalSince(now) }
    }

    private static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}

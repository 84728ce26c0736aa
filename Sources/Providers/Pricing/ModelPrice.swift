import Foundation
import ReasoningBank

/// USD per one million tokens.
///
/// Cached prompt tokens are billed at `cacheRead` when they are read from a provider's prompt cache
/// and at `cacheWrite` when they are written to it; either one left nil costs the `input` price.
public struct ModelPrice: Sendable, Hashable {
    /// USD per million prompt tokens that neither came from nor went to the cache.
    public var input: Double
    /// USD per million output tokens, reasoning ("thinking") tokens included.
    public var output: Double
    /// USD per million prompt tokens read from the cache; nil → `input`.
    public var cacheRead: Double?
    /// USD per million prompt tokens written to the cache; nil → `input`.
    public var cacheWrite: Double?

    /// A price in USD per million tokens; a nil cache price bills those tokens at `input`.
    public init(input: Double, output: Double, cacheRead: Double? = nil, cacheWrite: Double? = nil) {
        self.input = input
        self.output = output
        self.cacheRead = cacheRead
        self.cacheWrite = cacheWrite
    }

    /// (input − cacheRead − cacheWrite)·input + cacheRead·cacheRead + cacheWrite·cacheWrite + output·output, per 1M.
    ///
    /// `usage.inputTokens` counts every prompt token, cached ones included, so the cache parts are taken
    /// out of it before the `input` price applies; a usage whose cache parts exceed its input (which no
    /// provider reports) bills no uncached input rather than a negative amount.
    public func cost(of usage: Usage) -> Double {
        let uncached = max(0, usage.inputTokens - usage.cacheReadTokens - usage.cacheWriteTokens)
        let dollars =
            Double(uncached) * input
            + Double(usage.cacheReadTokens) * (cacheRead ?? input)
            + Double(usage.cacheWriteTokens) * (cacheWrite ?? input)
            + Double(usage.outputTokens) * output
        return dollars / 1_000_000
    }
}

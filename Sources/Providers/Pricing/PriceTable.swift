import Foundation
import ReasoningBank

/// Prices per provider and model, in USD per one million tokens, for the cost of model calls.
///
/// No provider API returns a price, so the table is local: usually `data/prices.toml` (see
/// `PriceTable+TOML.swift` for its format). Provider keys are the names the clients use:
/// `anthropic`, `openai`, `gemini`, `openai-compatible` and `ollama`.
public struct PriceTable: Sendable {
    /// Provider → model id → price.
    public let models: [String: [String: ModelPrice]]
    /// Provider → the price of every model of that provider without its own entry.
    public let providerDefaults: [String: ModelPrice]
    /// The file the table was read from; nil for a table built in code or when no file was found.
    public let source: URL?

    /// A table with no prices: every call is unpriced.
    public static let empty = PriceTable(models: [:])

    /// The provider names a price file may list.
    public static let knownProviders = ["anthropic", "openai", "gemini", "openai-compatible", "ollama"]

    /// A table of `models` (provider → model id → price) and `providerDefaults` (provider → price of
    /// its unlisted models); `source` is the file it came from, if any.
    public init(
        models: [String: [String: ModelPrice]], providerDefaults: [String: ModelPrice] = [:], source: URL? = nil
    ) {
        self.models = models
        self.providerDefaults = providerDefaults
        self.source = source
    }

    /// Exact model id first; else the longest listed id that is a prefix of `model` followed by "-" (dated snapshots: "gpt-4o-2024-08-06" → "gpt-4o"); else the provider default; else nil.
    ///
    /// A prefix only counts when what follows its "-" is a snapshot tag — it starts with a digit
    /// (`2024-08-06`, `20250929`, `001`) or is `latest` — so that a variant with its own, different
    /// price (`gpt-5-nano`, `gemini-2.0-flash-lite-001`) is reported as unpriced rather than billed at
    /// its base model's price. A Gemini-style `models/` resource prefix on `model` is ignored.
    public func price(provider: String, model: String) -> ModelPrice? {
        let id = model.hasPrefix("models/") ? String(model.dropFirst("models/".count)) : model
        if let listed = models[provider] {
            if let exact = listed[id] { return exact }
            let snapshot = listed.keys
                .filter { Self.isSnapshot(id, of: $0) }
                .max { $0.count < $1.count }
            if let snapshot, let price = listed[snapshot] { return price }
        }
        return providerDefaults[provider]
    }

    /// One call's usage with costUSD set (or unpricedCalls = usage.calls when there is no price).
    ///
    /// The returned usage's `costUSD` and `unpricedCalls` replace whatever `usage` carried.
    public func priced(_ usage: Usage, provider: String, model: String) -> Usage {
        var result = usage
        if let price = price(provider: provider, model: model) {
            result.costUSD = price.cost(of: usage)
            result.unpricedCalls = 0
        } else {
            result.costUSD = 0
            result.unpricedCalls = usage.calls
        }
        return result
    }

    /// Whether `model` is `base` followed by "-" and a snapshot tag (a digit first, or `latest`).
    static func isSnapshot(_ model: String, of base: String) -> Bool {
        guard !base.isEmpty, model.hasPrefix(base + "-") else { return false }
        let tag = model.dropFirst(base.count + 1)
        guard let first = tag.first else { return false }
        return (first.isASCII && first.isNumber) || tag == "latest"
    }
}

import Foundation

/// Token usage and cost of one model call, or a sum of calls.
///
/// `inputTokens` counts every prompt token, cached ones included; `cacheReadTokens` and
/// `cacheWriteTokens` are the parts of it that were read from or written to a provider's prompt cache.
/// `outputTokens` includes reasoning ("thinking") tokens. `costUSD` sums the calls that had a price;
/// `unpricedCalls` counts the ones that had none (no entry in the price table), so a total is never
/// shown as complete when it is not.
public struct Usage: Sendable, Hashable, Codable {
    public var inputTokens: Int
    public var outputTokens: Int
    public var calls: Int
    public var cacheReadTokens: Int
    public var cacheWriteTokens: Int
    public var costUSD: Double
    public var unpricedCalls: Int

    public init(
        inputTokens: Int = 0, outputTokens: Int = 0, calls: Int = 0, cacheReadTokens: Int = 0,
        cacheWriteTokens: Int = 0, costUSD: Double = 0, unpricedCalls: Int = 0
    ) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.calls = calls
        self.cacheReadTokens = cacheReadTokens
        self.cacheWriteTokens = cacheWriteTokens
        self.costUSD = costUSD
        self.unpricedCalls = unpricedCalls
    }

    public var totalTokens: Int { inputTokens + outputTokens }

    /// Whether every call in the sum had a price.
    public var isFullyPriced: Bool { unpricedCalls == 0 }

    public static func + (lhs: Usage, rhs: Usage) -> Usage {
        Usage(
            inputTokens: lhs.inputTokens + rhs.inputTokens, outputTokens: lhs.outputTokens + rhs.outputTokens,
            calls: lhs.calls + rhs.calls, cacheReadTokens: lhs.cacheReadTokens + rhs.cacheReadTokens,
            cacheWriteTokens: lhs.cacheWriteTokens + rhs.cacheWriteTokens, costUSD: lhs.costUSD + rhs.costUSD,
            unpricedCalls: lhs.unpricedCalls + rhs.unpricedCalls)
    }

    public static func += (lhs: inout Usage, rhs: Usage) { lhs = lhs + rhs }
}

extension Usage {
    private enum CodingKeys: String, CodingKey {
        case inputTokens, outputTokens, calls, cacheReadTokens, cacheWriteTokens, costUSD, unpricedCalls
    }

    /// Decodes records written before cache and cost fields existed: missing fields are zero.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            inputTokens: try container.decodeIfPresent(Int.self, forKey: .inputTokens) ?? 0,
            outputTokens: try container.decodeIfPresent(Int.self, forKey: .outputTokens) ?? 0,
            calls: try container.decodeIfPresent(Int.self, forKey: .calls) ?? 0,
            cacheReadTokens: try container.decodeIfPresent(Int.self, forKey: .cacheReadTokens) ?? 0,
            cacheWriteTokens: try container.decodeIfPresent(Int.self, forKey: .cacheWriteTokens) ?? 0,
            costUSD: try container.decodeIfPresent(Double.self, forKey: .costUSD) ?? 0,
            unpricedCalls: try container.decodeIfPresent(Int.self, forKey: .unpricedCalls) ?? 0)
    }
}

import Foundation

/// Token usage of one model call or a sum of calls.
public struct Usage: Sendable, Hashable, Codable {
    public var inputTokens: Int
    public var outputTokens: Int
    public var calls: Int

    public init(inputTokens: Int = 0, outputTokens: Int = 0, calls: Int = 0) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.calls = calls
    }

    public var totalTokens: Int { inputTokens + outputTokens }

    public static func + (lhs: Usage, rhs: Usage) -> Usage {
        Usage(
            inputTokens: lhs.inputTokens + rhs.inputTokens, outputTokens: lhs.outputTokens + rhs.outputTokens,
            calls: lhs.calls + rhs.calls)
    }

    public static func += (lhs: inout Usage, rhs: Usage) { lhs = lhs + rhs }
}

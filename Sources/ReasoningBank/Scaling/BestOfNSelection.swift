import Foundation

/// The Best-of-N selector's decision: which trajectory's answer is final, and why.
public struct BestOfNSelection: Sendable, Hashable, Codable {
    /// 0-based index of the chosen attempt.
    public var chosenIndex: Int
    /// The selector's comparison, or why no model call was needed.
    public var reason: String
    /// The model's raw answer (empty when no call was made).
    public var rawResponse: String
    /// Set when the answer did not parse; the choice then fell back to the best judged attempt.
    public var parseFailure: String?
    /// Whether the model chose (false: a fallback or the only finished trajectory).
    public var byModel: Bool

    public init(chosenIndex: Int, reason: String, rawResponse: String = "", parseFailure: String? = nil, byModel: Bool) {
        self.chosenIndex = chosenIndex
        self.reason = reason
        self.rawResponse = rawResponse
        self.parseFailure = parseFailure
        self.byModel = byModel
    }
}

import Foundation

/// The two labels the paper's judge may give.
public enum VerdictStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case success
    case failure
}

/// The LLM judge's decision on a trajectory.
public struct Verdict: Sendable, Hashable, Codable {
    /// The parsed status; nil when the judge's answer could not be parsed (recorded, never guessed).
    public var status: VerdictStatus?
    public var thoughts: String
    /// The judge's raw text.
    public var rawResponse: String
    /// Why the response could not be parsed, when it could not.
    public var parseFailure: String?
    /// Set when a person overrode the judge at the gate.
    public var overriddenFrom: VerdictStatus?

    public init(
        status: VerdictStatus?, thoughts: String, rawResponse: String, parseFailure: String? = nil,
        overriddenFrom: VerdictStatus? = nil
    ) {
        self.status = status
        self.thoughts = thoughts
        self.rawResponse = rawResponse
        self.parseFailure = parseFailure
        self.overriddenFrom = overriddenFrom
    }
}

/// What the environment's own evaluator says, when it has one.
public struct GroundTruth: Sendable, Hashable, Codable {
    public var success: Bool
    /// The expected answer or state, for display.
    public var expected: String?
    public var detail: String

    public init(success: Bool, expected: String?, detail: String) {
        self.success = success
        self.expected = expected
        self.detail = detail
    }
}

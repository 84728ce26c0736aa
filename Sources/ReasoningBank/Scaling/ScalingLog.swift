import Foundation

/// What a MaTTS run did beyond a plain run: every attempt, the final choice and pass@1.
///
/// The run's own `trajectory`, `verdict` and `groundTruth` are those of the chosen attempt, so
/// history, benches and the judge/ground-truth agreement read a MaTTS run like any other.
public struct ScalingLog: Sendable, Hashable, Codable {
    public var mode: ScalingMode
    public var k: Int
    /// In index order; attempts still running are absent until they end.
    public var attempts: [ScalingAttempt]
    /// The attempt whose answer is final: the selector's choice (parallel) or the last round that
    /// finished (sequential).
    public var chosenIndex: Int?
    /// The Best-of-N selector's decision (parallel, k > 1).
    public var selection: BestOfNSelection?
    /// The seeded random trajectory that pass@1 scores (parallel).
    public var passAtOneIndex: Int?

    public init(mode: ScalingMode, k: Int) {
        self.mode = mode
        self.k = k
        self.attempts = []
        self.chosenIndex = nil
        self.selection = nil
        self.passAtOneIndex = nil
    }

    public func attempt(_ index: Int?) -> ScalingAttempt? {
        guard let index else { return nil }
        return attempts.first { $0.index == index }
    }

    /// Ground truth of the pass@1 trajectory (nil when it has none).
    public var passAtOneSuccess: Bool? { attempt(passAtOneIndex)?.groundTruth?.success }

    /// `matts-parallel k=5`.
    public var label: String { "\(mode.benchName) k=\(k)" }
}

import Foundation

/// How MaTTS spends more compute on one task (reference §1.8).
public enum ScalingMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// k trajectories at once, each in its own environment instance; self-contrast extraction and a
    /// Best-of-N selector.
    case parallel
    /// One trajectory refined over k rounds with check prompts; memory from every attempt.
    case sequential

    /// `matts-parallel` or `matts-sequential`, as the CLI and the bench name the mode.
    public var benchName: String { "matts-\(rawValue)" }
}

/// The knobs of memory-aware test-time scaling. Defaults follow the paper and the official code.
public struct ScalingSettings: Sendable, Hashable, Codable {
    public var mode: ScalingMode
    /// The scaling factor: trajectories (parallel) or rounds (sequential). k = 1 is a plain run.
    public var k: Int
    /// Extraction temperature over several trajectories (official code: 0.7).
    public var extractionTemperature: Double = 0.7
    /// The Best-of-N selector decodes greedily.
    public var selectorTemperature: Double = 0.0
    public var selectorMaxTokens: Int = 1024
    /// At most this many items from all trajectories combined (paper: 5).
    public var maxItems: Int = 5
    /// Seeds the choice of the pass@1 trajectory (with the task id), so reruns pick the same one.
    public var passAtOneSeed: UInt64 = 0

    public init(mode: ScalingMode, k: Int) {
        self.mode = mode
        self.k = max(1, k)
    }
}

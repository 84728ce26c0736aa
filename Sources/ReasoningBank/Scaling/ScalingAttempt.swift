import Foundation

/// One of the k trajectories of a MaTTS run (parallel), or one round of it (sequential).
public struct ScalingAttempt: Sendable, Hashable, Codable, Identifiable {
    /// 0-based position: the trajectory's column, or the round minus one.
    public var index: Int
    /// success, failure or unjudged when it ran to an end; error or cancelled when it broke.
    public var status: RunStatus
    public var trajectory: Trajectory
    public var verdict: Verdict?
    public var groundTruth: GroundTruth?
    /// The judge's call (the agent's calls live on the steps).
    public var judgeCalls: [ModelCall]
    public var errorMessage: String?

    public var id: Int { index }

    public init(index: Int, status: RunStatus = .running) {
        self.index = index
        self.status = status
        self.trajectory = Trajectory()
        self.verdict = nil
        self.groundTruth = nil
        self.judgeCalls = []
        self.errorMessage = nil
    }

    /// Tokens and calls of this attempt: its steps and its judge.
    public var usage: Usage {
        trajectory.steps.reduce(Usage()) { $0 + $1.call.usage } + judgeCalls.reduce(Usage()) { $0 + $1.usage }
    }

    /// Whether the attempt ran to an end (it has an answer or a verdict to compare).
    public var finished: Bool { status != .error && status != .cancelled && status != .running }

    /// `trajectory N` (parallel) or `round N` (sequential), 1-based.
    public func label(_ mode: ScalingMode) -> String {
        mode == .parallel ? "trajectory \(index + 1)" : "round \(index + 1)"
    }
}

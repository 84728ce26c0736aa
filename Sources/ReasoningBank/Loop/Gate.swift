import Foundation

/// A point in the loop where a `RunControl` may look at and change what happens next (DESIGN §3).
public enum Gate: Sendable {
    /// Memories are about to be injected into the agent's prompt.
    case beforeInjection(task: TaskSpec, memories: [MemoryItem])
    /// The model is about to be called with this exact request.
    case beforeModelCall(ModelRequest, step: Int)
    /// The trajectory is about to be judged.
    case beforeJudging(Trajectory)
    /// The judge has spoken; items are about to be consolidated into the bank.
    case beforeConsolidation(verdict: Verdict, items: [ExtractedItem])

    /// A short name for records and screens.
    public var name: String {
        switch self {
        case .beforeInjection: "before-injection"
        case .beforeModelCall: "before-model-call"
        case .beforeJudging: "before-judging"
        case .beforeConsolidation: "before-consolidation"
        }
    }
}

/// What a `RunControl` decided at a gate. Anything but `proceed` is recorded on the run.
public enum GateDecision: Sendable, Hashable {
    case proceed
    /// Inject these memories instead (before injection).
    case injectInstead([MemoryItem])
    /// Send this request instead (before a model call).
    case sendInstead(ModelRequest)
    /// Replace the judge's status (before judging: skip the judge; before consolidation: override it).
    case overrideVerdict(VerdictStatus)
    /// Store these items instead (before consolidation).
    case consolidateInstead([ExtractedItem])
    /// Store nothing from this run.
    case skipConsolidation
    /// Stop the run; it is recorded as cancelled.
    case cancel
}

/// Asked at every gate. Unattended runs proceed; the TUI's step mode holds the gate.
public protocol RunControl: Sendable {
    func decide(at gate: Gate) async -> GateDecision
}

/// A control that always proceeds.
public struct UnattendedControl: RunControl {
    public init() {}
    public func decide(at gate: Gate) async -> GateDecision { .proceed }
}

import Foundation
import ReasoningBank

/// A run control that answers from a table per gate name and records every gate it saw.
public actor RecordingControl: RunControl {
    private let answers: [String: GateDecision]
    public private(set) var seen: [String] = []

    public init(answers: [String: GateDecision] = [:]) { self.answers = answers }

    public func decide(at gate: Gate) async -> GateDecision {
        seen.append(gate.name)
        return answers[gate.name] ?? .proceed
    }
}

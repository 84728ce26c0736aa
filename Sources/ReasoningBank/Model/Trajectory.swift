import Foundation

/// The agent's steps on one task and the answer it gave, if any.
public struct Trajectory: Sendable, Hashable, Codable {
    public var steps: [Step]
    /// The message the agent sent to the user (its final answer), if it sent one.
    public var finalAnswer: String?
    /// The environment's description of its final state, for the judge.
    public var finalState: String

    public init(steps: [Step] = [], finalAnswer: String? = nil, finalState: String = "") {
        self.steps = steps
        self.finalAnswer = finalAnswer
        self.finalState = finalState
    }

    /// The trajectory in the official extraction format: `<think>…</think>\n<action>…</action>` per step,
    /// with observations.
    public var transcript: String {
        steps.map { step in
            "<think>\(step.thought)</think>\n<action>\(step.action)</action>\n<observation>\(step.observation)</observation>"
        }.joined(separator: "\n")
    }

    /// The action history, one numbered action per line, as the judge sees it.
    public var actionHistory: String {
        steps.map { "\($0.index). \($0.action)" }.joined(separator: "\n")
    }
}

import Foundation
import ReasoningBank

/// A scripted behaviour of the offline simulation for one kind of environment: how its agent acts,
/// how its judge decides and how its extractor writes memory items. It is a simulation, not an LLM.
///
/// `SimulatedModel` asks its policies in order: for an agent call, the first whose
/// `handlesEnvironment(systemPrompt:)` is true acts (the system prompt carries the environment's
/// action guide); for judge and extraction calls, which carry no action guide, the first whose
/// `handlesTask(_:)` recognises the query answers. Put more specific policies first. Every method
/// must be total: any text in, a well-formed answer out.
public protocol SimulatedPolicy: Sendable {
    /// A short name, e.g. `qa`.
    var name: String { get }
    /// One line about the policy, saying that it is a simulation.
    var summary: String { get }
    /// Whether this policy plays the agent in the environment described by this system prompt.
    func handlesEnvironment(systemPrompt: String) -> Bool
    /// Whether this policy knows this task (for judge and extraction calls).
    func handlesTask(_ query: String) -> Bool
    /// The agent's answer: `Thought: …` then `Action: …` (one action).
    func act(on prompt: AgentPrompt, dice: inout SimulationDice) -> String
    /// The judge's answer: `Thoughts: …` then `Status: "success"` or `Status: "failure"`.
    func judge(_ prompt: JudgePrompt, dice: inout SimulationDice) -> String
    /// The extractor's answer: a short reasoning paragraph, then items in the memory-item schema.
    func extract(from prompt: ExtractionPrompt, dice: inout SimulationDice) -> String
    /// Memory mode `awm`: workflows induced from a successful trajectory, in the memory-item schema.
    /// The default abstracts the trajectory's own steps (see `SimulatedPolicy+Workflow.swift`).
    func induceWorkflow(from prompt: ExtractionPrompt, dice: inout SimulationDice) -> String
}

extension SimulatedPolicy {
    /// `Thought: …` / `Action: …` as the agent prompt asks.
    static func reAct(thought: String, action: String) -> String {
        "Thought: \(thought)\nAction: \(action)"
    }

    /// `Thoughts: …` / `Status: "…"` as the judge prompt asks (thoughts on one line).
    static func verdict(_ status: VerdictStatus, thoughts: String) -> String {
        "Thoughts: \(PromptText.oneLine(thoughts))\nStatus: \"\(status.rawValue)\""
    }

    /// The reasoning paragraph followed by the numbered items, at most `limit` of them.
    static func memoryItems(reasoning: String, items: [ExtractedItem], limit: Int) -> String {
        let kept = items.prefix(max(1, limit)).enumerated().map { $0.element.markdown(index: $0.offset + 1) }
        return reasoning + "\n\n" + kept.joined(separator: "\n\n")
    }
}

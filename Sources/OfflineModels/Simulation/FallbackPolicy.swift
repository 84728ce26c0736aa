import Foundation
import ReasoningBank

/// The simulation's behaviour when no other policy knows the environment or the task. Where the
/// observation lists the valid actions (an external environment), it plays from that list with a
/// simple heuristic, judges by what the final state states outright, and distils the actions that
/// moved it on; elsewhere it says it cannot work the task out offline, gives up with the environment's
/// answer action, judges failure (it cannot verify anything) and extracts one cautious, generic item.
public struct FallbackPolicy: SimulatedPolicy {
    public var name: String { "fallback" }
    public var summary: String {
        "Offline simulation fallback: a scripted policy (not an LLM) that admits it cannot solve unknown tasks."
    }

    public init() {}

    public func handlesEnvironment(systemPrompt: String) -> Bool { true }
    public func handlesTask(_ query: String) -> Bool { true }

    public func act(on prompt: AgentPrompt, dice: inout SimulationDice) -> String {
        let valid = Self.validActions(in: prompt.latestObservation)
        if let task = prompt.task, !valid.isEmpty, !valid.contains(where: { $0.contains("(") }) {
            return playValidActions(valid, task: task, prompt: prompt, dice: &dice)
        }
        let thought =
            prompt.task == nil
            ? "I cannot find the task in the prompt, so I cannot work out what to do offline; I will say so."
            : "I cannot work this task out offline: this simulation has no policy for this environment, so I will say that I don't know."
        return Self.reAct(thought: thought, action: Self.giveUpAction(systemPrompt: prompt.system))
    }

    public func judge(_ prompt: JudgePrompt, dice: inout SimulationDice) -> String {
        if prompt.intent == nil {
            return Self.verdict(.failure, thoughts: "I cannot find the user's intent in the prompt, so I cannot verify the execution; marking it as a failure.")
        }
        if let stated = Self.statedOutcome(in: prompt.finalState) {
            // A careful judge believes the final state; a hasty one sometimes reads it wrong.
            let status: VerdictStatus = dice.competent(0.9) ? stated : (stated == .success ? .failure : .success)
            return Self.verdict(status, thoughts: "The final state says the task \(stated == .success ? "succeeded" : "did not succeed"), and I read it as \(status.rawValue).")
        }
        guard prompt.response != nil else {
            return Self.verdict(.failure, thoughts: "The agent gave no response to the user, so the request was not answered.")
        }
        return Self.verdict(
            .failure,
            thoughts: "I cannot verify this kind of task offline, and when uncertain the rules say to mark failure.")
    }

    public func extract(from prompt: ExtractionPrompt, dice: inout SimulationDice) -> String {
        let items = validActionItems(from: prompt, dice: &dice)
        if !items.isEmpty, !prompt.steps.contains(where: { $0.action.contains("(") }) {
            let reasoning = prompt.outcome == .success
                ? "Thinking first: the trajectory succeeded by acting on what the task named; that is the insight to keep."
                : "Thinking first: the trajectory failed; the steps show where it went round in circles."
            return Self.memoryItems(reasoning: reasoning, items: items, limit: prompt.maxItems)
        }
        let reasoning =
            "Thinking first: I cannot tell offline what this task needed, so the only insight I can take away is a general habit of checking the result before finishing."
        let item = QAGenericWording.checkBeforeFinishing.item(using: &dice)
        return Self.memoryItems(reasoning: reasoning, items: [item], limit: prompt.maxItems)
    }

    /// The action that ends the episode with "I don't know", in the syntax the action guide shows.
    static func giveUpAction(systemPrompt: String) -> String {
        let text = "I don't know"
        for name in ["answer", "send_msg_to_user", "respond", "say", "finish", "stop"]
        where systemPrompt.range(of: name + "(", options: .caseInsensitive) != nil {
            return name + "(" + PromptText.quotedArgument(text) + ")"
        }
        return "answer(" + PromptText.quotedArgument(text) + ")"
    }
}

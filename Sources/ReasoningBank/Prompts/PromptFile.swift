import Foundation

/// The files of a prompt set and the placeholders each must contain.
public enum PromptFile: String, Sendable, Hashable, Codable, CaseIterable {
    case agentSystem = "agent_system.md"
    case memoryInjection = "memory_injection.md"
    case agentTask = "agent_task.md"
    case agentObservation = "agent_observation.md"
    case judgeSystem = "judge_system.md"
    case judgeUser = "judge_user.md"
    case extractSuccess = "extract_success.md"
    case extractFailure = "extract_failure.md"
    case extractUser = "extract_user.md"
    case induceWorkflow = "induce_workflow.md"
    /// MaTTS parallel: self-contrast extraction over k labelled trajectories (reference §1.8).
    case extractContrast = "extract_contrast.md"
    /// MaTTS sequential: extraction from the successive attempts of one self-refining agent.
    case extractRefinement = "extract_refinement.md"
    /// The user turn of MaTTS extraction and of the Best-of-N selector.
    case scalingUser = "scaling_user.md"
    /// MaTTS parallel: the Best-of-N selector's system prompt.
    case selectBest = "select_best.md"
    /// MaTTS sequential: the first re-examination prompt (reference §1.8).
    case checkFirst = "check_first.md"
    /// MaTTS sequential: the prompt of every later round.
    case checkAgain = "check_again.md"

    /// Placeholders the file must contain, without braces.
    public var requiredPlaceholders: [String] {
        switch self {
        case .agentSystem: ["action_guide"]
        case .memoryInjection: ["memories"]
        case .agentTask: ["query", "observation"]
        case .agentObservation: ["observation"]
        case .judgeSystem: []
        case .judgeUser: ["query", "action_history", "final_state", "response"]
        case .extractSuccess, .extractFailure, .induceWorkflow, .extractContrast, .extractRefinement: ["max_items"]
        case .scalingUser: ["query", "trajectories"]
        case .selectBest: ["count"]
        case .checkFirst, .checkAgain: ["observation"]
        case .extractUser: ["query", "trajectory", "outcome", "judge_thoughts"]
        }
    }
}

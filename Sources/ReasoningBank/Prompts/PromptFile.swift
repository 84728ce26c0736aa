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

    /// Placeholders the file must contain, without braces.
    public var requiredPlaceholders: [String] {
        switch self {
        case .agentSystem: ["action_guide"]
        case .memoryInjection: ["memories"]
        case .agentTask: ["query", "observation"]
        case .agentObservation: ["observation"]
        case .judgeSystem: []
        case .judgeUser: ["query", "action_history", "final_state", "response"]
        case .extractSuccess, .extractFailure, .induceWorkflow: ["max_items"]
        case .extractUser: ["query", "trajectory", "outcome", "judge_thoughts"]
        }
    }
}

import Foundation
import ReasoningBank

/// A model that answers every call at once from fixed text: the agent looks around, the judge says
/// success, the extractor returns one item. It stands for a model with zero latency.
struct InstantModel: LanguageModel {
    let descriptor = ModelDescriptor(provider: "bench", model: "instant", isSimulation: true)

    func complete(_ request: ModelRequest) async throws -> ModelResponse {
        let text: String
        switch request.purpose {
        case .agent: text = "Thought: I look at the room once more.\nAction: look()"
        case .judge: text = "Thoughts: The agent finished the task.\nStatus: \"success\""
        default:
            text = """
                # Memory Item 1
                ## Title Look before answering
                ## Description Use when the room is unfamiliar.
                ## Content Look around until the answer is on the page, then finish.
                """
        }
        return ModelResponse(text: text, usage: Usage(inputTokens: 100, outputTokens: 20, calls: 1))
    }
}

/// An environment whose episodes last `steps` steps and answer at once: a zero-latency environment.
struct InstantEnvironment: Environment {
    let name = "instant"
    let actionGuide = "Actions: look() shows the room."
    let steps: Int

    func tasks() async throws -> [TaskSpec] { [] }

    func makeSession(for task: TaskSpec) async throws -> any EnvironmentSession { InstantSession(steps: steps) }
}

/// One episode of `InstantEnvironment`.
actor InstantSession: EnvironmentSession {
    let steps: Int
    private var taken = 0

    init(steps: Int) { self.steps = steps }

    func reset() async throws -> Observation { Observation(text: "A small room with a table.", validActions: ["look()"]) }

    func step(_ action: String) async throws -> StepOutcome {
        taken += 1
        let done = taken >= steps
        return StepOutcome(observation: Observation(text: "Still a small room with a table."), isDone: done, answer: done ? "done" : nil)
    }

    func finalState() async -> String { "The room after \(taken) steps." }
    func evaluate() async throws -> GroundTruth? { nil }
    func close() async {}
}

import Foundation
import ReasoningBank

/// One episode in a child process of a `ProcessEnvironment`.
actor ProcessSession: EnvironmentSession {
    private let task: TaskSpec
    private let channel: ProcessChannel
    private let pool: ChannelPool
    private var closed = false
    /// The `info` of the latest observation, as the environment sent it.
    private(set) var lastInfo: JSONValue?

    init(task: TaskSpec, channel: ProcessChannel, pool: ChannelPool) {
        self.task = task
        self.channel = channel
        self.pool = pool
    }

    func reset() async throws -> Observation {
        let result = try await channel.request(
            "reset", ProtocolMessages.ResetParams(taskId: task.id, query: task.query), as: ProtocolMessages.ResetResult.self)
        lastInfo = result.observation.info
        return result.observation.observation
    }

    func step(_ action: String) async throws -> StepOutcome {
        let result = try await channel.request(
            "step", ProtocolMessages.StepParams(action: action), as: ProtocolMessages.StepResult.self)
        lastInfo = result.observation.info
        return StepOutcome(observation: result.observation.observation, isDone: result.done, answer: result.answer)
    }

    func finalState() async -> String {
        do {
            return try await channel.request("final_state", ProtocolMessages.Empty(), as: ProtocolMessages.FinalStateResult.self)
                .text
        } catch {
            return "(the environment could not report its final state: \(error))"
        }
    }

    func evaluate() async throws -> GroundTruth? {
        let result = try await channel.request("evaluate", ProtocolMessages.Empty(), as: ProtocolMessages.EvaluateResult.self)
        return result.groundTruth.map { GroundTruth(success: $0.success, expected: $0.expected, detail: $0.detail ?? "") }
    }

    /// Hands a healthy child back for the next episode; a broken one was already stopped.
    func close() async {
        guard !closed else { return }
        closed = true
        await pool.giveBack(channel)
    }
}
